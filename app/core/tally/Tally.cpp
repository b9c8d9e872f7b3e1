// Counting an election with the chosen rule: the profile, the rule, add1u's fill, the comparison
// step and the explanations, put together.
#include "Tally.h"

#include "TallyEqualShares.h"
#include "TallyGreedy.h"
#include "TallyProfile.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace buurtstem::tally {

namespace {

template <class Enum>
struct Named {
    Enum value;
    std::string_view id;
};

constexpr std::array<Named<Rule>, 3> kRules{{
    {Rule::Greedy, "greedy"}, {Rule::GreedyNoSkip, "greedy-no-skip"}, {Rule::EqualShares, "mes"}}};
constexpr std::array<Named<Utility>, 2> kUtilities{{{Utility::Cost, "cost"}, {Utility::Cardinality, "cardinality"}}};
constexpr std::array<Named<Completion>, 3> kCompletions{{
    {Completion::None, "none"}, {Completion::Add1, "add1"}, {Completion::Add1Utilitarian, "add1u"}}};
constexpr std::array<Named<Reason>, 8> kReasons{{
    {Reason::NoSupport, "no-support"},
    {Reason::BelowThreshold, "below-threshold"},
    {Reason::FundedInTurn, "funded-in-turn"},
    {Reason::DidNotFit, "did-not-fit"},
    {Reason::CountingStopped, "counting-stopped"},
    {Reason::FundedByEqualShares, "funded-by-equal-shares"},
    {Reason::SupportersOutOfMoney, "supporters-out-of-money"},
    {Reason::FundedByCompletion, "funded-by-completion"},
}};

template <class Enum, std::size_t N>
std::string_view idOf(const std::array<Named<Enum>, N>& names, Enum value) {
    for (const Named<Enum>& name : names)
        if (name.value == value) return name.id;
    return names[0].id;  // only for a value cast from an integer outside the enum
}

template <class Enum, std::size_t N>
std::optional<Enum> valueOf(const std::array<Named<Enum>, N>& names, std::string_view id) {
    for (const Named<Enum>& name : names)
        if (name.id == id) return name.value;
    return std::nullopt;
}

// META min_project_score_threshold: a non-negative number, possibly with decimals ("3000",
// "3000.0"). Support is whole, so a support reaches t when it reaches t rounded up.
Result<std::optional<std::int64_t>> supportThreshold(const Election& election) {
    const std::optional<std::string_view> text = election.metaValue("min_project_score_threshold");
    if (!text) return std::optional<std::int64_t>{};
    const std::string_view value = *text;
    const std::size_t dot = value.find('.');
    const std::string_view whole = value.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : value.substr(dot + 1);
    std::int64_t threshold = 0;
    const auto [end, error] = std::from_chars(whole.data(), whole.data() + whole.size(), threshold);
    const bool digitsOnly = fraction.find_first_not_of("0123456789") == std::string_view::npos;
    if (error != std::errc{} || end != whole.data() + whole.size() || whole.empty() || threshold < 0 || !digitsOnly)
        return makeError(ErrorCode::InvalidInput,
                         "META min_project_score_threshold is not a number: " + std::string(value));
    if (fraction.find_first_not_of('0') != std::string_view::npos) ++threshold;
    return std::optional<std::int64_t>{threshold};
}

// Per voter: how much of an outcome they supported (their points for its projects).
std::vector<std::int64_t> satisfaction(const TallyProfile& profile, const std::vector<std::uint32_t>& outcome) {
    std::vector<std::int64_t> points(profile.voters, 0);
    for (const std::uint32_t p : outcome)
        for (std::uint32_t s = profile.supporterStart[p]; s < profile.supporterStart[p + 1]; ++s)
            points[profile.supporterVoter[s]] += profile.supporterWeight[s];
    return points;
}

}  // namespace

std::string_view ruleId(Rule rule) { return idOf(kRules, rule); }
std::optional<Rule> ruleFromId(std::string_view id) { return valueOf(kRules, id); }
std::string_view utilityId(Utility utility) { return idOf(kUtilities, utility); }
std::optional<Utility> utilityFromId(std::string_view id) { return valueOf(kUtilities, id); }
std::string_view completionId(Completion completion) { return idOf(kCompletions, completion); }
std::optional<Completion> completionFromId(std::string_view id) { return valueOf(kCompletions, id); }
std::string_view reasonId(Reason reason) { return idOf(kReasons, reason); }

std::vector<std::uint32_t> listingOrder(const TallyResult& result) {
    std::vector<std::uint32_t> order = result.winners;
    std::vector<std::uint32_t> others;
    for (std::uint32_t p = 0; p < result.projects.size(); ++p)
        if (!result.projects[p].funded) others.push_back(p);
    std::stable_sort(others.begin(), others.end(), [&](std::uint32_t a, std::uint32_t b) {
        return result.projects[a].support > result.projects[b].support;
    });
    order.insert(order.end(), others.begin(), others.end());
    return order;
}

Result<TallyResult> tallyElection(const Election& election, const TallyOptions& options) {
    Result<TallyProfile> prepared = prepareProfile(election, options.lotOrder, options.rankPoints);
    if (!prepared) return prepared.error();
    const TallyProfile& profile = *prepared;
    Result<std::optional<std::int64_t>> threshold = supportThreshold(election);
    if (!threshold) return threshold.error();

    TallyResult result;
    result.rule = options.rule;
    result.utility = options.utility;
    result.completion = options.completion;
    result.budget = profile.budget;
    result.voters = profile.voters;
    result.byPoints = profile.weighted;

    // [SECTION] Greedy
    const std::optional<std::int64_t> greedyThreshold = options.honourThreshold ? *threshold : std::nullopt;
    if (options.rule != Rule::EqualShares) {
        GreedyOutcome greedy = countGreedy(profile, options.rule == Rule::Greedy, greedyThreshold);
        result.winners = std::move(greedy.winners);
        result.projects = std::move(greedy.projects);
        result.spent = greedy.spent;
        result.threshold = greedyThreshold;
        return result;
    }

    // [SECTION] Equal Shares
    if (profile.voters == 0) return makeError(ErrorCode::InvalidInput, "Equal Shares needs at least one ballot");
    StartMoney start{profile.budget, profile.voters};
    if (options.completion == Completion::None) {
        result.winners = equalSharesAt(profile, options.utility, start, result.work);
    } else {
        CompletedOutcome completed =
            completeAdd1(profile, options.utility, options.completion == Completion::Add1Utilitarian, result.work);
        result.winners = std::move(completed.winners);
        result.completionSteps = completed.steps;
        start = StartMoney{completed.start, 1};
    }
    result.startMoney = start.cents / static_cast<Money>(start.per);
    result.projects.resize(profile.projectCount());
    explainEqualShares(profile, options.utility, start, result.winners, result.projects);
    if (options.completion == Completion::Add1Utilitarian) fillBySupport(profile, result.winners, result.projects);

    if (options.compareWithGreedy) {
        GreedyOutcome greedy = countGreedy(profile, true, greedyThreshold);
        Comparison comparison;
        const std::vector<std::int64_t> forGreedy = satisfaction(profile, greedy.winners);
        const std::vector<std::int64_t> forEqualShares = satisfaction(profile, result.winners);
        for (std::uint32_t v = 0; v < profile.voters; ++v) {
            if (forGreedy[v] > forEqualShares[v]) ++comparison.prefersGreedy;
            if (forEqualShares[v] > forGreedy[v]) ++comparison.prefersEqualShares;
        }
        comparison.greedyWon = comparison.prefersGreedy > comparison.prefersEqualShares;
        comparison.equalSharesWinners = result.winners;
        comparison.greedyWinners = greedy.winners;
        if (comparison.greedyWon) {
            result.winners = std::move(greedy.winners);
            result.projects = std::move(greedy.projects);
            result.threshold = greedyThreshold;
        }
        result.comparison = std::move(comparison);
    }
    result.spent = totalCost(profile, result.winners);
    return result;
}

}  // namespace buurtstem::tally
