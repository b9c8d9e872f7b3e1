// BudgetRound (budgetronde): residents decide together how a neighbourhood budget is spent. A
// round has the budget, the projects on the ballot with their costs, the kind of ballot and its
// limits, the voting window, the rule that counts the ballots, and who may vote.
// Ballot (stembiljet): what one resident chooses; the rules here say, tap by tap, what is allowed.
#pragma once

#include "../Result.h"
#include "../Theme.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

// The kinds of ballot a kiosk offers.
enum class BallotType {
    Approval,  // choose up to k projects
    Budget,    // choose projects whose total cost fits the budget (the "knapsack" ballot)
    Points,    // divide N points over projects, at most m per project
    Ranking,   // put up to k favourites in order
};
inline constexpr std::array<BallotType, 4> kAllBallotTypes = {BallotType::Approval, BallotType::Budget, BallotType::Points,
                                                              BallotType::Ranking};
// Stable ids in events and exports: approval, budget, points, ranking.
std::string_view ballotTypeId(BallotType type);
std::optional<BallotType> ballotTypeFromId(std::string_view id);

// Who may vote: holders of a single-use voting code, or the people present at an evening, where
// the facilitator unlocks one ballot per person.
enum class Eligibility { VotingCodes, Evening };
std::string_view eligibilityId(Eligibility eligibility);  // voting_codes, evening
std::optional<Eligibility> eligibilityFromId(std::string_view id);

struct RoundProject {
    std::string id;            // stable within the round: "p1", or the initiative's idea id
    std::string title;         // as residents read it
    std::string summary;       // = "" // one or two sentences
    Theme theme = Theme::Other;
    std::int64_t costCents = 0;  // > 0
    std::string ideaId;        // = "" // the approved initiative it comes from, if any

    bool operator==(const RoundProject&) const = default;
};

// The limits of the ballot type; only those of the round's type apply.
struct BallotLimits {
    int maxChoices = 0;           // = 0 (no limit) // Approval: at most k; Ranking: at most k ranked
    int totalPoints = 10;         // = 10 // Points: N points to divide
    int maxPointsPerProject = 3;  // = 3  // Points: at most m on one project

    bool operator==(const BallotLimits&) const = default;
};

// How the ballots are counted (see app/core/tally). Ids as on the tally command line.
struct CountingRule {
    std::string rule = "mes";         // = "mes" // greedy | greedy-no-skip | mes
    std::string utility = "cost";     // = "cost" // cost | cardinality (mes only)
    std::string completion = "add1";  // = "add1" // none | add1 | add1u (mes only)
    bool compareGreedy = false;       // = false // the comparison step of Wieliczka and Świecie

    bool operator==(const CountingRule&) const = default;
};

// What a facilitator has opened or published beyond the voting window (fasen). Set by its own
// event (round.phases_set), never by saving the round: KioskStore::saveRound keeps the stored ones.
struct RoundPhases {
    bool submissionsOpen = false;    // = false // residents may propose initiatives for this round (before voting only)
    std::uint64_t publishedMs = 0;   // = 0 (not published) // when the results were published for residents
    bool operator==(const RoundPhases&) const = default;
};

// What counts when one voting code was used for more than one ballot, which only shows once
// the logs of two kiosks merge (dubbele code). Earliest: the first by (hlc, kiosk id, seq).
enum class DuplicateCodePolicy { CountEarliest, VoidAll, StaffReview };
std::string_view duplicateCodePolicyId(DuplicateCodePolicy policy);  // earliest, void, review
std::optional<DuplicateCodePolicy> duplicateCodePolicyFromId(std::string_view id);

struct BudgetRound {
    std::string id;    // UUID
    std::string name;  // "Buurtbudget Kastanjebuurt 2027"
    std::int64_t budgetCents = 0;
    std::vector<RoundProject> projects;
    BallotType ballot = BallotType::Approval;
    BallotLimits limits;
    std::uint64_t opensMs = 0;   // voting window, milliseconds since the Unix epoch (UTC)
    std::uint64_t closesMs = 0;  // exclusive
    CountingRule counting;
    Eligibility eligibility = Eligibility::VotingCodes;
    RoundPhases phases;  // = nothing open or published
    DuplicateCodePolicy sameCode = DuplicateCodePolicy::CountEarliest;  // = CountEarliest // "sameCode" in JSON, left out when earliest

    std::optional<std::size_t> projectIndex(std::string_view projectId) const;
    bool operator==(const BudgetRound&) const = default;
};

// True when `changed` is `before` with at most another closing moment: once residents voted,
// the round may end earlier or later, but what they voted on and how it is counted stay.
bool onlyClosingDiffers(const BudgetRound& before, const BudgetRound& changed);

// Where a round is at a moment, as residents meet it.
enum class RoundPhase {
    Preparing,    // before voting, not taking proposals
    Submissions,  // before voting, taking residents' initiatives (indienen)
    Voting,       // inside the voting window
    Counting,     // voting ended; the results are not published yet
    Published,    // voting ended and the results are published
};
RoundPhase roundPhase(const BudgetRound& round, std::uint64_t nowMs);
std::string_view roundPhaseId(RoundPhase phase);  // preparing, submissions, voting, counting, published

// A facilitator's change of phase. Each is refused in a phase where it does not fit, with the
// reason (InvalidInput): proposals open and close before voting only, voting opens now only
// before it has begun, results are published only after voting ended, and only once.
enum class PhaseChange { OpenSubmissions, CloseSubmissions, OpenVotingNow, CloseVotingNow, PublishResults };
// The round after the change at `nowMs`: phases, or the window's opening moment for
// OpenVotingNow (and proposals closed) or its closing moment for CloseVotingNow (only during voting).
Result<BudgetRound> changePhase(const BudgetRound& round, PhaseChange change, std::uint64_t nowMs);

inline constexpr std::size_t kRoundNameMax = 80;         // code points
inline constexpr std::size_t kRoundProjectsMax = 60;     // a ballot residents can still read
inline constexpr std::int64_t kRoundBudgetMaxCents = 100'000'000'000;  // EUR 1 billion: anything above is a typing error

// Checks a round before it is stored: a name, a budget above zero, 1..kRoundProjectsMax projects
// with unique non-empty ids, titles and costs above zero, limits that can be met (points: N >= 1,
// 1 <= m <= N; approval and ranking: k >= 0), a window that closes after it opens, and a
// counting rule the tally knows (utility and completion only with mes). InvalidInput says which.
Result<void> validateRound(const BudgetRound& round);

// [SECTION] Filling in a ballot

// What one resident has chosen so far. `projects` holds indexes into the round's projects: the
// chosen ones (Approval, Budget), those with points (Points, parallel to `points`), or the
// ranking, favourite first (Ranking). No index twice.
struct BallotDraft {
    std::vector<std::uint32_t> projects;
    std::vector<int> points;  // Points only: > 0 each

    bool has(std::uint32_t project) const;
    int pointsOn(std::uint32_t project) const;
};

// Why a tap was refused, so the kiosk can say it plainly ("you can choose 3 projects", "this does
// not fit in what is left", ...). None: the tap was carried out.
enum class BallotRefusal {
    None,
    UnknownProject,  // no such project on this round's ballot
    TooManyChoices,  // Approval/Ranking: k already chosen
    OverBudget,      // Budget: the project costs more than what is left
    ProjectFull,     // Points: m points on this project already
    NoPointsLeft,    // Points: all N points given
};

// A tap on a project. Approval and Budget: choose it, or take it back. Points: one more point.
// Ranking: add it at the end, or take it out (the ones after it move up).
BallotRefusal tapProject(const BudgetRound& round, BallotDraft& draft, std::uint32_t project);
// Points: one point fewer on the project (nothing when it has none).
void removePoint(BallotDraft& draft, std::uint32_t project);

std::int64_t ballotCostCents(const BudgetRound& round, const BallotDraft& draft);  // sum of the chosen projects' costs
int pointsGiven(const BallotDraft& draft);
std::int64_t budgetLeftCents(const BudgetRound& round, const BallotDraft& draft);  // Budget ballots: budget - cost

// Checks a whole ballot as it will be stored (also one read from another kiosk's event): every
// rule above holds and at least one project is chosen. InvalidInput says which rule failed.
Result<void> validateBallot(const BudgetRound& round, const BallotDraft& draft);

}  // namespace buurtstem
