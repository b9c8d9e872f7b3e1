// Sync bundles between kiosks and the office: import is order-free and idempotent, every damaged,
// foreign or unknown bundle is refused without changing anything, two versions of one event are
// quarantined, and a voting code used at two kiosks is counted by the round's policy.
#include "StorageTestSupport.h"

#include "app/core/SyncEvents.h"
#include "storage/Bundle.h"
#include "storage/Sync.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <set>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

std::string exported(KioskStore& kiosk, bool all = false) {
    Result<KioskStore::Bundle> bundle = kiosk.exportBundle(all);
    INFO((bundle.ok() ? std::string() : bundle.error().detail));
    REQUIRE(bundle.ok());
    REQUIRE(kiosk.rememberBundle(*bundle).ok());
    return bundle->bytes;
}

// Every read table (and the quarantine), each ORDER BY all its columns, as one string: two
// databases that merged the same events must give the same text. Kiosk settings, the log itself
// and the import bookkeeping (with its times) are not read tables.
std::string dumpReadTables(const std::filesystem::path& database) {
    static const std::set<std::string> kNotReadTables = {
        "events",          "kiosk",         "kiosk_identity",   "kiosk_settings", "facilitators",    "pin_attempts",
        "audit_log",       "round_code_keys", "sync_exports",   "sync_acknowledged", "trusted_kiosks", "imported_bundles",
        "withdrawn_kiosks"};
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    std::string dump;
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        if (kNotReadTables.count(table) > 0) continue;
        SQLite::Statement count(db, "SELECT COUNT(*) FROM pragma_table_info(?)");
        count.bind(1, table);
        count.executeStep();
        const int columns = count.getColumn(0).getInt();
        std::string order;
        for (int i = 1; i <= columns; ++i) order += (i > 1 ? ", " : "") + std::to_string(i);
        SQLite::Statement rows(db, "SELECT * FROM \"" + table + "\" ORDER BY " + order);
        dump += "[" + table + "]\n";
        while (rows.executeStep()) {
            for (int i = 0; i < columns; ++i) {
                const SQLite::Column c = rows.getColumn(i);
                dump += c.isNull() ? std::string("NULL") : c.isBlob() ? "blob" + std::to_string(c.getBytes()) : c.getString();
                dump += '|';
            }
            dump += '\n';
        }
    }
    return dump;
}

std::vector<KioskStore::NamedBundle> named(const std::vector<std::string>& bytes) {
    std::vector<KioskStore::NamedBundle> out;
    for (std::size_t i = 0; i < bytes.size(); ++i) out.push_back({"bundle" + std::to_string(i), bytes[i]});
    return out;
}

// One bundle per title, in order: the kiosk submits the idea, then exports what is new.
std::vector<std::string> bundlePerIdea(KioskStore& kiosk, std::initializer_list<const char*> titles) {
    std::vector<std::string> bundles;
    for (const char* title : titles) {
        REQUIRE(kiosk.submitIdea(makeDraft(title)).ok());
        bundles.push_back(exported(kiosk));
    }
    return bundles;
}

Result<SyncReport> importInto(KioskStore& hub, const std::vector<std::string>& bundles, const StaffKeys& staff,
                              bool trust = true) {
    return hub.importBundles(named(bundles), staff.secretKey, trust);
}

// A kiosk's bundles written by hand: for events no real kiosk would make (two versions of one).
struct HandKiosk {
    KioskIdentity identity = makeKioskIdentity();
    std::string kioskId = "7d1e2f30-0000-4000-8000-00000000000" + std::to_string(std::rand() % 10);
    std::string bundle(const std::vector<Event>& events, const StaffKeys& staff, BundleHeader header = {}) const {
        header.kioskId = kioskId;
        header.schemaVersion = kSchemaVersion;
        Result<std::string> bytes = writeBundle(events, header, identity, staff.publicKey);
        REQUIRE(bytes.ok());
        return std::move(bytes).value();
    }
    Event event(std::int64_t seq, std::string title, std::uint64_t hlc) const {
        IdeaSubmitted idea;
        idea.ideaId = "idea-" + kioskId + "-" + std::to_string(seq);
        idea.reference = kioskId.substr(kioskId.size() - 4) + "-" + std::to_string(seq);
        idea.title = std::move(title);
        idea.body = "Meer bomen en bankjes langs het water.";
        return Event{kioskId, seq, "uuid-" + kioskId + "-" + std::to_string(seq), HlcStamp{hlc}, std::string(kEventIdeaSubmitted),
                     encodePayload(idea)};
    }
};

}  // namespace

TEST_CASE("a kiosk has its own signing key, kept across opening again", "[storage][sync]") {
    ScratchDir dir;
    BundleKey first{};
    {
        auto store = openOrFail(dir.database());
        first = store->identityPublicKey();
        CHECK(first != BundleKey{});
    }
    auto again = openOrFail(dir.database());
    CHECK(again->identityPublicKey() == first);
    auto other = KioskStore::openInMemory();
    REQUIRE(other.ok());
    CHECK(other.value()->identityPublicKey() != first);
}

TEST_CASE("export needs a staff key and names the previous bundle", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    auto opened = KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    auto kiosk = std::move(opened).value();
    REQUIRE(kiosk->submitIdea(makeDraft("Bankjes")).ok());
    Result<KioskStore::Bundle> none = kiosk->exportBundle(false);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::NotFound);

    REQUIRE(kiosk->setStaffPublicKey(staff.publicKey).ok());
    Result<KioskStore::Bundle> first = kiosk->exportBundle(false);
    REQUIRE(first.ok());
    CHECK(first->header.previousBundleHash.empty());
    CHECK(first->header.eventCount == 1);
    CHECK(first->header.firstSeq == 1);
    CHECK(first->header.kioskPublicKey == kiosk->identityPublicKey());
    REQUIRE(kiosk->rememberBundle(*first).ok());
    REQUIRE(kiosk->submitIdea(makeDraft("Licht")).ok());
    Result<KioskStore::Bundle> second = kiosk->exportBundle(false);
    REQUIRE(second.ok());
    CHECK(second->header.previousBundleHash == first->hash);
    CHECK(second->header.lastSeq == 2);
}

TEST_CASE("bundles merge into the same read tables in any order, any number of times", "[storage][sync][property]") {
    ManualClock clock;
    StaffKeys staff;
    std::vector<std::unique_ptr<KioskStore>> kiosks;
    for (int i = 0; i < 4; ++i) kiosks.push_back(kioskWithKey(clock, staff));
    std::vector<std::string> bundles;
    std::mt19937 random(20261128);

    // Three rounds of activity; each kiosk exports after each, split by acknowledgements from the
    // office so that later bundles hold only what is new (and some hold everything again).
    std::vector<std::string> roundIds(kiosks.size());
    for (std::size_t k = 0; k < kiosks.size(); ++k) {
        Result<BudgetRound> round = kiosks[k]->saveRound(twoProjectRound(clock.nowMs.operator*()));
        REQUIRE(round.ok());
        roundIds[k] = round->id;
    }
    for (int step = 0; step < 3; ++step) {
        for (std::size_t k = 0; k < kiosks.size(); ++k) {
            KioskStore& kiosk = *kiosks[k];
            clock.set(*clock.nowMs + 1000 + random() % 5000);
            Result<Idea> idea = kiosk.submitIdea(makeDraft("Idee " + std::to_string(k) + "-" + std::to_string(step)));
            REQUIRE(idea.ok());
            REQUIRE(kiosk.approveIdea(idea->id).ok());
            REQUIRE(kiosk.supportIdea(idea->id).ok());
            PulseDraft pulse;
            pulse.scores[0] = 1 + static_cast<int>(random() % 5);
            REQUIRE(kiosk.givePulse(pulse).ok());
            Result<std::vector<std::string>> codes = kiosk.issueVotingCodes(roundIds[k], 2);
            REQUIRE(codes.ok());
            REQUIRE(kiosk.castBallot(roundIds[k], chooseOne(static_cast<std::uint32_t>(step % 2)), (*codes)[0]).ok());
            bundles.push_back(exported(kiosk, step == 2 && k == 0));
            // The office acknowledges what it has; the kiosk's next bundle starts after it.
            Result<std::string> ack = writeAcknowledgement({kiosk.kioskId(), kiosk.events().back().seq},
                                                           kiosk.identityPublicKey(), staff.secretKey);
            REQUIRE(ack.ok());
            REQUIRE(kiosk.acceptAcknowledgement(*ack).ok());
        }
    }
    // Kiosk 1 takes kiosk 0's log (as a kiosk at the office would) and supports one of its ideas:
    // its events then refer to events of another kiosk.
    REQUIRE(importInto(*kiosks[1], {bundles[0]}, staff).ok());
    const std::vector<Idea> fromZero = kiosks[1]->visibleIdeas();
    REQUIRE_FALSE(fromZero.empty());
    clock.set(*clock.nowMs + 2000);
    REQUIRE(kiosks[1]->supportIdea(fromZero.back().id).ok());
    bundles.push_back(exported(*kiosks[1]));

    std::string expected;
    {
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), clock.options());
        Result<SyncReport> report = importInto(*hub, bundles, staff);
        INFO((report.ok() ? std::string() : report.error().detail));
        REQUIRE(report.ok());
        CHECK(report->gaps.empty());
        CHECK(report->quarantined.empty());
        expected = dumpReadTables(dir.database());
        CHECK(hub->ideaCount() == 12);
    }
    CHECK(expected.find("[ideas]") != std::string::npos);

    for (int trial = 0; trial < 12; ++trial) {
        std::vector<std::string> shuffled = bundles;
        // Some bundles arrive twice, in another batch.
        for (int d = 0; d < 3; ++d) shuffled.push_back(bundles[random() % bundles.size()]);
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), clock.options());
        std::size_t at = 0;
        while (at < shuffled.size()) {
            const std::size_t take = std::min<std::size_t>(shuffled.size() - at, 1 + random() % 4);
            std::vector<std::string> batch(shuffled.begin() + static_cast<std::ptrdiff_t>(at),
                                           shuffled.begin() + static_cast<std::ptrdiff_t>(at + take));
            Result<SyncReport> report = importInto(*hub, batch, staff);
            INFO((report.ok() ? std::string() : report.error().detail));
            REQUIRE(report.ok());
            at += take;
        }
        INFO("trial " << trial);
        CHECK(dumpReadTables(dir.database()) == expected);
        // And after a rebuild from the log alone.
        REQUIRE(hub->rebuildReadTables().ok());
        CHECK(dumpReadTables(dir.database()) == expected);
    }
}

TEST_CASE("a bundle with any bit flipped is refused and changes nothing", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    auto kiosk = kioskWithKey(clock, staff);
    const std::vector<std::string> bundles = bundlePerIdea(*kiosk, {"Bankjes", "Licht in het steegje"});
    const std::string& good = bundles[0];
    const std::string& next = bundles[1];

    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    REQUIRE(importInto(*hub, {good}, staff).ok());
    const std::string before = dumpReadTables(dir.database());
    const std::int64_t eventsBefore = hub->eventCount();
    REQUIRE(eventsBefore == 1);

    for (std::size_t i = 0; i < next.size(); ++i) {
        std::string flipped = next;
        flipped[i] = static_cast<char>(flipped[i] ^ (1 << (i % 8)));
        Result<SyncReport> report = importInto(*hub, {flipped}, staff);
        INFO("byte " << i << " of " << next.size());
        REQUIRE_FALSE(report.ok());
        CHECK_FALSE(report.error().detail.empty());
        REQUIRE(hub->eventCount() == eventsBefore);
    }
    CHECK(dumpReadTables(dir.database()) == before);
    // The bundle as written still imports.
    REQUIRE(importInto(*hub, {next}, staff).ok());
    CHECK(hub->eventCount() == 2);
}

namespace {

// Signs `bundle` again (all but its old signature) as format `version` signs: format 1 the bytes
// themselves, format 2 their BLAKE2b-256. The version is set in the prefix and in the header.
std::string signedAs(std::string bundle, std::uint32_t version, const KioskIdentity& identity) {
    bundle.resize(bundle.size() - kBundleSignatureBytes);
    bundle[kBundleMagic.size()] = static_cast<char>(version);
    bundle[kBundleMagic.size() + 8 + 1] = static_cast<char>(version);  // the header: cereal's byte order byte, then it
    std::string message = bundle;
    if (version >= 2) {
        BundleDigest digest{};
        crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(bundle.data()), bundle.size(),
                           nullptr, 0);
        message.assign(reinterpret_cast<const char*>(digest.data()), digest.size());
    }
    std::array<unsigned char, kBundleSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                         identity.secretKey.data());
    bundle.append(reinterpret_cast<const char*>(signature.data()), signature.size());
    return bundle;
}

}  // namespace

TEST_CASE("a bundle of format 2 signs the digest of its bytes; one of format 1, signed over them, is still read", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    HandKiosk hand;
    const std::string written = hand.bundle({hand.event(1, "Bankjes", 100), hand.event(2, "Licht", 200)}, staff);
    REQUIRE(written[kBundleMagic.size()] == 2);
    // What this build writes is exactly format 2 as docs/sync.md has it.
    CHECK(signedAs(written, 2, hand.identity) == written);
    const BundleDigests digests = bundleDigests(written);
    CHECK(digests.hash == bundleHash(written));
    const std::string_view signedPart = std::string_view(written).substr(0, written.size() - kBundleSignatureBytes);
    BundleDigest expected{};
    crypto_generichash(expected.data(), expected.size(), reinterpret_cast<const unsigned char*>(signedPart.data()),
                       signedPart.size(), nullptr, 0);
    CHECK(digests.signed_ == expected);

    const std::string formatOne = signedAs(written, 1, hand.identity);
    Result<BundleHeader> header = readBundleHeader(formatOne);
    REQUIRE(header.ok());
    CHECK(header->formatVersion == 1);
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    Result<SyncReport> report = importInto(*hub, {formatOne}, staff);
    REQUIRE(report.ok());
    CHECK(report->bundles.at(0).newEvents == 2);
    CHECK(hub->ideaCount() == 2);

    // A signature is checked the way its own format signs, never the other's.
    std::string oneSignedAsTwo = signedAs(written, 2, hand.identity);
    oneSignedAsTwo[kBundleMagic.size()] = 1;
    oneSignedAsTwo[kBundleMagic.size() + 8 + 1] = 1;
    std::string twoSignedAsOne = signedAs(written, 1, hand.identity);
    twoSignedAsOne[kBundleMagic.size()] = 2;
    twoSignedAsOne[kBundleMagic.size() + 8 + 1] = 2;
    for (const std::string& wrong : {oneSignedAsTwo, twoSignedAsOne}) {
        Result<BundleHeader> refused = readBundleHeader(wrong);
        REQUIRE_FALSE(refused.ok());
        CHECK_THAT(refused.error().detail, Catch::StartsWith("tampered: the signature"));
    }
    std::string zero = written;
    zero[kBundleMagic.size()] = 0;
    CHECK_THAT(readBundleHeader(zero).error().detail, Catch::StartsWith("tampered: format version 0"));
}

TEST_CASE("a bundle opened in place reads as one opened from a copy; one the key cannot open is left as it was", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    auto kiosk = kioskWithKey(clock, staff);
    const std::string bundle = bundlePerIdea(*kiosk, {"Bankjes", "Licht in het steegje"}).back();

    Result<OpenedBundle> copied = openBundle(bundle, staff.secretKey, nullptr, kSchemaVersion);
    REQUIRE(copied.ok());
    std::string bytes = bundle;
    Result<OpenedBundle> inPlace = openBundleInPlace(bytes, bundleDigests(bundle), staff.secretKey, nullptr, kSchemaVersion);
    REQUIRE(inPlace.ok());
    CHECK(inPlace->header == copied->header);
    CHECK(inPlace->hash == copied->hash);
    CHECK_FALSE(inPlace->plain);
    REQUIRE(inPlace->events.size() == copied->events.size());
    for (std::size_t i = 0; i < copied->events.size(); ++i) {
        CHECK(sameContent(inPlace->events[i], copied->events[i]));
        CHECK(inPlace->events[i].payload.data() >= bytes.data());  // where the sealed events lay
        CHECK(inPlace->events[i].payload.data() < bytes.data() + bytes.size());
    }
    CHECK(bytes != bundle);

    // Sealed for another office: refused, and the bytes are the bundle still.
    StaffKeys otherOffice;
    std::string kept = bundle;
    Result<OpenedBundle> foreign = openBundleInPlace(kept, bundleDigests(bundle), otherOffice.secretKey, nullptr, kSchemaVersion);
    REQUIRE_FALSE(foreign.ok());
    CHECK_THAT(foreign.error().detail, Catch::Contains("foreign"));
    CHECK(kept == bundle);
}

TEST_CASE("truncated, foreign, unknown, future and repeated bundles", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    auto kiosk = kioskWithKey(clock, staff);
    REQUIRE(kiosk->submitIdea(makeDraft("Bankjes")).ok());
    const std::string good = exported(*kiosk);
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    const auto refusedWith = [&](const std::string& bytes, const std::string& words, bool trust = true) {
        Result<SyncReport> report = importInto(*hub, {bytes}, staff, trust);
        REQUIRE_FALSE(report.ok());
        CHECK(report.error().code == ErrorCode::InvalidInput);
        CHECK_THAT(report.error().detail, Catch::Contains(words));
        CHECK(hub->eventCount() == 0);
    };

    SECTION("truncated") {
        refusedWith(good.substr(0, good.size() - 1), "truncated");
        refusedWith(good.substr(0, good.size() / 2), "truncated");
        refusedWith(good.substr(0, 10), "truncated");
    }
    SECTION("not a bundle") {
        refusedWith("SQLite format 3", "not a bundle");
        refusedWith("", "truncated");
    }
    SECTION("foreign: sealed for another office") {
        StaffKeys other;
        auto elsewhere = kioskWithKey(clock, other);
        REQUIRE(elsewhere->submitIdea(makeDraft("Elders")).ok());
        refusedWith(exported(*elsewhere), "foreign");
    }
    SECTION("foreign: a known kiosk id signed with another key") {
        REQUIRE(importInto(*hub, {good}, staff).ok());
        HandKiosk impostor;
        impostor.kioskId = kiosk->kioskId();
        Result<SyncReport> report = importInto(*hub, {impostor.bundle({impostor.event(2, "Nep", 1)}, staff)}, staff);
        REQUIRE_FALSE(report.ok());
        CHECK_THAT(report.error().detail, Catch::Contains("foreign"));
        CHECK(hub->eventCount() == 1);
    }
    SECTION("unknown kiosk without --trust") {
        refusedWith(good, "new kiosk " + kiosk->kioskId() + " key fingerprint", false);
        refusedWith(good, "--trust", false);
        REQUIRE(importInto(*hub, {good}, staff, true).ok());
        // Trusted from then on.
        REQUIRE(kiosk->submitIdea(makeDraft("Licht")).ok());
        REQUIRE(importInto(*hub, {exported(*kiosk)}, staff, false).ok());
        CHECK(hub->eventCount() == 2);
    }
    SECTION("future format and future schema") {
        HandKiosk hand;
        std::string future = hand.bundle({hand.event(1, "Later", 1)}, staff);
        future[kBundleMagic.size()] = kBundleFormatVersion + 1;  // how that format signs is not known here
        refusedWith(future, "future version: bundle format " + std::to_string(kBundleFormatVersion + 1));
        BundleHeader header;
        header.schemaVersion = kSchemaVersion + 1;
        header.kioskId = hand.kioskId;
        Result<std::string> newer = writeBundle({hand.event(1, "Later", 1)}, header, hand.identity, staff.publicKey);
        REQUIRE(newer.ok());
        refusedWith(*newer, "future version");
    }
    SECTION("an event of another kiosk inside the bundle") {
        HandKiosk hand;
        Event stranger = hand.event(1, "Vreemd", 1);
        BundleHeader header;
        header.kioskId = hand.kioskId;
        std::vector<Event> events{hand.event(1, "Eigen", 1)};
        // writeBundle refuses it; a bundle made another way is refused on import.
        events.push_back(stranger);
        events.back().kioskId = "someone-else";
        CHECK_FALSE(writeBundle(events, header, hand.identity, staff.publicKey).ok());
    }
    SECTION("the same bundle twice") {
        Result<SyncReport> first = importInto(*hub, {good}, staff);
        REQUIRE(first.ok());
        REQUIRE(first->bundles.size() == 1);
        CHECK(first->bundles[0].newEvents == 1);
        CHECK(first->bundles[0].newKiosk);
        const std::string before = dumpReadTables(dir.database());
        Result<SyncReport> second = importInto(*hub, {good, good}, staff);
        REQUIRE(second.ok());
        REQUIRE(second->bundles.size() == 2);
        CHECK(second->bundles[0].alreadyImported);
        CHECK(second->bundles[1].alreadyImported);
        CHECK(hub->eventCount() == 1);
        CHECK(dumpReadTables(dir.database()) == before);
        // A new bundle that repeats the old events counts them as duplicates.
        Result<SyncReport> again = importInto(*hub, {exported(*kiosk, true)}, staff);
        REQUIRE(again.ok());
        CHECK(again->bundles[0].duplicates == 1);
        CHECK(again->bundles[0].newEvents == 0);
        CHECK(dumpReadTables(dir.database()) == before);
    }
}

TEST_CASE("two versions of one event are quarantined whichever arrives first", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    HandKiosk hand;
    const Event base = hand.event(1, "Bankjes", 100);
    Event changed = hand.event(2, "Andere tekst", 200);
    changed.seq = 1;  // the same kiosk and seq, another uuid and content
    const Event fine = hand.event(3, "Licht", 300);
    const std::string bundleA = hand.bundle({base}, staff);
    const std::string bundleB = hand.bundle({changed, fine}, staff);

    std::string dumps[2];
    for (int order = 0; order < 2; ++order) {
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), clock.options());
        const std::vector<std::string> first = {order == 0 ? bundleA : bundleB};
        const std::vector<std::string> second = {order == 0 ? bundleB : bundleA};
        REQUIRE(importInto(*hub, first, staff).ok());
        Result<SyncReport> report = importInto(*hub, second, staff);
        REQUIRE(report.ok());
        CHECK(report->quarantined.size() == 2);
        const std::vector<QuarantinedEvent> quarantined = hub->quarantinedEvents();
        REQUIRE(quarantined.size() == 2);
        CHECK(quarantined[0].event.seq == 1);
        CHECK(quarantined[1].event.seq == 1);
        // Neither version counts; the rest of the bundle does.
        const std::optional<Idea> licht = hub->idea("idea-" + hand.kioskId + "-3");
        CHECK(licht.has_value());
        CHECK_FALSE(hub->idea("idea-" + hand.kioskId + "-1").has_value());
        CHECK_FALSE(hub->idea("idea-" + hand.kioskId + "-2").has_value());
        CHECK(hub->conflicts().quarantined.size() == 2);
        // Seq 1 is held (in quarantine), so only seq 2 is missing.
        CHECK(hub->syncGaps() == std::vector<SeqGap>{SeqGap{hand.kioskId, 2, 2}});
        // Importing either again changes nothing.
        REQUIRE(importInto(*hub, {hand.bundle({base, fine}, staff)}, staff).ok());
        dumps[order] = dumpReadTables(dir.database());
        CHECK(hub->quarantinedEvents().size() == 2);
    }
    CHECK(dumps[0] == dumps[1]);
}

TEST_CASE("two kiosks' ideas with the same reference code both arrive, whichever comes first", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    HandKiosk north;
    HandKiosk south;
    south.kioskId = north.kioskId.substr(0, north.kioskId.size() - 1) + (north.kioskId.back() == '9' ? "8" : "9");
    Event early = north.event(1, "Bankjes", 100);
    Event late = south.event(1, "Licht", 200);
    // Each kiosk drew "AB1-CDE" for its own idea.
    for (Event* event : {&early, &late}) {
        Result<IdeaSubmitted> idea = decodeIdeaSubmitted(event->payload);
        REQUIRE(idea.ok());
        idea->reference = "AB1-CDE";
        event->payload = encodePayload(*idea);
    }
    const std::string northBundle = north.bundle({early}, staff);
    const std::string southBundle = south.bundle({late}, staff);

    std::string dumps[2];
    for (int order = 0; order < 2; ++order) {
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), clock.options());
        REQUIRE(importInto(*hub, {order == 0 ? northBundle : southBundle}, staff).ok());
        REQUIRE(importInto(*hub, {order == 0 ? southBundle : northBundle}, staff).ok());
        CHECK(hub->ideaCount() == 2);
        // The earlier idea keeps the code its resident holds; the later one is told apart.
        const std::optional<Idea> first = hub->idea("idea-" + north.kioskId + "-1");
        const std::optional<Idea> second = hub->idea("idea-" + south.kioskId + "-1");
        REQUIRE(first.has_value());
        REQUIRE(second.has_value());
        CHECK(first->reference == "AB1-CDE");
        CHECK(second->reference == "AB1-CDE/2");
        REQUIRE(hub->rebuildReadTables().ok());
        dumps[order] = dumpReadTables(dir.database());
    }
    CHECK(dumps[0] == dumps[1]);
}

TEST_CASE("one uuid at two places is quarantined whichever arrives first, in one import or two", "[storage][sync]") {
    // In one import the events are judged bundle by bundle and stored together afterwards: the
    // second use of a uuid is found among the events accepted before it, not in the table.
    ManualClock clock;
    StaffKeys staff;
    HandKiosk one;
    HandKiosk two;
    two.kioskId = one.kioskId + "-2";
    const Event original = one.event(1, "Bankjes", 100);
    Event copy = two.event(5, "Kopie", 500);
    copy.uuid = original.uuid;
    const std::string bundleOne = one.bundle({original, one.event(2, "Licht", 200)}, staff);
    const std::string bundleTwo = two.bundle({two.event(4, "Bomen", 400), copy}, staff);
    std::vector<std::string> dumps;
    for (const bool together : {false, true}) {
        for (int order = 0; order < 2; ++order) {
            INFO((together ? "one import" : "two imports") << ", order " << order);
            const std::string& first = order == 0 ? bundleOne : bundleTwo;
            const std::string& second = order == 0 ? bundleTwo : bundleOne;
            ScratchDir dir;
            auto hub = openOrFail(dir.database(), clock.options());
            if (!together) REQUIRE(importInto(*hub, {first}, staff).ok());
            Result<SyncReport> report = together ? importInto(*hub, {first, second}, staff) : importInto(*hub, {second}, staff);
            INFO((report.ok() ? std::string() : report.error().detail));
            REQUIRE(report.ok());
            CHECK(report->fullRebuild);
            REQUIRE(report->quarantined.size() == 2);
            const std::vector<QuarantinedEvent> quarantined = hub->quarantinedEvents();
            REQUIRE(quarantined.size() == 2);
            CHECK(quarantined[0].reason == "same uuid");
            CHECK(quarantined[1].reason == "same uuid");
            // Whichever came first is stored (events are kept as they came) but counts nowhere.
            CHECK(hub->eventCount() == 3);
            CHECK(report->bundles.back().newEvents == 1);
            CHECK_FALSE(hub->idea("idea-" + one.kioskId + "-1").has_value());
            CHECK_FALSE(hub->idea("idea-" + two.kioskId + "-5").has_value());
            CHECK(hub->idea("idea-" + one.kioskId + "-2").has_value());
            CHECK(hub->idea("idea-" + two.kioskId + "-4").has_value());
            dumps.push_back(dumpReadTables(dir.database()));
        }
    }
    REQUIRE(dumps.size() == 4);
    CHECK(dumps[1] == dumps[0]);
    CHECK(dumps[2] == dumps[0]);
    CHECK(dumps[3] == dumps[0]);
}

TEST_CASE("an import stores its new events in apply order, whatever the order of its bundles", "[storage][sync]") {
    // Stored in apply order, new events go to the end of the apply-order index (what keeps a
    // large merge quick); the order of the rows is also the same for any order of the bundles.
    // The third kiosk's bundle is not in apply order itself (its clock was set back), and three
    // events of three kiosks share a stamp: the kiosk ids order them.
    ManualClock clock;
    StaffKeys staff;
    HandKiosk one;
    HandKiosk two;
    HandKiosk three;
    two.kioskId = one.kioskId + "-2";
    three.kioskId = one.kioskId + "-3";
    std::vector<std::string> bundles = {one.bundle({one.event(1, "Bankjes", 100), one.event(2, "Licht", 300)}, staff),
                                        two.bundle({two.event(1, "Bomen", 200), two.event(2, "Hek", 300)}, staff),
                                        three.bundle({three.event(1, "Pad", 300), three.event(2, "Bank", 50)}, staff)};
    const std::vector<std::string> applyOrder = {three.kioskId + "/2", one.kioskId + "/1", two.kioskId + "/1",
                                                 one.kioskId + "/2",   two.kioskId + "/2", three.kioskId + "/1"};
    std::sort(bundles.begin(), bundles.end());
    do {
        ScratchDir dir;
        {
            auto hub = openOrFail(dir.database(), clock.options());
            REQUIRE(importInto(*hub, bundles, staff).ok());
        }
        SQLite::Database db(dir.database().string());
        SQLite::Statement q(db, "SELECT kiosk_id, seq FROM events WHERE kiosk_id <> (SELECT kiosk_id FROM kiosk) ORDER BY seq_row");
        std::vector<std::string> rows;
        while (q.executeStep()) rows.push_back(q.getColumn(0).getString() + "/" + q.getColumn(1).getString());
        CHECK(rows == applyOrder);
    } while (std::next_permutation(bundles.begin(), bundles.end()));
}

TEST_CASE("gaps in a kiosk's seqs are reported, not fatal", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    HandKiosk hand;
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    Result<SyncReport> report = importInto(*hub, {hand.bundle({hand.event(1, "Een", 1), hand.event(4, "Vier", 4)}, staff)}, staff);
    REQUIRE(report.ok());
    REQUIRE(report->gaps.size() == 1);
    CHECK(report->gaps[0] == SeqGap{hand.kioskId, 2, 3});
    CHECK(hub->syncGaps() == report->gaps);
    REQUIRE(importInto(*hub, {hand.bundle({hand.event(2, "Twee", 2), hand.event(3, "Drie", 3)}, staff)}, staff).ok());
    CHECK(hub->syncGaps().empty());
    CHECK(hub->ideaCount() == 4);
}

TEST_CASE("of several bad bundles in one import the first one's error is told, and nothing is stored", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    StaffKeys otherOffice;
    // Enough bundles that they are opened on every thread at once, each of its own new kiosk.
    std::vector<HandKiosk> kiosks(24);
    std::vector<std::string> bundles;
    for (std::size_t i = 0; i < kiosks.size(); ++i) {
        kiosks[i].kioskId = "7d1e2f30-0000-4000-8000-0000000001" + std::to_string(10 + i);
        bundles.push_back(kiosks[i].bundle({kiosks[i].event(1, "Idee", 100 + i)}, staff));
    }
    const std::string foreign = kiosks[5].bundle({kiosks[5].event(1, "Elders", 105)}, otherOffice);  // the seal fails
    const std::string truncated = bundles[17].substr(0, bundles[17].size() / 2);                      // the header fails
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    const std::size_t kiosksKnown = hub->kioskActivity().size();
    const auto refusedWith = [&](std::vector<std::string> tried, const std::string& words) {
        Result<SyncReport> report = importInto(*hub, tried, staff);
        REQUIRE_FALSE(report.ok());
        CHECK(report.error().code == ErrorCode::InvalidInput);
        CHECK_THAT(report.error().detail, Catch::StartsWith(words));
        CHECK(hub->eventCount() == 0);
        CHECK(hub->kioskActivity().size() == kiosksKnown);  // no kiosk became trusted
    };

    SECTION("a bundle that fails late, before one that fails early") {
        std::vector<std::string> tried = bundles;
        tried[5] = foreign;
        tried[17] = truncated;
        refusedWith(tried, "bundle5: foreign: this staff key cannot open");
    }
    SECTION("a bundle that fails early, before one that fails late") {
        std::vector<std::string> tried = bundles;
        tried[5] = truncated;
        tried[17] = foreign;
        refusedWith(tried, "bundle5: truncated");
    }
    SECTION("only the last bundle is bad") {
        std::vector<std::string> tried = bundles;
        tried.back() = truncated;
        refusedWith(tried, "bundle23: truncated");
    }
    REQUIRE(importInto(*hub, bundles, staff).ok());
    CHECK(hub->eventCount() == 24);
}

TEST_CASE("two bundles of one new kiosk with different keys are refused in the order given", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    HandKiosk first;
    first.kioskId = "7d1e2f30-0000-4000-8000-000000000201";
    HandKiosk impostor;  // the same id, another key
    impostor.kioskId = first.kioskId;
    const std::string genuine = first.bundle({first.event(1, "Bankjes", 100)}, staff);
    const std::string next = first.bundle({first.event(2, "Licht", 200)}, staff);
    const std::string other = impostor.bundle({impostor.event(2, "Nep", 200)}, staff);
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());

    Result<SyncReport> report = importInto(*hub, {genuine, other, next}, staff);
    REQUIRE_FALSE(report.ok());
    CHECK(report.error().detail == "bundle1: foreign: two bundles of kiosk " + first.kioskId + " carry different keys");
    report = importInto(*hub, {other, genuine}, staff);
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.error().detail, Catch::StartsWith("bundle1: foreign: two bundles of kiosk"));
    // The keys are compared before the seal is opened: that error comes first.
    StaffKeys otherOffice;
    report = importInto(*hub, {genuine, impostor.bundle({impostor.event(2, "Nep", 200)}, otherOffice)}, staff);
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.error().detail, Catch::StartsWith("bundle1: foreign: two bundles of kiosk"));
    // Without --trust the first bundle is the one refused.
    report = importInto(*hub, {genuine, other}, staff, false);
    REQUIRE_FALSE(report.ok());
    CHECK_THAT(report.error().detail, Catch::StartsWith("bundle0: new kiosk " + first.kioskId));
    CHECK(hub->eventCount() == 0);

    // Two bundles with the same key both count as the new kiosk's.
    report = importInto(*hub, {genuine, next}, staff);
    REQUIRE(report.ok());
    REQUIRE(report->bundles.size() == 2);
    CHECK(report->bundles[0].newKiosk);
    CHECK(report->bundles[1].newKiosk);
    CHECK(hub->eventCount() == 2);
}

TEST_CASE("two bundles of one kiosk that overlap in one import", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    HandKiosk hand;
    std::vector<Event> events;
    for (std::int64_t seq = 1; seq <= 5; ++seq) events.push_back(hand.event(seq, "Idee " + std::to_string(seq), 100 * seq));
    const std::string early = hand.bundle({events[0], events[1], events[2]}, staff);
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());

    SECTION("the same events twice are counted as duplicates") {
        const std::string late = hand.bundle({events[1], events[2], events[3], events[4]}, staff);
        Result<SyncReport> report = importInto(*hub, {early, late}, staff);
        REQUIRE(report.ok());
        REQUIRE(report->bundles.size() == 2);
        CHECK(report->bundles[0].newEvents == 3);
        CHECK(report->bundles[0].duplicates == 0);
        CHECK(report->bundles[1].newEvents == 2);
        CHECK(report->bundles[1].duplicates == 2);
        CHECK(report->quarantined.empty());
        CHECK(hub->quarantinedEvents().empty());
        CHECK(hub->eventCount() == 5);
        CHECK(hub->ideaCount() == 5);
    }
    SECTION("another version of an event the first bundle brought is quarantined, both versions") {
        Event changed = hand.event(9, "Andere tekst", 300);
        changed.seq = 3;
        const std::string late = hand.bundle({events[1], changed, events[3]}, staff);
        Result<SyncReport> report = importInto(*hub, {early, late}, staff);
        REQUIRE(report.ok());
        CHECK(report->bundles[1].duplicates == 1);
        CHECK(report->bundles[1].newEvents == 1);
        const std::vector<QuarantinedEvent> quarantined = hub->quarantinedEvents();
        REQUIRE(quarantined.size() == 2);
        CHECK(quarantined[0].event.seq == 3);
        CHECK(quarantined[1].event.seq == 3);
        CHECK(quarantined[0].reason == "same kiosk and seq");
        CHECK_FALSE(hub->idea("idea-" + hand.kioskId + "-3").has_value());
        CHECK(hub->idea("idea-" + hand.kioskId + "-4").has_value());
        CHECK(hub->eventCount() == 4);
    }
}

TEST_CASE("an acknowledgement only counts from the office's key, for this kiosk", "[storage][sync]") {
    ManualClock clock;
    StaffKeys staff;
    StaffKeys other;
    auto kiosk = kioskWithKey(clock, staff);
    REQUIRE(kiosk->submitIdea(makeDraft("Bankjes")).ok());
    REQUIRE(kiosk->submitIdea(makeDraft("Licht")).ok());
    Result<std::string> forged = writeAcknowledgement({kiosk->kioskId(), 2}, kiosk->identityPublicKey(), other.secretKey);
    REQUIRE(forged.ok());
    CHECK_FALSE(kiosk->acceptAcknowledgement(*forged).ok());
    Result<std::string> garbage = writeAcknowledgement({kiosk->kioskId(), 2}, kiosk->identityPublicKey(), staff.secretKey);
    REQUIRE(garbage.ok());
    std::string flipped = *garbage;
    flipped.back() = static_cast<char>(flipped.back() ^ 1);
    CHECK_FALSE(kiosk->acceptAcknowledgement(flipped).ok());
    CHECK(kiosk->acknowledgedSeq() == 0);

    // The office's acknowledgement, made from what its hub holds.
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    REQUIRE(importInto(*hub, {exported(*kiosk)}, staff).ok());
    Result<std::vector<std::pair<std::string, std::string>>> acks = hub->makeAcknowledgements(staff.secretKey);
    REQUIRE(acks.ok());
    REQUIRE(acks->size() == 1);
    CHECK((*acks)[0].first == kiosk->kioskId());
    Result<std::int64_t> seq = kiosk->acceptAcknowledgement((*acks)[0].second);
    REQUIRE(seq.ok());
    CHECK(*seq == 2);
    REQUIRE(kiosk->submitIdea(makeDraft("Speeltuin")).ok());
    Result<KioskStore::Bundle> next = kiosk->exportBundle(false);
    REQUIRE(next.ok());
    CHECK(next->header.firstSeq == 3);
    CHECK(next->header.eventCount == 1);
}

namespace {

// Kiosk A's round and ballot, and a second ballot with the same code from kiosk "B" (a bundle
// made by hand, since only a shared round lets two kiosks take the same code), `laterMs` after it.
struct TwoKioskCode {
    ManualClock clock;
    StaffKeys staff;
    std::unique_ptr<KioskStore> kiosk;
    std::string roundId;
    std::string codeHash;
    std::string ballotA;
    std::string ballotB;
    std::string receiptA;  // what kiosk A's resident holds
    std::vector<std::string> bundles;

    TwoKioskCode(DuplicateCodePolicy policy, std::int64_t bOffsetMs) {
        kiosk = kioskWithKey(clock, staff);
        Result<BudgetRound> round = kiosk->saveRound(twoProjectRound(*clock.nowMs, policy));
        REQUIRE(round.ok());
        roundId = round->id;
        Result<std::vector<std::string>> codes = kiosk->issueVotingCodes(roundId, 2);
        REQUIRE(codes.ok());
        clock.set(*clock.nowMs + 60'000);
        REQUIRE(kiosk->castBallot(roundId, chooseOne(0), (*codes)[0]).ok());
        REQUIRE(kiosk->castBallot(roundId, chooseOne(1), (*codes)[1]).ok());
        const std::vector<Event> events = kiosk->events();
        const auto cast = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.type == kEventBallotCast; });
        REQUIRE(cast != events.end());
        Result<BallotCast> first = decodeBallotCast(cast->payload);
        REQUIRE(first.ok());
        codeHash = first->codeHash;
        ballotA = first->ballotId;
        receiptA = first->receipt;
        bundles.push_back(exported(*kiosk));

        HandKiosk b;
        BallotCast again = *first;
        again.ballotId = "b0000000-0000-4000-8000-000000000001";
        again.receipt = "XXX-YYY";
        again.projectIds = {"licht"};
        ballotB = again.ballotId;
        const HlcStamp at{static_cast<std::uint64_t>(static_cast<std::int64_t>(cast->hlc.packed) + (bOffsetMs << 16))};
        bundles.push_back(b.bundle({Event{b.kioskId, 1, "uuid-b-1", at, std::string(kEventBallotCast), encodePayload(again)}}, staff));
    }
};

}  // namespace

TEST_CASE("a code used at two kiosks is flagged and counted by the round's policy", "[storage][sync][codes]") {
    for (const bool bFirst : {false, true}) {
        INFO((bFirst ? "kiosk B voted first" : "kiosk A voted first"));
        SECTION(std::string("earliest counts") + (bFirst ? " (B first)" : " (A first)")) {
            TwoKioskCode setup(DuplicateCodePolicy::CountEarliest, bFirst ? -1000 : 1000);
            ScratchDir dir;
            auto hub = openOrFail(dir.database(), setup.clock.options());
            Result<SyncReport> report = importInto(*hub, setup.bundles, setup.staff);
            REQUIRE(report.ok());
            REQUIRE(report->codeConflicts.size() == 1);
            CHECK(report->codeConflicts[0].codeHash == setup.codeHash);
            CHECK(report->codeConflicts[0].ballotIds.front() == (bFirst ? setup.ballotB : setup.ballotA));
            CHECK(hub->ballotCount(setup.roundId) == 2);  // the other code's ballot and the earliest
            const std::vector<BallotDraft> ballots = hub->roundBallots(setup.roundId);
            REQUIRE(ballots.size() == 2);
            // The earliest ballot chose project 0 at A and project 1 ("licht") at B.
            const auto onLicht = std::count_if(ballots.begin(), ballots.end(), [](const BallotDraft& d) { return d.has(1); });
            CHECK(onLicht == (bFirst ? 2 : 1));
            // "Is my vote counted?" tells kiosk A's resident the truth either way.
            CHECK(hub->receiptCounted(setup.roundId, setup.receiptA) == !bFirst);
        }
    }
    SECTION("void counts neither") {
        TwoKioskCode setup(DuplicateCodePolicy::VoidAll, 1000);
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), setup.clock.options());
        REQUIRE(importInto(*hub, setup.bundles, setup.staff).ok());
        CHECK(hub->codeConflicts().size() == 1);
        CHECK(hub->ballotCount(setup.roundId) == 1);
        CHECK(hub->roundBallots(setup.roundId).size() == 1);
        CHECK_FALSE(hub->receiptCounted(setup.roundId, setup.receiptA));
    }
    SECTION("staff review counts none until decided") {
        TwoKioskCode setup(DuplicateCodePolicy::StaffReview, 1000);
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), setup.clock.options());
        REQUIRE(importInto(*hub, setup.bundles, setup.staff).ok());
        CHECK(hub->ballotCount(setup.roundId) == 1);
        CHECK(hub->conflicts().codes.size() == 1);
        CHECK(hub->resolveCodeConflict(setup.roundId, setup.codeHash, "not-a-ballot").error().code == ErrorCode::NotFound);
        CHECK(hub->resolveCodeConflict(setup.roundId, "no-such-hash", "").error().code == ErrorCode::NotFound);
        REQUIRE(hub->resolveCodeConflict(setup.roundId, setup.codeHash, setup.ballotB).ok());
        CHECK(hub->ballotCount(setup.roundId) == 2);
        CHECK(hub->conflicts().codes.empty());
        REQUIRE(hub->codeConflicts().size() == 1);
        CHECK(hub->codeConflicts()[0].keptBallotId == setup.ballotB);
        const std::string decided = dumpReadTables(dir.database());
        REQUIRE(hub->rebuildReadTables().ok());
        CHECK(dumpReadTables(dir.database()) == decided);
        REQUIRE(hub->resolveCodeConflict(setup.roundId, setup.codeHash, "").ok());
        CHECK(hub->ballotCount(setup.roundId) == 1);
    }
}

TEST_CASE("a large merge is written once, past the WAL, and the hub stays in WAL", "[storage][sync][journal]") {
    ManualClock clock;
    StaffKeys staff;
    auto kiosk = kioskWithKey(clock, staff);
    const std::vector<std::string> bundles = bundlePerIdea(*kiosk, {"Bankjes", "Licht in het steegje", "Een moestuin"});
    const std::string& first = bundles[0];
    const std::string& second = bundles[1];
    const std::string& third = bundles[2];

    ScratchDir dir;
    StoreOptions options = clock.options();
    options.largeMergeBytes = 1;  // every merge counts as large
    auto hub = openOrFail(dir.database(), options);
    const std::filesystem::path wal = dir.database().string() + "-wal";
    const auto walBytes = [&]() -> std::uintmax_t { return std::filesystem::exists(wal) ? std::filesystem::file_size(wal) : 0; };
    const auto journalMode = [&]() {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
        return db.execAndGet("PRAGMA journal_mode").getString();
    };

    // Alone on the database: the merge goes past the WAL, which it leaves empty, and WAL is back.
    REQUIRE(importInto(*hub, {first}, staff).ok());
    CHECK(hub->eventCount() == 1);
    CHECK(walBytes() == 0);
    CHECK(journalMode() == "wal");
    REQUIRE(hub->submitIdea(makeDraft("Een bibliotheekkastje")).ok());  // the hub's own writes use WAL again
    CHECK(walBytes() > 0);

    // A merge that fails changes nothing in either journal.
    std::string damaged = second;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x10);
    const std::string before = dumpReadTables(dir.database());
    CHECK_FALSE(importInto(*hub, {damaged}, staff).ok());
    CHECK(hub->eventCount() == 2);
    CHECK(dumpReadTables(dir.database()) == before);
    CHECK(journalMode() == "wal");

    // With another connection open (the staff view reading, say), the switch is refused and the
    // merge runs in WAL as before.
    {
        SQLite::Database reader(dir.database().string(), SQLite::OPEN_READONLY);
        CHECK(reader.execAndGet("SELECT COUNT(*) FROM ideas").getInt() == 2);
        const std::uintmax_t walBefore = walBytes();
        REQUIRE(importInto(*hub, {second}, staff).ok());
        CHECK(walBytes() > walBefore);
        CHECK(reader.execAndGet("SELECT COUNT(*) FROM ideas").getInt() == 3);
    }
    REQUIRE(importInto(*hub, {third}, staff).ok());
    CHECK(hub->eventCount() == 4);
    CHECK(journalMode() == "wal");
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM ideas").getInt() == 4);
}

TEST_CASE("importing many bundles again is a quick look-up", "[storage][sync][speed]") {
    ManualClock clock;
    StaffKeys staff;
    HandKiosk hand;
    std::vector<std::string> bundles;
    for (int i = 0; i < 100; ++i) bundles.push_back(hand.bundle({hand.event(i + 1, "Idee " + std::to_string(i), 1000 + i)}, staff));
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    REQUIRE(importInto(*hub, bundles, staff).ok());
    const auto start = std::chrono::steady_clock::now();
    Result<SyncReport> again = importInto(*hub, bundles, staff);
    const auto took = std::chrono::steady_clock::now() - start;
    REQUIRE(again.ok());
    CHECK(std::all_of(again->bundles.begin(), again->bundles.end(), [](const BundleImport& b) { return b.alreadyImported; }));
    CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 1000);
    CHECK(hub->eventCount() == 100);
}

TEST_CASE("a lost kiosk's bundles are refused from then on, what it sent stays, a replacement is new", "[storage][sync][lost]") {
    ManualClock clock;
    StaffKeys staff;
    auto lost = kioskWithKey(clock, staff);
    REQUIRE(lost->setNeighbourhoodName("Lindenbuurt").ok());
    REQUIRE(lost->submitIdea(makeDraft("Bankjes")).ok());
    const std::string before = exported(*lost);
    REQUIRE(lost->submitIdea(makeDraft("Licht in het steegje")).ok());
    const std::string after = exported(*lost);

    ScratchDir dir;
    {
        auto hub = openOrFail(dir.database(), clock.options());
        REQUIRE(importInto(*hub, {before}, staff).ok());
        const std::int64_t events = hub->eventCount();
        const std::size_t ideas = hub->allIdeas().size();
        const std::size_t audited = hub->auditLog(100).size();

        // Not a kiosk the office trusts, or the office's own: refused, nothing written.
        Result<WithdrawnKiosk> unknown = hub->withdrawKioskTrust("no-such-kiosk", std::nullopt, "Anna");
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().code == ErrorCode::NotFound);
        Result<WithdrawnKiosk> own = hub->withdrawKioskTrust(hub->kioskId(), std::nullopt, "Anna");
        REQUIRE_FALSE(own.ok());
        CHECK(own.error().code == ErrorCode::InvalidInput);
        CHECK(hub->withdrawnKiosks().empty());
        CHECK(hub->auditLog(100).size() == audited);

        clock.set(*clock.nowMs + 3600'000);
        Result<WithdrawnKiosk> withdrawn = hub->withdrawKioskTrust(lost->kioskId(), std::nullopt, "Anna (kantoor)");
        INFO((withdrawn.ok() ? std::string() : withdrawn.error().detail));
        REQUIRE(withdrawn.ok());
        CHECK(withdrawn->publicKey == lost->identityPublicKey());
        CHECK(withdrawn->withdrawnMs == *clock.nowMs);
        CHECK_FALSE(withdrawn->fromSeq.has_value());
        CHECK(withdrawn->setAside == 0);
        // Kept: what it sent before counts as it did.
        CHECK(hub->eventCount() == events);
        CHECK(hub->allIdeas().size() == ideas);
        // In the audit log, with who and the key it had.
        const std::vector<AuditEntry> log = hub->auditLog(1);
        REQUIRE(log.size() == 1);
        CHECK(log[0].action == kAuditKioskTrustWithdrawn);
        CHECK(log[0].facilitator == "Anna (kantoor)");
        CHECK(log[0].subject == lost->kioskId());
        CHECK(log[0].before.find("fingerprint") != std::string::npos);
        // Reported twice with nothing more to set aside: refused.
        Result<WithdrawnKiosk> again = hub->withdrawKioskTrust(lost->kioskId(), std::nullopt, "Anna");
        REQUIRE_FALSE(again.ok());
        CHECK(again.error().code == ErrorCode::InvalidInput);
        CHECK(hub->auditLog(100).size() == audited + 1);
    }
    // It survives closing, a rebuild of the read tables, and shows per kiosk.
    auto hub = openOrFail(dir.database(), clock.options());
    REQUIRE(hub->rebuildReadTables().ok());
    REQUIRE(hub->withdrawnKiosks().size() == 1);
    const std::vector<KioskActivity> kiosks = hub->kioskActivity();
    const auto row = std::find_if(kiosks.begin(), kiosks.end(), [&](const KioskActivity& k) { return k.kioskId == lost->kioskId(); });
    REQUIRE(row != kiosks.end());
    REQUIRE(row->withdrawn.has_value());
    CHECK(row->neighbourhood == "Lindenbuurt");
    CHECK_FALSE(kioskSilent(*row, *clock.nowMs + kKioskSilentMs * 2));  // marked lost, not silent

    // Its next bundle, the same events again, and its key under another kiosk id: all refused,
    // with --trust too, and nothing changes.
    const std::string dump = dumpReadTables(dir.database());
    const std::int64_t events = hub->eventCount();
    for (const std::string& bundle : {after, exported(*lost, true)}) {
        Result<SyncReport> refused = importInto(*hub, {bundle}, staff, true);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidInput);
        INFO(refused.error().detail);
        CHECK(refused.error().detail.find("kiosk " + lost->kioskId() + " was reported lost on ") != std::string::npos);
        CHECK(refused.error().detail.find("its bundles are no longer accepted") != std::string::npos);
    }
    CHECK(hub->eventCount() == events);
    CHECK(dumpReadTables(dir.database()) == dump);
    // Its key under another kiosk id (whoever holds it can sign anything): refused too.
    HandKiosk hand;
    REQUIRE(importInto(*hub, {hand.bundle({hand.event(1, "Bankjes", 500)}, staff)}, staff).ok());
    REQUIRE(hub->withdrawKioskTrust(hand.kioskId, std::nullopt, "Anna").ok());
    HandKiosk renamed = hand;
    renamed.kioskId = "0b5e55ed-0000-4000-8000-000000000001";
    Result<SyncReport> impostor = importInto(*hub, {renamed.bundle({renamed.event(1, "Gratis geld", 600)}, staff)}, staff, true);
    REQUIRE_FALSE(impostor.ok());
    CHECK(impostor.error().detail.find("signed with the key of a lost kiosk") != std::string::npos);
    // The bundle imported before is still a quiet "already imported".
    REQUIRE(importInto(*hub, {before}, staff).ok());
    // No acknowledgement for it any more.
    Result<std::vector<std::pair<std::string, std::string>>> acks = hub->makeAcknowledgements(staff.secretKey);
    REQUIRE(acks.ok());
    for (const auto& ack : *acks) CHECK(ack.first != lost->kioskId());

    // The replacement kiosk has an identity of its own and is trusted as any new kiosk.
    auto replacement = kioskWithKey(clock, staff);
    REQUIRE(replacement->submitIdea(makeDraft("Bankjes, opnieuw")).ok());
    const std::string fresh = exported(*replacement);
    CHECK_FALSE(importInto(*hub, {fresh}, staff, false).ok());
    Result<SyncReport> trusted = importInto(*hub, {fresh}, staff, true);
    REQUIRE(trusted.ok());
    CHECK(trusted->bundles.front().newKiosk);
}

TEST_CASE("a lost kiosk's events after the loss are set aside the same in any order of import", "[storage][sync][lost]") {
    ManualClock clock;
    StaffKeys staff;
    auto lost = kioskWithKey(clock, staff);
    auto other = kioskWithKey(clock, staff);
    REQUIRE(lost->setNeighbourhoodName("Lindenbuurt").ok());
    Result<Idea> bench = lost->submitIdea(makeDraft("Bankjes"));
    REQUIRE(bench.ok());
    REQUIRE(lost->approveIdea(bench->id).ok());
    const std::string beforeLoss = exported(*lost);  // seq 1..3
    const std::int64_t firstAfter = lost->events().back().seq + 1;
    // Whoever holds the kiosk now: more support for its idea, an idea of its own, a new name.
    clock.set(*clock.nowMs + 60'000);
    REQUIRE(lost->supportIdea(bench->id).ok());
    REQUIRE(lost->supportIdea(bench->id).ok());
    REQUIRE(lost->submitIdea(makeDraft("Gratis bier")).ok());
    REQUIRE(lost->setNeighbourhoodName("Nergensbuurt").ok());
    const std::string afterLoss = exported(*lost);
    // Another kiosk, later, supports the idea of the lost one (a reference across kiosks).
    REQUIRE(importInto(*other, {beforeLoss}, staff).ok());
    clock.set(*clock.nowMs + 60'000);
    REQUIRE(other->supportIdea(bench->id).ok());
    const std::string others = exported(*other);

    // The office that never got the events after the loss is what the others must look like.
    std::string expected;
    {
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), clock.options());
        REQUIRE(importInto(*hub, {beforeLoss, others}, staff).ok());
        Result<WithdrawnKiosk> done = hub->withdrawKioskTrust(lost->kioskId(), firstAfter, "Anna");
        REQUIRE(done.ok());
        CHECK(done->setAside == 0);
        expected = dumpReadTables(dir.database());
        const std::optional<Idea> idea = hub->idea(bench->id);
        REQUIRE(idea.has_value());
        CHECK(idea->supports == 1);  // the other kiosk's
        CHECK(hub->kioskNeighbourhoods().at(lost->kioskId()) == "Lindenbuurt");
    }
    const std::vector<std::vector<std::string>> orders = {{beforeLoss, afterLoss, others}, {others, afterLoss, beforeLoss}};
    for (std::size_t order = 0; order < orders.size(); ++order) {
        INFO("order " << order);
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), clock.options());
        for (const std::string& bundle : orders[order]) REQUIRE(importInto(*hub, {bundle}, staff).ok());
        const std::int64_t events = hub->eventCount();
        Result<WithdrawnKiosk> done = hub->withdrawKioskTrust(lost->kioskId(), firstAfter, "Anna");
        REQUIRE(done.ok());
        CHECK(done->setAside == 4);
        CHECK(hub->eventCount() == events);  // kept in the log
        CHECK(dumpReadTables(dir.database()) == expected);
        REQUIRE(hub->rebuildReadTables().ok());
        CHECK(dumpReadTables(dir.database()) == expected);
        CHECK(hub->withdrawnKiosks().front().setAside == 4);
        CHECK(hub->auditLog(1).front().after.find("set aside (4)") != std::string::npos);
        // Once set aside, a later seq does not bring them back.
        CHECK_FALSE(hub->withdrawKioskTrust(lost->kioskId(), firstAfter + 1, "Anna").ok());
        // Its gaps are not open questions any more: they will never be filled.
        for (const SeqGap& gap : hub->syncGaps()) CHECK(gap.kioskId != lost->kioskId());
    }
    // Reported lost first without setting anything aside, then with: the same tables.
    {
        ScratchDir dir;
        auto hub = openOrFail(dir.database(), clock.options());
        REQUIRE(importInto(*hub, {afterLoss, beforeLoss}, staff).ok());
        REQUIRE(hub->withdrawKioskTrust(lost->kioskId(), std::nullopt, "Anna").ok());
        CHECK(hub->idea(bench->id)->supports == 2);
        REQUIRE(importInto(*hub, {others}, staff).ok());
        REQUIRE(hub->withdrawKioskTrust(lost->kioskId(), firstAfter, "Anna").ok());
        CHECK(dumpReadTables(dir.database()) == expected);
    }
}

TEST_CASE("what the office last heard from each kiosk, and which are silent", "[storage][sync][lost]") {
    ManualClock clock;
    StaffKeys staff;
    auto kiosk = kioskWithKey(clock, staff);
    REQUIRE(kiosk->setNeighbourhoodName("Lindenbuurt").ok());
    REQUIRE(kiosk->submitIdea(makeDraft("Bankjes")).ok());
    const std::uint64_t lastEvent = *clock.nowMs;
    const std::string bundle = exported(*kiosk);
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    clock.set(lastEvent + 2 * 86'400'000ULL);
    REQUIRE(importInto(*hub, {bundle}, staff).ok());
    std::vector<KioskActivity> kiosks = hub->kioskActivity();
    const auto row = std::find_if(kiosks.begin(), kiosks.end(), [&](const KioskActivity& k) { return k.kioskId == kiosk->kioskId(); });
    REQUIRE(row != kiosks.end());
    CHECK_FALSE(row->own);
    CHECK(row->neighbourhood == "Lindenbuurt");
    CHECK(row->events == 2);
    CHECK(row->lastSeq == 2);
    CHECK(row->lastEventMs == lastEvent);
    CHECK(row->lastImportMs == lastEvent + 2 * 86'400'000ULL);
    CHECK_FALSE(row->withdrawn.has_value());
    CHECK_FALSE(kioskSilent(*row, lastEvent + kKioskSilentMs));
    CHECK(kioskSilent(*row, lastEvent + kKioskSilentMs + 1));
    // The office itself is listed once it records something, never as silent.
    REQUIRE(hub->setNeighbourhoodName("Kantoor").ok());
    kiosks = hub->kioskActivity();
    REQUIRE(kiosks.size() == 2);
    const auto self = std::find_if(kiosks.begin(), kiosks.end(), [](const KioskActivity& k) { return k.own; });
    REQUIRE(self != kiosks.end());
    CHECK(self->kioskId == hub->kioskId());
    CHECK(self->lastImportMs == 0);
    CHECK_FALSE(kioskSilent(*self, lastEvent + 10 * kKioskSilentMs));
}

// Not run by default (hidden tag): `storage_tests "[.sync-speed]"` in a Release build. 100 bundles
// of 10 kiosks with BUURTSTEM_SYNC_EVENTS events in all (default 1,000,000), imported at once.
TEST_CASE("importing 100 bundles with a million events", "[.sync-speed]") {
    const char* env = std::getenv("BUURTSTEM_SYNC_EVENTS");
    const std::int64_t total = env ? std::atoll(env) : 1'000'000;
    constexpr int kKiosks = 10;
    constexpr int kBundlesPerKiosk = 10;
    const std::int64_t perBundle = total / (kKiosks * kBundlesPerKiosk);
    ManualClock clock;
    StaffKeys staff;
    std::vector<std::string> bundles;
    const auto madeStart = std::chrono::steady_clock::now();
    for (int k = 0; k < kKiosks; ++k) {
        HandKiosk kiosk;
        kiosk.kioskId = "5e9a0c1b-0000-4000-8000-0000000000" + std::to_string(10 + k);
        std::int64_t seq = 0;
        for (int b = 0; b < kBundlesPerKiosk; ++b) {
            std::vector<Event> events;
            events.reserve(static_cast<std::size_t>(perBundle));
            for (std::int64_t i = 0; i < perBundle; ++i) {
                ++seq;
                const std::uint64_t hlc = (1'764'316'924'000ULL + static_cast<std::uint64_t>(seq) * 10) << 16 | static_cast<std::uint64_t>(k);
                if (seq == 1) {
                    Event e = kiosk.event(seq, "Idee van kiosk " + std::to_string(k), hlc);
                    events.push_back(std::move(e));
                } else if (seq % 2 == 0) {
                    events.push_back(Event{kiosk.kioskId, seq, kiosk.kioskId + "-" + std::to_string(seq), HlcStamp{hlc},
                                           std::string(kEventIdeaSupported),
                                           encodePayload(IdeaSupported{"idea-" + kiosk.kioskId + "-1"})});
                } else {
                    PulseGiven pulse;
                    pulse.scores[0] = 1 + static_cast<int>(seq % 5);
                    events.push_back(Event{kiosk.kioskId, seq, kiosk.kioskId + "-" + std::to_string(seq), HlcStamp{hlc},
                                           std::string(kEventPulseGiven), encodePayload(pulse)});
                }
            }
            bundles.push_back(kiosk.bundle(events, staff));
        }
    }
    const auto made = std::chrono::steady_clock::now() - madeStart;
    ScratchDir dir;
    auto hub = openOrFail(dir.database(), clock.options());
    const auto start = std::chrono::steady_clock::now();
    Result<SyncReport> report = importInto(*hub, bundles, staff);
    const auto took = std::chrono::steady_clock::now() - start;
    INFO((report.ok() ? std::string() : report.error().detail));
    REQUIRE(report.ok());
    const auto again = std::chrono::steady_clock::now();
    REQUIRE(importInto(*hub, bundles, staff).ok());
    const auto tookAgain = std::chrono::steady_clock::now() - again;
    const auto ms = [](auto d) { return static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count()); };
    std::printf("sync speed: %lld events in %zu bundles: written in %lld ms, imported in %lld ms (%s), again in %lld ms\n",
                static_cast<long long>(hub->eventCount()), bundles.size(), ms(made), ms(took),
                report->fullRebuild ? "full rebuild" : "applied in order", ms(tookAgain));
    CHECK(hub->eventCount() == perBundle * kKiosks * kBundlesPerKiosk);
}
