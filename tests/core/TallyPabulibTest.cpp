// The tally on real elections from Pabulib (shared/data/pabulib): where a file's official rule is
// one we implement, our winners are the official ones (its `selected` column); where they are not,
// the test shows why. Every rule also runs on every file and stays within the budget.
#include "app/core/tally/Pabulib.h"
#include "app/core/tally/Tally.h"
#include "app/core/tally/TallyEqualShares.h"
#include "app/core/tally/TallyProfile.h"

#include <catch2/catch.hpp>

#include "SharedData.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::tally;

namespace {

Election readElection(const std::string& name) {
    const std::filesystem::path path = std::filesystem::path(BUURTSTEM_SHARED_DATA_DIR) / "pabulib" / name;
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file.good());
    std::stringstream text;
    text << file.rdbuf();
    Result<Election> election = readPabulib(text.str());
    INFO(name << ": " << (election ? std::string() : election.error().detail));
    REQUIRE(election.ok());
    return std::move(election).value();
}

TallyResult count(const Election& election, const TallyOptions& options) {
    Result<TallyResult> result = tallyElection(election, options);
    INFO((result ? std::string() : result.error().detail));
    REQUIRE(result.ok());
    return std::move(result).value();
}

std::set<std::string> official(const Election& election) {
    std::set<std::string> ids;
    for (const Project& project : election.projects) {
        REQUIRE(project.selected.has_value());
        if (*project.selected) ids.insert(project.id);
    }
    return ids;
}

std::set<std::string> ours(const Election& election, const std::vector<std::uint32_t>& winners) {
    std::set<std::string> ids;
    for (const std::uint32_t p : winners) ids.insert(election.projects[p].id);
    return ids;
}

TallyOptions greedy(Rule rule = Rule::Greedy) {
    TallyOptions options;
    options.rule = rule;
    return options;
}

}  // namespace

TEST_CASE("Świecie 2023: Equal Shares with add1 and the comparison step gives the official outcome", "[tally][pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    const Election election = readElection("Poland_Swiecie_2023.pb");
    REQUIRE(election.metaValue("rule") == "equalshares/add1");
    TallyOptions options;
    options.rule = Rule::EqualShares;
    options.utility = Utility::Cost;
    options.completion = Completion::Add1;
    options.compareWithGreedy = true;
    const TallyResult result = count(election, options);
    CHECK(ours(election, result.winners) == official(election));
    CHECK(result.winners.size() == 17);
    REQUIRE(result.comparison);
    CHECK_FALSE(result.comparison->greedyWon);
    CHECK(result.comparison->prefersEqualShares > result.comparison->prefersGreedy);
    // 1,070,000 zł over 2,553 voters: 419 zł each at first, 662 zł after the completion.
    CHECK(result.startMoney == 66200);
    CHECK(result.completionSteps == 662 - 419);
    CHECK(result.spent <= election.budget);
    // Świecie also declared ineligible a project whose vote share was below a third of its cost
    // share (c22: 14.7% of the votes, 45% of the budget); the rule is not needed here, c22 loses anyway.
    CHECK(std::find(result.winners.begin(), result.winners.end(), 21u) == result.winners.end());
}

TEST_CASE("Świecie 2023: the skipping add1 equals the step-by-step add1 and the exact runs", "[tally][pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    const Election election = readElection("Poland_Swiecie_2023.pb");
    Result<TallyProfile> profile = prepareProfile(election, {});
    REQUIRE(profile.ok());
    for (const Utility utility : {Utility::Cost, Utility::Cardinality})
        for (const bool exhaustive : {false, true}) {
            INFO("utility " << utilityId(utility) << (exhaustive ? ", add1u" : ", add1"));
            TallyWork fastWork, stepWork;
            const CompletedOutcome fast = completeAdd1(*profile, utility, exhaustive, fastWork);
            const CompletedOutcome stepwise = completeAdd1Stepwise(*profile, utility, exhaustive, false, stepWork);
            CHECK(fast.winners == stepwise.winners);
            CHECK(fast.start == stepwise.start);
            CHECK(fast.steps == stepwise.steps);
            CHECK(fastWork.fastRuns < stepWork.fastRuns);
            // The kept start and the one after it, in fractions.
            CHECK(equalSharesExact(*profile, utility, StartMoney{fast.start, 1}) == fast.winners);
        }
}

TEST_CASE("Warszawa 2026: greedy with the support threshold gives the official outcome", "[tally][pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    const Election election = readElection("Poland_Warszawa_2026.pb");
    REQUIRE(election.metaValue("rule") == "greedy-threshold");
    const TallyResult result = count(election, greedy());
    CHECK(result.threshold == 3000);
    CHECK(ours(election, result.winners) == official(election));
    CHECK(result.spent <= election.budget);

    // Without the threshold project 1664 (14,000 zł, 1,221 votes) would have fitted the rest.
    TallyOptions noThreshold = greedy();
    noThreshold.honourThreshold = false;
    std::set<std::string> withoutThreshold = ours(election, count(election, noThreshold).winners);
    std::set<std::string> expected = official(election);
    expected.insert("1664");
    CHECK(withoutThreshold == expected);
}

TEST_CASE("Wrocław 2015: greedy without skipping gives the official outcome", "[tally][pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    const Election election = readElection("Poland_Wroclaw_2015_150_-_500.pb");
    REQUIRE(election.metaValue("rule") == "greedy-no-skip");
    const TallyResult result = count(election, greedy(Rule::GreedyNoSkip));
    CHECK(ours(election, result.winners) == official(election));
    CHECK(result.spent == election.budget);  // fifteen projects of 500,000 zł
}

TEST_CASE("Kraków 2024: ranked ballots give the official outcome when counted with Kraków's rank points",
          "[tally][pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    // Kraków counts a ranked ballot as 3, 2 and 1 points (the file's `score` column). Read as
    // approval of every ranked project, BO.OM.19/24 (5,133 ballots, 9,797 points) would get in
    // ahead of BO.OM.30/24.
    const Election election = readElection("Poland_Krakow_2024.pb");
    REQUIRE(election.voteType == VoteType::Ordinal);
    const std::set<std::string> byApproval = ours(election, count(election, greedy()).winners);
    CHECK(byApproval != official(election));
    CHECK(byApproval.count("BO.OM.19/24") == 1);

    TallyOptions byRank = greedy();
    byRank.rankPoints = {3, 2, 1};
    const TallyResult result = count(election, byRank);
    CHECK(ours(election, result.winners) == official(election));
    // The file's score column is the same sum of points.
    for (std::uint32_t p = 0; p < election.projects.size(); ++p)
        for (const auto& [column, value] : election.projects[p].extra)
            if (column == "score") CHECK(std::to_string(result.projects[p].support) == value);
}

TEST_CASE("Budapest 2024: an unknown rule with per-category limits, not reproduced", "[tally][pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    // Voters could approve at most three projects per category and the file holds the online votes
    // only (about 10% voted on paper): no rule here can give the official outcome, and none does.
    const Election election = readElection("Hungary_Budapest_2024.pb");
    REQUIRE(election.metaValue("rule") == "unknown");
    const TallyResult result = count(election, greedy());
    CHECK(result.spent <= election.budget);
    CHECK(ours(election, result.winners) != official(election));
}

TEST_CASE("every rule counts every small and medium file within its budget", "[tally][pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    for (const char* name : {"US_Stanford_Dataset_2022_Jersey_City_Ward_B_vote_knapsacks.pb", "Switzerland_Zurich_SN.pb",
                             "Switzerland_Zurich_D10.pb", "Switzerland_Zurich_S5R.pb", "Poland_Krakow_2018_Bienczyce.pb",
                             "France_Toulouse_2019.pb", "Poland_Czestochowa_2020.pb", "Poland_Gdansk_2020.pb"}) {
        const Election election = readElection(name);
        for (const Rule rule : {Rule::Greedy, Rule::GreedyNoSkip}) {
            INFO(name << ", " << ruleId(rule));
            CHECK(count(election, greedy(rule)).spent <= election.budget);
        }
        for (const Utility utility : {Utility::Cost, Utility::Cardinality})
            for (const Completion completion : {Completion::None, Completion::Add1, Completion::Add1Utilitarian}) {
                INFO(name << ", mes " << utilityId(utility) << " " << completionId(completion));
                TallyOptions options;
                options.rule = Rule::EqualShares;
                options.utility = utility;
                options.completion = completion;
                options.compareWithGreedy = true;
                const TallyResult result = count(election, options);
                CHECK(result.spent <= election.budget);
                for (std::uint32_t p = 0; p < election.projects.size(); ++p)
                    CHECK(result.projects[p].funded ==
                          (std::find(result.winners.begin(), result.winners.end(), p) != result.winners.end()));
            }
    }
}
