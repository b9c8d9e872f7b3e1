// The set-up's staff key step: the housing corporation's public key, which residents' names and
// contacts are sealed to. A kiosk has no file dialog, so the files that may hold it (in the data
// folder and on USB sticks) are listed; a tapped file shows its fingerprint to compare with the
// corporation's letter, or says plainly why it is not a key. Skip goes on without one.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawSetUpStaffKey(ScreenContext& ctx) {
    if (!setUpAllowed(ctx)) return;
    Ui& ui = ctx.ui;
    SetUpFlow& flow = ctx.state.setUp;
    const float width = ctx.contentSize.x;
    const float gap = ui.metrics.gap();
    setUpHeading(ctx, ScreenId::SetUpStaffKey, "setup.key.heading");
    screenText(ctx, ui.tr("setup.key.text"));
    if (ctx.view.staffKey && !flow.key)
        textBlock(ui.fonts.body,
                  std::string(icon::Check) + "  " + ui.format("setup.key.current", {{"fingerprint", keyFingerprint(*ctx.view.staffKey)}}),
                  ui.colours.selected, width);
    ImGui::Dummy(ImVec2(0, gap * 0.5f));

    // [Result] The chosen file's fingerprint, or why it is not a key, or what skipping means.
    if (flow.key) {
        screenText(ctx, ui.tr("setup.key.fingerprint"));
        textBlock(ui.fonts.heading, keyFingerprint(*flow.key), ui.colours.text, width);
        screenText(ctx, ui.tr("setup.key.compare"), true);
    } else if (flow.keyProblemKey) {
        problemText(ctx, ui.tr(flow.keyProblemKey));
    } else if (flow.keySkipped) {
        problemText(ctx, ui.tr(ctx.view.staffKey ? "setup.key.kept" : "setup.key.skipped"));
    }
    ImGui::Dummy(ImVec2(0, gap * 0.5f));

    // [Files] One row each, the file's name and its folder; Search again and Skip below.
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const float half = (width - gap) / 2;
    const float rowHeight = std::max(setUpButtonHeight(ui, icon::Search, ui.tr("setup.key.search"), half),
                                     setUpButtonHeight(ui, icon::Next, ui.tr("setup.key.skip"), half));
    const float controlsTop = bottom - ui.metrics.touchMain() - gap - rowHeight - gap;
    const float listTop = ImGui::GetCursorScreenPos().y;
    if (flow.keyFiles.empty()) {
        screenText(ctx, ui.tr("setup.key.none_found"), true);
    } else if (controlsTop - listTop >= ui.metrics.touchMin()) {
        ctx.pageScroll.begin(ui, "#setup.key.files", ImVec2(width, controlsTop - listTop));
        ImDrawList* list = ImGui::GetWindowDrawList();
        const float pad = ui.mm(3);
        for (std::size_t i = 0; i < flow.keyFiles.size(); ++i) {
            const std::string name = flow.keyFiles[i].filename().string();
            const std::string folder = flow.keyFiles[i].parent_path().string();
            const float nameHeight = measureText(ui.fonts.body, name, width - 2 * pad).y;
            const float height = std::max(ui.metrics.touchMin(), nameHeight + measureText(ui.fonts.body, folder, width - 2 * pad).y + 2 * pad);
            const std::string id = "#setup.key.file." + std::to_string(i);
            ImVec2 min, max;
            bool held = false;
            if (ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held)) ctx.actions.chooseKeyFile = i;
            const bool chosen = flow.keyFile == i;
            if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
            list->AddRect(min, max, chosen ? ui.colours.selected : ui.colours.border, ui.mm(2), 0, ui.mm(chosen ? 0.8f : 0.35f));
            // File names and folders are shown as they are, left to right, in every language.
            drawText(list, ui.fonts.body, ImVec2(min.x + pad, min.y + pad), ui.colours.text, name, width - 2 * pad);
            drawText(list, ui.fonts.body, ImVec2(min.x + pad, min.y + pad + nameHeight), ui.colours.mutedText, folder, width - 2 * pad);
        }
        ctx.pageScroll.end(ui);
    }

    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, controlsTop));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ButtonSpec search;
    search.id = "setup.key.search";
    search.label = ui.tr("setup.key.search");
    search.icon = icon::Search;
    search.size = ImVec2(half, rowHeight);
    ImGui::SetCursorScreenPos(gridCell(origin, 0, 2, search.size, gap));
    if (touchButton(ui, search)) ctx.actions.findKeyFiles = true;
    ButtonSpec skip;
    skip.id = "setup.key.skip";
    skip.label = ui.tr("setup.key.skip");
    skip.icon = icon::Next;
    skip.size = search.size;
    skip.kind = ButtonKind::Secondary;
    ImGui::SetCursorScreenPos(gridCell(origin, 1, 2, search.size, gap));
    if (touchButton(ui, skip)) {
        flow.keySkipped = true;
        flow.key.reset();
        flow.keyFile.reset();
        flow.keyProblemKey = nullptr;
    }
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, origin.y + rowHeight + gap));
    setUpButtons(ctx, ScreenId::SetUpStaffKey, flow.key.has_value() || flow.keySkipped || ctx.view.staffKey.has_value());
}

}  // namespace buurtstem::ui
