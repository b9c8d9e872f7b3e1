// MeetingNeedsThanks: the needs are stored. The resident hears that it was anonymous and what
// the facilitator does with them (plans the next evening), then goes back to the start.
#include "Screens.h"

namespace buurtstem::ui {

void drawMeetingNeedsThanks(ScreenContext& ctx) {
    thanksScreen(ctx, {"needs.thanks.heading", "needs.thanks.saved", "needs.thanks.next_heading",
                       "needs.thanks.next", "needs.thanks.done"});
}

}  // namespace buurtstem::ui
