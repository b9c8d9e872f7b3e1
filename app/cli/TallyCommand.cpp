// `buurtstem tally`: reads a Pabulib file or a round of the kiosk's database, counts it with
// app/core's tally and turns the core's explanation data (a reason and its numbers) into English
// sentences or a JSON object.
#include "TallyCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../core/round/RoundTally.h"
#include "../core/tally/Pabulib.h"
#include "../core/tally/Tally.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace buurtstem::cli {

namespace {

using namespace tally;

// [SECTION] Rules in words

std::string ruleTitle(Rule rule, Utility utility, Completion completion) {
    switch (rule) {
        case Rule::Greedy: return "greedy by support";
        case Rule::GreedyNoSkip: return "greedy by support, without skipping";
        case Rule::EqualShares: break;
    }
    std::string title = "Method of Equal Shares with ";
    title += utility == Utility::Cost ? "cost" : "cardinality";
    title += " utilities";
    if (completion == Completion::Add1) title += ", add1 completion";
    if (completion == Completion::Add1Utilitarian) title += ", add1u completion";
    return title;
}

std::string ruleTitle(const TallyResult& result) { return ruleTitle(result.rule, result.utility, result.completion); }

std::string pointsList(const std::vector<std::int64_t>& points) {
    std::string list;
    for (std::size_t i = 0; i < points.size(); ++i) list += (i > 0 ? ", " : "") + number(points[i]);
    return list;
}

// The whole way of counting, for saying how a "what if" count differs from the announced one.
std::string countingTitle(const TallyOptions& options) {
    std::string title = ruleTitle(options.rule, options.utility, options.completion);
    if (options.rule == Rule::EqualShares && options.compareWithGreedy) title += ", compared with greedy";
    if (!options.rankPoints.empty()) title += ", ranked places worth " + pointsList(options.rankPoints) + " points";
    return title;
}

bool sameCounting(const TallyOptions& a, const TallyOptions& b) {
    if (a.rule != b.rule || a.rankPoints != b.rankPoints) return false;
    return a.rule != Rule::EqualShares ||
           (a.utility == b.utility && a.completion == b.completion && a.compareWithGreedy == b.compareWithGreedy);
}

std::string tieBreak(Rule rule) {
    return rule == Rule::EqualShares
               ? "equal value: lower cost, then higher support, then the order of the projects in the file"
               : "equal support: lower cost, then the order of the projects in the file";
}

// [SECTION] Explanations in words

std::string explain(const Election& election, const ProjectOutcome& project, const std::string& unitName,
                    bool byPoints) {
    const auto other = [&]() { return project.other ? election.projects[*project.other].id : std::string("?"); };
    const std::string each = byPoints ? " per point" : " each";
    switch (project.reason) {
        case Reason::NoSupport: return "Nobody voted for it.";
        case Reason::BelowThreshold:
            return "Its support of " + number(project.support) + " is below the threshold of " + number(project.threshold) + ".";
        case Reason::FundedInTurn:
            return "Funded as number " + number(project.rank) + " by support (" + number(project.support) + "); " +
                   money(project.budgetLeft) + unitName + " of the budget was still free.";
        case Reason::DidNotFit:
            return "Its turn came as number " + number(project.rank) + ", but only " + money(project.budgetLeft) + unitName +
                   " of the budget was left, less than its cost.";
        case Reason::CountingStopped:
            return "Counting stopped at project " + other() + ", which did not fit the budget.";
        case Reason::FundedByEqualShares: {
            std::string text = project.payers == project.supporters
                                   ? "Its " + number(project.payers) + " supporters paid for it together: "
                                   : number(project.payers) + " of its " + number(project.supporters) +
                                         " supporters still had money and paid for it together: ";
            const std::uint32_t full = project.payers - project.paidAllTheyHad;
            text += number(full) + " paid " + money(project.share) + unitName + each;
            if (project.paidAllTheyHad > 0)
                text += ", " + number(project.paidAllTheyHad) + " paid less: all they had left";
            return text + ".";
        }
        case Reason::SupportersOutOfMoney: {
            std::string text = "Its " + number(project.supporters) + " supporters had " + money(project.supportersStart) +
                               unitName + " together at the start";
            if (!project.other) return text + ", less than its cost: too few votes for what it costs.";
            text += "; " + money(project.supportersStart - project.supportersLeft) + unitName +
                    " went to projects they also voted for, most to " + other() + " (" + money(project.otherTook) + unitName +
                    " from " + number(project.otherPayers) + " of them), and the " + money(project.supportersLeft) + unitName +
                    " left was less than its cost.";
            return text;
        }
        case Reason::FundedByCompletion:
            return "Funded from what Equal Shares left, by support (" + number(project.support) + "); " +
                   money(project.budgetLeft) + unitName + " was still free.";
    }
    return {};
}


// [SECTION] Output

// `title` names what was counted (the file or the round); `notes` are lines printed under it.
void printText(const std::string& title, const std::vector<std::string>& notes, const Election& election,
               const TallyResult& result, const std::vector<std::int64_t>& rankPoints) {
    const std::string currency(election.metaValue("currency").value_or(""));
    const std::string unitName = currency.empty() ? "" : " " + currency;
    std::printf("%s: %s\n", title.c_str(), ruleTitle(result).c_str());
    for (const std::string& note : notes) std::printf("%s\n", note.c_str());
    std::printf("Budget %s%s, %s ballots (%s).\n", money(result.budget).c_str(), unitName.c_str(),
                number(result.voters).c_str(), std::string(voteTypeId(election.voteType)).c_str());
    if (!rankPoints.empty())
        std::printf("A ranked ballot gives %s points to its first, second, ... place.\n", pointsList(rankPoints).c_str());
    if (result.threshold) std::printf("Only projects with support of at least %s count.\n", number(*result.threshold).c_str());
    if (result.rule == Rule::EqualShares) {
        if (result.completion == Completion::None)
            std::printf("Each voter started with %s%s.\n", money(result.startMoney).c_str(), unitName.c_str());
        else
            std::printf("Each voter started with %s%s, after %s whole units were added by the completion.\n",
                        money(result.startMoney).c_str(), unitName.c_str(), number(result.completionSteps).c_str());
    }
    if (result.comparison) {
        const Comparison& comparison = *result.comparison;
        std::printf("Comparison: %s voters prefer the greedy outcome, %s the Equal Shares outcome: %s.\n",
                    number(comparison.prefersGreedy).c_str(), number(comparison.prefersEqualShares).c_str(),
                    comparison.greedyWon ? "greedy wins" : "Equal Shares stays");
    }
    const std::int64_t permille = result.budget > 0 ? result.spent * 1000 / result.budget : 0;
    std::printf("Funded %zu projects for %s%s (%" PRId64 ".%" PRId64 "%% of the budget).\n", result.winners.size(),
                money(result.spent).c_str(), unitName.c_str(), permille / 10, permille % 10);
    std::printf("Ties: %s.\n\n", tieBreak(result.rule).c_str());

    std::printf("%4s  %-12s %16s %10s  %-6s %s\n", "#", "Project", "Cost", "Support", "Funded", "Name");
    for (const std::uint32_t p : listingOrder(result)) {
        const ProjectOutcome& outcome = result.projects[p];
        const Project& project = election.projects[p];
        const std::string place = outcome.funded ? std::to_string(outcome.selectedAs) : "";
        std::printf("%4s  %-12s %16s %10s  %-6s %s\n", place.c_str(), shortened(project.id, 12).c_str(),
                    money(project.cost).c_str(), number(outcome.support).c_str(), outcome.funded ? "yes" : "no",
                    shortened(project.name, 48).c_str());
        std::printf("      %s\n", explain(election, outcome, unitName, result.byPoints).c_str());
    }
}

// `head` are the first fields, as name and JSON value: what was counted (the file or the round).
using JsonFields = std::vector<std::pair<std::string, std::string>>;
void printJson(const JsonFields& head, const Election& election, const TallyResult& result,
               const std::vector<std::int64_t>& rankPoints) {
    const auto ids = [&](const std::vector<std::uint32_t>& projects) {
        std::string list = "[";
        for (std::size_t i = 0; i < projects.size(); ++i)
            list += (i > 0 ? ", " : "") + jsonString(election.projects[projects[i]].id);
        return list + "]";
    };
    std::string out = "{\n";
    const auto field = [&](const std::string& name, const std::string& value) {
        out += "  " + jsonString(name) + ": " + value + ",\n";
    };
    for (const auto& [name, value] : head) field(name, value);
    field("rule", jsonString(ruleId(result.rule)));
    if (result.rule == Rule::EqualShares) {
        field("utility", jsonString(utilityId(result.utility)));
        field("completion", jsonString(completionId(result.completion)));
        field("start_money", money(result.startMoney, false));
        field("completion_steps", std::to_string(result.completionSteps));
    }
    if (result.threshold) field("threshold", std::to_string(*result.threshold));
    field("tie_break", jsonString(tieBreak(result.rule)));
    field("vote_type", jsonString(voteTypeId(election.voteType)));
    if (!rankPoints.empty()) {
        std::string list = "[";
        for (std::size_t i = 0; i < rankPoints.size(); ++i) list += (i > 0 ? ", " : "") + std::to_string(rankPoints[i]);
        field("rank_points", list + "]");
    }
    if (const auto currency = election.metaValue("currency")) field("currency", jsonString(*currency));
    field("voters", std::to_string(result.voters));
    field("budget", money(result.budget, false));
    field("spent", money(result.spent, false));
    field("winners", ids(result.winners));
    if (result.comparison) {
        const Comparison& comparison = *result.comparison;
        field("comparison", "{\"prefers_greedy\": " + std::to_string(comparison.prefersGreedy) +
                                ", \"prefers_equal_shares\": " + std::to_string(comparison.prefersEqualShares) +
                                ", \"greedy_won\": " + (comparison.greedyWon ? "true" : "false") +
                                ", \"equal_shares_winners\": " + ids(comparison.equalSharesWinners) +
                                ", \"greedy_winners\": " + ids(comparison.greedyWinners) + "}");
    }
    out += "  \"projects\": [";
    for (std::uint32_t p = 0; p < result.projects.size(); ++p) {
        const ProjectOutcome& o = result.projects[p];
        const Project& project = election.projects[p];
        out += p > 0 ? ",\n    {" : "\n    {";
        out += "\"id\": " + jsonString(project.id) + ", \"name\": " + jsonString(project.name) +
               ", \"cost\": " + money(project.cost, false) + ", \"support\": " + std::to_string(o.support) +
               ", \"supporters\": " + std::to_string(o.supporters) + ", \"funded\": " + (o.funded ? "true" : "false") +
               ", \"reason\": " + jsonString(reasonId(o.reason));
        if (o.funded) out += ", \"selected_as\": " + std::to_string(o.selectedAs);
        if (o.rank > 0) out += ", \"rank\": " + std::to_string(o.rank);
        switch (o.reason) {
            case Reason::FundedInTurn:
            case Reason::DidNotFit:
            case Reason::FundedByCompletion: out += ", \"budget_left\": " + money(o.budgetLeft, false); break;
            case Reason::BelowThreshold: out += ", \"threshold\": " + std::to_string(o.threshold); break;
            case Reason::FundedByEqualShares:
                out += ", \"payers\": " + std::to_string(o.payers) + ", \"paid_all_they_had\": " +
                       std::to_string(o.paidAllTheyHad) + ", \"share\": " + money(o.share, false);
                break;
            case Reason::SupportersOutOfMoney:
                out += ", \"supporters_start\": " + money(o.supportersStart, false) +
                       ", \"supporters_left\": " + money(o.supportersLeft, false);
                if (o.other)
                    out += ", \"other\": " + jsonString(election.projects[*o.other].id) + ", \"other_took\": " +
                           money(o.otherTook, false) + ", \"other_payers\": " + std::to_string(o.otherPayers);
                break;
            case Reason::CountingStopped: out += ", \"other\": " + jsonString(election.projects[*o.other].id); break;
            case Reason::NoSupport: break;
        }
        out += ", \"explanation\": " + jsonString(explain(election, o, "", result.byPoints)) + "}";
    }
    out += "\n  ]\n}\n";
    std::fputs(out.c_str(), stdout);
}

// "3,2,1" -> {3, 2, 1}: positive whole numbers, none larger than the one before.
std::optional<std::vector<std::int64_t>> parseRankPoints(std::string_view text) {
    std::vector<std::int64_t> points;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (error != std::errc{} || end != item.data() + item.size() || value <= 0 || value > 1'000'000'000 ||
            (!points.empty() && value > points.back()))
            return std::nullopt;
        points.push_back(value);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
        if (text.empty()) return std::nullopt;
    }
    if (points.empty()) return std::nullopt;
    return points;
}

// [SECTION] Counting a round of the kiosk's database

int tallyRound(const TallyCommandOptions& options, const std::vector<std::int64_t>* rankPoints) {
    const bool ruleGiven = !options.rule.empty();
    const bool mesOptionGiven = options.utilityGiven || options.completionGiven || options.compareWithGreedy;
    if (ruleGiven && options.rule != "mes" && mesOptionGiven) {
        std::fprintf(stderr, "buurtstem tally: --utility, --completion and --compare-greedy go with --rule mes only\n");
        return kExitUsage;
    }
    const std::filesystem::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Read, opened); failed != kExitOk) return failed;
    const storage::KioskStore& store = *opened.store;
    const std::optional<BudgetRound> round = store.round(options.roundId);
    if (!round) {
        if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
        std::fprintf(stderr, "buurtstem tally: there is no round %s in %s (`buurtstem round list` shows the rounds)\n",
                     options.roundId.c_str(), dataDir.c_str());
        return kExitNoSuchRound;
    }
    const std::vector<BallotDraft> ballots = store.roundBallots(round->id);
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);

    // --rule counts afresh, as for a file; without it the announced counting stands and each
    // other option given replaces its part.
    const TallyOptions announced = roundTallyOptions(*round);
    TallyOptions counted = announced;
    if (ruleGiven) {
        counted = TallyOptions{};
        counted.rule = *ruleFromId(options.rule);
        counted.utility = *utilityFromId(options.utility);
        counted.completion = *completionFromId(options.completion);
        counted.compareWithGreedy = options.compareWithGreedy;
        counted.rankPoints = announced.rankPoints;
    } else {
        if (counted.rule != Rule::EqualShares && mesOptionGiven) {
            std::fprintf(stderr,
                         "buurtstem tally: --utility, --completion and --compare-greedy go with the Method of Equal Shares "
                         "only; this round is counted %s (add --rule mes to count it otherwise)\n",
                         ruleTitle(counted.rule, counted.utility, counted.completion).c_str());
            return kExitUsage;
        }
        if (options.utilityGiven) counted.utility = *utilityFromId(options.utility);
        if (options.completionGiven) counted.completion = *completionFromId(options.completion);
        if (options.compareWithGreedy) counted.compareWithGreedy = true;
    }
    if (rankPoints) counted.rankPoints = *rankPoints;
    if (counted.rule != Rule::EqualShares) {
        counted.utility = Utility::Cost;
        counted.completion = Completion::None;
        counted.compareWithGreedy = false;
    }

    const std::uint64_t now = nowMs();
    std::vector<std::string> notes;
    if (now < round->opensMs)
        notes.push_back("Voting has not begun yet: it opens " + localTimeText(round->opensMs) + ".");
    else if (now < round->closesMs)
        notes.push_back("Voting still open: " + number(static_cast<std::int64_t>(ballots.size())) +
                        " ballots so far. This is not the outcome yet.");
    const bool asAnnounced = sameCounting(counted, announced);
    if (!asAnnounced)
        notes.push_back("What if: this count differs from the rule the round announced (" + countingTitle(announced) +
                        "); it is not the round's outcome.");

    JsonFields head = {{"round", jsonString(round->id)},
                       {"round_name", jsonString(round->name)},
                       {"voting", jsonString(votingStatus(*round, now))},
                       {"as_announced", asAnnounced ? "true" : "false"}};
    if (!asAnnounced) head.emplace_back("announced", jsonString(countingTitle(announced)));

    if (ballots.empty() && counted.rule == Rule::EqualShares) {
        // Equal Shares divides the budget among the voters: with none there is nothing to divide.
        if (options.json) {
            std::string out = "{\n";
            for (const auto& [name, value] : head) out += "  " + jsonString(name) + ": " + value + ",\n";
            out += "  \"voters\": 0,\n  \"winners\": [],\n  \"note\": \"nobody has voted yet\"\n}\n";
            std::fputs(out.c_str(), stdout);
        } else {
            std::printf("%s: nobody has voted yet, so there is nothing to count.\n", round->name.c_str());
            for (const std::string& note : notes) std::printf("%s\n", note.c_str());
        }
        return kExitOk;
    }

    const Election election = roundElection(*round, ballots, store.neighbourhoodName());
    const Result<TallyResult> result = tallyElection(election, counted);
    if (!result) {
        std::fprintf(stderr, "buurtstem tally: round %s cannot be counted: %s\n", round->name.c_str(),
                     result.error().detail.c_str());
        return kExitBadFile;
    }
    if (options.json)
        printJson(head, election, *result, counted.rankPoints);
    else
        printText(round->name, notes, election, *result, counted.rankPoints);
    return kExitOk;
}

}  // namespace

CLI::App* addTallyCommand(CLI::App& app, TallyCommandOptions& options) {
    CLI::App* command = app.add_subcommand(
        "tally", "Count a Pabulib (.pb) election or a round of the kiosk, and explain every project's outcome");
    CLI::Option* file = command->add_option("file", options.file, "The election, a Pabulib .pb file");
    CLI::Option* round = command->add_option(
        "--round", options.roundId, "A round of the kiosk's database (see `buurtstem round list`), counted as it announced");
    file->excludes(round);
    command->add_option("--data-dir", options.dataDir,
                        "With --round: the kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)")
        ->needs(round);
    command->add_option("--rule", options.rule,
                        "greedy, greedy-no-skip or mes (the Method of Equal Shares); required with a file, "
                        "with --round a \"what if\" count")
        ->check(CLI::IsMember({"greedy", "greedy-no-skip", "mes"}));
    command->add_option("--utility", options.utility, "mes: cost (default) or cardinality")
        ->check(CLI::IsMember({"cost", "cardinality"}))
        ->each([&options](const std::string&) { options.utilityGiven = true; });
    command->add_option("--completion", options.completion, "mes: none (default), add1 or add1u")
        ->check(CLI::IsMember({"none", "add1", "add1u"}))
        ->each([&options](const std::string&) { options.completionGiven = true; });
    command->add_flag("--compare-greedy", options.compareWithGreedy,
                      "mes: greedy wins when more voters prefer its outcome (Wieliczka, Świecie)");
    command->add_option("--rank-points", options.rankPoints,
                        "Ordinal ballots: points for the first, second, ... place, e.g. 3,2,1 (Kraków); "
                        "without it a ranked ballot in a file counts as approval of each project on it");
    command->add_flag("--json", options.json, "Print one JSON object instead of the table");
    return command;
}

int runTally(const TallyCommandOptions& options) {
    if (options.file.empty() == options.roundId.empty()) {
        std::fprintf(stderr, "buurtstem tally: give an election FILE or --round ID\n");
        return kExitUsage;
    }
    std::optional<std::vector<std::int64_t>> rankPoints;
    if (!options.rankPoints.empty()) {
        rankPoints = parseRankPoints(options.rankPoints);
        if (!rankPoints) {
            std::fprintf(stderr, "buurtstem tally: --rank-points takes whole numbers from high to low, e.g. 3,2,1\n");
            return kExitUsage;
        }
    }
    if (!options.roundId.empty()) return tallyRound(options, rankPoints ? &*rankPoints : nullptr);

    if (options.rule.empty()) {
        std::fprintf(stderr, "buurtstem tally: --rule is required when counting a file (greedy, greedy-no-skip or mes)\n");
        return kExitUsage;
    }
    TallyOptions tallyOptions;
    tallyOptions.rule = *ruleFromId(options.rule);
    if (tallyOptions.rule != Rule::EqualShares && (options.utilityGiven || options.completionGiven || options.compareWithGreedy)) {
        std::fprintf(stderr, "buurtstem tally: --utility, --completion and --compare-greedy go with --rule mes only\n");
        return kExitUsage;
    }
    tallyOptions.utility = *utilityFromId(options.utility);
    tallyOptions.completion = *completionFromId(options.completion);
    tallyOptions.compareWithGreedy = options.compareWithGreedy;
    if (rankPoints) tallyOptions.rankPoints = std::move(*rankPoints);
    std::ifstream file(options.file, std::ios::binary);
    if (!file) {
        std::fprintf(stderr, "buurtstem tally: cannot open %s\n", options.file.c_str());
        return kExitBadFile;
    }
    std::stringstream text;
    text << file.rdbuf();
    if (file.bad()) {
        std::fprintf(stderr, "buurtstem tally: cannot read %s\n", options.file.c_str());
        return kExitBadFile;
    }
    const Result<Election> election = readPabulib(text.str());
    if (!election) {
        std::fprintf(stderr, "buurtstem tally: %s is not a Pabulib file that can be counted: %s\n", options.file.c_str(),
                     election.error().detail.c_str());
        return kExitBadFile;
    }
    const Result<TallyResult> result = tallyElection(*election, tallyOptions);
    if (!result) {
        std::fprintf(stderr, "buurtstem tally: %s cannot be counted: %s\n", options.file.c_str(), result.error().detail.c_str());
        return kExitBadFile;
    }
    const std::string name = options.file.substr(options.file.find_last_of('/') + 1);
    if (options.json)
        printJson({{"file", jsonString(name)}}, *election, *result, tallyOptions.rankPoints);
    else
        printText(name, {}, *election, *result, tallyOptions.rankPoints);
    return kExitOk;
}

}  // namespace buurtstem::cli
