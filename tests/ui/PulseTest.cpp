// The pulse flow with simulated touches: from the home tile through the faces to the stored
// totals, once per visit until the idle reset, and what the resident sees when saving fails.
#include "Harness.h"

#include "tests/storage/StorageTestSupport.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

using namespace buurtstem;
using test::Harness;

namespace {

void openPulse(Harness& h) {
    REQUIRE(h.tap("home.tile.pulse"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Pulse);
}

}  // namespace

TEST_CASE("a resident scores the neighbourhood once per visit", "[ui][pulse]") {
    // The same taps in Dutch and in English: widget ids are keys, not words.
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    const std::int64_t eventsBefore = h.store().eventCount();
    REQUIRE(h.find("home.tile.pulse"));
    CHECK(h.find("home.tile.pulse")->enabled);
    openPulse(h);

    // Send waits for at least one face; tapped too early it says what to do and stores nothing.
    REQUIRE(h.find("pulse.send"));
    CHECK_FALSE(h.find("pulse.send")->enabled);
    REQUIRE(h.tap("pulse.send"));
    CHECK(h.app().state().screen == ui::ScreenId::Pulse);
    CHECK(std::string(h.app().state().pulseProblemKey) == "pulse.problem.none");
    CHECK(h.store().eventCount() == eventsBefore);

    REQUIRE(h.tap("#pulse.meeting.4"));
    CHECK(h.app().state().pulseProblemKey == nullptr);  // answering clears the message
    REQUIRE(h.tap("#pulse.care.2"));
    REQUIRE(h.tap("#pulse.safe.5"));
    REQUIRE(h.tap("#pulse.meeting.5"));  // a change of mind: one face per line
    REQUIRE(h.tap("#pulse.meeting.5"));  // tapping it again keeps it chosen
    CHECK(h.app().state().pulse.scores == std::array<int, kPulseAspectCount>{5, 2, 0, 0, 5});
    CHECK(h.find("#pulse.meeting.5")->selected);
    CHECK_FALSE(h.find("#pulse.meeting.4")->selected);
    CHECK(h.find("pulse.send")->enabled);

    REQUIRE(h.tap("pulse.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::PulseThanks);
    CHECK_FALSE(h.has("nav.back"));  // Back must not lead into the sent faces
    CHECK(h.app().state().pulseGiven);
    CHECK_FALSE(h.app().state().hasDraft());

    const PulseSummary summary = h.store().pulseSummary();
    CHECK(summary.pulses == 1);
    CHECK(summary.total(PulseAspect::Meeting) == PulseAspectTotal{1, 5});
    CHECK(summary.total(PulseAspect::Care) == PulseAspectTotal{1, 2});
    CHECK(summary.total(PulseAspect::LivingWell) == PulseAspectTotal{0, 0});
    CHECK(summary.total(PulseAspect::Clean) == PulseAspectTotal{0, 0});
    CHECK(summary.total(PulseAspect::Safe) == PulseAspectTotal{1, 5});
    CHECK(h.store().eventCount() == eventsBefore + 1);

    // Back home the tile says thanks and does nothing.
    REQUIRE(h.tap("pulse.thanks.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);
    REQUIRE(h.find("home.tile.pulse"));
    CHECK_FALSE(h.find("home.tile.pulse")->enabled);
    REQUIRE(h.tap("home.tile.pulse"));
    CHECK(h.app().state().screen == ui::ScreenId::Home);
    CHECK(h.store().pulseSummary().pulses == 1);

    // The next resident, after the idle reset, may give a pulse again.
    h.wait(61.0);
    REQUIRE(h.app().state().screen == ui::ScreenId::Attract);
    CHECK_FALSE(h.app().state().pulseGiven);
    REQUIRE(h.tap("#attract.start"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);
    CHECK(h.find("home.tile.pulse")->enabled);
    openPulse(h);
    CHECK(h.app().state().pulse.scores == std::array<int, kPulseAspectCount>{});
}

TEST_CASE("faces tapped before going back are still there, and count as a draft", "[ui][pulse]") {
    Harness h;
    openPulse(h);
    REQUIRE(h.tap("#pulse.clean.1"));
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);
    // So the idle timer asks before wiping, instead of falling straight back to the start.
    CHECK(h.app().state().hasDraft());
    openPulse(h);
    CHECK(h.find("#pulse.clean.1")->selected);
    CHECK(h.store().pulseSummary().pulses == 0);
}

TEST_CASE("when the kiosk cannot save, the faces stay and a plain message says so", "[ui][pulse]") {
    storage::test::ScratchDir dir;
    test::HarnessOptions options;
    options.databaseFile = dir.database();
    Harness h(options);
    {
        SQLite::Database side(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
        side.exec("CREATE TRIGGER broken_disk BEFORE INSERT ON pulse BEGIN SELECT RAISE(ABORT, 'broken'); END");
    }
    const std::int64_t eventsBefore = h.store().eventCount();
    openPulse(h);
    REQUIRE(h.tap("#pulse.living_well.3"));
    REQUIRE(h.tap("pulse.send"));
    CHECK(h.app().state().screen == ui::ScreenId::Pulse);
    REQUIRE(h.app().state().pulseProblemKey != nullptr);
    CHECK(std::string(h.app().state().pulseProblemKey) == "pulse.cannot_save");
    CHECK(h.app().state().pulse.score(PulseAspect::LivingWell) == 3);
    CHECK_FALSE(h.app().state().pulseGiven);
    CHECK(h.store().eventCount() == eventsBefore);
}

TEST_CASE("the pulse screen fits inside the margins in every language, size and text mode", "[ui][pulse][screens]") {
    // The render-all test checks the display edges; the content area ends a margin earlier and
    // clips what goes past it, which would cut Send in half.
    struct Case {
        int width, height;
        bool largeText;
        const char* problem;  // the longest message beside Send makes the bottom bar taller
    };
    std::vector<Case> cases;
    for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{1920, 1080}})
        for (const bool largeText : {false, true})
            for (const char* problem : {static_cast<const char*>(nullptr), "pulse.cannot_save"})
                cases.push_back({width, height, largeText, problem});

    for (const i18n::Language& language : test::shippedTranslations().languages()) {
        for (const Case& c : cases) {
            DYNAMIC_SECTION(language.code << " " << c.width << "x" << c.height << (c.largeText ? " large" : "")
                                          << (c.problem ? " with message" : "")) {
                test::HarnessOptions options;
                options.width = c.width;
                options.height = c.height;
                options.language = language.code;
                Harness h(options);
                h.app().setLargeText(c.largeText);
                h.app().showForScreenshot(ui::ScreenId::Pulse);
                h.app().state().pulseProblemKey = c.problem;
                h.frames(3);
                const float mm = h.app().ui().metrics.pxPerMm;
                const auto width = static_cast<float>(c.width);
                const auto height = static_cast<float>(c.height);
                int faces = 0;
                for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets()) {
                    if (w.id.rfind("nav.", 0) == 0 || w.id.rfind("#nav.", 0) == 0) continue;  // the top bar
                    INFO(w.id << " at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
                    CHECK(w.x0 >= 8 * mm - 0.5f);
                    CHECK(w.y1 <= height - 5 * mm + 0.5f);
                    CHECK(w.x1 <= width - 8 * mm + 0.5f);
                    if (w.id.rfind("#pulse.", 0) == 0) {
                        ++faces;
                        CHECK(w.width() >= 14 * mm - 0.5f);
                        CHECK(w.height() >= 14 * mm - 0.5f);
                    }
                }
                CHECK(faces == 25);
                REQUIRE(h.has("pulse.send"));
                // Send in the lower third, where a seated resident reaches it.
                CHECK(h.find("pulse.send")->y0 >= height * 2 / 3);
            }
        }
    }
}
