// A budget round as an Election, and its count (see RoundTally.h).
#include "RoundTally.h"

#include "../CivilDate.h"

#include <cstdio>

namespace buurtstem {

namespace {

using tally::Election;
using tally::VoteType;

// 1234567 cents -> "12345.67": Pabulib amounts are plain decimals.
std::string decimalAmount(std::int64_t cents) {
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(cents / 100), static_cast<long long>(cents % 100));
    return text;
}

std::string pabulibDate(std::uint64_t ms) {  // dd.mm.yyyy, the local day
    const CivilDate date = localDate(ms);
    char text[16];
    std::snprintf(text, sizeof text, "%02d.%02d.%04d", date.day, date.month, date.year);
    return text;
}

VoteType voteTypeOf(BallotType ballot) {
    switch (ballot) {
        case BallotType::Approval:
        case BallotType::Budget: return VoteType::Approval;
        case BallotType::Points: return VoteType::Cumulative;
        case BallotType::Ranking: return VoteType::Ordinal;
    }
    return VoteType::Approval;
}

// Pabulib's names for rules: greedy, greedy-no-skip, equalshares, equalshares/add1.
std::string pabulibRule(const CountingRule& counting) {
    if (counting.rule != "mes") return counting.rule;
    std::string rule = "equalshares";
    if (counting.completion != "none") rule += "/" + counting.completion;
    return rule;
}

}  // namespace

std::vector<std::int64_t> rankingPoints(const BudgetRound& round) {
    const std::size_t places = round.limits.maxChoices > 0
                                   ? std::min(static_cast<std::size_t>(round.limits.maxChoices), round.projects.size())
                                   : round.projects.size();
    std::vector<std::int64_t> points;
    for (std::size_t place = 0; place < places; ++place) points.push_back(static_cast<std::int64_t>(places - place));
    return points;
}

Election roundElection(const BudgetRound& round, const std::vector<BallotDraft>& ballots, const std::string& neighbourhood) {
    Election election;
    election.voteType = voteTypeOf(round.ballot);
    election.budget = round.budgetCents;
    const auto meta = [&](std::string key, std::string value) { election.meta.emplace_back(std::move(key), std::move(value)); };
    meta("description", round.name);
    meta("country", "Netherlands");
    if (!neighbourhood.empty()) meta("unit", neighbourhood);
    meta("instance", std::to_string(localDate(round.opensMs).year));
    meta("num_projects", std::to_string(round.projects.size()));
    meta("num_votes", std::to_string(ballots.size()));
    meta("budget", decimalAmount(round.budgetCents));
    meta("vote_type", std::string(tally::voteTypeId(election.voteType)));
    meta("rule", pabulibRule(round.counting));
    meta("date_begin", pabulibDate(round.opensMs));
    meta("date_end", pabulibDate(round.closesMs > round.opensMs ? round.closesMs - 1 : round.opensMs));
    meta("min_length", "1");
    switch (round.ballot) {
        case BallotType::Approval:
        case BallotType::Ranking:
            if (round.limits.maxChoices > 0) meta("max_length", std::to_string(round.limits.maxChoices));
            break;
        case BallotType::Budget: meta("max_sum_cost", decimalAmount(round.budgetCents)); break;
        case BallotType::Points:
            meta("max_sum_points", std::to_string(round.limits.totalPoints));
            meta("max_points", std::to_string(round.limits.maxPointsPerProject));
            break;
    }
    if (round.ballot == BallotType::Ranking) {
        std::string points;
        for (const std::int64_t p : rankingPoints(round)) points += (points.empty() ? "" : ",") + std::to_string(p);
        meta("rank_points", points);
    }
    if (round.counting.rule == "mes") meta("utility", round.counting.utility);
    if (round.counting.compareGreedy) meta("comparison", "greedy");
    meta("currency", "EUR");
    meta("language", "nl");

    for (const RoundProject& project : round.projects) {
        tally::Project out;
        out.id = project.id;
        out.cost = project.costCents;
        out.name = project.title;
        out.extra.emplace_back("category", std::string(themeId(project.theme)));
        election.projects.push_back(std::move(out));
    }
    tally::Ballots& out = election.ballots;
    const bool points = round.ballot == BallotType::Points;
    for (std::size_t b = 0; b < ballots.size(); ++b) {
        const BallotDraft& ballot = ballots[b];
        for (std::size_t i = 0; i < ballot.projects.size(); ++i) {
            out.projects.push_back(ballot.projects[i]);
            if (points) out.points.push_back(i < ballot.points.size() ? ballot.points[i] : 0);
        }
        out.ballotStart.push_back(static_cast<std::uint32_t>(out.projects.size()));
        out.voterIds.push_back(std::to_string(b + 1));
    }
    return election;
}

tally::TallyOptions roundTallyOptions(const BudgetRound& round) {
    tally::TallyOptions options;
    options.rule = tally::ruleFromId(round.counting.rule).value_or(tally::Rule::Greedy);
    options.utility = tally::utilityFromId(round.counting.utility).value_or(tally::Utility::Cost);
    options.completion = tally::completionFromId(round.counting.completion).value_or(tally::Completion::None);
    options.compareWithGreedy = round.counting.compareGreedy;
    if (round.ballot == BallotType::Ranking) options.rankPoints = rankingPoints(round);
    return options;
}

Result<RoundOutcome> tallyRound(const BudgetRound& round, const std::vector<BallotDraft>& ballots,
                                const std::string& neighbourhood) {
    RoundOutcome outcome;
    outcome.election = roundElection(round, ballots, neighbourhood);
    Result<tally::TallyResult> result = tally::tallyElection(outcome.election, roundTallyOptions(round));
    if (!result) return result.error();
    outcome.result = std::move(result).value();
    return outcome;
}

}  // namespace buurtstem
