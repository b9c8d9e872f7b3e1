// PulseThanks: the scores are stored. The resident hears that it was anonymous and what the
// scores are for, then goes back to the start, where the pulse tile now shows as done.
#include "Screens.h"

namespace buurtstem::ui {

void drawPulseThanks(ScreenContext& ctx) {
    thanksScreen(ctx, {"pulse.thanks.heading", "pulse.thanks.saved", "pulse.thanks.next_heading",
                       "pulse.thanks.next", "pulse.thanks.done"});
}

}  // namespace buurtstem::ui
