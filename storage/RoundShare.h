// One budget round at two kiosks (gedeelde ronde): the kiosk that made a round writes its events
// and its voting-code key to a file for one other kiosk, which takes them in unchanged and then
// accepts the same codes. The key is sealed to the receiving kiosk's own key and the file is
// signed by the maker; docs/sync.md has the layout and why. KioskStore's shareRound and
// receiveRound are the way in; the types and readRoundShareHeader are for the command line too.
#pragma once

#include "Bundle.h"
#include "VotingCodeHash.h"

#include "../app/core/Event.h"
#include "../app/core/Result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace buurtstem::storage {

struct SyncContext;  // Sync.h

inline constexpr std::string_view kRoundShareMagic = "BUURTSTEM-ROUND\n";
inline constexpr std::uint32_t kRoundShareFormatVersion = 1;          // the layout this build writes and reads
inline constexpr std::size_t kRoundShareMaxBytes = 64u * 1024 * 1024;  // larger files are refused unread

// The audit log's names for the two steps.
inline constexpr const char* kAuditRoundShared = "round.shared";      // after: to which kiosk, how many events
inline constexpr const char* kAuditRoundReceived = "round.received";  // after: from which kiosk, how many new

// What a share file says about itself before it is opened. Signed with the rest of the file.
struct RoundShareHeader {
    std::uint32_t formatVersion = kRoundShareFormatVersion;  // = kRoundShareFormatVersion
    BundleKey makerKey{};      // the Ed25519 key of the kiosk that made the round; it signed the file
    BundleKey recipientKey{};  // the Ed25519 key of the kiosk the file is for
    std::int32_t schemaVersion = 0;  // = 0 // the maker's database schema
    std::uint64_t createdMs = 0;     // = 0 // wall clock, milliseconds since the Unix epoch
};

// What a share carries, and what receiving it did.
struct RoundShareSummary {
    std::string roundId;
    std::string roundName;
    std::string makerKioskId;
    BundleKey makerKey{};
    BundleKey recipientKey{};
    std::int64_t events = 0;      // = 0 // in the file
    std::int64_t newEvents = 0;   // = 0 // receive: stored now (0 when it was received before)
    std::int64_t codes = 0;       // = 0 // voting codes issued in the file's events
    bool keyStored = false;       // = false // receive: the code key was new here
};

// The file for `recipientKey` with this kiosk's events of `roundId` (round.saved, round.phases_set,
// voting_codes.issued, voting_code.voided) and the round's code key. Reads only. Errors: NotFound
// (no such round), InvalidInput (the round was made at another kiosk, or the key is this kiosk's
// own), StorageFailure.
Result<std::string> makeRoundShare(SQLite::Database& db, const std::string& ownKioskId, const std::string& roundId,
                                   const BundleKey& recipientKey, const BoxKey* staffPublicKey, int schemaVersion,
                                   std::uint64_t nowMs, RoundShareSummary& summary);

// Size, magic, lengths, signature, format version: needs no secret. Errors (InvalidInput, the
// detail starting with what went wrong): "not a shared round", "truncated", "tampered", "future version".
Result<RoundShareHeader> readRoundShareHeader(std::string_view bytes);

// Checks the whole file (as readRoundShareHeader, then: made here, for another kiosk, schema,
// the seal, the events, another office) and only then stores, inside the caller's write
// transaction, the events it does not hold yet and the code key, and brings the read tables up
// to date. Receiving the same file again changes nothing. Errors: InvalidInput (the detail says
// what; "conflict", found while storing, too), storage errors; the caller rolls back on error.
Result<RoundShareSummary> receiveRoundShare(SQLite::Database& db, const SyncContext& context, std::string_view bytes,
                                            const BoxKey* staffPublicKey);

}  // namespace buurtstem::storage
