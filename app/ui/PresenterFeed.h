// What the presenter screen (the projector at a residents' evening) shows: the evening's own
// part (agenda, current item, dot vote), filled by whoever runs the evening, and what KioskApp
// reads for it from storage (live results of the open round, what we heard). Plain data; the
// Presenter*.cpp screens only draw it.
#pragma once

#include "../core/Evening.h"
#include "../core/MeetingNeed.h"
#include "../core/Pulse.h"
#include "../core/Theme.h"
#include "../core/round/BudgetRound.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

// [SECTION] The evening's part

struct PresenterAgendaItem {
    std::string title;  // "Welkom en voorstelronde"
    int minutes = 0;    // = 0 // planned length
};

struct PresenterDotOption {
    std::string label;
    int dots = 0;  // = 0 // stickers (dots) residents put on it so far
};

// Stickers on a sheet (stippen plakken): a question, its options and their dots.
struct PresenterDotVote {
    std::string question;
    std::vector<PresenterDotOption> options;
};

struct PresenterFeed {
    std::vector<PresenterAgendaItem> agenda;           // empty: no agenda panel
    std::optional<std::size_t> currentItem;   // = nullopt // index into `agenda`; nullopt: not started yet
    std::uint64_t currentStartedMs = 0;       // = 0 // when the current item began (ms since the Unix epoch, the store's clock)
    std::optional<PresenterDotVote> dotVote;           // = nullopt // no dot vote panel
};

// The current agenda item's clock.
struct AgendaClock {
    bool running = false;          // = false // an item is current
    std::int64_t minutesLeft = 0;  // = 0 // whole minutes left, rounded up (1 in the last minute)
    bool overTime = false;         // = false // the item's time has passed
    std::int64_t minutesOver = 0;  // = 0 // whole minutes over, rounded up (at least 1 once over)
    double secondsToChange = 0;    // = 0 // until minutesLeft or minutesOver next changes
};

// The evening's part of the presenter as the evening's data has it: its agenda, the item that
// runs and since when, and the open dot vote (or, when none is open, the one opened last).
PresenterFeed presenterFeedFor(const EveningSummary& evening);

// The current item's clock at `nowMs`.
AgendaClock agendaClock(const PresenterFeed& feed, std::uint64_t nowMs);

// [SECTION] What KioskApp reads for it

struct PresenterProject {
    std::string title;
    Theme theme = Theme::Other;
    std::int64_t costCents = 0;
    std::int64_t support = 0;       // = 0 // votes, or points (byPoints)
    std::uint32_t supporters = 0;   // = 0 // ballots that chose it
    bool chosen = false;            // = false // inside the budget line if voting ended now
};

// The open round as it would end now, by its own counting rule.
struct PresenterResults {
    std::string roundName;
    std::int64_t budgetCents = 0;
    std::int64_t ballots = 0;
    bool byPoints = false;                   // = false // support counts points, not votes
    std::vector<PresenterProject> projects;  // the chosen ones first (in the order chosen), then by support
    std::size_t insideLine = 0;              // = 0 // how many of `projects` are chosen: the budget line lies after them
    std::int64_t chosenCents = 0;            // = 0 // what the chosen ones cost together
};

// Counts `ballots` of `round` with tallyRound. A round that cannot be counted yet (Equal Shares
// without ballots) lists its projects with no support and nothing inside the line.
PresenterResults presenterResults(const BudgetRound& round, const std::vector<BallotDraft>& ballots);

struct PresenterView {
    PresenterFeed feed;
    std::optional<PresenterResults> results;  // = nullopt // no round open
    std::array<std::int64_t, kAllThemes.size()> ideasPerTheme{};  // approved ideas and initiatives, in kAllThemes order
    MeetingNeedSummary needs;
    PulseSummary pulse;
};

}  // namespace buurtstem::ui
