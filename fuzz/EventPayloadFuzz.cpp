// Every event payload decoder on any bytes (a bundle from another kiosk brings payloads as text):
// none may crash or throw, and a payload one accepts encodes to text it accepts again, unchanged.
// Inputs are one byte choosing the decoder, then the payload.
#include "FuzzCheck.h"

#include "app/core/EveningEvents.h"
#include "app/core/Event.h"
#include "app/core/InitiativeProgress.h"
#include "app/core/Moderation.h"
#include "app/core/SyncEvents.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace buurtstem;

namespace {

// decode, and when that works: encode, decode again, encode again; both encodings agree.
template <class Decode>
void roundTrip(std::string_view json, Decode decode) {
    const auto decoded = decode(json);
    if (!decoded) {
        FUZZ_CHECK(decoded.error().code == ErrorCode::InvalidInput);
        return;
    }
    const std::string encoded = encodePayload(*decoded);
    const auto again = decode(encoded);
    if (!again) std::fprintf(stderr, "refused its own encoding %s: %s\n", encoded.c_str(), again.error().detail.c_str());
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(encodePayload(*again) == encoded);
}

constexpr int kDecoders = 28;

}  // namespace

// The decoder is chosen by the input's first byte: one decoder per input keeps each run short
// and lets the fuzzer learn what each one takes.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view json(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % kDecoders) {
        case 0: roundTrip(json, decodePlacesSet); break;
        case 1: roundTrip(json, decodeIdeaSubmitted); break;
        case 2: roundTrip(json, decodeNeighbourhoodNamed); break;
        case 3: roundTrip(json, decodePulseGiven); break;
        case 4: roundTrip(json, decodeMeetingNeedGiven); break;
        case 5: roundTrip(json, decodeIdeaApproved); break;
        case 6: roundTrip(json, decodeIdeaSupported); break;
        case 7: roundTrip(json, decodeInitiativeSubmitted); break;
        case 8: roundTrip(json, decodeInitiativeMaximumSet); break;
        case 9: roundTrip(json, decodeRoundPhasesSet); break;
        case 10: roundTrip(json, decodeRoundSaved); break;
        case 11: roundTrip(json, decodeVotingCodesIssued); break;
        case 12: roundTrip(json, decodeVotingCodeVoided); break;
        case 13: roundTrip(json, decodeBallotCast); break;
        case 14: roundTrip(json, decodePaperBatchEntered); break;
        case 15: roundTrip(json, decodeEveningSaved); break;
        case 16: roundTrip(json, decodeEveningCheckedIn); break;
        case 17: roundTrip(json, decodeEveningItemStarted); break;
        case 18: roundTrip(json, decodeDotVoteOpened); break;
        case 19: roundTrip(json, decodeDotGiven); break;
        case 20: roundTrip(json, decodeDotVoteClosed); break;
        case 21: roundTrip(json, decodeMinutesSaved); break;
        case 22: roundTrip(json, decodeBallotDuplicateResolved); break;
        case 23: roundTrip(json, decodeIdeaHidden); break;
        case 24: roundTrip(json, decodeIdeaCorrected); break;
        case 25: roundTrip(json, decodeIdeaMerged); break;
        case 26: roundTrip(json, decodeIdeaClassified); break;
        case 27: roundTrip(json, decodeInitiativeProgressSet); break;
    }
    return 0;
}
