// Sync inside storage: the kiosk's signing identity, exporting its events as a bundle, importing
// bundles of other kiosks order-free, and what the merge found (gaps, quarantined events, voting
// codes used twice). Internal to storage; KioskStore's sync methods are the way in.
#pragma once

#include "Bundle.h"
#include "EventRun.h"

#include "../app/core/Bundle.h"
#include "../app/core/Event.h"
#include "../app/core/Hlc.h"
#include "../app/core/Result.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace buurtstem::storage {

// Makes the kiosk's key pair when it has none (a new database, or one from before schema 14).
// Runs its own transaction.
Result<void> ensureSigningIdentity(SQLite::Database& db);
// Throws SQLite::Exception; the row always exists after open.
KioskIdentity readSigningIdentity(SQLite::Database& db);

// What importing needs from the store around it. All run inside the caller's transaction.
struct SyncContext {
    std::string ownKioskId;
    BundleKey ownPublicKey{};
    std::uint64_t nowMs = 0;
    int schemaVersion = 0;
    // To the read tables, in the given order, with their payloads decoded by `decoding` (of the same
    // events). The events stay where they are until it returns.
    std::function<Result<void>(std::span<const EventView* const>, EventRun::Decoding& decoding)> apply;
    std::function<Result<void>()> rebuild;            // all read tables again, skipping quarantined events
    std::function<void(HlcStamp)> observe;            // the clock takes note of an imported stamp
};

struct NamedBundle {
    std::string name;       // the file, for messages and the report
    std::span<char> bytes;  // the caller's, not copied (a merge may read hundreds of megabytes); opened in place
};

// Checks every bundle first (Bundle.h's openBundle, trust) and only then stores anything; inside
// the caller's write transaction, so any error leaves the database as it was. The bundles' bytes
// are opened in place: afterwards they no longer hold the bundles.
Result<SyncReport> importBundles(SQLite::Database& db, const SyncContext& context, const std::vector<NamedBundle>& bundles,
                                 const BoxKey& staffSecretKey, bool trustNew);

// Applies ballot.duplicate_resolved; false for any other type. Throws SQLite::Exception.
Result<bool> applySyncEvent(SQLite::Database& db, const Event& event);

// The SELECT of every event to apply in a rebuild, in the agreed order, without quarantined ones.
extern const char* const kEventsToApplySql;
// That order as a key: an event sorts before another when its key is less.
inline std::tuple<std::uint64_t, std::string_view, std::int64_t> applyKey(const EventView& e) {
    return {e.hlc.packed, e.kioskId, e.seq};
}

// An event from a row whose first six columns are kiosk_id, seq, uuid, hlc, type, payload.
Event eventFrom(SQLite::Statement& row);
// Two events alike in every field.
bool sameContent(const EventView& a, const EventView& b);
// The event applied last: the latest in apply order (hlc, kiosk id, seq); none in an empty log.
// Throws SQLite::Exception.
std::optional<Event> readLastApplied(SQLite::Database& db);

std::vector<SeqGap> readSeqGaps(SQLite::Database& db);
std::vector<QuarantinedEvent> readQuarantine(SQLite::Database& db);
std::vector<CodeConflict> readCodeConflicts(SQLite::Database& db);

// Export: this kiosk's events after `afterSeq`, as a signed, sealed bundle naming the previous one.
struct ExportedBundle {
    std::string bytes;
    BundleHeader header;
    std::string hash;
};
Result<ExportedBundle> makeExportBundle(SQLite::Database& db, const std::string& kioskId, std::int64_t afterSeq,
                                        const BoxKey& staffPublicKey, int schemaVersion, std::uint64_t kioskHlc,
                                        std::uint64_t nowMs);
void rememberExport(SQLite::Database& db, const ExportedBundle& bundle);
std::int64_t readAcknowledgedSeq(SQLite::Database& db);
void storeAcknowledgedSeq(SQLite::Database& db, std::int64_t seq);

// [SECTION] Lost kiosks and what the office last heard (docs/sync.md)
// Every kiosk reported lost, by kiosk id, with the count of its events set aside.
std::vector<WithdrawnKiosk> readWithdrawnKiosks(SQLite::Database& db);
// Refuses what a kiosk reported lost here sends: a file naming its id, or signed with its key
// under any id. `files` names them in the message: "bundles", "shared rounds".
Result<void> refuseWithdrawn(const std::vector<WithdrawnKiosk>& withdrawn, const std::string& kioskId, const BundleKey& key,
                             std::string_view files);
struct WithdrawTrust {
    std::optional<WithdrawnKiosk> before;  // reported before: this sets more aside
    WithdrawnKiosk after;
};
// Stores the withdrawal of a trusted kiosk's key; inside the caller's transaction, which also
// rebuilds the read tables when events were set aside. Errors: NotFound (not trusted here),
// InvalidInput (this database's own id, fromSeq below 1, reported already with nothing more to
// set aside). Throws SQLite::Exception.
Result<WithdrawTrust> withdrawKiosk(SQLite::Database& db, const std::string& ownKioskId, const std::string& kioskId,
                                    std::optional<std::int64_t> fromSeq, const std::string& by, std::uint64_t nowMs);
// Every kiosk with events here or trusted here, by kiosk id.
std::vector<KioskActivity> readKioskActivity(SQLite::Database& db, const std::string& ownKioskId);

// At the office: each trusted kiosk with the seq up to which the hub holds all its events.
struct HeldKiosk {
    std::string kioskId;
    BundleKey publicKey{};
    std::int64_t contiguousSeq = 0;
};
std::vector<HeldKiosk> readHeldKiosks(SQLite::Database& db);

}  // namespace buurtstem::storage
