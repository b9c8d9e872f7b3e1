// MeetingNeedsThanks: the needs are stored. The resident hears that it was anonymous and what
// the facilitator does with them (plans the next evening), then goes back to the start.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawMeetingNeedsThanks(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    textBlock(ui.fonts.title, std::string(icon::Check) + "  " + ui.tr("needs.thanks.heading"), ui.colours.selected, width);
    screenText(ctx, ui.tr("needs.thanks.saved"));
    ImGui::Dummy(ImVec2(0, ui.mm(2)));
    screenHeading(ctx, ui.tr("needs.thanks.next_heading"));
    screenText(ctx, ui.tr("needs.thanks.next"));

    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const float buttonWidth = std::min(width, ui.mm(120));
    const float x = rightToLeft() ? ctx.contentMin.x + width - buttonWidth : ctx.contentMin.x;
    ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    ButtonSpec done;
    done.id = "needs.thanks.done";
    done.label = ui.tr("needs.thanks.done");
    done.icon = icon::Home;
    done.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    done.kind = ButtonKind::Primary;
    if (touchButton(ui, done)) ctx.actions.home = true;
}

}  // namespace buurtstem::ui
