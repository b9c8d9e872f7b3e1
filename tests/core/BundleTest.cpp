// The pure layout of sync bundles: header and events survive a round trip, damaged bytes are
// refused without huge allocations, the event checks, seq gaps, and the round's policy in JSON.
#include "app/core/Bundle.h"
#include "app/core/Event.h"
#include "app/core/SyncEvents.h"

#include <catch2/catch.hpp>
#include <cereal/archives/portable_binary.hpp>

#include <sstream>

using namespace buurtstem;

namespace {

BundleHeader sampleHeader() {
    BundleHeader h;
    h.kioskPublicKey.fill(7);
    h.kioskId = "0f6a1c2e-5b7d-4e8f-9a01-23456789abcd";
    h.firstSeq = 3;
    h.lastSeq = 4;
    h.eventCount = 2;
    h.previousBundleHash = "ab12";
    h.schemaVersion = 14;
    h.kioskHlc = 0x1234'5678'9abcULL;
    h.createdMs = 1'764'316'924'000ULL;
    return h;
}

std::vector<Event> sampleEvents() {
    return {Event{"0f6a1c2e-5b7d-4e8f-9a01-23456789abcd", 3, "u-3", HlcStamp{100}, "idea.supported", R"({"ideaId":"x"})"},
            Event{"0f6a1c2e-5b7d-4e8f-9a01-23456789abcd", 4, "u-4", HlcStamp{200}, "pulse.given", "{}"}};
}

bool sameEvents(const std::vector<Event>& a, const std::vector<Event>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].kioskId != b[i].kioskId || a[i].seq != b[i].seq || a[i].uuid != b[i].uuid || a[i].hlc != b[i].hlc ||
            a[i].type != b[i].type || a[i].payload != b[i].payload)
            return false;
    }
    return true;
}

}  // namespace

TEST_CASE("a bundle header reads back as written, with its key at a fixed place", "[core][bundle]") {
    const BundleHeader h = sampleHeader();
    const std::string bytes = encodeBundleHeader(h);
    Result<BundleHeader> back = decodeBundleHeader(bytes);
    REQUIRE(back.ok());
    CHECK(*back == h);
    CHECK(bytes.substr(kBundleHeaderKeyOffset, kBundleKeyBytes) == std::string(kBundleKeyBytes, '\7'));
}

TEST_CASE("damaged header and event bytes are refused", "[core][bundle]") {
    const std::string header = encodeBundleHeader(sampleHeader());
    for (std::size_t cut = 0; cut < header.size(); ++cut) {
        INFO("cut at " << cut);
        CHECK_FALSE(decodeBundleHeader(header.substr(0, cut)).ok());
    }
    CHECK_FALSE(decodeBundleHeader(header + "x").ok());
    // A text length of 2^62 must be refused, not allocated.
    std::string huge = header;
    const std::size_t lengthAt = kBundleHeaderKeyOffset + kBundleKeyBytes;
    for (std::size_t i = 0; i < 8; ++i) huge[lengthAt + i] = i == 7 ? '\x40' : '\0';
    Result<BundleHeader> refused = decodeBundleHeader(huge);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().detail, Catch::Contains("longer than the bundle"));

    const std::string events = encodeBundleEvents(sampleEvents());
    Result<std::vector<Event>> back = decodeBundleEvents(events);
    REQUIRE(back.ok());
    CHECK(sameEvents(*back, sampleEvents()));
    CHECK_FALSE(decodeBundleEvents(events.substr(0, events.size() - 1)).ok());
    std::string manyEvents = events;
    manyEvents[1 + 7] = '\x7f';  // the count's highest byte: far more events than bytes
    CHECK_FALSE(decodeBundleEvents(manyEvents).ok());
}

TEST_CASE("bundle events are read in place, in either byte order cereal writes", "[core][bundle]") {
    const std::vector<Event> events = sampleEvents();
    const std::string bytes = encodeBundleEvents(events);
    Result<std::vector<EventView>> views = readBundleEvents(bytes);
    REQUIRE(views.ok());
    std::vector<Event> read;
    for (const EventView& view : *views) {
        read.push_back(view.toEvent());
        // In place: the payload's text is the bytes' own, not a copy.
        CHECK(view.payload.data() >= bytes.data());
        CHECK(view.payload.data() + view.payload.size() <= bytes.data() + bytes.size());
    }
    CHECK(sameEvents(read, events));

    // A writer on a big-endian machine: the same events, every number in the other order.
    std::ostringstream big;
    {
        cereal::PortableBinaryOutputArchive archive(big, cereal::PortableBinaryOutputArchive::Options::BigEndian());
        const auto text = [&archive](const std::string& t) {
            archive(cereal::make_size_tag(static_cast<cereal::size_type>(t.size())), cereal::binary_data(t.data(), t.size()));
        };
        archive(cereal::make_size_tag(static_cast<cereal::size_type>(events.size())));
        for (const Event& e : events) {
            text(e.kioskId);
            archive(e.seq);
            text(e.uuid);
            archive(e.hlc.packed);
            text(e.type);
            text(e.payload);
        }
    }
    REQUIRE(big.str() != bytes);
    Result<std::vector<Event>> fromBig = decodeBundleEvents(big.str());
    REQUIRE(fromBig.ok());
    CHECK(sameEvents(*fromBig, events));

    SECTION("every cut is refused") {
        for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
            INFO("cut at " << cut);
            CHECK_FALSE(readBundleEvents(std::string_view(bytes).substr(0, cut)).ok());
        }
    }
    SECTION("a byte too many is refused") {
        Result<std::vector<EventView>> longer = readBundleEvents(bytes + "x");
        REQUIRE_FALSE(longer.ok());
        CHECK_THAT(longer.error().detail, Catch::Contains("after its end"));
    }
    SECTION("a text longer than the bytes is refused") {
        std::string huge = bytes;
        const std::size_t firstLength = 1 + 8;  // after the endianness byte and the count
        huge[firstLength + 6] = '\x01';         // 2^48 bytes of kiosk id
        Result<std::vector<EventView>> refused = readBundleEvents(huge);
        REQUIRE_FALSE(refused.ok());
        CHECK_THAT(refused.error().detail, Catch::Contains("longer than the bundle"));
    }
}

TEST_CASE("a bundle's events must be its kiosk's, inside its range, each once", "[core][bundle]") {
    const BundleHeader h = sampleHeader();
    std::vector<Event> events = sampleEvents();
    CHECK(checkBundleEvents(h, viewsOf(events)).ok());
    SECTION("count") {
        events.pop_back();
        CHECK_THAT(checkBundleEvents(h, viewsOf(events)).error().detail, Catch::Contains("header says 2"));
    }
    SECTION("another kiosk") {
        events[1].kioskId = "someone-else";
        CHECK_THAT(checkBundleEvents(h, viewsOf(events)).error().detail, Catch::Contains("not of"));
    }
    SECTION("outside the range") {
        events[1].seq = 5;
        CHECK_THAT(checkBundleEvents(h, viewsOf(events)).error().detail, Catch::Contains("outside"));
    }
    SECTION("twice") {
        events[1].seq = 3;
        CHECK_THAT(checkBundleEvents(h, viewsOf(events)).error().detail, Catch::Contains("twice"));
    }
    SECTION("out of seq order, each once, is fine; a seq again after the order broke is not") {
        BundleHeader wide = h;
        wide.firstSeq = 1;
        wide.lastSeq = 6;
        std::vector<Event> mixed;
        for (std::int64_t seq : {2, 5, 1, 6}) {
            Event e = events[0];
            e.seq = seq;
            mixed.push_back(e);
        }
        wide.eventCount = 4;
        CHECK(checkBundleEvents(wide, viewsOf(mixed)).ok());
        for (std::int64_t again : {2, 5, 1}) {
            std::vector<Event> repeated = mixed;
            repeated.push_back(events[0]);
            repeated.back().seq = again;
            wide.eventCount = 5;
            INFO("seq " << again << " again");
            CHECK_THAT(checkBundleEvents(wide, viewsOf(repeated)).error().detail,
                       Catch::Contains("event " + std::to_string(again) + " is in the bundle twice"));
        }
    }
}

TEST_CASE("gaps in seqs", "[core][bundle]") {
    CHECK(findSeqGaps("k", {}).empty());
    CHECK(findSeqGaps("k", {1, 2, 3}).empty());
    CHECK(findSeqGaps("k", {2, 3}) == std::vector<SeqGap>{{"k", 1, 1}});
    CHECK(findSeqGaps("k", {1, 4, 5, 9}) == std::vector<SeqGap>{{"k", 2, 3}, {"k", 6, 8}});
}

TEST_CASE("a round's policy for a code used twice travels in round.saved, only when not the default", "[core][bundle]") {
    RoundSaved saved;
    BudgetRound& r = saved.round;
    r.id = "r1";
    r.name = "Buurtbudget";
    r.budgetCents = 100'000;
    r.opensMs = 1000;
    r.closesMs = 2000;
    r.projects = {{"a", "Bankjes", "", Theme::Green, 50'000, ""}};
    const std::string plain = encodePayload(saved);
    CHECK(plain.find("sameCode") == std::string::npos);
    REQUIRE(decodeRoundSaved(plain).ok());
    CHECK(decodeRoundSaved(plain)->round.sameCode == DuplicateCodePolicy::CountEarliest);
    for (DuplicateCodePolicy policy : {DuplicateCodePolicy::VoidAll, DuplicateCodePolicy::StaffReview}) {
        r.sameCode = policy;
        Result<RoundSaved> back = decodeRoundSaved(encodePayload(saved));
        REQUIRE(back.ok());
        CHECK(back->round.sameCode == policy);
    }
    std::string unknown = encodePayload(saved);
    unknown.replace(unknown.find("review"), 6, "maybe");
    CHECK_FALSE(decodeRoundSaved(unknown).ok());

    const BallotDuplicateResolved decision{"r1", "hash", ""};
    Result<BallotDuplicateResolved> read = decodeBallotDuplicateResolved(encodePayload(decision));
    REQUIRE(read.ok());
    CHECK(read->keepBallotId.empty());
    CHECK_FALSE(decodeBallotDuplicateResolved(R"({"roundId":"","codeHash":"h","keepBallotId":""})").ok());
}
