// Sync bundles (bundel): the file a kiosk writes to a USB stick so the staff office can merge its
// events. This part is the pure layout: the header, the events as cereal binary, and the checks
// that need no keys. Signing and sealing live in storage/Bundle.h; docs/sync.md has the format.
#pragma once

#include "Event.h"
#include "Result.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

inline constexpr std::string_view kBundleMagic = "BUURTSTEM-BUNDLE\n";
// The layout this build writes. Format 2 signs the BLAKE2b-256 of the signed bytes instead of the
// bytes themselves (the header is the same); format 1 is still read.
inline constexpr std::uint32_t kBundleFormatVersion = 2;
inline constexpr std::uint32_t kBundleOldestFormatVersion = 1;  // the oldest this build reads
inline constexpr std::size_t kBundleKeyBytes = 32;        // crypto_sign_PUBLICKEYBYTES (Ed25519)
using BundleKey = std::array<std::uint8_t, kBundleKeyBytes>;

// What a bundle says about itself, readable before the events are opened. Signed together
// with the sealed events, so none of it can be changed on the way.
struct BundleHeader {
    std::uint32_t formatVersion = kBundleFormatVersion;  // = kBundleFormatVersion // kBundleOldestFormatVersion and up
    BundleKey kioskPublicKey{};                          // the kiosk's Ed25519 key that signed the bundle
    std::string kioskId;                                 // every event in the bundle is this kiosk's
    std::int64_t firstSeq = 0;                           // = 0 // 0 with lastSeq 0: an empty bundle
    std::int64_t lastSeq = 0;                            // = 0
    std::int64_t eventCount = 0;                         // = 0
    std::string previousBundleHash;                      // = "" // hex BLAKE2b of the kiosk's previous bundle; "" for the first
    std::int32_t schemaVersion = 0;                      // = 0 // the writing kiosk's database schema
    std::uint64_t kioskHlc = 0;                          // = 0 // the kiosk's clock when it wrote the bundle
    std::uint64_t createdMs = 0;                         // = 0 // wall clock, milliseconds since the Unix epoch

    bool operator==(const BundleHeader&) const = default;
};

// Cereal portable binary. formatVersion and the key come first, at fixed offsets
// (kBundleHeaderKeyOffset), so a reader can check the signature before parsing anything else.
std::string encodeBundleHeader(const BundleHeader& header);
// InvalidInput for bytes that are not a whole header, with lengths that cannot be right, or
// trailing bytes. Never allocates more than the input's size per field.
Result<BundleHeader> decodeBundleHeader(std::string_view bytes);
inline constexpr std::size_t kBundleHeaderKeyOffset = 1 + 4;  // cereal's endianness byte, then the version

// The events in order, as cereal portable binary.
std::string encodeBundleEvents(const std::vector<Event>& events);
// Reads them in place: the views point into `bytes`, which must outlive them. InvalidInput for
// bytes that are not whole events, a length that cannot be right, or trailing bytes; never
// allocates more than one view per 48 bytes of input.
Result<std::vector<EventView>> readBundleEvents(std::string_view bytes);
// The same, each event with its own strings.
Result<std::vector<Event>> decodeBundleEvents(std::string_view bytes);

// Checks that need no keys: every event is the header's kiosk's, seqs inside the header's range
// and each seq once, the count matches, the event fields are present. The detail names the first problem.
Result<void> checkBundleEvents(const BundleHeader& header, std::span<const EventView> events);

// [SECTION] What an import found

// Seqs of one kiosk that no imported bundle held yet: from..to (both included).
struct SeqGap {
    std::string kioskId;
    std::int64_t fromSeq = 0;  // = 0
    std::int64_t toSeq = 0;    // = 0
    bool operator==(const SeqGap&) const = default;
};
// The gaps in `seqs` (sorted, without repeats) counted from 1.
std::vector<SeqGap> findSeqGaps(const std::string& kioskId, const std::vector<std::int64_t>& seqs);

// Two versions of one event (same kiosk and seq, or same uuid, different content): neither counts.
struct QuarantinedEvent {
    Event event;
    std::string reason;  // "same kiosk and seq" or "same uuid"
};

struct BundleImport {
    std::string file;              // = "" // as given to the command, for the report
    std::string kioskId;
    std::int64_t firstSeq = 0;     // = 0
    std::int64_t lastSeq = 0;      // = 0
    std::int64_t newEvents = 0;    // = 0 // stored now
    std::int64_t duplicates = 0;   // = 0 // the hub held them already
    bool alreadyImported = false;  // = false // this very bundle was imported before: skipped whole
    bool newKiosk = false;         // = false // its key was trusted just now
};

// A voting code with more than one ballot (usually cast at two kiosks).
struct CodeConflict {
    std::string roundId;
    std::string codeHash;
    std::vector<std::string> ballotIds;  // earliest first, by (hlc, kiosk id, seq)
    bool resolved = false;               // = false // staff recorded a decision (StaffReview)
    std::string keptBallotId;            // = "" // the decision, "" for none kept
};

struct SyncReport {
    std::vector<BundleImport> bundles;        // in the order given
    std::vector<SeqGap> gaps;                 // of every kiosk the hub holds, after the import
    std::vector<QuarantinedEvent> quarantined;  // newly found by this import
    std::vector<CodeConflict> codeConflicts;  // all open ones after the import
    bool fullRebuild = false;                 // = false // the read tables were rebuilt rather than extended
};

// [SECTION] Kiosks as the office knows them

// A kiosk staff reported lost or stolen (`sync untrust`): no bundle signed with its key, or naming
// it, is accepted here any more. What it sent before stays; with fromSeq, its events from that seq
// on (made after the loss) are set aside: kept in the log, counted nowhere.
struct WithdrawnKiosk {
    std::string kioskId;
    BundleKey publicKey{};                 // the key it signed with, refused from now on
    std::uint64_t withdrawnMs = 0;         // = 0 // when staff reported it, ms since the Unix epoch
    std::optional<std::int64_t> fromSeq;   // = nullopt // every event it sent still counts
    std::string by;                        // = "" // who reported it (the audit log's name)
    std::int64_t setAside = 0;             // = 0 // events held here with seq >= fromSeq
};
// The audit log's name for it: before the kiosk's key, after what was withdrawn and set aside.
inline constexpr const char* kAuditKioskTrustWithdrawn = "kiosk.trust_withdrawn";

// What the office last heard from one kiosk (laatst gehoord), from the events and bundles it holds.
struct KioskActivity {
    std::string kioskId;
    std::string neighbourhood;             // = "" // the latest it named; "" when it named none
    bool own = false;                      // = false // this database's own kiosk id (the office itself)
    std::int64_t events = 0;               // = 0 // held here, set-aside ones included
    std::int64_t lastSeq = 0;              // = 0 // its highest seq held here
    std::uint64_t lastEventMs = 0;         // = 0 // the kiosk's clock at that event; 0 without events
    std::uint64_t lastImportMs = 0;        // = 0 // when a bundle of it was last imported; 0: never
    std::optional<WithdrawnKiosk> withdrawn;  // = nullopt // reported lost
};
// A kiosk is silent after this long without an event: staff go and look (a broken or unused
// kiosk, a stick nobody collected).
inline constexpr std::uint64_t kKioskSilentMs = 30ULL * 24 * 3600 * 1000;
// Silent at `nowMs`: another kiosk, not reported lost, whose last event is more than
// kKioskSilentMs old (or that sent no event at all).
bool kioskSilent(const KioskActivity& kiosk, std::uint64_t nowMs);

// Hex of bytes, lower case (hashes and key fingerprints in reports).
std::string toHex(std::string_view bytes);

}  // namespace buurtstem
