// Paper ballots entered twice and compared (see PaperBallots.h).
#include "PaperBallots.h"

#include "../Utf8.h"

#include <algorithm>

namespace buurtstem {

Result<void> validatePaperEntry(const BudgetRound& round, std::string_view batchLabel, const std::vector<BallotDraft>& ballots) {
    const std::string label = utf8::trim(batchLabel);
    if (label.empty()) return makeError(ErrorCode::InvalidInput, "the batch has no name");
    if (utf8::countCodePoints(label) > kPaperBatchLabelMax)
        return makeError(ErrorCode::InvalidInput, "the batch name is longer than " + std::to_string(kPaperBatchLabelMax) + " characters");
    if (!utf8::isValid(label) || utf8::hasControlCharacters(label, false))
        return makeError(ErrorCode::InvalidInput, "the batch name is not plain text");
    if (ballots.empty()) return makeError(ErrorCode::InvalidInput, "the batch has no ballots");
    if (ballots.size() > kPaperBatchBallotsMax)
        return makeError(ErrorCode::InvalidInput, "a batch holds at most " + std::to_string(kPaperBatchBallotsMax) + " ballots");
    for (std::size_t i = 0; i < ballots.size(); ++i)
        if (Result<void> valid = validateBallot(round, ballots[i]); !valid)
            return makeError(ErrorCode::InvalidInput, "ballot " + std::to_string(i + 1) + ": " + valid.error().detail);
    return {};
}

namespace {

// What a ballot says about each project: chosen (1/0), its points, or its place in a ranking.
std::vector<int> marks(const BudgetRound& round, const BallotDraft& ballot) {
    std::vector<int> out(round.projects.size(), 0);
    for (std::size_t i = 0; i < ballot.projects.size(); ++i) {
        const std::uint32_t project = ballot.projects[i];
        if (project >= out.size()) continue;
        switch (round.ballot) {
            case BallotType::Approval:
            case BallotType::Budget: out[project] = 1; break;
            case BallotType::Points: out[project] = i < ballot.points.size() ? ballot.points[i] : 0; break;
            case BallotType::Ranking: out[project] = static_cast<int>(i) + 1; break;
        }
    }
    return out;
}

std::vector<std::uint32_t> differingProjects(const BudgetRound& round, const BallotDraft& a, const BallotDraft& b) {
    const std::vector<int> left = marks(round, a);
    const std::vector<int> right = marks(round, b);
    std::vector<std::uint32_t> differ;
    for (std::uint32_t p = 0; p < left.size(); ++p)
        if (left[p] != right[p]) differ.push_back(p);
    return differ;
}

}  // namespace

bool sameBallot(const BudgetRound& round, const BallotDraft& a, const BallotDraft& b) {
    return differingProjects(round, a, b).empty();
}

std::vector<PaperMismatch> comparePaperEntries(const BudgetRound& round, const std::vector<BallotDraft>& first,
                                               const std::vector<BallotDraft>& second) {
    std::vector<PaperMismatch> mismatches;
    const std::size_t both = std::min(first.size(), second.size());
    for (std::size_t i = 0; i < both; ++i) {
        std::vector<std::uint32_t> differ = differingProjects(round, first[i], second[i]);
        if (!differ.empty()) mismatches.push_back({i, std::move(differ), 0, 0});
    }
    if (first.size() != second.size()) mismatches.push_back({std::nullopt, {}, first.size(), second.size()});
    return mismatches;
}

const std::vector<BallotDraft>* PaperBatch::countedBallots() const {
    return state == PaperBatchState::Agreed && first ? &first->ballots : nullptr;
}

void settlePaperBatch(const BudgetRound& round, PaperBatch& batch) {
    batch.mismatches.clear();
    if (!batch.first || !batch.second) {
        batch.state = PaperBatchState::EnteredOnce;
        return;
    }
    batch.mismatches = comparePaperEntries(round, batch.first->ballots, batch.second->ballots);
    batch.state = batch.mismatches.empty() ? PaperBatchState::Agreed : PaperBatchState::Mismatched;
}

Result<int> paperEntryNumber(const PaperBatch& batch, std::string_view facilitator, bool correction) {
    const bool hasFirst = batch.first && batch.first->facilitator == facilitator;
    const bool hasSecond = batch.second && batch.second->facilitator == facilitator;
    if (correction) {
        if (hasFirst) return 1;
        if (hasSecond) return 2;
        return makeError(ErrorCode::NotFound, std::string(facilitator) + " has not entered batch " + batch.label + ": nothing to correct");
    }
    if (hasFirst || hasSecond)
        return makeError(ErrorCode::InvalidInput, std::string(facilitator) + " already entered batch " + batch.label +
                                                      ": the second entry must be by another facilitator");
    if (!batch.first) return 1;
    if (!batch.second) return 2;
    return makeError(ErrorCode::InvalidInput, "batch " + batch.label + " was already entered by " + batch.first->facilitator +
                                                  " and " + batch.second->facilitator + ": only they can correct it");
}

}  // namespace buurtstem
