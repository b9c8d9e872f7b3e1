// The presenter's plain data: the agenda clock and the open round counted as if voting ended now.
#include "PresenterFeed.h"

#include <algorithm>

#include "../core/round/RoundTally.h"
#include "../core/tally/Tally.h"

namespace buurtstem::ui {

AgendaClock agendaClock(const PresenterFeed& feed, std::uint64_t nowMs) {
    AgendaClock clock;
    if (!feed.currentItem || *feed.currentItem >= feed.agenda.size()) return clock;
    clock.running = true;
    constexpr std::int64_t kMinute = 60'000;
    const std::int64_t plannedMs = static_cast<std::int64_t>(feed.agenda[*feed.currentItem].minutes) * kMinute;
    const std::int64_t endMs = static_cast<std::int64_t>(feed.currentStartedMs) + plannedMs;
    const std::int64_t leftMs = endMs - static_cast<std::int64_t>(nowMs);
    if (leftMs > 0) {
        clock.minutesLeft = (leftMs + kMinute - 1) / kMinute;
        // The display changes when the time left passes the next whole minute below it.
        clock.secondsToChange = static_cast<double>(leftMs - (clock.minutesLeft - 1) * kMinute) / 1000.0;
        return clock;
    }
    const std::int64_t overMs = -leftMs;
    clock.overTime = true;
    clock.minutesOver = std::max<std::int64_t>(1, (overMs + kMinute - 1) / kMinute);
    clock.secondsToChange = static_cast<double>(kMinute - overMs % kMinute) / 1000.0;
    return clock;
}

PresenterResults presenterResults(const BudgetRound& round, const std::vector<BallotDraft>& ballots) {
    PresenterResults results;
    results.roundName = round.name;
    results.budgetCents = round.budgetCents;
    results.ballots = static_cast<std::int64_t>(ballots.size());
    results.byPoints = round.ballot == BallotType::Points || round.ballot == BallotType::Ranking;
    const auto project = [&](std::uint32_t index) {
        const RoundProject& source = round.projects[index];
        PresenterProject shown;
        shown.title = source.title;
        shown.theme = source.theme;
        shown.costCents = source.costCents;
        return shown;
    };
    Result<RoundOutcome> counted = tallyRound(round, ballots);
    if (!counted) {
        for (std::uint32_t i = 0; i < round.projects.size(); ++i) results.projects.push_back(project(i));
        return results;
    }
    const tally::TallyResult& result = counted->result;
    results.byPoints = result.byPoints;
    for (const std::uint32_t index : tally::listingOrder(result)) {
        if (index >= round.projects.size() || index >= result.projects.size()) continue;
        PresenterProject shown = project(index);
        const tally::ProjectOutcome& outcome = result.projects[index];
        shown.support = outcome.support;
        shown.supporters = outcome.supporters;
        shown.chosen = outcome.funded;
        if (shown.chosen) {
            ++results.insideLine;
            results.chosenCents += shown.costCents;
        }
        results.projects.push_back(std::move(shown));
    }
    return results;
}

PresenterFeed presenterFeedFor(const EveningSummary& evening) {
    PresenterFeed feed;
    for (const AgendaItem& item : evening.evening.agenda) feed.agenda.push_back({item.title, item.minutes});
    feed.currentItem = evening.runningItem;
    feed.currentStartedMs = evening.runningSinceMs;
    const DotVote* vote = evening.openDotVote();
    if (!vote && !evening.dotVotes.empty()) vote = &evening.dotVotes.back();  // its result stays up after closing
    if (vote) {
        PresenterDotVote shown;
        shown.question = vote->question;
        for (std::size_t i = 0; i < vote->options.size(); ++i)
            shown.options.push_back({vote->options[i], static_cast<int>(i < vote->dots.size() ? vote->dots[i] : 0)});
        feed.dotVote = std::move(shown);
    }
    return feed;
}

}  // namespace buurtstem::ui
