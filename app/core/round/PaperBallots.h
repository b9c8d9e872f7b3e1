// Paper ballots (papieren stemmen): residents who do not use the kiosk vote on paper, and
// facilitators type the ballots in by batch (a ballot box, a stack from one evening). Each batch
// is entered twice, by two different facilitators; only a batch whose two entries agree counts,
// in the same tally as the kiosk's ballots.
#pragma once

#include "../Result.h"
#include "BudgetRound.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

inline constexpr std::size_t kPaperBatchLabelMax = 60;        // code points: "stembus buurthuis 1"
inline constexpr std::size_t kPaperBatchBallotsMax = 2000;    // one box; more is a typing slip

// One facilitator's entry of a batch: its ballots in the order they were typed.
struct PaperEntry {
    std::string facilitator;            // the label of the facilitator who typed it
    std::vector<BallotDraft> ballots;   // in entry order
};

// Checks one entry before it is stored: a label of 1..kPaperBatchLabelMax code points (trimmed),
// 1..kPaperBatchBallotsMax ballots, each one validateBallot accepts. InvalidInput names the
// ballot ("ballot 3: ...", counted from 1).
Result<void> validatePaperEntry(const BudgetRound& round, std::string_view batchLabel, const std::vector<BallotDraft>& ballots);

// Whether two ballots say the same: the same projects for approval and budget ballots (in any
// order of tapping), the same order for a ranking, the same points on each project.
bool sameBallot(const BudgetRound& round, const BallotDraft& a, const BallotDraft& b);

// One difference between the two entries of a batch, for the facilitator to check on paper.
struct PaperMismatch {
    std::optional<std::size_t> ballot;   // = nullopt // the ballot that differs (0-based); nullopt: the entries count differently
    std::vector<std::uint32_t> projects; // the projects marked differently on it, in the round's order
    std::size_t firstCount = 0;          // = 0 // ballots in each entry, when the counts differ
    std::size_t secondCount = 0;         // = 0

    bool operator==(const PaperMismatch&) const = default;
};

// Compares the two entries ballot by ballot, in entry order: one mismatch per ballot that
// differs, for the ballots both have, then one for a different number of ballots. Empty: agreed.
std::vector<PaperMismatch> comparePaperEntries(const BudgetRound& round, const std::vector<BallotDraft>& first,
                                               const std::vector<BallotDraft>& second);

enum class PaperBatchState {
    EnteredOnce,  // waiting for a second facilitator
    Agreed,       // both entries say the same: its ballots count
    Mismatched,   // the entries differ: nothing counts until a correction makes them agree
};

// A batch as it stands: its entries and what comparing them says.
struct PaperBatch {
    std::string roundId;
    std::string label;
    std::optional<PaperEntry> first;   // = nullopt // entry 1
    std::optional<PaperEntry> second;  // = nullopt // entry 2, by another facilitator
    PaperBatchState state = PaperBatchState::EnteredOnce;
    std::vector<PaperMismatch> mismatches;  // when Mismatched

    // The ballots that count: the first entry's once the entries agree, otherwise none.
    const std::vector<BallotDraft>* countedBallots() const;
};

// Compares the batch's entries and sets its state and mismatches.
void settlePaperBatch(const BudgetRound& round, PaperBatch& batch);

// Which entry (1 or 2) a facilitator's entry of a batch is. A new entry takes the first free one;
// InvalidInput when this facilitator entered the batch already (the second entry must be by
// someone else: that is what makes it a check) or when two others did. A correction replaces the
// facilitator's own entry; NotFound when they have none.
Result<int> paperEntryNumber(const PaperBatch& batch, std::string_view facilitator, bool correction);

}  // namespace buurtstem
