// While typing an idea, the resident sees an approved idea that looks like it and may support
// that one instead; Back returns to the text with nothing lost.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace buurtstem;
using test::Harness;

namespace {

const Idea* demoIdeaTitled(const ui::KioskView& view, std::string_view title) {
    const auto found = std::find_if(view.ideas.begin(), view.ideas.end(), [&](const Idea& idea) { return idea.title == title; });
    return found == view.ideas.end() ? nullptr : &*found;
}

void toTextStep(Harness& h) {
    REQUIRE(h.tap("home.tile.idea"));
    REQUIRE(h.tap("theme.play"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaText);
}

}  // namespace

TEST_CASE("a similar idea is offered while typing, supported instead, and the draft stays", "[ui][idea][similar]") {
    Harness h;
    const Idea* bench = demoIdeaTitled(h.app().view(), "Bankje bij de speeltuin");
    REQUIRE(bench);
    const int supportsBefore = bench->supports;
    const std::string benchId = bench->id;
    toTextStep(h);
    CHECK_FALSE(h.has("#idea.similar.0"));  // nothing typed, nothing offered

    h.type("Bankjes in het park");
    h.frames(1);  // the keyboard takes the letters after the fields are drawn, as a runner draws on after input
    REQUIRE(h.has("#idea.similar.0"));
    CHECK_FALSE(h.has("#idea.similar.1"));  // one clear match, no weak second one
    // Below the text fields, above the keyboard: neither is covered or pushed away.
    const ui::WidgetInfo suggestion = *h.find("#idea.similar.0");
    CHECK(suggestion.y0 >= h.find("#idea.body")->y1);
    CHECK(suggestion.y1 <= h.find("#osk.key.q")->y0);
    CHECK(suggestion.height() >= h.app().ui().metrics.touchMin() - 0.5f);

    REQUIRE(h.tap("#idea.similar.0"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaDetail);
    CHECK(h.app().state().selectedIdeaId == benchId);
    REQUIRE(h.tap("idea.support"));
    CHECK(h.has("idea.support.done"));
    const Idea* supported = h.app().view().findIdea(benchId);
    REQUIRE(supported);
    CHECK(supported->supports == supportsBefore + 1);

    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaText);
    const IdeaDraft& draft = h.app().state().idea.draft;
    CHECK(draft.title == "Bankjes in het park");
    CHECK(draft.body.empty());
    CHECK(draft.theme == Theme::Play);
    CHECK(h.app().state().idea.focus == IdeaField::Title);
    // The suggestion now says the resident supports it; the form goes on as before.
    REQUIRE(h.has("#idea.similar.0"));
    CHECK(h.find("#idea.similar.0")->selected);
    h.type(" met schaduw");
    CHECK(h.app().state().idea.draft.title == "Bankjes in het park met schaduw");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#osk.done"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaPlace);
}

TEST_CASE("unrelated text offers nothing", "[ui][idea][similar]") {
    Harness h;
    toTextStep(h);
    h.type("Ruimteschip naar de maan");
    h.frames(1);
    CHECK_FALSE(h.has("#idea.similar.0"));
    REQUIRE(h.tap("#osk.done"));
    h.type("Met een telescoop voor iedereen.");
    h.frames(1);
    CHECK_FALSE(h.has("#idea.similar.0"));
}

TEST_CASE("the text in the body counts too, and a suggestion appears while the text is typed", "[ui][idea][similar]") {
    Harness h;
    toTextStep(h);
    h.type("Voor de jeugd");
    REQUIRE(h.tap("#osk.done"));
    h.frames(1);
    CHECK_FALSE(h.has("#idea.similar.0"));
    const float bodyHeight = h.find("#idea.body")->height();
    h.type("Een voetbalkooi met een nieuw net en nieuwe lijnen");
    h.frames(1);
    REQUIRE(h.has("#idea.similar.0"));
    CHECK(h.find("#idea.body")->height() < bodyHeight);  // the room comes from the text field
    CHECK(h.find("#idea.body")->height() >= 2 * h.app().ui().fonts.body->FontSize);
}

TEST_CASE("suggestions fit at every size, in large text and right to left", "[ui][idea][similar]") {
    struct Case {
        int width, height;
        const char* language;
        bool largeText;
    };
    for (const Case c : {Case{1280, 800, "nl", false}, Case{1280, 800, "nl", true}, Case{1920, 1080, "ar", true},
                         Case{1280, 800, "ar", true}, Case{1280, 800, "tr", true}}) {
        DYNAMIC_SECTION(c.width << "x" << c.height << " " << c.language << (c.largeText ? " large" : "")) {
            test::HarnessOptions options;
            options.width = c.width;
            options.height = c.height;
            options.language = c.language;
            Harness h(options);
            h.app().setLargeText(c.largeText);
            h.app().showForScreenshot(ui::ScreenId::IdeaText);
            h.app().state().idea.draft.title = "Bankje bij de vijver";
            h.app().state().idea.draft.body = "Een bankje in de schaduw bij de speeltuin, voor opa en oma.";
            h.frames(3);
            REQUIRE(h.has("#idea.similar.0"));
            const float bodyBottom = h.find("#idea.body")->y1;
            float keyboardTop = static_cast<float>(c.height);
            for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets())
                if (w.id.rfind("#osk.", 0) == 0) keyboardTop = std::min(keyboardTop, w.y0);
            for (const char* id : {"#idea.similar.0", "#idea.similar.1"}) {
                const ui::WidgetInfo* row = h.find(id);
                if (!row) continue;
                INFO(id << " at " << row->y0 << " - " << row->y1);
                CHECK(row->y0 >= bodyBottom);
                CHECK(row->y1 <= keyboardTop);
                CHECK(row->x0 >= 0.0f);
                CHECK(row->x1 <= static_cast<float>(c.width));
            }
            // The whole keyboard stays on screen.
            for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets())
                if (w.id.rfind("#osk.", 0) == 0) CHECK(w.y1 <= static_cast<float>(c.height) + 0.5f);
            // Right to left, the button sits at the left end of its line.
            if (std::string_view(c.language) == "ar") CHECK(h.find("#idea.similar.0")->x0 < c.width / 2.0f);
        }
    }
}
