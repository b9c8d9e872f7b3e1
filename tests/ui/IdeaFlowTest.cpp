// A resident shares an idea from the home screen to the thank-you screen; it shows in the list
// once a facilitator approved it.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;
using test::Harness;

TEST_CASE("a resident shares an idea and finds it in the list after approval", "[ui][idea]") {
    // The same taps in Dutch and in English: widget ids are keys, not words.
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
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
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaPlace);
    REQUIRE(h.tap("idea.place.next"));  // the whole neighbourhood, as chosen from the start
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaContact);
    REQUIRE(h.tap("idea.contact.skip"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaReview);
    CHECK(h.has("idea.review.send"));

    REQUIRE(h.tap("idea.review.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaThanks);
    const std::string reference = h.app().state().idea.submittedReference;
    CHECK(reference.size() == 7);

    const std::optional<Idea> stored = h.store().ideaByReference(reference);
    REQUIRE(stored.has_value());
    CHECK(stored->title == "Bankje bij de vijver");
    CHECK(stored->body == "Dan kunnen ouderen even rusten.");
    CHECK(stored->theme == Theme::Green);
    CHECK(stored->place.empty());
    CHECK_FALSE(stored->contactGiven);
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
    REQUIRE(h.tap("#idea.place.0"));
    REQUIRE(h.tap("idea.place.next"));
    REQUIRE(h.tap("idea.contact.skip"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaReview);
    REQUIRE(h.tap("idea.review.change"));  // one step back: the contact
    CHECK(h.app().state().screen == ui::ScreenId::IdeaContact);
    REQUIRE(h.tap("nav.back"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaPlace);
    REQUIRE(h.tap("nav.back"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaText);
    CHECK(h.app().state().idea.draft.title == "Een voetbalkooi");
    CHECK(h.app().state().idea.draft.place == h.store().places().front());
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

namespace {

// From home to the contact step of a new idea about `theme`.
void toContactStep(Harness& h, const char* theme, const char* title) {
    REQUIRE(h.tap("home.tile.idea"));
    REQUIRE(h.tap(theme));
    h.type(title);
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaPlace);
}

void typeContact(Harness& h, std::string_view name, std::string_view address) {
    CHECK_FALSE(h.has("#osk.done"));  // the keyboard is away until a field is tapped
    REQUIRE(h.tap("#idea.contact.name"));
    h.type(name);
    REQUIRE(h.tap("#osk.done"));  // Next: from the name to the address
    CHECK(h.app().state().idea.contactFocus == ui::ContactField::Address);
    h.type(address);
    REQUIRE(h.tap("#osk.done"));  // Next: the keyboard goes away, the consent shows
    CHECK(h.app().state().idea.contactFocus == ui::ContactField::None);
}

}  // namespace

TEST_CASE("a resident picks a place and leaves a contact, which only the team can read", "[ui][idea][contact]") {
    // The same taps in Dutch and in English: widget ids are keys, not words.
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    const std::vector<std::string> places = h.store().places();
    REQUIRE(places.size() >= 8);
    toContactStep(h, "theme.clean_safe", "Lamp kapot bij de bushalte");
    for (std::size_t i = 0; i < places.size(); ++i) CHECK(h.has("#idea.place." + std::to_string(i)));
    REQUIRE(h.tap("#idea.place.3"));
    CHECK(h.app().state().idea.draft.place == places[3]);
    REQUIRE(h.tap("idea.place.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaContact);

    typeContact(h, "Fatima", "06 12345678");
    // A contact without consent cannot go on, and says why beside the toggle.
    REQUIRE(h.tap("idea.contact.next"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaContact);
    CHECK(h.app().state().idea.showContactProblem);
    REQUIRE(h.tap("idea.contact.consent"));
    CHECK(h.app().state().idea.draft.contactConsent);
    REQUIRE(h.tap("idea.contact.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaReview);

    REQUIRE(h.tap("idea.review.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaThanks);
    const std::optional<Idea> stored = h.store().ideaByReference(h.app().state().idea.submittedReference);
    REQUIRE(stored.has_value());
    CHECK(stored->place == places[3]);
    CHECK(stored->contactGiven);
    // Nothing of the contact is left in the kiosk's state after sending.
    CHECK_FALSE(h.app().state().idea.draft.hasContact());
    CHECK_FALSE(h.app().state().hasDraft());
    for (const Event& event : h.store().events()) {
        CHECK(event.payload.find("Fatima") == std::string::npos);
        CHECK(event.payload.find("12345678") == std::string::npos);
    }
}

TEST_CASE("consent without a way to reach the resident cannot go on either", "[ui][idea][contact]") {
    Harness h;
    toContactStep(h, "theme.green", "Meer bomen");
    REQUIRE(h.tap("idea.place.next"));
    REQUIRE(h.tap("idea.contact.consent"));
    REQUIRE(h.tap("idea.contact.next"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaContact);
    CHECK(h.app().state().idea.showContactProblem);
    // Skip leaves the contact out entirely, consent included.
    REQUIRE(h.tap("idea.contact.skip"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaReview);
    CHECK_FALSE(h.app().state().idea.draft.contactConsent);
}

TEST_CASE("without a staff key a contact is not sent, and the draft stays", "[ui][idea][contact]") {
    test::HarnessOptions options;
    options.demo = false;  // no demo: no staff key, no places
    Harness h(options);
    toContactStep(h, "theme.traffic", "Drempel in de straat");
    CHECK(h.has("idea.place.whole"));
    CHECK_FALSE(h.has("#idea.place.0"));
    REQUIRE(h.tap("idea.place.next"));
    typeContact(h, "Piet", "piet@example.nl");
    REQUIRE(h.tap("idea.contact.consent"));
    REQUIRE(h.tap("idea.contact.next"));
    REQUIRE(h.tap("idea.review.send"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaReview);
    CHECK(std::string_view(h.app().state().idea.saveProblemKey) == "idea.contact.no_staff_key");
    CHECK(h.app().state().idea.draft.contactName == "Piet");
    CHECK(h.store().ideaCount() == 0);
}

TEST_CASE("the contact step fits with the keyboard up, in large text on the small screen", "[ui][idea][contact]") {
    for (const char* language : {"nl", "ar", "uk"}) {
        test::HarnessOptions options;
        options.width = 1280;
        options.height = 800;
        options.language = language;
        Harness h(options);
        h.app().setLargeText(true);
        h.app().showForScreenshot(ui::ScreenId::IdeaContact);
        h.app().state().idea.contactFocus = ui::ContactField::Address;
        h.frames(3);
        REQUIRE(h.has("#osk.done"));
        const float minimum = h.app().ui().metrics.touchMin() - 0.5f;
        for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets()) {
            INFO(language << " " << w.id << " at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
            CHECK(w.y0 >= 0.0f);
            CHECK(w.y1 <= options.height + 0.5f);
            CHECK(w.height() >= minimum);
        }
    }
}
