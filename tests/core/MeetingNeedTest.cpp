// Meeting-need rules and the meeting_need.given payload: stable option ids, toggling, what may
// be stored, compact JSON that reads back exactly, and refusal of anything a damaged log holds.
#include "app/core/Event.h"
#include "app/core/MeetingNeed.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace buurtstem;

namespace {

MeetingNeedDraft sample() {
    MeetingNeedDraft draft;
    draft.toggle(NeedGroup::Meeting, "coffee_morning");
    draft.toggle(NeedGroup::Care, "someone_to_talk");
    draft.toggle(NeedGroup::Days, "wed");
    draft.toggle(NeedGroup::Days, "sat");
    draft.toggle(NeedGroup::Times, "evening");
    draft.toggle(NeedGroup::Help, "childcare");
    draft.toggle(NeedGroup::Help, "hearing_loop");
    draft.toggle(NeedGroup::Interpreter, "tr");
    draft.notes[1] = "Iemand die \"ja\" zegt";
    return draft;
}

}  // namespace

TEST_CASE("meeting-need ids are stable, distinct and read back", "[meeting_need]") {
    std::set<std::string> groups;
    for (NeedGroup group : kAllNeedGroups) {
        groups.insert(needGroupId(group));
        CHECK(needGroupFromId(needGroupId(group)) == group);
        const auto options = needOptions(group);
        REQUIRE_FALSE(options.empty());
        REQUIRE(options.size() <= kNeedOptionsMax);
        std::set<std::string> ids(options.begin(), options.end());
        CHECK(ids.size() == options.size());
        for (std::size_t i = 0; i < options.size(); ++i) CHECK(needOptionIndex(group, options[i]) == i);
    }
    CHECK(groups.size() == kNeedGroupCount);
    CHECK(std::string(needGroupId(NeedGroup::LivingWell)) == "living_well");
    CHECK(needOptions(NeedGroup::Days).size() == 7);
    CHECK(std::string(needOptions(NeedGroup::Days)[0]) == "mon");
    CHECK(needOptions(NeedGroup::Times).size() == 3);
    CHECK_FALSE(needOptionIndex(NeedGroup::Interpreter, "nl").has_value());  // the kiosk speaks Dutch already
    CHECK_FALSE(needOptionIndex(NeedGroup::Days, "Mon").has_value());
    CHECK_FALSE(needGroupFromId("").has_value());
}

TEST_CASE("toggling: many choices per group, one interpreter language", "[meeting_need]") {
    MeetingNeedDraft draft;
    CHECK(answeredCount(draft) == 0);
    CHECK(draft.toggle(NeedGroup::Days, "mon"));
    CHECK(draft.toggle(NeedGroup::Days, "sun"));
    CHECK(draft.chosenIds(NeedGroup::Days) == std::vector<std::string>{"mon", "sun"});
    CHECK(draft.toggle(NeedGroup::Days, "mon"));  // tapped again: off
    CHECK(draft.chosenIds(NeedGroup::Days) == std::vector<std::string>{"sun"});
    CHECK_FALSE(draft.toggle(NeedGroup::Days, "someday"));

    draft.toggle(NeedGroup::Interpreter, "pl");
    draft.toggle(NeedGroup::Interpreter, "ar");  // another language replaces the first
    CHECK(draft.chosenIds(NeedGroup::Interpreter) == std::vector<std::string>{"ar"});
    draft.toggle(NeedGroup::Interpreter, "ar");  // and tapping it again means no interpreter
    CHECK(draft.chosenIds(NeedGroup::Interpreter).empty());
    CHECK(answeredCount(draft) == 1);
    draft.notes[2] = "  ";
    CHECK(answeredCount(draft) == 1);  // white space says nothing
    draft.notes[2] = "Een bankje";
    CHECK(answeredCount(draft) == 2);
}

TEST_CASE("a meeting need needs one answer and sound notes", "[meeting_need]") {
    CHECK(validateMeetingNeed(sample()).ok());
    const Result<void> empty = validateMeetingNeed(MeetingNeedDraft{});
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(empty.error().detail, Catch::Contains("nothing answered"));

    MeetingNeedDraft onlyText;
    onlyText.notes[0] = "Een buurtfeest";
    CHECK(validateMeetingNeed(onlyText).ok());

    MeetingNeedDraft longest;
    for (std::size_t i = 0; i < kNeedNoteMax; ++i) longest.notes[2] += "é";  // code points, not bytes
    CHECK(validateMeetingNeed(longest).ok());
    longest.notes[2] += "x";
    const Result<void> tooLong = validateMeetingNeed(longest);
    REQUIRE_FALSE(tooLong.ok());
    CHECK_THAT(tooLong.error().detail, Catch::Contains("living_well"));

    MeetingNeedDraft control = sample();
    control.notes[0] = "a\nb";
    CHECK_FALSE(validateMeetingNeed(control).ok());
    MeetingNeedDraft broken = sample();
    broken.notes[0] = "\xff\xfe";
    CHECK_FALSE(validateMeetingNeed(broken).ok());

    MeetingNeedDraft unknownBit = sample();
    unknownBit.chosen[needGroupIndex(NeedGroup::Times)] |= 1u << 5;  // only three times of day
    CHECK_FALSE(validateMeetingNeed(unknownBit).ok());
    MeetingNeedDraft twoLanguages = sample();
    twoLanguages.chosen[needGroupIndex(NeedGroup::Interpreter)] = 0b11;
    const Result<void> two = validateMeetingNeed(twoLanguages);
    REQUIRE_FALSE(two.ok());
    CHECK_THAT(two.error().detail, Catch::Contains("interpreter"));

    MeetingNeedDraft padded = sample();
    padded.notes[1] = "  hulp  ";
    CHECK(normalisedMeetingNeed(padded).notes[1] == "hulp");
}

TEST_CASE("MeetingNeedGiven is compact JSON of ids and reads back exactly", "[meeting_need][event]") {
    MeetingNeedGiven payload;
    payload.need = sample();
    const std::string json = encodePayload(payload);
    CHECK(json == R"({"meeting":["coffee_morning"],"care":["someone_to_talk"],"living_well":[],"days":["wed","sat"],)"
                  R"("times":["evening"],"help":["childcare","hearing_loop"],"interpreter":"tr",)"
                  R"("meeting_text":"","care_text":"Iemand die \"ja\" zegt","living_well_text":""})");
    const Result<MeetingNeedGiven> decoded = decodeMeetingNeedGiven(json);
    REQUIRE(decoded.ok());
    CHECK(decoded->need.chosen == payload.need.chosen);
    CHECK(decoded->need.notes == payload.need.notes);

    MeetingNeedGiven noInterpreter;
    noInterpreter.need.toggle(NeedGroup::Help, "transport");
    const std::string plain = encodePayload(noInterpreter);
    CHECK_THAT(plain, Catch::Contains(R"("interpreter":"none")"));
    const Result<MeetingNeedGiven> back = decodeMeetingNeedGiven(plain);
    REQUIRE(back.ok());
    CHECK(back->need.chosenIds(NeedGroup::Interpreter).empty());
}

TEST_CASE("decoding a meeting need refuses garbage and unknown ids", "[meeting_need][event]") {
    const std::string tail = R"("meeting_text":"","care_text":"","living_well_text":"")";
    const std::string good = R"({"meeting":[],"care":[],"living_well":[],"days":["mon"],"times":[],"help":[],"interpreter":"none",)" + tail + "}";
    REQUIRE(decodeMeetingNeedGiven(good).ok());
    const std::string bad[] = {
        "",
        "garbage",
        "[]",
        "{",
        "null",
        R"({"meeting":[]})",
        R"({"meeting":[],"care":[],"living_well":[],"days":[],"times":[],"help":[],"interpreter":"none",)" + tail + "}",  // nothing
        R"({"meeting":[],"care":[],"living_well":[],"days":["someday"],"times":[],"help":[],"interpreter":"none",)" + tail + "}",
        R"({"meeting":[],"care":[],"living_well":[],"days":["mon","mon"],"times":[],"help":[],"interpreter":"none",)" + tail + "}",
        R"({"meeting":[],"care":[],"living_well":[],"days":["mon"],"times":[],"help":[],"interpreter":"nl",)" + tail + "}",
        R"({"meeting":[],"care":[],"living_well":[],"days":["mon"],"times":[],"help":[],"interpreter":["tr"],)" + tail + "}",
        R"({"meeting":[],"care":[],"living_well":[],"days":[1],"times":[],"help":[],"interpreter":"none",)" + tail + "}",
        R"({"meeting":[],"care":[],"living_well":[],"days":"mon","times":[],"help":[],"interpreter":"none",)" + tail + "}",
        R"({"meeting":[],"care":[],"living_well":[],"days":["mon"],"times":[],"help":[],"interpreter":"none"})",  // notes missing
        R"({"meeting":[],"care":[],"living_well":[],"days":["mon"],"times":[],"help":[],"interpreter":"none","meeting_text":"a\nb","care_text":"","living_well_text":""})",
        R"({"meeting":[[[[[[[[["x"]]]]]]]]],"care":[],"living_well":[],"days":["mon"],"times":[],"help":[],"interpreter":"none",)" + tail + "}",
    };
    for (const std::string& json : bad) {
        INFO(json);
        const Result<MeetingNeedGiven> decoded = decodeMeetingNeedGiven(json);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(decoded.error().detail.empty());
    }
}
