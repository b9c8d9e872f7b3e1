// IdeaThanks: the idea is stored. The resident gets a short code and hears what happens next.
// An initiative's thank-you screen is the same with its own words.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void referenceThanksScreen(ScreenContext& ctx, const ReferenceThanksText& text) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    textBlock(ui.fonts.title, std::string(icon::Check) + "  " + ui.tr(text.heading), ui.colours.selected, width);
    screenText(ctx, ui.tr(text.saved));
    ImGui::Dummy(ImVec2(0, ui.mm(2)));

    screenText(ctx, ui.tr(text.codeLabel));
    // The code large and boxed, so it can be photographed or written down.
    const std::string_view code = text.code;
    const ImVec2 size = measureText(ui.fonts.title, code);
    // On the side the text starts from, like the words above it.
    const ImVec2 cursor = ImGui::GetCursorScreenPos();
    const float boxWidth = size.x + 2 * ui.mm(4);
    const ImVec2 min(rightToLeft() ? cursor.x + width - boxWidth : cursor.x, cursor.y);
    const float pad = ui.mm(4);
    const ImVec2 max(min.x + size.x + 2 * pad, min.y + size.y + 2 * pad);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, ui.colours.surface, ui.mm(2));
    list->AddRect(min, max, ui.colours.selected, ui.mm(2), 0, ui.mm(0.8f));
    drawText(list, ui.fonts.title, ImVec2(min.x + pad, min.y + pad), ui.colours.text, code);
    ImGui::Dummy(ImVec2(max.x - min.x, max.y - min.y));
    ui.widgets.add({"#idea.thanks.code", min.x, min.y, max.x, max.y, false, false});
    ImGui::Dummy(ImVec2(0, ui.mm(2)));

    screenHeading(ctx, ui.tr(text.nextHeading));
    screenText(ctx, ui.tr(text.next));

    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const float doneWidth = std::min(width, ui.mm(120));
    ImGui::SetCursorScreenPos(ImVec2(rightToLeft() ? ctx.contentMin.x + width - doneWidth : ctx.contentMin.x,
                                     std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    ButtonSpec done;
    done.id = text.done;
    done.label = ui.tr(text.done);
    done.icon = icon::Home;
    done.size = ImVec2(doneWidth, ui.metrics.touchMain());
    done.kind = ButtonKind::Primary;
    if (touchButton(ui, done)) ctx.actions.home = true;
}

void drawIdeaThanks(ScreenContext& ctx) {
    referenceThanksScreen(ctx, {{"idea.thanks.heading", "idea.thanks.saved", "idea.thanks.next_heading", "idea.thanks.next",
                                 "idea.thanks.done"},
                                "idea.thanks.code_label", ctx.state.idea.submittedReference});
}

void drawInitiativeThanks(ScreenContext& ctx) {
    referenceThanksScreen(ctx, {{"initiative.thanks.heading", "initiative.thanks.saved", "idea.thanks.next_heading",
                                 "initiative.thanks.next", "idea.thanks.done"},
                                "initiative.thanks.code_label", ctx.state.idea.submittedReference});
}

}  // namespace buurtstem::ui
