// Pulse rules and the pulse.given payload: stable aspect ids, what may be stored, compact JSON
// that reads back exactly, and a clean error for anything a damaged or hostile log could hold.
#include "app/core/Event.h"
#include "app/core/Pulse.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace buurtstem;

namespace {

PulseDraft draftOf(std::array<int, kPulseAspectCount> scores) {
    PulseDraft draft;
    draft.scores = scores;
    return draft;
}

}  // namespace

TEST_CASE("pulse aspect ids are stable, distinct and read back", "[pulse]") {
    CHECK(std::string(pulseAspectId(PulseAspect::Meeting)) == "meeting");
    CHECK(std::string(pulseAspectId(PulseAspect::Care)) == "care");
    CHECK(std::string(pulseAspectId(PulseAspect::LivingWell)) == "living_well");
    CHECK(std::string(pulseAspectId(PulseAspect::Clean)) == "clean");
    CHECK(std::string(pulseAspectId(PulseAspect::Safe)) == "safe");
    std::set<std::string> ids;
    for (PulseAspect aspect : kAllPulseAspects) {
        ids.insert(pulseAspectId(aspect));
        CHECK(pulseAspectFromId(pulseAspectId(aspect)) == aspect);
    }
    CHECK(ids.size() == kPulseAspectCount);
    // The order of kAllPulseAspects is the order of the draft's and the summary's arrays.
    for (std::size_t i = 0; i < kAllPulseAspects.size(); ++i) CHECK(pulseIndex(kAllPulseAspects[i]) == i);
    CHECK_FALSE(pulseAspectFromId("Meeting").has_value());
    CHECK_FALSE(pulseAspectFromId("clean_safe").has_value());
    CHECK_FALSE(pulseAspectFromId("").has_value());
}

TEST_CASE("a pulse needs at least one answered line, each 0..5", "[pulse]") {
    CHECK(validatePulse(draftOf({4, 0, 0, 0, 0})).ok());
    CHECK(validatePulse(draftOf({1, 2, 3, 4, 5})).ok());
    CHECK(validatePulse(draftOf({0, 0, 0, 0, 5})).ok());

    const Result<void> empty = validatePulse(PulseDraft{});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(empty.error().detail, Catch::Contains("nothing answered"));

    for (int bad : {-1, 6, 100}) {
        INFO(bad);
        const Result<void> result = validatePulse(draftOf({3, bad, 0, 0, 0}));
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidInput);
        CHECK_THAT(result.error().detail, Catch::Contains("care"));  // names the line at fault
    }
    CHECK(answeredCount(PulseDraft{}) == 0);
    CHECK(answeredCount(draftOf({0, 3, 0, 1, 0})) == 2);
}

TEST_CASE("the draft reads and writes scores by aspect", "[pulse]") {
    PulseDraft draft;
    draft.score(PulseAspect::Clean) = 2;
    CHECK(draft.scores[3] == 2);
    CHECK(draft.score(PulseAspect::Clean) == 2);
    CHECK(draft.score(PulseAspect::Safe) == kPulseSkipped);
}

TEST_CASE("PulseGiven is written as compact JSON keyed by aspect id", "[pulse][event]") {
    PulseGiven payload;
    payload.scores = {4, 0, 5, 2, 1};
    CHECK(encodePayload(payload) == R"({"meeting":4,"care":0,"living_well":5,"clean":2,"safe":1})");
}

TEST_CASE("PulseGiven round-trips every score on every line", "[pulse][event]") {
    for (int score = kPulseSkipped; score <= kPulseScoreMax; ++score) {
        for (std::size_t line = 0; line < kPulseAspectCount; ++line) {
            PulseGiven original;
            original.scores.fill(3);
            original.scores[line] = score;
            const std::string json = encodePayload(original);
            INFO(json);
            const Result<PulseGiven> decoded = decodePulseGiven(json);
            REQUIRE(decoded.ok());
            CHECK(decoded->scores == original.scores);
        }
    }
    // Field order and white space do not matter, as for every payload.
    const Result<PulseGiven> shuffled =
        decodePulseGiven(R"( { "safe" : 1, "clean" : 2, "living_well" : 0, "care" : 0, "meeting" : 5 } )");
    REQUIRE(shuffled.ok());
    CHECK(shuffled->scores == std::array<int, kPulseAspectCount>{5, 0, 0, 2, 1});
}

TEST_CASE("decoding a pulse refuses garbage and scores out of range", "[pulse][event]") {
    const char* const bad[] = {
        "",
        "garbage",
        "[4,0,5,2,1]",
        "{",
        "null",
        R"({"meeting":4})",                                                      // lines missing
        R"({"meeting":4,"care":0,"living_well":5,"clean":2})",                   // "safe" missing
        R"({"meeting":0,"care":0,"living_well":0,"clean":0,"safe":0})",          // nothing answered
        R"({"meeting":6,"care":0,"living_well":5,"clean":2,"safe":1})",          // above 5
        R"({"meeting":-1,"care":0,"living_well":5,"clean":2,"safe":1})",         // below 0
        R"({"meeting":4,"care":0,"living_well":5,"clean":2,"safe":99999999999})",  // not even an int
        R"({"meeting":4.5,"care":0,"living_well":5,"clean":2,"safe":1})",        // not a whole number
        R"({"meeting":"4","care":0,"living_well":5,"clean":2,"safe":1})",        // text
        R"({"meeting":true,"care":0,"living_well":5,"clean":2,"safe":1})",
        R"({"meeting":[4],"care":0,"living_well":5,"clean":2,"safe":1})",
        R"({"meeting":4,"care":0,"living_well":5,"clean":2,"safe":1)",
    };
    for (const char* json : bad) {
        INFO(json);
        const Result<PulseGiven> decoded = decodePulseGiven(json);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(decoded.error().detail.empty());
    }
    const Result<PulseGiven> high = decodePulseGiven(R"({"meeting":4,"care":7,"living_well":5,"clean":2,"safe":1})");
    REQUIRE_FALSE(high.ok());
    CHECK_THAT(high.error().detail, Catch::Contains("care"));
}
