// ModerationItem: one new (or approved) idea or initiative as the resident wrote it, with what
// facilitators did to it so far, and the five things a facilitator can do: approve, hide with a
// reason, correct the spelling, merge it into another idea, and classify it.
#include "Screens.h"

#include "InitiativeParts.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

const char* statusKey(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::New: return "moderation.status.new";
        case IdeaStatus::Approved: return "moderation.status.approved";
        case IdeaStatus::Hidden: return "moderation.status.hidden";
    }
    return "moderation.status.new";
}

// What a facilitator set before, in words: "Leefbaarometer: ...; cost ...".
std::string classificationLine(const Ui& ui, const Classification& c) {
    std::string line = ui.tr("moderation.classified");
    if (c.dimension) line += "  " + std::string(ui.tr(dimensionLabelKey(*c.dimension)));
    if (c.costCents) line += "  " + formatEuroCents(*c.costCents);
    for (Partner partner : c.partners) line += "  " + std::string(ui.tr(partnerLabelKey(partner)));
    return line;
}

}  // namespace

const char* dimensionLabelKey(LiveabilityDimension dimension) {
    switch (dimension) {
        case LiveabilityDimension::Housing: return "moderation.dimension.housing";
        case LiveabilityDimension::PhysicalEnvironment: return "moderation.dimension.physical_environment";
        case LiveabilityDimension::Amenities: return "moderation.dimension.amenities";
        case LiveabilityDimension::SocialCohesion: return "moderation.dimension.social_cohesion";
        case LiveabilityDimension::NuisanceAndSafety: return "moderation.dimension.nuisance_and_safety";
    }
    return "moderation.dimension.housing";
}

const char* hideReasonLabelKey(HideReason reason) {
    switch (reason) {
        case HideReason::Insulting: return "moderation.reason.insulting";
        case HideReason::PersonalData: return "moderation.reason.personal_data";
        case HideReason::Advertising: return "moderation.reason.advertising";
        case HideReason::NotForNeighbourhood: return "moderation.reason.not_for_neighbourhood";
        case HideReason::Other: return "moderation.reason.other";
    }
    return "moderation.reason.other";
}

void drawModerationItem(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (ctx.state.facilitator.label.empty()) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    ModerationFlow& flow = ctx.state.moderation;
    if (!ctx.view.moderated) {
        screenText(ctx, ui.tr("moderation.item.gone"));
        return;
    }
    const Idea& idea = *ctx.view.moderated;
    const ModerationRecord& record = ctx.view.moderatedRecord;
    const float width = ImGui::GetContentRegionAvail().x;
    if (flow.doneKey) textBlock(ui.fonts.body, std::string(icon::Check) + "  " + ui.tr(flow.doneKey), ui.colours.selected, width);
    if (flow.problemKey) problemText(ctx, ui.tr(flow.problemKey));
    if (!ctx.view.moderatedFlags.empty()) {
        std::string words;
        for (std::size_t i = 0; i < ctx.view.moderatedFlags.size(); ++i) words += (i ? ", " : "") + ctx.view.moderatedFlags[i];
        problemText(ctx, (std::string(ui.tr("moderation.flagged")) + " " + words).c_str());
    }

    // [Actions] Two rows at the bottom: approve, hide, correct; merge, classify.
    struct Action {
        const char* id;
        const char* icon;
        bool enabled;
    };
    const bool open = record.mergedInto.empty();
    const Action actions[] = {{"moderation.approve", icon::Check, open && idea.status != IdeaStatus::Approved},
                              {"moderation.hide", icon::NotChosen, open && idea.status != IdeaStatus::Hidden},
                              {"moderation.correct", icon::Edit, open},
                              {"moderation.merge", icon::Partners, open && idea.status != IdeaStatus::Hidden},
                              {"moderation.classify", icon::Wrench, open}};
    const float gap = ui.metrics.gap();
    const int columns = 3;
    const float cellWidth = (width - (columns - 1) * gap) / columns;
    float cellHeight = ui.metrics.touchMain();
    for (const Action& action : actions)
        cellHeight = std::max(cellHeight, measureText(ui.fonts.heading, std::string(action.icon) + "  " + ui.tr(action.id), cellWidth - ui.mm(8)).y + ui.mm(6));
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - 2 * cellHeight - gap;

    // [Item] As residents will see it, with what only facilitators see in the footer.
    std::string footer = idea.reference + "   " + ui.tr(statusKey(idea.status)) + "   " +
                         ui.format("moderation.supports", {{"count", std::to_string(idea.supports)}});
    if (idea.kind == IdeaKind::Initiative) footer += "   " + std::string(ui.tr("moderation.kind.initiative")) + " " + formatEuroCents(idea.budgetCents);
    if (record.originalTitle)
        footer += "\n" + std::string(ui.tr("moderation.original")) + " " + *record.originalTitle;
    if (record.classification) footer += "\n" + classificationLine(ui, *record.classification);
    if (record.classification && !record.classification->feasibility.empty()) footer += "\n" + record.classification->feasibility;
    CardContent card{idea.theme, idea.title, idea.body, footer};
    scrollingCard(ctx, card, buttonsTop - gap);

    for (int i = 0; i < static_cast<int>(std::size(actions)); ++i) {
        const Action& action = actions[i];
        ImGui::SetCursorScreenPos(gridCell(ImVec2(ctx.contentMin.x, buttonsTop), i, columns, ImVec2(cellWidth, cellHeight), gap));
        ButtonSpec spec;
        spec.id = action.id;
        spec.icon = action.icon;
        spec.label = ui.tr(action.id);
        spec.size = ImVec2(cellWidth, cellHeight);
        spec.kind = i == 0 ? ButtonKind::Primary : ButtonKind::Secondary;
        spec.enabled = action.enabled;
        if (!touchButton(ui, spec)) continue;
        flow.doneKey = nullptr;
        flow.problemKey = nullptr;
        switch (i) {
            case 0: ctx.actions.approveModerated = true; break;
            case 1: ctx.actions.go = ScreenId::ModerationHide; break;
            case 2:
                flow.focus = ModerationField::Title;
                ctx.actions.go = ScreenId::ModerationCorrect;
                break;
            case 3:
                flow.confirmMerge = false;
                ctx.actions.go = ScreenId::ModerationMerge;
                break;
            default: ctx.actions.go = ScreenId::ModerationClassify; break;
        }
    }
}

}  // namespace buurtstem::ui
