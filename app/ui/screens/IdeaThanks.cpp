// IdeaThanks: the idea is stored. The resident gets a short code and hears what happens next.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawIdeaThanks(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    textBlock(ui.fonts.title, std::string(icon::Check) + "  " + ui.tr("idea.thanks.heading"), ui.colours.selected, width);
    screenText(ctx, ui.tr("idea.thanks.saved"));
    ImGui::Dummy(ImVec2(0, ui.mm(2)));

    screenText(ctx, ui.tr("idea.thanks.code_label"));
    // The code large and boxed, so it can be photographed or written down.
    const std::string& code = ctx.state.idea.submittedReference;
    const ImVec2 size = measureText(ui.fonts.title, code);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float pad = ui.mm(4);
    const ImVec2 max(min.x + size.x + 2 * pad, min.y + size.y + 2 * pad);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, ui.colours.surface, ui.mm(2));
    list->AddRect(min, max, ui.colours.selected, ui.mm(2), 0, ui.mm(0.8f));
    drawText(list, ui.fonts.title, ImVec2(min.x + pad, min.y + pad), ui.colours.text, code);
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
    ui.widgets.add({"#idea.thanks.code", min.x, min.y, max.x, max.y, false, false});
    ImGui::Dummy(ImVec2(0, ui.mm(2)));

    screenHeading(ctx, ui.tr("idea.thanks.next_heading"));
    screenText(ctx, ui.tr("idea.thanks.next"));

    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    ButtonSpec done;
    done.id = "idea.thanks.done";
    done.label = ui.tr("idea.thanks.done");
    done.icon = icon::Home;
    done.size = ImVec2(std::min(width, ui.mm(120)), ui.metrics.touchMain());
    done.kind = ButtonKind::Primary;
    if (touchButton(ui, done)) ctx.actions.home = true;
}

}  // namespace buurtstem::ui
