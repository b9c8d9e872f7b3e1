// Pieces the evening screens share: the locked and "no evening yet" states, a field that puts
// the keyboard on one of the facilitator's drafts, the keyboard itself, and the last action's outcome.
#pragma once

#include "InitiativeParts.h"
#include "../widgets/TouchButton.h"

#include <string>

namespace buurtstem::ui {

// Facilitator screens show nothing while locked; true when the caller should return.
bool eveningLocked(ScreenContext& ctx);
// With no evening planned: says so, with a button to plan one. True when the caller should return.
bool eveningMissing(ScreenContext& ctx);
// A labelled field for one of the desk's texts; a tap puts the keyboard on it. `index` is the
// agenda item or option the field belongs to.
void eveningField(ScreenContext& ctx, EveningField field, std::size_t index, const char* id, const char* labelKey,
                  std::string& value, float width = 0, const char* problem = nullptr);
// While a field has the keyboard: that field alone at the top and the keyboard at the bottom
// (digits first for dates, times, minutes and postcodes). True when the caller should return.
bool eveningTyping(ScreenContext& ctx);
// What the last action did (done) or could not do (problem), under the heading.
void eveningOutcome(ScreenContext& ctx);
// The height of eveningButton: a main action, or a line of heading text with room around it.
float buttonHeight(const Ui& ui);
// A button of `height` at the cursor across `width`, with an icon and its label on one line; true when tapped.
bool eveningButton(ScreenContext& ctx, const char* key, const char* iconText, float width, float height,
                   ButtonKind kind = ButtonKind::Secondary, bool enabled = true);
// The translation key of an issue's plain sentence ("evening.problem.title_missing").
const char* eveningProblemKey(EveningProblem problem);
// "19:42" of a store-clock moment, in the kiosk's local time.
std::string localClock(std::uint64_t ms);

}  // namespace buurtstem::ui
