// Pieces the residents' ballot and the facilitators' paper ballot entry share: what is left to
// give, why a tap was refused, and the round's projects as a list to tap.
#pragma once

#include "Screens.h"

#include <optional>
#include <string>
#include <string_view>

namespace buurtstem::ui {

// What is left to give, in words, for the ballot type ("2 of 3 chosen", "€ 4.000 left", ...).
std::string ballotStatusLine(const Ui& ui, const BudgetRound& round, const BallotDraft& ballot);

// A ballot being filled in by tapping: the draft, the project a points ballot's - and + act on,
// and the last tap that was refused.
struct BallotTaps {
    BallotDraft& ballot;
    std::optional<std::uint32_t>& focus;
    BallotRefusal& refusal;
};

// The round's projects as rows to tap in ctx.pageScroll, from the cursor down to `bottom` (screen
// y), with the refusal and, on a points ballot, - and + for the project last tapped under the
// list. Widget ids start with `idPrefix` ("#ballot": "#ballot.list", "#ballot.project.<id>",
// "#ballot.points.minus"). Returns true when a tap changed the ballot or the focus.
bool ballotProjectList(ScreenContext& ctx, const BudgetRound& round, BallotTaps taps, std::string_view idPrefix, float bottom);

}  // namespace buurtstem::ui
