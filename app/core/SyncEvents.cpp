// JSON of the merge's own events (see SyncEvents.h).
#include "SyncEvents.h"

#include "EventJson.h"

#include <cereal/types/string.hpp>

namespace buurtstem {

std::string encodePayload(const BallotDuplicateResolved& payload) {
    return eventjson::writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("codeHash", payload.codeHash),
                cereal::make_nvp("keepBallotId", payload.keepBallotId));
    });
}

Result<BallotDuplicateResolved> decodeBallotDuplicateResolved(std::string_view json) {
    const std::string what(kEventBallotDuplicateResolved);
    return eventjson::readJson<BallotDuplicateResolved>(
        json, what, [&](cereal::JSONInputArchive& archive) -> Result<BallotDuplicateResolved> {
            BallotDuplicateResolved payload;
            archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("codeHash", payload.codeHash),
                    cereal::make_nvp("keepBallotId", payload.keepBallotId));
            if (payload.roundId.empty() || payload.codeHash.empty()) {
                return makeError(ErrorCode::InvalidInput, what + ": empty roundId or codeHash");
            }
            return payload;
        });
}

}  // namespace buurtstem
