// The meeting-needs flow with simulated touches: from the home tile through the steps (and the
// optional note) to the facilitator's counts, Back keeping what was chosen, the idle reset wiping
// it, and the home tile locked once per visit.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

void openNeeds(Harness& h) {
    REQUIRE(h.tap("home.tile.needs"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeeds);
}

}  // namespace

TEST_CASE("a resident says what they need to take part", "[ui][needs]") {
    // The same taps in Dutch and in English: widget ids are keys, not words.
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    const std::int64_t eventsBefore = h.store().eventCount();
    openNeeds(h);
    REQUIRE(h.tap("#needs.meeting.coffee_morning"));
    REQUIRE(h.tap("#needs.care.health_info"));
    REQUIRE(h.tap("#needs.living_well.green"));
    REQUIRE(h.tap("#needs.living_well.green"));  // a change of mind: off again
    CHECK(h.find("#needs.meeting.coffee_morning")->selected);
    CHECK_FALSE(h.find("#needs.living_well.green")->selected);
    REQUIRE(h.tap("needs.next"));

    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsNote);
    REQUIRE(h.tap("needs.note.skip"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsPractical);
    REQUIRE(h.tap("#needs.days.wed"));
    REQUIRE(h.tap("#needs.days.sat"));
    REQUIRE(h.tap("#needs.times.evening"));
    REQUIRE(h.tap("needs.next"));

    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsHelp);
    REQUIRE(h.tap("#needs.help.childcare"));
    REQUIRE(h.tap("#needs.interpreter.pl"));
    REQUIRE(h.tap("#needs.interpreter.ar"));  // one language: the second replaces the first
    CHECK_FALSE(h.find("#needs.interpreter.pl")->selected);
    CHECK(h.find("#needs.interpreter.ar")->selected);
    // Send sits in the lower third, where a seated resident reaches it.
    REQUIRE(h.find("needs.send"));
    CHECK(h.find("needs.send")->y0 >= 800.0f * 2 / 3);
    REQUIRE(h.tap("needs.send"));

    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsThanks);
    CHECK_FALSE(h.has("nav.back"));  // Back must not lead into the sent choices
    CHECK_FALSE(h.app().state().hasDraft());
    CHECK(h.store().eventCount() == eventsBefore + 1);
    const MeetingNeedSummary summary = h.store().meetingNeedSummary();
    CHECK(summary.needs == 1);
    CHECK(summary.count(NeedGroup::Meeting, "coffee_morning") == 1);
    CHECK(summary.count(NeedGroup::Care, "health_info") == 1);
    CHECK(summary.count(NeedGroup::LivingWell, "green") == 0);
    CHECK(summary.count(NeedGroup::Days, "wed") == 1);
    CHECK(summary.count(NeedGroup::Days, "sat") == 1);
    CHECK(summary.count(NeedGroup::Times, "evening") == 1);
    CHECK(summary.count(NeedGroup::Help, "childcare") == 1);
    CHECK(summary.count(NeedGroup::Interpreter, "ar") == 1);
    CHECK(summary.count(NeedGroup::Interpreter, "pl") == 0);

    REQUIRE(h.tap("needs.thanks.done"));
    CHECK(h.app().state().screen == ui::ScreenId::Home);
}

TEST_CASE("Send waits for one answer and says so; steps may be skipped", "[ui][needs]") {
    Harness h;
    const std::int64_t eventsBefore = h.store().eventCount();
    openNeeds(h);
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.tap("needs.note.skip"));
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsHelp);
    CHECK_FALSE(h.find("needs.send")->enabled);
    REQUIRE(h.tap("needs.send"));
    CHECK(h.app().state().screen == ui::ScreenId::MeetingNeedsHelp);
    REQUIRE(h.app().state().needsProblemKey != nullptr);
    CHECK(std::string(h.app().state().needsProblemKey) == "needs.problem.none");
    REQUIRE(h.tap("#needs.help.transport"));
    CHECK(h.app().state().needsProblemKey == nullptr);  // answering clears the message
    REQUIRE(h.tap("needs.send"));
    CHECK(h.app().state().screen == ui::ScreenId::MeetingNeedsThanks);
    CHECK(h.store().eventCount() == eventsBefore + 1);
}

TEST_CASE("Back keeps the choices, and the idle reset wipes them", "[ui][needs]") {
    Harness h;
    openNeeds(h);
    REQUIRE(h.tap("#needs.care.someone_to_talk"));
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.tap("#osk.done"));  // past the note without typing
    REQUIRE(h.tap("#needs.times.morning"));
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsNote);
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeeds);
    CHECK(h.find("#needs.care.someone_to_talk")->selected);
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.tap("#osk.done"));
    CHECK(h.find("#needs.times.morning")->selected);
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);
    // So the idle timer asks before wiping, instead of falling straight back to the start.
    CHECK(h.app().state().hasDraft());
    CHECK(h.store().meetingNeedSummary().needs == 0);

    h.wait(61.0);  // quiet: the question shows
    h.wait(31.0);  // no answer: wiped
    REQUIRE(h.app().state().screen == ui::ScreenId::Attract);
    CHECK_FALSE(h.app().state().hasDraft());
    REQUIRE(h.tap("#attract.start"));
    openNeeds(h);
    CHECK_FALSE(h.find("#needs.care.someone_to_talk")->selected);
    CHECK(answeredCount(h.app().state().needs) == 0);
    CHECK(h.store().meetingNeedSummary().needs == 0);
}

TEST_CASE("a note typed in the resident's own words is stored with its question", "[ui][needs]") {
    // The same taps in Dutch and in English: widget ids are keys, not words.
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    openNeeds(h);
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsNote);
    REQUIRE(h.has("#needs.note"));
    CHECK(h.find("#needs.note.meeting")->selected);  // the first question until another is chosen
    REQUIRE(h.tap("#needs.note.care"));
    CHECK(h.find("#needs.note.care")->selected);
    CHECK_FALSE(h.find("#needs.note.meeting")->selected);
    REQUIRE(h.tap("#osk.key.h"));  // a key of the on-screen keyboard, then the rest as typing
    h.type("elp with shopping");
    CHECK(h.app().state().needs.notes[1] == "Help with shopping");
    CHECK(h.app().state().needs.notes[0].empty());
    // A note alone is an answer: the draft is kept when the resident walks away mid-way.
    CHECK(h.app().state().hasDraft());
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsPractical);
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.find("needs.send"));
    CHECK(h.find("needs.send")->enabled);  // the note is enough to send
    REQUIRE(h.tap("needs.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsThanks);

    const MeetingNeedSummary summary = h.store().meetingNeedSummary();
    CHECK(summary.needs == 1);
    REQUIRE(summary.notes.size() == 1);
    CHECK(summary.notes[0] == MeetingNeedNote{NeedGroup::Care, "Help with shopping"});
}

TEST_CASE("Skip on the note step drops what was typed there", "[ui][needs]") {
    Harness h;
    openNeeds(h);
    REQUIRE(h.tap("#needs.meeting.activities"));
    REQUIRE(h.tap("needs.next"));
    h.type("never mind");
    CHECK(h.app().state().needs.notes[0] == "never mind");
    REQUIRE(h.tap("needs.note.skip"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsPractical);
    CHECK(h.app().state().needs.notes[0].empty());
    CHECK(h.app().state().needs.isChosen(NeedGroup::Meeting, 1));  // the choices stay
}

TEST_CASE("the needs tile is done after sending, until the idle reset", "[ui][needs]") {
    Harness h;
    REQUIRE(h.find("home.tile.needs"));
    CHECK(h.find("home.tile.needs")->enabled);
    openNeeds(h);
    REQUIRE(h.tap("#needs.living_well.quiet"));
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.tap("needs.note.skip"));
    REQUIRE(h.tap("needs.next"));
    REQUIRE(h.tap("needs.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::MeetingNeedsThanks);
    CHECK(h.app().state().needsGiven);

    REQUIRE(h.tap("needs.thanks.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);
    REQUIRE(h.find("home.tile.needs"));
    CHECK_FALSE(h.find("home.tile.needs")->enabled);
    REQUIRE(h.tap("home.tile.needs"));
    CHECK(h.app().state().screen == ui::ScreenId::Home);
    CHECK(h.store().meetingNeedSummary().needs == 1);
    CHECK(h.find("home.tile.pulse")->enabled);  // the other tiles are not touched

    // The next resident, after the idle reset, may answer again.
    h.wait(61.0);
    REQUIRE(h.app().state().screen == ui::ScreenId::Attract);
    CHECK_FALSE(h.app().state().needsGiven);
    REQUIRE(h.tap("#attract.start"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);
    CHECK(h.find("home.tile.needs")->enabled);
    openNeeds(h);
}
