// Touch widgets driven by simulated fingers: the on-screen keyboard, the drag list, the
// numeric pad, the idle timer, language and large-text switches.
#include "Harness.h"

#include "app/core/Utf8.h"
#include "app/ui/widgets/NumericPad.h"

#include <catch2/catch.hpp>

using namespace buurtstem;
using test::Harness;

namespace {
void openIdeaForm(Harness& h) {
    REQUIRE(h.tap("home.tile.idea"));
    REQUIRE(h.tap("theme.other"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaText);
}
}  // namespace

TEST_CASE("the on-screen keyboard types letters, capitals, accents and deletes whole characters", "[ui][keyboard]") {
    Harness h;
    openIdeaForm(h);
    const std::string& title = h.app().state().idea.draft.title;

    REQUIRE(h.tap("#osk.key.c"));  // a sentence starts with a capital by itself
    REQUIRE(h.tap("#osk.key.a"));
    REQUIRE(h.tap("#osk.key.f"));
    CHECK(title == "Caf");
    REQUIRE(h.tap("#osk.layer.accents"));
    REQUIRE(h.tap("#osk.key.é"));
    CHECK(title == "Café");
    REQUIRE(h.tap("#osk.backspace"));
    CHECK(title == "Caf");  // é is two bytes, and went in one tap
    REQUIRE(h.tap("#osk.layer.letters"));
    REQUIRE(h.tap("#osk.shift"));
    REQUIRE(h.tap("#osk.key.e"));
    REQUIRE(h.tap("#osk.key.e"));  // shift held for one letter only
    CHECK(title == "CafEe");
    REQUIRE(h.tap("#osk.layer.numbers"));
    REQUIRE(h.tap("#osk.key.4"));
    CHECK(title == "CafEe4");
    REQUIRE(h.tap("#osk.space"));
    REQUIRE(h.tap("#osk.space"));  // no double spaces
    CHECK(title == "CafEe4 ");
}

TEST_CASE("the keyboard refuses text beyond the field's limit", "[ui][keyboard]") {
    Harness h;
    openIdeaForm(h);
    std::string longText(kIdeaTitleMax + 10, 'a');
    h.type(longText);
    CHECK(utf8::countCodePoints(h.app().state().idea.draft.title) == kIdeaTitleMax);
}

TEST_CASE("every key of the keyboard is at least 12 mm", "[ui][keyboard]") {
    Harness h;
    openIdeaForm(h);
    const float minimum = h.app().ui().metrics.touchMin() - 0.5f;
    int keys = 0;
    for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets()) {
        if (w.id.rfind("#osk.", 0) != 0) continue;
        ++keys;
        CHECK(w.width() >= minimum);
        CHECK(w.height() >= minimum);
    }
    CHECK(keys >= 30);
}

TEST_CASE("the idea list scrolls by dragging; a swipe never opens an idea, a tap does", "[ui][list]") {
    Harness h;
    REQUIRE(h.tap("home.tile.ideas"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaList);
    const std::string first = "#idea." + h.app().view().ideas.front().reference;
    const std::string last = "#idea." + h.app().view().ideas.back().reference;
    REQUIRE(h.has(first));
    REQUIRE_FALSE(h.has(last));  // the demo's ideas do not fit on one screen

    const float firstTop = h.find(first)->y0;
    REQUIRE(h.drag(first, -300.0f, 10));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaList);  // the swipe selected nothing
    const ui::WidgetInfo* moved = h.find(first);
    CHECK((moved == nullptr || moved->y0 < firstTop - 250.0f));

    // A flick keeps gliding after the finger lifts, then comes to rest.
    h.frames(1);
    REQUIRE(h.app().animating());
    h.frames(240);
    CHECK_FALSE(h.app().animating());

    // Drag to the end, then tap the last idea.
    for (int i = 0; i < 20 && !h.has(last); ++i) {
        const ui::WidgetInfo& any = h.app().ui().widgets.widgets().back();
        REQUIRE(h.drag(any.id, -400.0f, 8));
        h.frames(240);
    }
    REQUIRE(h.has(last));
    REQUIRE(h.tap(last));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaDetail);
    CHECK(h.app().state().selectedIdeaId == h.app().view().ideas.back().id);
}

TEST_CASE("the idle timer asks, then wipes the draft and returns to the start", "[ui][idle]") {
    test::HarnessOptions options;
    options.idle = {60.0, 30.0};
    Harness h(options);
    openIdeaForm(h);
    h.type("Meer bankjes");
    REQUIRE(h.tap("nav.large_text"));

    h.wait(59.0);
    CHECK_FALSE(h.has("idle.stay"));
    h.wait(2.0);
    REQUIRE(h.has("idle.stay"));
    REQUIRE(h.tap("idle.stay"));  // still here: nothing is lost
    CHECK_FALSE(h.has("idle.stay"));
    CHECK(h.app().state().idea.draft.title == "Meer bankjes");

    h.wait(61.0);
    REQUIRE(h.has("idle.stay"));
    h.wait(30.0);
    CHECK(h.app().state().screen == ui::ScreenId::Attract);
    CHECK_FALSE(h.app().state().hasDraft());
    CHECK_FALSE(h.app().state().largeText);  // the next resident starts afresh
    REQUIRE(h.tap("#attract.start"));
    CHECK(h.app().state().screen == ui::ScreenId::Home);
}

TEST_CASE("an untouched home screen falls back to the attract screen without asking", "[ui][idle]") {
    Harness h;
    h.wait(61.0);
    CHECK(h.app().state().screen == ui::ScreenId::Attract);
    CHECK(std::isinf(h.app().secondsUntilNextTimer(h.now())));  // asleep until someone touches
}

TEST_CASE("the idle timer wakes the loop for the question and each second of the countdown", "[ui][idle]") {
    ui::IdleTimer timer({60.0, 30.0});
    timer.touch(100.0);
    CHECK(timer.secondsUntilChange(100.0) == Approx(60.0));
    CHECK(timer.state(159.9) == ui::IdleState::Active);
    CHECK(timer.state(160.1) == ui::IdleState::Asking);
    CHECK(timer.secondsToAnswer(160.5) == 30);
    CHECK(timer.secondsUntilChange(160.25) == Approx(0.75));  // 29.75 s left shows as 30 until 29
    CHECK(timer.state(190.0) == ui::IdleState::Expired);
}

TEST_CASE("the language switch changes every text at once", "[ui][language]") {
    Harness h;
    CHECK(std::string(h.app().ui().tr("home.tile.idea")) == "Deel een idee");
    REQUIRE(h.tap("#nav.language"));
    REQUIRE(h.has("#language.nl"));
    REQUIRE(h.has("#language.en"));
    REQUIRE(h.tap("#language.en"));
    CHECK_FALSE(h.app().state().languagePickerOpen);
    CHECK(std::string(h.app().ui().tr("home.tile.idea")) == "Share an idea");
}

TEST_CASE("large-text mode rebuilds the fonts 1.4 times larger", "[ui][accessibility]") {
    Harness h;
    const float normal = h.app().ui().fonts.body->FontSize;
    REQUIRE(h.tap("nav.large_text"));
    CHECK(h.app().state().largeText);
    CHECK(h.app().ui().fonts.body->FontSize == Approx(normal * 1.4f).margin(1.0f));
    REQUIRE(h.tap("nav.contrast"));
    CHECK(h.app().state().highContrast);
    CHECK(h.app().ui().colours.background == ui::makePalette(true).background);
}

TEST_CASE("amounts are typed as euros and kept as integer cents", "[ui][numericpad]") {
    CHECK(ui::parseEuroCents("1250") == 125000);
    CHECK(ui::parseEuroCents("12,5") == 1250);
    CHECK(ui::parseEuroCents("0,05") == 5);
    CHECK(ui::parseEuroCents("12.50") == 1250);
    CHECK_FALSE(ui::parseEuroCents("").has_value());
    CHECK_FALSE(ui::parseEuroCents("1,234").has_value());
    CHECK_FALSE(ui::parseEuroCents("1,2,3").has_value());
    CHECK_FALSE(ui::parseEuroCents("12a").has_value());
    CHECK(ui::formatEuroCents(125050) == "€\u00a01.250,50");
    CHECK(ui::formatEuroCents(5) == "€\u00a00,05");
    CHECK(ui::formatEuroCents(100000000) == "€\u00a01.000.000,00");
}

TEST_CASE("the keyboard offers the language's own letters and keeps the text on a language switch", "[ui][keyboard]") {
    test::HarnessOptions options;
    options.language = "uk";
    Harness h(options);
    openIdeaForm(h);
    const std::string& title = h.app().state().idea.draft.title;
    REQUIRE(h.tap("#osk.key.й"));
    REQUIRE(h.tap("#osk.key.ї"));
    CHECK(title == "Йї");  // a capital by itself at the start
    REQUIRE(h.tap("#osk.layer.letters"));
    REQUIRE(h.tap("#osk.key.a"));
    CHECK(title == "Йїa");

    REQUIRE(h.tap("#nav.language"));
    REQUIRE(h.tap("#language.ar"));
    CHECK(h.app().state().idea.draft.title == "Йїa");  // nothing typed is lost
    CHECK(ui::rightToLeft());
    REQUIRE(h.tap("#osk.key.س"));
    CHECK(h.app().state().idea.draft.title == "Йїaس");
    const ui::WidgetInfo* back = h.find("nav.back");
    REQUIRE(back);
    CHECK(back->x0 > 1280 / 2);  // the bar is mirrored: Back at the right
    REQUIRE(h.tap("#nav.language"));
    REQUIRE(h.tap("#language.tr"));
    CHECK_FALSE(ui::rightToLeft());
    REQUIRE(h.tap("#osk.layer.accents"));
    REQUIRE(h.tap("#osk.key.ş"));
    CHECK(h.app().state().idea.draft.title == "Йїaسş");
}

TEST_CASE("home tiles sit in the lower two thirds, within reach from a wheelchair", "[ui][accessibility]") {
    test::HarnessOptions options;
    options.width = 1920;
    options.height = 1080;
    Harness h(options);
    for (const char* id : {"home.tile.idea", "home.tile.ideas", "home.tile.pulse", "home.tile.needs"}) {
        const ui::WidgetInfo* tile = h.find(id);
        REQUIRE(tile);
        INFO(id << " top at " << tile->y0);
        CHECK(tile->y0 >= 1080.0f / 3.0f);
    }
}
