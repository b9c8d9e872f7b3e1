// Every screen, in every shipped language, at two sizes, in normal and large-text mode and in
// high contrast: drawn without an ImGui assertion, every touch target on screen and at least
// 12 mm, and no text left as an untranslated key.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

// List rows and the scrolling card are clipped by their list; their full size is checked elsewhere.
// Rows of a list that scrolls by dragging: only their visible part is registered.
bool clippedByList(const std::string& id) {
    return id.rfind("#idea.", 0) == 0 || id.rfind("#card", 0) == 0 || id.rfind("#initiative.budget.line.", 0) == 0 ||
           id.rfind("#ballot.project.", 0) == 0 || id.rfind("#results.", 0) == 0 || id.rfind("#paper.project.", 0) == 0 ||
           id.rfind("#paper.batch.", 0) == 0 || id.rfind("#paper.mismatch.", 0) == 0 || id.rfind("#mod.row.", 0) == 0 ||
           id.rfind("#mod.merge.", 0) == 0 || id.rfind("#setup.place.", 0) == 0 || id.rfind("#setup.key.file.", 0) == 0 ||
           id.rfind("#setup.summary.", 0) == 0;
}

}  // namespace

TEST_CASE("every screen renders in every language, size and text mode", "[ui][screens]") {
    const i18n::Translator translations = test::shippedTranslations();
    REQUIRE(translations.languages().size() >= 2);
    struct Size {
        int width, height;
    };
    const Size sizes[] = {{1920, 1080}, {1280, 800}};

    // One kiosk per language, size and text mode, drawing every screen in turn: building the
    // fonts and the demo data once per kiosk instead of once per screen keeps this test fast
    // enough for the sanitizer build. No Catch2 sections here: each would run the loops again.
    for (const i18n::Language& language : translations.languages()) {
        for (const Size size : sizes) {
            for (const bool largeText : {false, true}) {
                test::HarnessOptions options;
                options.width = size.width;
                options.height = size.height;
                options.language = language.code;
                Harness h(options);
                h.app().setLargeText(largeText);
                for (const ui::ScreenInfo& screen : ui::kScreens) {
                    INFO(screen.name << " " << language.code << " " << size.width << "x" << size.height << (largeText ? " large" : ""));
                    h.app().setHighContrast(screen.id == ui::ScreenId::Home);  // contrast changes colours only
                    h.app().showForScreenshot(screen.id);
                    h.frames(3);
                    REQUIRE(h.app().state().screen == screen.id);

                    const float minimum = h.app().ui().metrics.touchMin() - 0.5f;
                    const auto& widgets = h.app().ui().widgets.widgets();
                    REQUIRE_FALSE(widgets.empty());
                    for (const ui::WidgetInfo& w : widgets) {
                        INFO(w.id << " at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
                        CHECK(w.x0 >= 0.0f);
                        CHECK(w.y0 >= 0.0f);
                        CHECK(w.x1 <= size.width + 0.5f);
                        CHECK(w.y1 <= size.height + 0.5f);
                        if (!clippedByList(w.id)) {
                            CHECK(w.width() >= minimum);
                            CHECK(w.height() >= minimum);
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE("the overlays render in every language", "[ui][screens]") {
    for (const i18n::Language& language : test::shippedTranslations().languages()) {
        test::HarnessOptions options;
        options.language = language.code;
        Harness h(options);
        h.app().openLanguagePicker();
        h.frames(2);
        CHECK(h.has("#language." + language.code));
        CHECK(h.has("language.close"));
        REQUIRE(h.tap("language.close"));
        h.app().showForScreenshot(ui::ScreenId::IdeaText);
        h.app().askIfStillThere(h.now());
        h.frames(2);
        CHECK(h.has("idle.stay"));
    }
}
