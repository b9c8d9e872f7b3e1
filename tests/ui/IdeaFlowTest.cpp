// A resident shares an idea from the home screen to the thank-you screen; it shows in the list
// once a facilitator approved it.
#include "Harness.h"

#include <catch2/catch.hpp>

using namespace buurtstem;
using test::Harness;

TEST_CASE("a resident shares an idea and finds it in the list after approval", "[ui][idea]") {
    Harness h;
    const std::size_t before = h.store().visibleIdeas().size();
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);

    REQUIRE(h.tap("home.tile.idea"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaTheme);
    REQUIRE(h.tap("theme.green"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaText);
    CHECK(h.app().state().idea.draft.theme == Theme::Green);

    h.type("Bankje bij de vijver");
    REQUIRE(h.tap("#osk.done"));  // Next: from the title to the text
    CHECK(h.app().state().idea.focus == IdeaField::Body);
    h.type("Dan kunnen ouderen even rusten.");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaReview);

    REQUIRE(h.tap("idea.review.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaThanks);
    const std::string reference = h.app().state().idea.submittedReference;
    CHECK(reference.size() == 7);

    const std::optional<Idea> stored = h.store().ideaByReference(reference);
    REQUIRE(stored.has_value());
    CHECK(stored->title == "Bankje bij de vijver");
    CHECK(stored->body == "Dan kunnen ouderen even rusten.");
    CHECK(stored->theme == Theme::Green);
    CHECK_FALSE(stored->demo);
    CHECK(stored->status == IdeaStatus::New);
    CHECK(h.store().visibleIdeas().size() == before);  // not listed until a facilitator read it
    CHECK_FALSE(h.app().state().hasDraft());
    CHECK_FALSE(h.has("nav.back"));  // Back must not lead into the sent form

    REQUIRE(h.tap("idea.thanks.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Home);
    REQUIRE(h.tap("home.tile.ideas"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaList);
    CHECK_FALSE(h.has("#idea." + reference));

    REQUIRE(h.store().approveIdea(stored->id).ok());
    h.app().refreshView();
    h.frames(2);
    REQUIRE(h.has("#idea." + reference));  // newest first: on screen without scrolling
    REQUIRE(h.tap("#idea." + reference));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaDetail);
    CHECK(h.app().state().selectedIdeaId == stored->id);
    REQUIRE(h.tap("nav.back"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaList);
}

TEST_CASE("an idea without a title cannot go to review, and says why", "[ui][idea]") {
    Harness h;
    REQUIRE(h.tap("home.tile.idea"));
    REQUIRE(h.tap("theme.care"));
    REQUIRE(h.tap("#osk.done"));  // title -> text
    REQUIRE(h.tap("#osk.done"));  // text -> check: the title is missing
    CHECK(h.app().state().screen == ui::ScreenId::IdeaText);
    CHECK(h.app().state().idea.showProblems);
    CHECK(h.app().state().idea.focus == IdeaField::Title);  // the keyboard goes back to the field at fault
    h.type("Hi");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#osk.done"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaText);  // two letters is too short
    CHECK(h.store().visibleIdeas().size() == h.app().view().ideas.size());
}

TEST_CASE("Change on the review screen goes back with the draft intact", "[ui][idea]") {
    Harness h;
    REQUIRE(h.tap("home.tile.idea"));
    REQUIRE(h.tap("theme.play"));
    h.type("Een voetbalkooi");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaReview);
    REQUIRE(h.tap("idea.review.change"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaText);
    CHECK(h.app().state().idea.draft.title == "Een voetbalkooi");
}

TEST_CASE("Home and Back sit in the same place on every screen", "[ui][nav]") {
    Harness h;
    REQUIRE(h.tap("home.tile.idea"));
    const ui::WidgetInfo back = *h.find("nav.back");
    const ui::WidgetInfo home = *h.find("nav.home");
    REQUIRE(h.tap("theme.meeting"));
    h.type("Buurtfeest");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#osk.done"));
    for (const char* id : {"nav.back", "nav.home"}) {
        const ui::WidgetInfo* now = h.find(id);
        REQUIRE(now);
        const ui::WidgetInfo& then = std::string_view(id) == "nav.back" ? back : home;
        CHECK(now->x0 == then.x0);
        CHECK(now->y0 == then.y0);
    }
    REQUIRE(h.tap("nav.home"));
    CHECK(h.app().state().screen == ui::ScreenId::Home);
}
