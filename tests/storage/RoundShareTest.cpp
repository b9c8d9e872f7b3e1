// One round at two kiosks: kiosk A shares a round with kiosk B, B accepts the same codes, both
// send their bundles to the office, and the office counts the round once with a code used at both
// flagged. Every damaged, foreign or repeated file is refused (or skipped) without changing B.
#include "StorageTestSupport.h"

#include "storage/Bundle.h"
#include "storage/RoundShare.h"

#include <algorithm>
#include <set>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

constexpr std::uint64_t kHourMs = 3'600'000;

std::string exported(KioskStore& store, bool all = false) {
    Result<KioskStore::Bundle> bundle = store.exportBundle(all);
    REQUIRE(bundle.ok());
    REQUIRE(store.rememberBundle(*bundle).ok());
    return bundle->bytes;
}

std::string shared(KioskStore& maker, const std::string& roundId, const KioskStore& to) {
    RoundShareSummary summary;
    Result<std::string> bytes = maker.shareRound(roundId, to.identityPublicKey(), summary);
    INFO((bytes.ok() ? std::string() : bytes.error().detail));
    REQUIRE(bytes.ok());
    return std::move(bytes).value();
}

std::string refusal(KioskStore& store, const std::string& bytes) {
    Result<RoundShareSummary> received = store.receiveRound(bytes);
    REQUIRE_FALSE(received.ok());
    CHECK(received.error().code == ErrorCode::InvalidInput);
    return received.error().detail;
}

// Kiosk A (the maker, its clock ten minutes ahead of B's) with a round, three codes and one voided.
struct TwoKiosks {
    StaffKeys staff;
    ManualClock clockA;
    ManualClock clockB;
    std::unique_ptr<KioskStore> a;
    std::unique_ptr<KioskStore> b;
    std::string roundId;
    std::vector<std::string> codes;

    TwoKiosks() {
        clockB.set(*clockA.nowMs - kHourMs / 6);
        a = kioskWithKey(clockA, staff);
        b = kioskWithKey(clockB, staff);
        BudgetRound planned = twoProjectRound(*clockA.nowMs - kHourMs);
        planned.name = "Buurtbudget twee plekken";
        Result<BudgetRound> round = a->saveRound(planned);
        REQUIRE(round.ok());
        roundId = round->id;
        codes = a->issueVotingCodes(roundId, 3).value();
        REQUIRE(a->voidVotingCode(roundId, codes[2]).ok());
    }
};

}  // namespace

TEST_CASE("a round shared with a second kiosk takes the same codes there, and the office counts it once", "[storage][share]") {
    TwoKiosks k;
    RoundShareSummary made;
    const std::string file = k.a->shareRound(k.roundId, k.b->identityPublicKey(), made).value();
    CHECK(made.events == 3);  // round.saved, voting_codes.issued, voting_code.voided
    CHECK(made.codes == 3);
    CHECK(made.roundName == "Buurtbudget twee plekken");
    CHECK(k.b->votingCodeState(k.roundId, k.codes[0]) == KioskStore::CodeState::Unknown);

    Result<RoundShareSummary> received = k.b->receiveRound(file);
    INFO((received.ok() ? std::string() : received.error().detail));
    REQUIRE(received.ok());
    CHECK(received->roundId == k.roundId);
    CHECK(received->makerKioskId == k.a->kioskId());
    CHECK(received->newEvents == 3);
    CHECK(received->keyStored);
    REQUIRE(k.b->round(k.roundId).has_value());
    CHECK(k.b->round(k.roundId)->name == "Buurtbudget twee plekken");
    REQUIRE(k.b->openRounds().size() == 1);
    CHECK(k.b->votingCodeState(k.roundId, k.codes[0]) == KioskStore::CodeState::Valid);
    CHECK(k.b->votingCodeState(k.roundId, k.codes[2]) == KioskStore::CodeState::Voided);
    CHECK(k.b->votingCodeCounts(k.roundId).issued == 3);

    // Receiving again changes nothing.
    const std::int64_t eventsAtB = k.b->eventCount();
    Result<RoundShareSummary> again = k.b->receiveRound(file);
    REQUIRE(again.ok());
    CHECK(again->newEvents == 0);
    CHECK_FALSE(again->keyStored);
    CHECK(k.b->eventCount() == eventsAtB);

    // X at A, Y at B, and X again at B: B cannot know X was used at A, so it takes it.
    const std::string& x = k.codes[0];
    const std::string& y = k.codes[1];
    const std::string receiptXatA = k.a->castBallot(k.roundId, chooseOne(0), x).value();
    k.clockB.set(*k.clockB.nowMs + 60'000);
    const std::string receiptYatB = k.b->castBallot(k.roundId, chooseOne(1), y).value();
    const std::string receiptXatB = k.b->castBallot(k.roundId, chooseOne(1), x).value();
    CHECK(k.b->votingCodeState(k.roundId, y) == KioskStore::CodeState::Used);
    CHECK(k.b->ballotCount(k.roundId) == 2);

    // B's clock is behind A's, yet its ballots are stamped after the round it received.
    std::uint64_t latestOfA = 0;
    for (const Event& e : k.a->events()) latestOfA = std::max(latestOfA, e.hlc.packed);
    for (const Event& e : k.b->events()) {
        if (e.type == kEventBallotCast) CHECK(e.hlc.packed > latestOfA);
    }

    // B's bundles hold B's own events only, even with --all: A's come to the office from A.
    const std::string bundleB = exported(*k.b, true);
    Result<OpenedBundle> opened = openBundle(bundleB, k.staff.secretKey, nullptr, kSchemaVersion);
    REQUIRE(opened.ok());
    REQUIRE(opened->events.size() == 2);
    for (const EventView& e : opened->events) CHECK(e.kioskId == k.b->kioskId());
    CHECK(k.b->events().size() == 2);
    const std::string bundleA = exported(*k.a);

    for (const bool bFirst : {false, true}) {
        INFO((bFirst ? "B's bundle first" : "A's bundle first"));
        auto hub = KioskStore::openInMemory().value();
        const std::vector<KioskStore::NamedBundle> bundles =
            bFirst ? std::vector<KioskStore::NamedBundle>{{"b", bundleB}, {"a", bundleA}}
                   : std::vector<KioskStore::NamedBundle>{{"a", bundleA}, {"b", bundleB}};
        Result<SyncReport> report = hub->importBundles(bundles, k.staff.secretKey, true);
        INFO((report.ok() ? std::string() : report.error().detail));
        REQUIRE(report.ok());
        CHECK(report->quarantined.empty());
        const std::vector<BudgetRound> rounds = hub->rounds();
        REQUIRE(rounds.size() == 1);
        CHECK(rounds[0].id == k.roundId);
        CHECK(hub->votingCodeCounts(k.roundId).issued == 3);  // issued once, at A
        REQUIRE(report->codeConflicts.size() == 1);
        CHECK(report->codeConflicts[0].ballotIds.size() == 2);
        // The round's policy (earliest) counts X's ballot at A and Y's at B.
        CHECK(hub->ballotCount(k.roundId) == 2);
        CHECK(hub->receiptCounted(k.roundId, receiptXatA));
        CHECK(hub->receiptCounted(k.roundId, receiptYatB));
        CHECK_FALSE(hub->receiptCounted(k.roundId, receiptXatB));
        CHECK(hub->roundBallots(k.roundId).size() == 2);
    }

    // Had B's copies of A's events reached the office, it would take them as the same events.
    {
        auto hub = KioskStore::openInMemory().value();
        REQUIRE(hub->importBundles({{"a", bundleA}}, k.staff.secretKey, true).ok());
        REQUIRE(hub->receiveRound(shared(*k.a, k.roundId, *hub)).ok());
        Result<SyncReport> report = hub->importBundles({{"a", exported(*k.a, true)}}, k.staff.secretKey, true);
        REQUIRE(report.ok());
        CHECK(report->bundles[0].newEvents == 0);
        CHECK(report->quarantined.empty());
        CHECK(hub->rounds().size() == 1);
    }
}

TEST_CASE("a later share brings only what changed since", "[storage][share]") {
    TwoKiosks k;
    REQUIRE(k.b->receiveRound(shared(*k.a, k.roundId, *k.b)).ok());
    k.clockB.set(*k.clockB.nowMs + 60'000);
    REQUIRE(k.b->castBallot(k.roundId, chooseOne(0), k.codes[0]).ok());
    REQUIRE(k.a->voidVotingCode(k.roundId, k.codes[1]).ok());
    Result<RoundShareSummary> second = k.b->receiveRound(shared(*k.a, k.roundId, *k.b));
    REQUIRE(second.ok());
    CHECK(second->newEvents == 1);
    CHECK(k.b->votingCodeState(k.roundId, k.codes[1]) == KioskStore::CodeState::Voided);
    CHECK(k.b->votingCodeState(k.roundId, k.codes[0]) == KioskStore::CodeState::Used);
    CHECK(k.b->ballotCount(k.roundId) == 1);
    // What the read tables show is what the events give.
    REQUIRE(k.b->rebuildReadTables().ok());
    CHECK(k.b->votingCodeState(k.roundId, k.codes[1]) == KioskStore::CodeState::Voided);
    CHECK(k.b->votingCodeState(k.roundId, k.codes[0]) == KioskStore::CodeState::Used);
    CHECK(k.b->ballotCount(k.roundId) == 1);
}

TEST_CASE("only the kiosk that made a round shares it, and only with another kiosk's key", "[storage][share]") {
    TwoKiosks k;
    RoundShareSummary summary;
    CHECK(k.a->shareRound("no-such-round", k.b->identityPublicKey(), summary).error().code == ErrorCode::NotFound);
    Result<std::string> toItself = k.a->shareRound(k.roundId, k.a->identityPublicKey(), summary);
    REQUIRE_FALSE(toItself.ok());
    CHECK(toItself.error().detail.find("this kiosk's own") != std::string::npos);
    REQUIRE(k.b->receiveRound(shared(*k.a, k.roundId, *k.b)).ok());
    auto c = kioskWithKey(k.clockA, k.staff);
    // Ending voting early at B saves the round at B too; it is still A's round.
    REQUIRE(k.b->changeRoundPhase(k.roundId, PhaseChange::CloseVotingNow).ok());
    Result<std::string> passedOn = k.b->shareRound(k.roundId, c->identityPublicKey(), summary);
    REQUIRE_FALSE(passedOn.ok());
    CHECK(passedOn.error().detail.find("was not made at this kiosk") != std::string::npos);
}

TEST_CASE("a damaged, foreign or misplaced file is refused and changes nothing", "[storage][share]") {
    TwoKiosks k;
    const std::string file = shared(*k.a, k.roundId, *k.b);
    const std::int64_t before = k.b->eventCount();
    const auto unchanged = [&] {
        CHECK(k.b->eventCount() == before);
        CHECK_FALSE(k.b->round(k.roundId).has_value());
        CHECK(k.b->votingCodeState(k.roundId, k.codes[0]) == KioskStore::CodeState::Unknown);
    };

    SECTION("every flipped bit") {
        for (std::size_t i = 0; i < file.size(); ++i) {
            std::string flipped = file;
            flipped[i] = static_cast<char>(flipped[i] ^ (1 << (i % 8)));
            Result<RoundShareSummary> received = k.b->receiveRound(flipped);
            if (received.ok()) FAIL("a flip at byte " << i << " was received");
        }
        unchanged();
    }
    SECTION("truncated") {
        for (const std::size_t length : {std::size_t{0}, std::size_t{5}, std::size_t{40}, file.size() / 2, file.size() - 1}) {
            const std::string detail = refusal(*k.b, file.substr(0, length));
            INFO(detail);
            CHECK((detail.rfind("truncated", 0) == 0 || detail.rfind("not a shared round", 0) == 0));
        }
        CHECK(refusal(*k.b, file + "x").rfind("tampered", 0) == 0);
        unchanged();
    }
    SECTION("made for another kiosk") {
        auto c = kioskWithKey(k.clockA, k.staff);
        CHECK(refusal(*c, file).rfind("foreign", 0) == 0);
        CHECK(c->eventCount() == 0);
        CHECK_FALSE(c->round(k.roundId).has_value());
    }
    SECTION("made here") {
        const std::int64_t atA = k.a->eventCount();
        CHECK(refusal(*k.a, file).rfind("made here", 0) == 0);
        CHECK(k.a->eventCount() == atA);
    }
    SECTION("a kiosk of another office") {
        StaffKeys otherOffice;
        REQUIRE(k.b->setStaffPublicKey(otherOffice.publicKey).ok());
        CHECK(refusal(*k.b, file).rfind("foreign", 0) == 0);
        unchanged();
    }
    SECTION("a sync bundle, not a shared round") {
        CHECK(refusal(*k.b, exported(*k.a)).find("sync bundle") != std::string::npos);
        CHECK(refusal(*k.b, "hello").rfind("not a shared round", 0) == 0);
        unchanged();
    }
    SECTION("the header alone is checked without any key") {
        Result<RoundShareHeader> header = readRoundShareHeader(file);
        REQUIRE(header.ok());
        CHECK(header->makerKey == k.a->identityPublicKey());
        CHECK(header->recipientKey == k.b->identityPublicKey());
        CHECK(header->schemaVersion == kEventsSchemaVersion);
        std::string future = file;
        future[kRoundShareMagic.size()] = 2;  // format version 2, under a signature that then fails first
        CHECK(readRoundShareHeader(future).error().detail.rfind("tampered", 0) == 0);
        // Signed anew, by a kiosk of a later build.
        const KioskIdentity later = makeKioskIdentity();
        future.replace(kRoundShareMagic.size() + 4, later.publicKey.size(),
                       reinterpret_cast<const char*>(later.publicKey.data()), later.publicKey.size());
        future.resize(future.size() - crypto_sign_BYTES);
        std::array<unsigned char, crypto_sign_BYTES> signature{};
        crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(future.data()), future.size(),
                             later.secretKey.data());
        future.append(reinterpret_cast<const char*>(signature.data()), signature.size());
        CHECK(readRoundShareHeader(future).error().detail.rfind("future version", 0) == 0);
        CHECK(refusal(*k.b, future).rfind("future version", 0) == 0);
        unchanged();
    }
}

TEST_CASE("a round from a kiosk reported lost is refused, as its bundles are", "[storage][share][lost]") {
    TwoKiosks k;
    // The office took A's bundle, then staff reported A lost.
    auto office = kioskWithKey(k.clockB, k.staff);
    REQUIRE(office->importBundles({{"a.bsb", exported(*k.a)}}, k.staff.secretKey, true).ok());
    REQUIRE(office->withdrawKioskTrust(k.a->kioskId(), std::nullopt, "Sanne").ok());
    const std::int64_t before = office->eventCount();
    const std::string detail = refusal(*office, shared(*k.a, k.roundId, *office));
    CHECK(detail.find("kiosk " + k.a->kioskId() + " was reported lost on") != std::string::npos);
    CHECK(detail.find("its shared rounds are no longer accepted") != std::string::npos);
    CHECK(office->eventCount() == before);

    // B never heard of the loss and still takes it.
    CHECK(k.b->receiveRound(shared(*k.a, k.roundId, *k.b)).ok());
}
