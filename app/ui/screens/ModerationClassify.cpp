// ModerationClassify: the facilitator's judgement of an idea for the staff's integral list, in five
// tabs: theme, partners involved, Leefbaarometer dimension, a cost estimate on the numeric pad
// (cents exact) and a feasibility note on the keyboard. Save keeps all five at once.
#include "Screens.h"

#include "InitiativeParts.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

enum Tab { kTheme, kPartners, kDimension, kCost, kFeasibility };
constexpr int kTabCount = 5;
constexpr const char* kTabKeys[kTabCount] = {"moderation.classify.theme", "moderation.classify.partners",
                                             "moderation.classify.dimension", "moderation.classify.cost",
                                             "moderation.classify.feasibility"};
constexpr const char* kTabIds[kTabCount] = {"#mod.tab.theme", "#mod.tab.partners", "#mod.tab.dimension", "#mod.tab.cost",
                                            "#mod.tab.feasibility"};

// A grid of choice buttons at the cursor, as tall as their labels need. Returns the tapped index.
int choiceGrid(ScreenContext& ctx, const std::vector<std::string>& labels, const std::vector<std::string>& ids,
               const std::vector<bool>& selected, int columns) {
    Ui& ui = ctx.ui;
    const float gap = ui.metrics.gap();
    const float width = ctx.contentSize.x;
    const float cellWidth = (width - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    float cellHeight = ui.metrics.touchMin();
    for (const std::string& label : labels)
        cellHeight = std::max(cellHeight, measureText(ui.fonts.body, label, cellWidth - ui.mm(8)).y + ui.mm(4));
    const ImVec2 origin(ctx.contentMin.x, ImGui::GetCursorScreenPos().y);
    int tapped = -1;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        ImGui::SetCursorScreenPos(gridCell(origin, static_cast<int>(i), columns, ImVec2(cellWidth, cellHeight), gap));
        ButtonSpec chip;
        chip.id = ids[i].c_str();
        chip.label = labels[i].c_str();
        chip.size = ImVec2(cellWidth, cellHeight);
        chip.kind = ButtonKind::Choice;
        chip.selected = selected[i];
        if (touchButton(ui, chip)) tapped = static_cast<int>(i);
    }
    const int rows = (static_cast<int>(labels.size()) + columns - 1) / columns;
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, origin.y + static_cast<float>(rows) * (cellHeight + gap)));
    return tapped;
}

}  // namespace

void drawModerationClassify(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (ctx.state.facilitator.label.empty() || !ctx.view.moderated) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    ModerationFlow& flow = ctx.state.moderation;
    Classification& c = flow.classification;
    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    textBlock(ui.fonts.body, ctx.view.moderated->reference + "   " + ctx.view.moderated->title, ui.colours.mutedText, width);
    if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));

    // [Tabs] One row; labels wrap rather than shrink the targets.
    const float tabWidth = (width - (kTabCount - 1) * gap) / kTabCount;
    float tabHeight = ui.metrics.touchMin();
    for (const char* key : kTabKeys) tabHeight = std::max(tabHeight, measureText(ui.fonts.body, ui.tr(key), tabWidth - ui.mm(6)).y + ui.mm(4));
    const float tabsTop = ImGui::GetCursorScreenPos().y + ui.mm(1);
    const std::size_t tab = std::min<std::size_t>(flow.classifyTab, kTabCount - 1);
    for (int i = 0; i < kTabCount; ++i) {
        ImGui::SetCursorScreenPos(gridCell(ImVec2(ctx.contentMin.x, tabsTop), i, kTabCount, ImVec2(tabWidth, tabHeight), gap));
        ButtonSpec spec;
        spec.id = kTabIds[i];
        spec.label = ui.tr(kTabKeys[i]);
        spec.size = ImVec2(tabWidth, tabHeight);
        spec.kind = ButtonKind::Choice;
        spec.selected = static_cast<std::size_t>(i) == tab;
        if (touchButton(ui, spec)) {
            flow.classifyTab = static_cast<std::size_t>(i);
            flow.problemKey = nullptr;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, tabsTop + tabHeight + 2 * gap));

    std::vector<std::string> labels, ids;
    std::vector<bool> selected;
    switch (tab) {
        case kTheme: {
            for (Theme theme : kAllThemes) {
                labels.push_back(std::string(themeIcon(theme)) + "  " + ui.tr(themeLabelKey(theme)));
                ids.push_back("#mod.theme." + std::string(themeId(theme)));
                selected.push_back(c.theme == theme);
            }
            const int tapped = choiceGrid(ctx, labels, ids, selected, 4);
            if (tapped >= 0) c.theme = kAllThemes[static_cast<std::size_t>(tapped)];
            break;
        }
        case kPartners: {
            for (Partner partner : kAllPartners) {
                const bool on = std::find(c.partners.begin(), c.partners.end(), partner) != c.partners.end();
                labels.push_back(std::string(on ? icon::Ticked : icon::Unticked) + "  " + ui.tr(partnerLabelKey(partner)));
                ids.push_back("#mod.partner." + std::string(partnerId(partner)));
                selected.push_back(on);
            }
            const int tapped = choiceGrid(ctx, labels, ids, selected, 3);
            if (tapped >= 0) {
                const Partner partner = kAllPartners[static_cast<std::size_t>(tapped)];
                const auto at = std::find(c.partners.begin(), c.partners.end(), partner);
                if (at == c.partners.end())
                    c.partners.push_back(partner);
                else
                    c.partners.erase(at);
            }
            break;
        }
        case kDimension: {
            for (LiveabilityDimension dimension : kAllDimensions) {
                labels.push_back(ui.tr(dimensionLabelKey(dimension)));
                ids.push_back("#mod.dimension." + std::string(dimensionId(dimension)));
                selected.push_back(c.dimension == dimension);
            }
            const int tapped = choiceGrid(ctx, labels, ids, selected, 3);
            if (tapped >= 0) {
                const LiveabilityDimension dimension = kAllDimensions[static_cast<std::size_t>(tapped)];
                if (c.dimension == dimension)
                    c.dimension.reset();  // a second tap leaves it open
                else
                    c.dimension = dimension;
            }
            screenText(ctx, ui.tr("moderation.classify.dimension_hint"), true);
            break;
        }
        case kCost: {
            // The pad beside the amount, so both fit above the fold in large text too.
            const std::string shown = flow.costText.empty() ? std::string(ui.tr("moderation.classify.no_cost"))
                                                            : std::string(icon::Euro) + "  " + flow.costText;
            textBlock(ui.fonts.title, shown, flow.costText.empty() ? ui.colours.mutedText : ui.colours.text, width);
            const float padWidth = std::min(width, ui.mm(130));  // four keys of at most 30 mm
            const float padTop = ctx.contentMin.y + ctx.contentSize.y - numericPadHeight(ui);
            ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x + (rightToLeft() ? 0.0f : width - padWidth), std::max(padTop, ImGui::GetCursorScreenPos().y)));
            NumericPadOptions options;
            options.maxCents = kCostEstimateMaxCents;
            options.doneKey = "moderation.classify.done";  // short: the pad's keys are narrow
            if (numericPad(ui, flow.costText, options, padWidth) == PadEvent::Done) ctx.actions.classifyModerated = true;
            return;
        }
        default: {
            TextFieldSpec note;
            note.id = "#mod.feasibility";
            note.label = ui.tr("moderation.classify.feasibility_label");
            note.placeholder = ui.tr("moderation.classify.feasibility_placeholder");
            note.text = &c.feasibility;
            note.focused = true;
            note.maxCodePoints = kFeasibilityNoteMax;
            const float keyboardTop = ctx.contentMin.y + ctx.contentSize.y - ctx.keyboard.height(ui);
            const float lineHeight = ui.fonts.body->FontSize;
            note.height = std::clamp(keyboardTop - ImGui::GetCursorScreenPos().y - lineHeight - ui.mm(1) - 3 * gap,
                                     lineHeight + ui.mm(6), 4 * lineHeight + ui.mm(6));
            textField(ui, note);
            ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, keyboardTop));
            KeyboardOptions options;
            options.maxCodePoints = kFeasibilityNoteMax;
            options.doneKey = "moderation.save";
            options.native = lettersFor(ui.translator->language().code);
            if (ctx.keyboard.draw(ui, c.feasibility, options, width) == KeyboardEvent::Done) ctx.actions.classifyModerated = true;
            return;
        }
    }

    ButtonSpec back;
    back.id = "moderation.back";
    back.label = ui.tr("moderation.back");
    back.icon = icon::Back;
    ButtonSpec save;
    save.id = "moderation.save";
    save.label = ui.tr("moderation.save");
    save.icon = icon::Check;
    save.kind = ButtonKind::Primary;
    const ButtonPair tapped = bottomButtons(ctx, back, save);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary) ctx.actions.classifyModerated = true;
}

}  // namespace buurtstem::ui
