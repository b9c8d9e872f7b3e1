// Events that only come up when kiosks' logs merge: a staff decision about a voting code that was
// used at two kiosks (DuplicateCodePolicy::StaffReview in app/core/round/BudgetRound.h).
#pragma once

#include "Result.h"

#include <string>
#include <string_view>

namespace buurtstem {

inline constexpr std::string_view kEventBallotDuplicateResolved = "ballot.duplicate_resolved";

// Payload of kEventBallotDuplicateResolved: of the ballots cast with the code hashed as
// codeHash, only keepBallotId counts ("" for none). A later decision replaces an earlier one.
struct BallotDuplicateResolved {
    std::string roundId;
    std::string codeHash;
    std::string keepBallotId;  // = "" // none of them
};

std::string encodePayload(const BallotDuplicateResolved& payload);
Result<BallotDuplicateResolved> decodeBallotDuplicateResolved(std::string_view json);

}  // namespace buurtstem
