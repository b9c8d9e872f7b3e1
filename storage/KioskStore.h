// KioskStore: the kiosk's database. Every change goes through one write path that appends an
// insert-only event (unique per kiosk id and sequence number, with a UUID and an HLC stamp) and
// applies its effect to the read tables in the same transaction. The read tables can always be
// rebuilt from the events alone.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Idea.h"
#include "../app/core/MeetingNeed.h"
#include "../app/core/Pulse.h"
#include "../app/core/Result.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::storage {

inline constexpr int kSchemaVersion = 4;  // PRAGMA user_version this build writes
inline constexpr const char* kDatabaseFileName = "buurtstem.sqlite";
// Written next to the database by addDemoNeighbourhood, so the demo's sealed contacts can be
// opened in tests and demonstrations. A real kiosk never holds the staff's secret key.
inline constexpr const char* kDemoStaffSecretKeyFileName = "demo-staff-secret.key";
inline constexpr std::size_t kStaffKeyBytes = 32;  // crypto_box_PUBLICKEYBYTES and SECRETKEYBYTES
using StaffKey = std::array<std::uint8_t, kStaffKeyBytes>;

// Milliseconds since the Unix epoch; replaceable in tests.
using WallClock = std::function<std::uint64_t()>;

struct StoreOptions {
    WallClock clock;               // = system clock when empty
    std::int64_t maxPageCount = 0; // = 0 (no limit) // caps the database file (PRAGMA max_page_count);
                                   // tests use it to run into a full disk
};

class KioskStore {
public:
    // Opens (or creates) <dataDir>/buurtstem.sqlite: WAL, synchronous=FULL, foreign keys on,
    // busy timeout; runs pending migrations, and after an upgrade rebuilds the read tables, so
    // events an older build kept but did not understand take effect. Errors: NotADatabase (file is not SQLite or is
    // corrupt; it is left untouched), NewerSchema (user_version above kSchemaVersion; left
    // untouched), DataDirUnusable, StorageFailure.
    static Result<std::unique_ptr<KioskStore>> open(const std::filesystem::path& databaseFile,
                                                    StoreOptions options = {});
    // A private in-memory database, for tests and screenshots.
    static Result<std::unique_ptr<KioskStore>> openInMemory(StoreOptions options = {});

    ~KioskStore();
    KioskStore(const KioskStore&) = delete;
    KioskStore& operator=(const KioskStore&) = delete;

    const std::string& kioskId() const;
    int schemaVersion() const;

    // [SECTION] Writes (each one event, one transaction)
    // Validates, assigns id and reference code, records idea.submitted. A contact is sealed to
    // the staff's public key first: only the sealed box is stored, never the name or address.
    // Errors: InvalidInput (also "no staff key" when there is a contact and no key is set),
    // StorageFull, StorageReadOnly, StorageFailure. Nothing is stored on error.
    Result<Idea> submitIdea(const IdeaDraft& draft, bool demo = false);
    // Records pulse.given with the draft's scores (0 = skipped). Errors: InvalidInput (nothing
    // answered, or a score outside 0..5), StorageFull, StorageReadOnly, StorageFailure. Nothing
    // is stored on error.
    Result<void> givePulse(const PulseDraft& draft);
    // Records meeting_need.given with the draft's choices and trimmed notes. Errors: InvalidInput
    // (nothing answered, a bad note or choice), StorageFull, StorageReadOnly, StorageFailure.
    // Nothing is stored on error.
    Result<void> giveMeetingNeed(const MeetingNeedDraft& draft);
    // Records idea.approved: residents see the idea from now on. For tests now and the
    // moderation screen later. Errors: NotFound (no such idea; nothing stored), StorageFull,
    // StorageReadOnly, StorageFailure.
    Result<void> approveIdea(const std::string& ideaId);
    // Records idea.supported (one "I support this") and returns the idea with its new count.
    // Once per visit is the screen's rule; storage counts every tap it is given. Errors: NotFound
    // (no approved idea with this id; nothing stored), StorageFull, StorageReadOnly, StorageFailure.
    Result<Idea> supportIdea(const std::string& ideaId);
    // Records neighbourhood.places_set: the named places residents choose from. Errors:
    // InvalidInput (an empty, repeated or unreadable name), StorageFull, StorageReadOnly, StorageFailure.
    Result<void> setPlaces(const std::vector<std::string>& places);
    // Stores the key contacts are sealed to (a kiosk setting, not an event: see Migrations.cpp).
    // Errors: StorageFull, StorageReadOnly, StorageFailure.
    Result<void> setStaffPublicKey(const StaffKey& publicKey);
    // Fills an empty kiosk with the demo neighbourhood (name, places, ideas already approved) and
    // a demo staff key pair: the public key is stored, the secret key written to
    // <data dir>/demo-staff-secret.key (mode 0600; not for in-memory stores). Returns the
    // number of ideas added; 0 when the kiosk already holds ideas (the demo never mixes into real data).
    Result<int> addDemoNeighbourhood();

    // [SECTION] Reads (derived from events)
    // Ideas residents may see (approved ones only), newest first.
    std::vector<Idea> visibleIdeas() const;
    std::optional<Idea> ideaByReference(const std::string& reference) const;
    std::int64_t ideaCount() const;
    std::string neighbourhoodName() const;
    // The neighbourhood's named places, in the order they were set.
    std::vector<std::string> places() const;
    std::optional<StaffKey> staffPublicKey() const;
    // Counts and sums of every stored pulse (this kiosk's and imported ones), per aspect.
    PulseSummary pulseSummary() const;
    // How many stored needs chose each option, and every note, oldest first (for the facilitator).
    MeetingNeedSummary meetingNeedSummary() const;

    // [SECTION] Event log
    std::vector<Event> events(std::int64_t afterSeq = 0) const;  // this kiosk's, by seq
    std::int64_t eventCount() const;
    // Drops and recomputes every read table from the events, in one transaction.
    Result<void> rebuildReadTables();

    // Reads return an empty result when storage fails; this says why (nullopt after a good read).
    std::optional<Error> lastReadError() const;

private:
    struct Impl;
    explicit KioskStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace buurtstem::storage
