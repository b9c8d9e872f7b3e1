// Sync inside storage (see Sync.h): identity, export, order-free import, and what a merge found.
#include "Sync.h"

#include "BulkRows.h"

#include "../app/core/CivilDate.h"
#include "../app/core/KioskSetup.h"
#include "../app/core/SyncEvents.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdio>
#include <cstring>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>

namespace buurtstem::storage {

namespace {

std::int64_t toColumn(HlcStamp stamp) { return static_cast<std::int64_t>(stamp.packed); }

template <std::size_t N>
std::array<std::uint8_t, N> blobColumn(const SQLite::Column& column) {
    std::array<std::uint8_t, N> bytes{};
    if (column.getBytes() == static_cast<int>(N)) std::memcpy(bytes.data(), column.getBlob(), N);
    return bytes;
}

// An event this import stores, sorted into apply order (applyKey) and then applied where it lies.
// The key is held as numbers: the kiosk by its rank among the import's kiosks, which sorts as
// their ids do. Stamps from different kiosks are often equal, and comparing ids in the bundles
// would cost a look into memory far apart for each comparison.
struct NewEvent {
    std::uint64_t hlc;
    std::uint32_t kioskRank;
    std::int64_t seq;
    const EventView* event;  // in its opened bundle
    friend bool operator<(const NewEvent& a, const NewEvent& b) {
        return std::tie(a.hlc, a.kioskRank, a.seq) < std::tie(b.hlc, b.kioskRank, b.seq);
    }
};

// The events an import accepts, by uuid: a million in a large merge. A slot is the event and its
// uuid's hash, 16 bytes, where a map from uuid to event would hold the uuid's view as well; half
// the memory to fill, and the uuid itself is only read when two hashes are equal.
class AcceptedUuids {
public:
    explicit AcceptedUuids(std::size_t atMost) : slots_(std::bit_ceil(atMost * 4 / 3 + 1)) {}
    // The event accepted before with the uuid of `event`; else nullptr, and `event` is accepted.
    const EventView* accept(const EventView& event) {
        const std::uint64_t hash = std::hash<std::string_view>{}(event.uuid) | (std::uint64_t{1} << 63);  // never 0
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
            Slot& slot = slots_[i];
            if (slot.hash == 0) {
                slot = {hash, &event};
                return nullptr;
            }
            if (slot.hash == hash && slot.event->uuid == event.uuid) return slot.event;
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;  // 0: empty
        const EventView* event = nullptr;
    };
    std::vector<Slot> slots_;  // a power of two in size, at most three quarters used (atMost accepted)
};

// A value of an event read in place, bound to a look-up or an insert: a text (copied by SQLite), or a number.
void bindKey(SQLite::Statement& q, int index, std::string_view text) { q.bind(index, std::string(text)); }
void bindKey(SQLite::Statement& q, int index, std::int64_t number) { q.bind(index, number); }

std::string fingerprint(const BundleKey& key) {
    StaffKeyBytes bytes{};
    std::copy(key.begin(), key.end(), bytes.begin());
    return keyFingerprint(bytes);
}

// "2026-11-28": the local day staff reported a kiosk lost.
std::string dayText(std::uint64_t ms) {
    const CivilDate day = localDate(ms);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", day.year, day.month, day.day);
    return text;
}

// Runs work(i) once for every i below n, on up to kOpenThreads threads (fewer on a smaller
// machine). An exception in any is rethrown here after all have stopped.
constexpr unsigned kOpenThreads = 4;
template <typename Work>
void forEachOnThreads(std::size_t n, const Work& work) {
    const unsigned cores = std::max(1u, std::min(kOpenThreads, std::thread::hardware_concurrency()));
    const std::size_t threads = std::min<std::size_t>(n, cores);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i) work(i);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::mutex failedLock;
    std::exception_ptr failed;
    const auto run = [&]() {
        try {
            for (std::size_t i = next++; i < n; i = next++) work(i);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failedLock);
            if (!failed) failed = std::current_exception();
            next = n;
        }
    };
    std::vector<std::thread> others;
    for (std::size_t t = 1; t < threads; ++t) others.emplace_back(run);
    run();
    for (std::thread& t : others) t.join();
    if (failed) std::rethrow_exception(failed);
}

}  // namespace

const char* const kEventsToApplySql =
    "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events e "
    "WHERE NOT EXISTS (SELECT 1 FROM sync_quarantine q WHERE q.kiosk_id = e.kiosk_id AND q.seq = e.seq) "
    "AND NOT EXISTS (SELECT 1 FROM sync_quarantine q WHERE q.uuid = e.uuid) "
    "AND NOT EXISTS (SELECT 1 FROM withdrawn_kiosks w WHERE w.kiosk_id = e.kiosk_id AND e.seq >= w.from_seq) "
    "ORDER BY hlc, kiosk_id, seq";

Event eventFrom(SQLite::Statement& row) {
    Event e;
    e.kioskId = row.getColumn(0).getString();
    e.seq = row.getColumn(1).getInt64();
    e.uuid = row.getColumn(2).getString();
    e.hlc = HlcStamp{static_cast<std::uint64_t>(row.getColumn(3).getInt64())};
    e.type = row.getColumn(4).getString();
    e.payload = row.getColumn(5).getString();
    return e;
}

bool sameContent(const EventView& a, const EventView& b) {
    return a.kioskId == b.kioskId && a.seq == b.seq && a.uuid == b.uuid && a.hlc == b.hlc && a.type == b.type &&
           a.payload == b.payload;
}

Result<void> refuseWithdrawn(const std::vector<WithdrawnKiosk>& withdrawn, const std::string& kioskId, const BundleKey& key,
                             std::string_view files) {
    for (const WithdrawnKiosk& lost : withdrawn) {
        const std::string reported = "kiosk " + lost.kioskId + " was reported lost on " + dayText(lost.withdrawnMs) + "; its " +
                                     std::string(files) + " are no longer accepted";
        if (lost.kioskId == kioskId) return makeError(ErrorCode::InvalidInput, reported);
        if (lost.publicKey == key)
            return makeError(ErrorCode::InvalidInput, "kiosk " + kioskId + " signed with the key of a lost kiosk: " + reported);
    }
    return {};
}

std::optional<Event> readLastApplied(SQLite::Database& db) {
    SQLite::Statement last(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events "
                               "ORDER BY hlc DESC, kiosk_id DESC, seq DESC LIMIT 1");
    if (!last.executeStep()) return std::nullopt;
    return eventFrom(last);
}

// [SECTION] Identity

Result<void> ensureSigningIdentity(SQLite::Database& db) {
    try {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (db.execAndGet("SELECT COUNT(*) FROM kiosk_identity").getInt() > 0) return {};
        KioskIdentity identity = makeKioskIdentity();
        SQLite::Statement insert(db, "INSERT INTO kiosk_identity (id, public_key, secret_key) VALUES (1, ?, ?)");
        insert.bind(1, identity.publicKey.data(), static_cast<int>(identity.publicKey.size()));
        insert.bind(2, identity.secretKey.data(), static_cast<int>(identity.secretKey.size()));
        insert.exec();
        sodium_memzero(identity.secretKey.data(), identity.secretKey.size());
        tx.commit();
        return {};
    } catch (const SQLite::Exception& e) {
        return makeError(ErrorCode::StorageFailure, std::string("create the kiosk's signing key: ") + e.what());
    }
}

KioskIdentity readSigningIdentity(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT public_key, secret_key FROM kiosk_identity WHERE id = 1");
    KioskIdentity identity;
    if (!q.executeStep()) throw SQLite::Exception("the kiosk has no signing key");
    identity.publicKey = blobColumn<kBundleKeyBytes>(q.getColumn(0));
    identity.secretKey = blobColumn<64>(q.getColumn(1));
    return identity;
}

// [SECTION] Import

Result<SyncReport> importBundles(SQLite::Database& db, const SyncContext& context, const std::vector<NamedBundle>& bundles,
                                 const BoxKey& staffSecretKey, bool trustNew) {
    SyncReport report;

    // 1. Every bundle is checked before anything is stored.
    std::map<std::string, BundleKey> trusted;
    {
        SQLite::Statement q(db, "SELECT kiosk_id, public_key FROM trusted_kiosks");
        while (q.executeStep()) trusted[q.getColumn(0).getString()] = blobColumn<kBundleKeyBytes>(q.getColumn(1));
    }
    trusted[context.ownKioskId] = context.ownPublicKey;
    const std::vector<WithdrawnKiosk> withdrawn = readWithdrawnKiosks(db);
    if (sodium_init() < 0) return makeError(ErrorCode::StorageFailure, "libsodium could not be initialised");

    // Named in one pass, which also takes the digest a bundle's signature is checked against.
    std::vector<BundleDigests> digests(bundles.size());
    forEachOnThreads(bundles.size(), [&](std::size_t i) {
        digests[i] = bundleDigests(std::string_view(bundles[i].bytes.data(), bundles[i].bytes.size()));
    });
    std::set<std::string> hashesSeen;
    SQLite::Statement importedBefore(db, "SELECT kiosk_id, first_seq, last_seq FROM imported_bundles WHERE bundle_hash = ?");
    std::vector<std::size_t> toOpen;  // into bundles, in their order
    for (std::size_t i = 0; i < bundles.size(); ++i) {
        BundleImport line;
        line.file = bundles[i].name;
        importedBefore.reset();
        importedBefore.bind(1, digests[i].hash);
        if (importedBefore.executeStep() || hashesSeen.count(digests[i].hash) > 0) {
            line.alreadyImported = true;
            if (importedBefore.hasRow()) {
                line.kioskId = importedBefore.getColumn(0).getString();
                line.firstSeq = importedBefore.getColumn(1).getInt64();
                line.lastSeq = importedBefore.getColumn(2).getInt64();
            }
        } else {
            hashesSeen.insert(digests[i].hash);
            toOpen.push_back(i);
        }
        report.bundles.push_back(line);
    }

    // Opened on several threads, with the checks that depend on no other bundle; `passed` keeps
    // the header of each bundle that got past them, for the one check that does depend on order.
    struct Opening {
        std::optional<BundleHeader> passed;
        std::optional<Result<OpenedBundle>> result;  // empty: not opened, an earlier bundle failed
    };
    std::vector<Opening> openings(toOpen.size());
    std::atomic<std::size_t> firstFailed{toOpen.size()};
    forEachOnThreads(toOpen.size(), [&](std::size_t k) {
        if (k > firstFailed.load()) return;  // only the first bad bundle's error is reported
        Opening& opening = openings[k];
        const TrustCheck trust = [&](const BundleHeader& header) -> Result<void> {
            if (Result<void> lost = refuseWithdrawn(withdrawn, header.kioskId, header.kioskPublicKey, "bundles"); !lost) return lost;
            const auto known = trusted.find(header.kioskId);
            if (known != trusted.end()) {
                if (known->second != header.kioskPublicKey) {
                    return makeError(ErrorCode::InvalidInput, "foreign: kiosk " + header.kioskId + " signed with key " +
                                                                  fingerprint(header.kioskPublicKey) + ", not with its trusted key " +
                                                                  fingerprint(known->second));
                }
            } else if (!trustNew) {
                return makeError(ErrorCode::InvalidInput, "new kiosk " + header.kioskId + " key fingerprint " +
                                                              fingerprint(header.kioskPublicKey) +
                                                              ", run again with --trust to accept it");
            }
            opening.passed = header;
            return {};
        };
        // In place: the events are read where they were sealed, and no bundle is held twice.
        opening.result = openBundleInPlace(bundles[toOpen[k]].bytes, digests[toOpen[k]], staffSecretKey, trust, context.schemaVersion);
        if (!*opening.result) {
            std::size_t failed = firstFailed.load();
            while (k < failed && !firstFailed.compare_exchange_weak(failed, k)) {
            }
        }
    });

    // In the given order: the first bad bundle's error, and a new kiosk trusted with the key of
    // its first bundle.
    std::map<std::string, BundleKey> newlyTrusted;
    std::vector<OpenedBundle> opened;
    std::vector<std::size_t> openedIndex;  // into report.bundles
    opened.reserve(toOpen.size());
    for (std::size_t k = 0; k < toOpen.size(); ++k) {
        const NamedBundle& bundle = bundles[toOpen[k]];
        Opening& opening = openings[k];
        if (opening.passed && trusted.count(opening.passed->kioskId) == 0) {
            const BundleHeader& header = *opening.passed;
            const auto pending = newlyTrusted.find(header.kioskId);
            if (pending != newlyTrusted.end() && pending->second != header.kioskPublicKey) {
                return makeError(ErrorCode::InvalidInput,
                                 bundle.name + ": foreign: two bundles of kiosk " + header.kioskId + " carry different keys");
            }
            newlyTrusted[header.kioskId] = header.kioskPublicKey;
        }
        Result<OpenedBundle>& result = *opening.result;
        if (!result) return makeError(result.error().code, bundle.name + ": " + result.error().detail);
        BundleImport& line = report.bundles[toOpen[k]];
        line.kioskId = result->header.kioskId;
        line.firstSeq = result->header.firstSeq;
        line.lastSeq = result->header.lastSeq;
        line.newKiosk = newlyTrusted.count(line.kioskId) > 0;
        openedIndex.push_back(toOpen[k]);
        opened.push_back(std::move(result).value());
    }
    openings.clear();

    // 2. One transaction (the caller's) stores them.
    {
        SQLite::Statement trust(db, "INSERT INTO trusted_kiosks (kiosk_id, public_key, trusted_ms) VALUES (?, ?, ?)");
        for (const auto& [kioskId, key] : newlyTrusted) {
            trust.bind(1, kioskId);
            trust.bind(2, key.data(), static_cast<int>(key.size()));
            trust.bind(3, static_cast<std::int64_t>(context.nowMs));
            trust.exec();
            trust.reset();
        }
    }
    const std::optional<Event> lastApplied = readLastApplied(db);
    // Each event is judged in the bundles' order, as if every event accepted before it had been
    // stored at once; the accepted ones are then stored together in apply order. So a new event
    // goes to the end of the apply-order index (and, with time-ordered ids, of the uuid index)
    // instead of to one of as many places as there are kiosks.
    //
    // What is held in a bundle's seq range, read once per bundle right before it: an event accepted
    // from an earlier bundle of this import counts as held (a bundle holds each seq once).
    SQLite::Statement inRange(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events "
                                  "WHERE kiosk_id = ? AND seq BETWEEN ? AND ? ORDER BY seq");
    std::vector<Event> heldRows;  // of those, the stored ones
    std::vector<EventView> held;
    SQLite::Statement byUuid(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events WHERE uuid = ?");
    SQLite::Statement quarantinedExact(db, "SELECT 1 FROM sync_quarantine WHERE kiosk_id = ? AND seq = ? AND uuid = ? AND "
                                           "hlc = ? AND type = ? AND payload = ?");
    SQLite::Statement quarantinedKey(db, "SELECT 1 FROM sync_quarantine WHERE (kiosk_id = ? AND seq = ?) OR uuid = ?");
    SQLite::Statement quarantine(db, "INSERT OR IGNORE INTO sync_quarantine (kiosk_id, seq, uuid, hlc, type, payload, reason) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
    const auto bindEvent = [](SQLite::Statement& s, const EventView& e) {
        bindKey(s, 1, e.kioskId);
        bindKey(s, 2, e.seq);
        bindKey(s, 3, e.uuid);
        bindKey(s, 4, toColumn(e.hlc));
        bindKey(s, 5, e.type);
        bindKey(s, 6, e.payload);
    };
    bool quarantineGrew = false;
    const auto putInQuarantine = [&](const EventView& e, const char* reason) {
        quarantine.reset();
        bindEvent(quarantine, e);
        quarantine.bind(7, reason);
        if (quarantine.exec() > 0) {
            quarantineGrew = true;
            report.quarantined.push_back({e.toEvent(), reason});
        }
    };
    const auto found = [](SQLite::Statement& q, auto&&... keys) {
        q.reset();
        int i = 0;
        (bindKey(q, ++i, keys), ...);
        return q.executeStep();
    };

    // The quarantine is nearly always empty; then its three look-ups per event are skipped. So is
    // the look-up of each new uuid among the stored events when there are none (a new office).
    bool anyQuarantined = db.execAndGet("SELECT EXISTS (SELECT 1 FROM sync_quarantine)").getInt() != 0;
    const bool anyStored = db.execAndGet("SELECT EXISTS (SELECT 1 FROM events)").getInt() != 0;
    std::vector<NewEvent> added;
    std::optional<AcceptedUuids> accepted;
    {
        std::size_t total = 0;
        for (const OpenedBundle& bundle : opened) total += bundle.events.size();
        added.reserve(total);
        accepted.emplace(total);
    }
    std::vector<std::pair<std::size_t, std::size_t>> addedOf(opened.size());  // a bundle's accepted: [from, to) in added
    std::map<std::string, std::vector<std::size_t>> bundlesOfKiosk;            // into opened, those judged so far
    std::vector<std::string_view> kiosks;                                       // of the opened bundles, sorted: their ranks
    for (const OpenedBundle& bundle : opened) kiosks.push_back(bundle.header.kioskId);
    std::sort(kiosks.begin(), kiosks.end());
    kiosks.erase(std::unique(kiosks.begin(), kiosks.end()), kiosks.end());
    HlcStamp latest;
    for (std::size_t b = 0; b < opened.size(); ++b) {
        BundleImport& line = report.bundles[openedIndex[b]];
        const BundleHeader& header = opened[b].header;
        heldRows.clear();
        held.clear();
        if (!opened[b].events.empty()) {
            inRange.reset();
            inRange.bind(1, header.kioskId);
            inRange.bind(2, header.firstSeq);
            inRange.bind(3, header.lastSeq);
            while (inRange.executeStep()) heldRows.push_back(eventFrom(inRange));
            held.assign(heldRows.begin(), heldRows.end());
            // Rare: two bundles of one kiosk in one import whose ranges overlap (an --all bundle
            // beside a newer one, say).
            bool overlapped = false;
            for (const std::size_t earlier : bundlesOfKiosk[header.kioskId]) {
                const BundleHeader& other = opened[earlier].header;
                if (other.lastSeq < header.firstSeq || other.firstSeq > header.lastSeq) continue;
                for (std::size_t i = addedOf[earlier].first; i < addedOf[earlier].second; ++i) {
                    const EventView& e = *added[i].event;
                    if (e.seq >= header.firstSeq && e.seq <= header.lastSeq) held.push_back(e);
                }
                overlapped = true;
            }
            if (overlapped) std::sort(held.begin(), held.end(), [](const EventView& x, const EventView& y) { return x.seq < y.seq; });
        }
        bundlesOfKiosk[header.kioskId].push_back(b);
        // A bundle's events are all of its kiosk (checkBundleEvents).
        const auto kioskRank =
            static_cast<std::uint32_t>(std::lower_bound(kiosks.begin(), kiosks.end(), header.kioskId) - kiosks.begin());
        addedOf[b].first = added.size();
        for (const EventView& e : opened[b].events) {
            anyQuarantined = anyQuarantined || quarantineGrew;
            if (anyQuarantined && found(quarantinedExact, e.kioskId, e.seq, e.uuid, toColumn(e.hlc), e.type, e.payload)) {
                ++line.duplicates;
                continue;
            }
            const auto same = std::lower_bound(held.begin(), held.end(), e.seq,
                                               [](const EventView& h, std::int64_t seq) { return h.seq < seq; });
            if (same != held.end() && same->seq == e.seq) {
                if (sameContent(*same, e)) {
                    ++line.duplicates;
                } else {
                    putInQuarantine(*same, "same kiosk and seq");
                    putInQuarantine(e, "same kiosk and seq");
                }
                continue;
            }
            if (anyQuarantined && found(quarantinedKey, e.kioskId, e.seq, e.uuid)) {
                putInQuarantine(e, "another version is in quarantine");
                continue;
            }
            // The uuid taken by a stored event, or by one accepted before it in this import.
            std::optional<Event> stored;
            std::optional<EventView> taken;
            if (anyStored && found(byUuid, e.uuid)) {
                taken = stored.emplace(eventFrom(byUuid));
            } else if (const EventView* before = accepted->accept(e)) {
                taken = *before;
            }
            if (taken) {
                putInQuarantine(*taken, "same uuid");
                putInQuarantine(e, "same uuid");
                continue;
            }
            latest = std::max(latest, e.hlc);
            ++line.newEvents;
            added.push_back({e.hlc.packed, kioskRank, e.seq, &e});
        }
        addedOf[b].second = added.size();
        SQLite::Statement record(db, "INSERT INTO imported_bundles (bundle_hash, kiosk_id, first_seq, last_seq, event_count, "
                                     "imported_ms) VALUES (?, ?, ?, ?, ?, ?)");
        record.bind(1, opened[b].hash);
        record.bind(2, header.kioskId);
        record.bind(3, header.firstSeq);
        record.bind(4, header.lastSeq);
        record.bind(5, header.eventCount);
        record.bind(6, static_cast<std::int64_t>(context.nowMs));
        record.exec();
    }
    accepted.reset();

    // Into apply order. A bundle's events nearly always are in it already (a kiosk's clock only
    // moves forward), so each bundle's are sorted only when they are not; then the bundles are
    // merged in one pass, the next event always the first of the bundles' next ones (a heap of one
    // entry per bundle): far fewer comparisons and moves than sorting them all. The keys are
    // unique, so the order is the same as a sort's. The events stay in their bundles.
    std::vector<const EventView*> ordered;
    ordered.reserve(added.size());
    struct Next {
        std::size_t at, end;  // a bundle's events not yet merged, in added
    };
    std::vector<Next> nexts;
    for (const auto& [from, to] : addedOf) {
        if (from == to) continue;
        if (!std::is_sorted(added.begin() + from, added.begin() + to)) std::sort(added.begin() + from, added.begin() + to);
        nexts.push_back({from, to});
    }
    const auto after = [&added](const Next& a, const Next& b) { return added[b.at] < added[a.at]; };
    std::make_heap(nexts.begin(), nexts.end(), after);  // the first next event on top
    while (!nexts.empty()) {
        std::pop_heap(nexts.begin(), nexts.end(), after);
        Next& first = nexts.back();
        ordered.push_back(added[first.at++].event);
        if (first.at == first.end) {
            nexts.pop_back();
        } else {
            std::push_heap(nexts.begin(), nexts.end(), after);
        }
    }
    added = {};
    // 3. The read tables: extended when every new event sorts after everything applied so far,
    // else rebuilt, so the result never depends on the order bundles arrived in. When extended,
    // the new payloads are decoded on another core from now on, while this one stores the events.
    const bool inOrder = !lastApplied || ordered.empty() || applyKey(*lastApplied) < applyKey(*ordered.front());
    report.fullRebuild = quarantineGrew || !inOrder;
    std::optional<EventRun::Decoding> decoding;
    if (!report.fullRebuild && !ordered.empty()) decoding.emplace(ordered);

    // Every check is done: one statement writes them all, its cursors staying at the ends of the
    // table and its indexes where the rows go.
    BulkInsert insert(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) "
                          "SELECT c0, c1, c2, c3, c4, c5 FROM bulk_rows(?)");
    insert.run({ordered.size(), [&ordered](std::size_t row, int column, sqlite3_context* out) {
                    const EventView& e = *ordered[row];
                    switch (column) {
                        case 0: return setText(out, e.kioskId);
                        case 1: return setInt(out, e.seq);
                        case 2: return setText(out, e.uuid);
                        case 3: return setInt(out, toColumn(e.hlc));
                        case 4: return setText(out, e.type);
                        case 5: return setText(out, e.payload);
                    }
                }});

    if (!ordered.empty()) context.observe(latest);  // the latest stamp moves the clock as far as all of them

    if (report.fullRebuild) {
        if (Result<void> rebuilt = context.rebuild(); !rebuilt) return rebuilt.error();
    } else if (!ordered.empty()) {
        if (Result<void> applied = context.apply(ordered, *decoding); !applied) return applied.error();
    }
    report.gaps = readSeqGaps(db);
    report.codeConflicts = readCodeConflicts(db);
    return report;
}

Result<bool> applySyncEvent(SQLite::Database& db, const Event& event) {
    if (event.type != kEventBallotDuplicateResolved) return false;
    Result<BallotDuplicateResolved> payload = decodeBallotDuplicateResolved(event.payload);
    if (!payload) {
        return makeError(ErrorCode::StorageFailure, "event " + event.uuid + " has an unreadable payload: " + payload.error().detail);
    }
    // Applied in HLC order: the latest decision wins everywhere.
    SQLite::Statement upsert(db, "INSERT INTO code_resolutions (round_id, code_hash, keep_ballot_id) VALUES (?, ?, ?) "
                                 "ON CONFLICT (round_id, code_hash) DO UPDATE SET keep_ballot_id = excluded.keep_ballot_id");
    upsert.bind(1, payload->roundId);
    upsert.bind(2, payload->codeHash);
    upsert.bind(3, payload->keepBallotId);
    upsert.exec();
    return true;
}

// [SECTION] What a merge found

std::vector<SeqGap> readSeqGaps(SQLite::Database& db) {
    // A kiosk's seqs are unique and count from 1, so one whose number of events is its highest
    // seq has no gap: only the other kiosks' seqs are read, from the (kiosk, seq) index. A
    // quarantined seq counts as held, so a kiosk with any in quarantine is read as well. A lost
    // kiosk's gaps stay open for good (its bundles are refused): not listed.
    std::map<std::string, std::vector<std::int64_t>> seqsByKiosk;
    {
        std::vector<std::string> toRead;
        SQLite::Statement summary(db, "SELECT kiosk_id, COUNT(*) = MAX(seq) AND NOT EXISTS "
                                      "(SELECT 1 FROM sync_quarantine q WHERE q.kiosk_id = e.kiosk_id) "
                                      "FROM events e WHERE kiosk_id NOT IN (SELECT kiosk_id FROM withdrawn_kiosks) "
                                      "GROUP BY kiosk_id");
        while (summary.executeStep())
            if (summary.getColumn(1).getInt() == 0) toRead.push_back(summary.getColumn(0).getString());
        SQLite::Statement seqs(db, "SELECT seq FROM events WHERE kiosk_id = ? ORDER BY seq");
        for (const std::string& kiosk : toRead) {
            std::vector<std::int64_t>& into = seqsByKiosk[kiosk];
            seqs.reset();
            seqs.bind(1, kiosk);
            while (seqs.executeStep()) into.push_back(seqs.getColumn(0).getInt64());
        }
    }
    {
        SQLite::Statement q(db, "SELECT kiosk_id, seq FROM sync_quarantine "
                                "WHERE kiosk_id NOT IN (SELECT kiosk_id FROM withdrawn_kiosks)");
        bool added = false;
        while (q.executeStep()) {
            seqsByKiosk[q.getColumn(0).getString()].push_back(q.getColumn(1).getInt64());
            added = true;
        }
        if (added)
            for (auto& [kiosk, seqs] : seqsByKiosk) std::sort(seqs.begin(), seqs.end());
    }
    std::vector<SeqGap> gaps;
    for (const auto& [kiosk, seqs] : seqsByKiosk) {
        std::vector<SeqGap> found = findSeqGaps(kiosk, seqs);
        gaps.insert(gaps.end(), found.begin(), found.end());
    }
    return gaps;
}

std::vector<QuarantinedEvent> readQuarantine(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload, reason FROM sync_quarantine "
                            "ORDER BY kiosk_id, seq, uuid, hlc, type, payload");
    std::vector<QuarantinedEvent> out;
    while (q.executeStep()) out.push_back({eventFrom(q), q.getColumn(6).getString()});
    return out;
}

std::vector<CodeConflict> readCodeConflicts(SQLite::Database& db) {
    // The codes used twice first, from one pass over ballots_by_code (a ballot id is unique, so
    // two rows are two ballots); only their ballots are then looked up, not every ballot's.
    SQLite::Statement q(db,
                        "SELECT b.round_id, b.code_hash, b.ballot_id, c.keep_ballot_id "
                        "FROM (SELECT round_id, code_hash FROM ballots WHERE code_hash <> '' "
                        "GROUP BY round_id, code_hash HAVING COUNT(*) > 1) twice "
                        "JOIN ballots b ON b.round_id = twice.round_id AND b.code_hash = twice.code_hash "
                        "JOIN events e ON e.uuid = b.event_uuid "
                        "LEFT JOIN code_resolutions c ON c.round_id = b.round_id AND c.code_hash = b.code_hash "
                        "ORDER BY b.round_id, b.code_hash, e.hlc, e.kiosk_id, e.seq");
    std::vector<CodeConflict> out;
    while (q.executeStep()) {
        const std::string round = q.getColumn(0).getString();
        const std::string hash = q.getColumn(1).getString();
        if (out.empty() || out.back().roundId != round || out.back().codeHash != hash) {
            CodeConflict conflict;
            conflict.roundId = round;
            conflict.codeHash = hash;
            conflict.resolved = !q.getColumn(3).isNull();
            if (conflict.resolved) conflict.keptBallotId = q.getColumn(3).getString();
            out.push_back(conflict);
        }
        out.back().ballotIds.push_back(q.getColumn(2).getString());
    }
    return out;
}

// [SECTION] Export

Result<ExportedBundle> makeExportBundle(SQLite::Database& db, const std::string& kioskId, std::int64_t afterSeq,
                                        const BoxKey& staffPublicKey, int schemaVersion, std::uint64_t kioskHlc,
                                        std::uint64_t nowMs) {
    std::vector<Event> events;
    {
        SQLite::Statement q(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events WHERE kiosk_id = ? AND seq > ? "
                                "ORDER BY seq");
        q.bind(1, kioskId);
        q.bind(2, afterSeq);
        while (q.executeStep()) events.push_back(eventFrom(q));
    }
    BundleHeader header;
    header.kioskId = kioskId;
    header.schemaVersion = schemaVersion;
    header.kioskHlc = kioskHlc;
    header.createdMs = nowMs;
    {
        SQLite::Statement previous(db, "SELECT bundle_hash FROM sync_exports ORDER BY position DESC LIMIT 1");
        if (previous.executeStep()) header.previousBundleHash = previous.getColumn(0).getString();
    }
    Result<std::string> bytes = writeBundle(events, header, readSigningIdentity(db), staffPublicKey);
    if (!bytes) return bytes.error();
    Result<BundleHeader> written = readBundleHeader(*bytes);
    if (!written) return makeError(ErrorCode::StorageFailure, "the new bundle does not read back: " + written.error().detail);
    ExportedBundle bundle{std::move(bytes).value(), std::move(written).value(), {}};
    bundle.hash = bundleHash(bundle.bytes);
    return bundle;
}

void rememberExport(SQLite::Database& db, const ExportedBundle& bundle) {
    SQLite::Statement insert(db, "INSERT OR IGNORE INTO sync_exports (bundle_hash, first_seq, last_seq, created_ms) "
                                 "VALUES (?, ?, ?, ?)");
    insert.bind(1, bundle.hash);
    insert.bind(2, bundle.header.firstSeq);
    insert.bind(3, bundle.header.lastSeq);
    insert.bind(4, static_cast<std::int64_t>(bundle.header.createdMs));
    insert.exec();
}

std::int64_t readAcknowledgedSeq(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT seq FROM sync_acknowledged WHERE id = 1");
    return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

void storeAcknowledgedSeq(SQLite::Database& db, std::int64_t seq) {
    // An older acknowledgement never takes back a newer one.
    SQLite::Statement upsert(db, "INSERT INTO sync_acknowledged (id, seq) VALUES (1, ?) "
                                 "ON CONFLICT (id) DO UPDATE SET seq = MAX(seq, excluded.seq)");
    upsert.bind(1, seq);
    upsert.exec();
}

std::vector<HeldKiosk> readHeldKiosks(SQLite::Database& db) {
    std::vector<HeldKiosk> out;
    // A lost kiosk gets no acknowledgement: whoever holds it learns nothing from the office.
    SQLite::Statement q(db, "SELECT kiosk_id, public_key FROM trusted_kiosks "
                            "WHERE kiosk_id NOT IN (SELECT kiosk_id FROM withdrawn_kiosks) ORDER BY kiosk_id");
    SQLite::Statement seqs(db, "SELECT seq FROM events WHERE kiosk_id = ? ORDER BY seq");
    while (q.executeStep()) {
        HeldKiosk kiosk;
        kiosk.kioskId = q.getColumn(0).getString();
        kiosk.publicKey = blobColumn<kBundleKeyBytes>(q.getColumn(1));
        seqs.reset();
        seqs.bind(1, kiosk.kioskId);
        while (seqs.executeStep() && seqs.getColumn(0).getInt64() == kiosk.contiguousSeq + 1) ++kiosk.contiguousSeq;
        out.push_back(kiosk);
    }
    return out;
}

}  // namespace buurtstem::storage

namespace buurtstem::storage {

// [SECTION] Lost kiosks and what the office last heard

std::vector<WithdrawnKiosk> readWithdrawnKiosks(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT w.kiosk_id, w.public_key, w.withdrawn_ms, w.from_seq, w.withdrawn_by, "
                            "(SELECT COUNT(*) FROM events e WHERE e.kiosk_id = w.kiosk_id AND e.seq >= w.from_seq) "
                            "FROM withdrawn_kiosks w ORDER BY w.kiosk_id");
    std::vector<WithdrawnKiosk> out;
    while (q.executeStep()) {
        WithdrawnKiosk kiosk;
        kiosk.kioskId = q.getColumn(0).getString();
        kiosk.publicKey = blobColumn<kBundleKeyBytes>(q.getColumn(1));
        kiosk.withdrawnMs = static_cast<std::uint64_t>(q.getColumn(2).getInt64());
        if (!q.getColumn(3).isNull()) kiosk.fromSeq = q.getColumn(3).getInt64();
        kiosk.by = q.getColumn(4).getString();
        kiosk.setAside = q.getColumn(5).getInt64();
        out.push_back(std::move(kiosk));
    }
    return out;
}

Result<WithdrawTrust> withdrawKiosk(SQLite::Database& db, const std::string& ownKioskId, const std::string& kioskId,
                                    std::optional<std::int64_t> fromSeq, const std::string& by, std::uint64_t nowMs) {
    if (kioskId == ownKioskId) return makeError(ErrorCode::InvalidInput, "kiosk " + kioskId + " is this database's own");
    if (fromSeq && *fromSeq < 1) return makeError(ErrorCode::InvalidInput, "the first seq to set aside is 1 or more");
    WithdrawTrust done;
    for (const WithdrawnKiosk& lost : readWithdrawnKiosks(db)) {
        if (lost.kioskId != kioskId) continue;
        // Once reported, only more can be set aside: what was set aside never counts again.
        if (!fromSeq || (lost.fromSeq && *lost.fromSeq <= *fromSeq)) {
            return makeError(ErrorCode::InvalidInput, "kiosk " + kioskId + " was reported lost on " + dayText(lost.withdrawnMs) +
                                                          (lost.fromSeq ? ", its events from seq " + std::to_string(*lost.fromSeq) +
                                                                              " on set aside"
                                                                        : std::string()) +
                                                          "; nothing more to withdraw");
        }
        done.before = lost;
    }
    BundleKey key{};
    {
        SQLite::Statement trusted(db, "SELECT public_key FROM trusted_kiosks WHERE kiosk_id = ?");
        trusted.bind(1, kioskId);
        if (!trusted.executeStep()) return makeError(ErrorCode::NotFound, "no kiosk " + kioskId + " is trusted here");
        key = blobColumn<kBundleKeyBytes>(trusted.getColumn(0));
    }
    SQLite::Statement upsert(db, "INSERT INTO withdrawn_kiosks (kiosk_id, public_key, withdrawn_ms, from_seq, withdrawn_by) "
                                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kiosk_id) DO UPDATE SET from_seq = excluded.from_seq");
    upsert.bind(1, kioskId);
    upsert.bind(2, key.data(), static_cast<int>(key.size()));
    upsert.bind(3, static_cast<std::int64_t>(nowMs));
    if (fromSeq)
        upsert.bind(4, *fromSeq);
    else
        upsert.bind(4);
    upsert.bind(5, by);
    upsert.exec();
    for (WithdrawnKiosk& lost : readWithdrawnKiosks(db))
        if (lost.kioskId == kioskId) done.after = std::move(lost);
    return done;
}

std::vector<KioskActivity> readKioskActivity(SQLite::Database& db, const std::string& ownKioskId) {
    // Per kiosk through the (kiosk_id, seq) index: no pass over the whole log.
    SQLite::Statement q(db, "SELECT k.kiosk_id, COALESCE(n.name, ''), "
                            "(SELECT COUNT(*) FROM events e WHERE e.kiosk_id = k.kiosk_id), "
                            "(SELECT MAX(seq) FROM events e WHERE e.kiosk_id = k.kiosk_id), "
                            "(SELECT MAX(imported_ms) FROM imported_bundles b WHERE b.kiosk_id = k.kiosk_id) "
                            "FROM (SELECT DISTINCT kiosk_id FROM events UNION SELECT kiosk_id FROM trusted_kiosks) k "
                            "LEFT JOIN kiosk_neighbourhoods n ON n.kiosk_id = k.kiosk_id ORDER BY k.kiosk_id");
    SQLite::Statement last(db, "SELECT hlc FROM events WHERE kiosk_id = ? AND seq = ?");
    std::map<std::string, WithdrawnKiosk> withdrawn;
    for (WithdrawnKiosk& lost : readWithdrawnKiosks(db)) withdrawn.emplace(lost.kioskId, std::move(lost));
    std::vector<KioskActivity> out;
    while (q.executeStep()) {
        KioskActivity kiosk;
        kiosk.kioskId = q.getColumn(0).getString();
        kiosk.neighbourhood = q.getColumn(1).getString();
        kiosk.own = kiosk.kioskId == ownKioskId;
        kiosk.events = q.getColumn(2).getInt64();
        kiosk.lastSeq = q.getColumn(3).isNull() ? 0 : q.getColumn(3).getInt64();
        kiosk.lastImportMs = q.getColumn(4).isNull() ? 0 : static_cast<std::uint64_t>(q.getColumn(4).getInt64());
        if (kiosk.lastSeq > 0) {
            last.reset();
            last.bind(1, kiosk.kioskId);
            last.bind(2, kiosk.lastSeq);
            if (last.executeStep()) kiosk.lastEventMs = HlcStamp{static_cast<std::uint64_t>(last.getColumn(0).getInt64())}.wallMs();
        }
        if (const auto lost = withdrawn.find(kiosk.kioskId); lost != withdrawn.end()) kiosk.withdrawn = lost->second;
        out.push_back(std::move(kiosk));
    }
    return out;
}

}  // namespace buurtstem::storage
