// The rules of a budget round and of filling in its ballot (see BudgetRound.h).
#include "BudgetRound.h"

#include "../Utf8.h"

#include <algorithm>
#include <set>

namespace buurtstem {

// [SECTION] Ids

std::string_view ballotTypeId(BallotType type) {
    switch (type) {
        case BallotType::Approval: return "approval";
        case BallotType::Budget: return "budget";
        case BallotType::Points: return "points";
        case BallotType::Ranking: return "ranking";
    }
    return "approval";
}

std::optional<BallotType> ballotTypeFromId(std::string_view id) {
    for (BallotType type : kAllBallotTypes)
        if (ballotTypeId(type) == id) return type;
    return std::nullopt;
}

std::string_view eligibilityId(Eligibility eligibility) {
    return eligibility == Eligibility::Evening ? "evening" : "voting_codes";
}

std::optional<Eligibility> eligibilityFromId(std::string_view id) {
    if (id == "voting_codes") return Eligibility::VotingCodes;
    if (id == "evening") return Eligibility::Evening;
    return std::nullopt;
}

std::string_view duplicateCodePolicyId(DuplicateCodePolicy policy) {
    switch (policy) {
        case DuplicateCodePolicy::VoidAll: return "void";
        case DuplicateCodePolicy::StaffReview: return "review";
        case DuplicateCodePolicy::CountEarliest: break;
    }
    return "earliest";
}

std::optional<DuplicateCodePolicy> duplicateCodePolicyFromId(std::string_view id) {
    for (DuplicateCodePolicy policy : {DuplicateCodePolicy::CountEarliest, DuplicateCodePolicy::VoidAll, DuplicateCodePolicy::StaffReview})
        if (duplicateCodePolicyId(policy) == id) return policy;
    return std::nullopt;
}

std::optional<std::size_t> BudgetRound::projectIndex(std::string_view projectId) const {
    for (std::size_t i = 0; i < projects.size(); ++i)
        if (projects[i].id == projectId) return i;
    return std::nullopt;
}

bool onlyClosingDiffers(const BudgetRound& before, const BudgetRound& changed) {
    BudgetRound same = changed;
    same.closesMs = before.closesMs;
    same.phases = before.phases;  // phases are set apart from saving
    return same == before;
}

// [SECTION] The round

namespace {

Result<void> invalid(std::string detail) { return makeError(ErrorCode::InvalidInput, std::move(detail)); }

bool usableLine(std::string_view text) { return utf8::isValid(text) && !utf8::hasControlCharacters(text, false); }

}  // namespace

Result<void> validateRound(const BudgetRound& round) {
    const std::string name = utf8::trim(round.name);
    if (name.empty() || !usableLine(name) || utf8::countCodePoints(name) > kRoundNameMax)
        return invalid("the round needs a name of at most " + std::to_string(kRoundNameMax) + " characters on one line");
    if (round.budgetCents <= 0 || round.budgetCents > kRoundBudgetMaxCents) return invalid("the budget must be above zero");
    if (round.projects.empty() || round.projects.size() > kRoundProjectsMax)
        return invalid("a round has 1 to " + std::to_string(kRoundProjectsMax) + " projects");
    std::set<std::string_view> ids;
    for (const RoundProject& project : round.projects) {
        if (project.id.empty() || !usableLine(project.id)) return invalid("a project has no id");
        if (!ids.insert(project.id).second) return invalid("project id " + project.id + " is used twice");
        if (utf8::trim(project.title).empty() || !usableLine(project.title))
            return invalid("project " + project.id + " needs a title on one line");
        if (!utf8::isValid(project.summary) || utf8::hasControlCharacters(project.summary, true))
            return invalid("project " + project.id + " has an unreadable summary");
        if (project.costCents <= 0 || project.costCents > kRoundBudgetMaxCents)
            return invalid("project " + project.id + " needs a cost above zero");
    }
    const BallotLimits& limits = round.limits;
    switch (round.ballot) {
        case BallotType::Approval:
        case BallotType::Ranking:
            if (limits.maxChoices < 0) return invalid("the number of choices cannot be below zero");
            break;
        case BallotType::Points:
            if (limits.totalPoints < 1 || limits.totalPoints > 1000) return invalid("residents get 1 to 1000 points");
            if (limits.maxPointsPerProject < 1 || limits.maxPointsPerProject > limits.totalPoints)
                return invalid("the points per project must be between 1 and the points a resident gets");
            break;
        case BallotType::Budget: break;
    }
    if (round.closesMs <= round.opensMs) return invalid("voting must close after it opens");
    const CountingRule& counting = round.counting;
    const bool mes = counting.rule == "mes";
    if (!mes && counting.rule != "greedy" && counting.rule != "greedy-no-skip")
        return invalid("unknown counting rule " + counting.rule);
    if (counting.utility != "cost" && counting.utility != "cardinality") return invalid("unknown utility " + counting.utility);
    if (counting.completion != "none" && counting.completion != "add1" && counting.completion != "add1u")
        return invalid("unknown completion " + counting.completion);
    if (!mes && (counting.utility != "cost" || counting.completion != "none" || counting.compareGreedy))
        return invalid("utility, completion and the comparison step belong to the Method of Equal Shares");
    return {};
}

// [SECTION] The ballot

bool BallotDraft::has(std::uint32_t project) const {
    return std::find(projects.begin(), projects.end(), project) != projects.end();
}

int BallotDraft::pointsOn(std::uint32_t project) const {
    for (std::size_t i = 0; i < projects.size() && i < points.size(); ++i)
        if (projects[i] == project) return points[i];
    return 0;
}

std::int64_t ballotCostCents(const BudgetRound& round, const BallotDraft& draft) {
    std::int64_t total = 0;
    for (std::uint32_t project : draft.projects)
        if (project < round.projects.size()) total += round.projects[project].costCents;  // at most 60 x EUR 1e9: no overflow
    return total;
}

int pointsGiven(const BallotDraft& draft) {
    int total = 0;
    for (int p : draft.points) total += p;
    return total;
}

std::int64_t budgetLeftCents(const BudgetRound& round, const BallotDraft& draft) {
    return round.budgetCents - ballotCostCents(round, draft);
}

BallotRefusal tapProject(const BudgetRound& round, BallotDraft& draft, std::uint32_t project) {
    if (project >= round.projects.size()) return BallotRefusal::UnknownProject;
    const auto at = std::find(draft.projects.begin(), draft.projects.end(), project);
    const bool chosen = at != draft.projects.end();
    const int k = round.limits.maxChoices;
    switch (round.ballot) {
        case BallotType::Approval:
        case BallotType::Ranking:
            // Taking back is always allowed; for a ranking the ones after it move up.
            if (chosen) {
                draft.projects.erase(at);
                return BallotRefusal::None;
            }
            if (k > 0 && draft.projects.size() >= static_cast<std::size_t>(k)) return BallotRefusal::TooManyChoices;
            draft.projects.push_back(project);
            return BallotRefusal::None;
        case BallotType::Budget:
            if (chosen) {
                draft.projects.erase(at);
                return BallotRefusal::None;
            }
            if (round.projects[project].costCents > budgetLeftCents(round, draft)) return BallotRefusal::OverBudget;
            draft.projects.push_back(project);
            return BallotRefusal::None;
        case BallotType::Points: {
            if (draft.points.size() != draft.projects.size()) draft.points.resize(draft.projects.size(), 1);
            if (pointsGiven(draft) >= round.limits.totalPoints) return BallotRefusal::NoPointsLeft;
            if (chosen) {
                int& points = draft.points[static_cast<std::size_t>(at - draft.projects.begin())];
                if (points >= round.limits.maxPointsPerProject) return BallotRefusal::ProjectFull;
                ++points;
                return BallotRefusal::None;
            }
            draft.projects.push_back(project);
            draft.points.push_back(1);
            return BallotRefusal::None;
        }
    }
    return BallotRefusal::UnknownProject;
}

void removePoint(BallotDraft& draft, std::uint32_t project) {
    for (std::size_t i = 0; i < draft.projects.size() && i < draft.points.size(); ++i) {
        if (draft.projects[i] != project) continue;
        if (--draft.points[i] <= 0) {
            draft.projects.erase(draft.projects.begin() + static_cast<std::ptrdiff_t>(i));
            draft.points.erase(draft.points.begin() + static_cast<std::ptrdiff_t>(i));
        }
        return;
    }
}

Result<void> validateBallot(const BudgetRound& round, const BallotDraft& draft) {
    if (draft.projects.empty()) return invalid("the ballot chooses no project");
    std::set<std::uint32_t> seen;
    for (std::uint32_t project : draft.projects) {
        if (project >= round.projects.size()) return invalid("the ballot names a project that is not on it");
        if (!seen.insert(project).second) return invalid("the ballot names a project twice");
    }
    const int k = round.limits.maxChoices;
    switch (round.ballot) {
        case BallotType::Approval:
        case BallotType::Ranking:
            if (!draft.points.empty()) return invalid("only a points ballot has points");
            if (k > 0 && draft.projects.size() > static_cast<std::size_t>(k))
                return invalid("the ballot chooses more than " + std::to_string(k) + " projects");
            break;
        case BallotType::Budget:
            if (!draft.points.empty()) return invalid("only a points ballot has points");
            if (ballotCostCents(round, draft) > round.budgetCents) return invalid("the chosen projects cost more than the budget");
            break;
        case BallotType::Points:
            if (draft.points.size() != draft.projects.size()) return invalid("every project on a points ballot needs its points");
            for (int p : draft.points)
                if (p < 1 || p > round.limits.maxPointsPerProject)
                    return invalid("a project has more points than one project may have, or none");
            if (pointsGiven(draft) > round.limits.totalPoints) return invalid("the ballot gives more points than a resident has");
            break;
    }
    return {};
}

// [SECTION] Phases

RoundPhase roundPhase(const BudgetRound& round, std::uint64_t nowMs) {
    if (nowMs < round.opensMs) return round.phases.submissionsOpen ? RoundPhase::Submissions : RoundPhase::Preparing;
    if (nowMs < round.closesMs) return RoundPhase::Voting;
    return round.phases.publishedMs != 0 ? RoundPhase::Published : RoundPhase::Counting;
}

std::string_view roundPhaseId(RoundPhase phase) {
    switch (phase) {
        case RoundPhase::Preparing: return "preparing";
        case RoundPhase::Submissions: return "submissions";
        case RoundPhase::Voting: return "voting";
        case RoundPhase::Counting: return "counting";
        case RoundPhase::Published: return "published";
    }
    return "preparing";
}

Result<BudgetRound> changePhase(const BudgetRound& round, PhaseChange change, std::uint64_t nowMs) {
    const RoundPhase phase = roundPhase(round, nowMs);
    const bool beforeVoting = phase == RoundPhase::Preparing || phase == RoundPhase::Submissions;
    BudgetRound changed = round;
    switch (change) {
        case PhaseChange::OpenSubmissions:
        case PhaseChange::CloseSubmissions:
            if (!beforeVoting) return makeError(ErrorCode::InvalidInput, "proposals open and close only before voting begins");
            changed.phases.submissionsOpen = change == PhaseChange::OpenSubmissions;
            return changed;
        case PhaseChange::OpenVotingNow:
            if (!beforeVoting) return makeError(ErrorCode::InvalidInput, "voting has already begun");
            changed.opensMs = nowMs;
            changed.phases.submissionsOpen = false;
            return changed;
        case PhaseChange::CloseVotingNow:
            if (phase != RoundPhase::Voting)
                return makeError(ErrorCode::InvalidInput, beforeVoting ? "voting has not begun yet" : "voting has already ended");
            // The window is exclusive at its end; a round that opened this very millisecond ends a millisecond later.
            changed.closesMs = std::max(nowMs, round.opensMs + 1);
            return changed;
        case PhaseChange::PublishResults:
            if (phase == RoundPhase::Published) return makeError(ErrorCode::InvalidInput, "the results are already published");
            if (phase != RoundPhase::Counting) return makeError(ErrorCode::InvalidInput, "voting has not ended yet");
            changed.phases.publishedMs = nowMs;
            return changed;
    }
    return makeError(ErrorCode::InvalidInput, "unknown change of phase");
}

}  // namespace buurtstem
