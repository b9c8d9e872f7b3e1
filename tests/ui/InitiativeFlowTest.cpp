// A resident plans an initiative from the home screen to the thank-you screen, with every check
// on the way, and later finds its status by its code.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace buurtstem;
using test::Harness;

namespace {

// Taps the pad's keys one by one: "125,5" taps 1, 2, 5, the comma and 5.
void tapAmount(Harness& h, std::string_view amount) {
    for (char c : amount) {
        const std::string id = c == ',' ? "#pad.," : "#pad." + std::string(1, c);
        REQUIRE(h.tap(id));
    }
}

// From the home screen through theme, text and place to the "for whom" step.
void startInitiative(Harness& h, std::string_view title, std::string_view body) {
    REQUIRE(h.tap("home.tile.initiative"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeStart);
    REQUIRE(h.tap("initiative.start.begin"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaTheme);
    CHECK(h.app().state().idea.initiative);
    REQUIRE(h.tap("theme.meeting"));
    h.type(title);
    REQUIRE(h.tap("#osk.done"));
    h.type(body);
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaPlace);
    REQUIRE(h.tap("idea.place.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeWho);
}

}  // namespace

TEST_CASE("a resident plans an initiative with a budget and checks it by its code", "[ui][initiative]") {
    Harness h;  // Dutch
    const std::size_t listed = h.store().visibleIdeas().size();
    startInitiative(h, "Straatfeest", "Muziek en eten voor de hele straat.");

    // Nothing filled in: the step says what is missing and stays.
    REQUIRE(h.tap("initiative.next"));
    CHECK(h.app().state().screen == ui::ScreenId::InitiativeWho);
    CHECK(h.app().state().idea.steps.showProblems);

    REQUIRE(h.tap("#initiative.when"));
    h.type("Zaterdag 14 juni");
    REQUIRE(h.tap("#osk.done"));  // puts the keyboard away
    CHECK(h.app().state().idea.steps.focus == ui::PlanField::None);
    REQUIRE(h.tap("initiative.audience.families"));
    REQUIRE(h.tap("initiative.audience.elderly"));
    REQUIRE(h.find("#initiative.helpers.minus") != nullptr);
    CHECK_FALSE(h.find("#initiative.helpers.minus")->enabled);  // never below zero
    REQUIRE(h.tap("#initiative.helpers.plus"));
    REQUIRE(h.tap("#initiative.helpers.plus"));
    REQUIRE(h.tap("#initiative.helpers.plus"));
    REQUIRE(h.tap("#initiative.helpers.minus"));
    REQUIRE(h.tap("initiative.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeBudget);

    // Two cost lines: the description on the keyboard, the amount on the pad.
    REQUIRE(h.tap("initiative.budget.add"));
    h.type("Springkussen");
    REQUIRE(h.tap("#osk.done"));
    CHECK(h.app().state().idea.steps.focus == ui::PlanField::LineAmount);
    tapAmount(h, "350");
    REQUIRE(h.tap("#pad.done"));
    REQUIRE(h.tap("initiative.budget.add"));
    h.type("Koffie en thee");
    REQUIRE(h.tap("#osk.done"));
    tapAmount(h, "125,5");
    REQUIRE(h.tap("#pad.done"));
    CHECK(h.app().state().idea.steps.focus == ui::PlanField::None);
    CHECK(budgetTotalCents(h.app().state().idea.steps.plan) == 47'550);
    CHECK(h.has("#initiative.budget.line.1"));

    // A line opened by mistake and left empty disappears again.
    REQUIRE(h.tap("initiative.budget.add"));
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#pad.done"));
    CHECK(h.app().state().idea.steps.plan.budget.size() == 2);
    REQUIRE(h.tap("initiative.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeSupport);

    REQUIRE(h.tap("#initiative.own_money"));
    tapAmount(h, "25");
    REQUIRE(h.tap("#pad.done"));
    REQUIRE(h.tap("#initiative.own_in_kind"));
    h.type("Wij koken");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("initiative.partner.corporation"));
    REQUIRE(h.tap("initiative.partner.welfare"));
    REQUIRE(h.tap("initiative.partner.welfare"));  // a second tap takes it back
    REQUIRE(h.tap("initiative.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaContact);

    // Contact is required here: no Skip, and Next says what is missing.
    CHECK_FALSE(h.has("idea.contact.skip"));
    REQUIRE(h.tap("idea.contact.next"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaContact);
    CHECK(h.app().state().idea.showContactProblem);
    REQUIRE(h.tap("#idea.contact.name"));
    h.type("Fatima");
    REQUIRE(h.tap("#osk.done"));
    h.type("0612");  // too short for a phone number
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("idea.contact.consent"));
    REQUIRE(h.tap("idea.contact.next"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaContact);
    REQUIRE(h.tap("#idea.contact.address"));
    h.type("345678");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("idea.contact.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeReview);

    REQUIRE(h.tap("initiative.review.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeThanks);
    const std::string reference = h.app().state().idea.submittedReference;
    REQUIRE(reference.size() == 7);
    CHECK_FALSE(h.app().state().hasDraft());
    CHECK_FALSE(h.has("nav.back"));

    const std::optional<Idea> stored = h.store().ideaByReference(reference);
    REQUIRE(stored.has_value());
    CHECK(stored->kind == IdeaKind::Initiative);
    CHECK(stored->title == "Straatfeest");
    CHECK(stored->body == "Muziek en eten voor de hele straat.");
    CHECK(stored->theme == Theme::Meeting);
    CHECK(stored->budgetCents == 47'550);
    CHECK(stored->status == IdeaStatus::New);
    CHECK(stored->contactGiven);
    const std::optional<InitiativePlan> plan = h.store().initiativePlan(stored->id);
    REQUIRE(plan.has_value());
    CHECK(plan->when == "Zaterdag 14 juni");
    CHECK(plan->audience == std::vector<Audience>{Audience::Elderly, Audience::Families});
    CHECK(plan->helpers == 2);
    REQUIRE(plan->budget.size() == 2);
    CHECK(plan->budget[0].description == "Springkussen");
    CHECK(plan->budget[0].amountCents == 35'000);
    CHECK(plan->budget[1].description == "Koffie en thee");
    CHECK(plan->budget[1].amountCents == 12'550);
    CHECK(plan->ownMoneyCents == 2'500);
    CHECK(plan->ownInKind == "Wij koken");
    CHECK(plan->partners == std::vector<Partner>{Partner::Corporation});
    CHECK(h.store().visibleIdeas().size() == listed);  // waits for the facilitator

    // Later: "check my initiative" with the code, typed in lower case without the dash.
    REQUIRE(h.tap("idea.thanks.done"));
    REQUIRE(h.tap("home.tile.initiative"));
    REQUIRE(h.tap("initiative.start.check"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeCheck);
    std::string typed;
    for (char c : reference)
        if (c != '-') typed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    h.type(typed);
    REQUIRE(h.tap("#osk.done"));
    h.frames(1);
    REQUIRE(h.app().state().check.found.has_value());
    CHECK(h.app().state().check.found->id == stored->id);
    CHECK(h.app().state().check.found->status == IdeaStatus::New);
    REQUIRE(h.has("#initiative.check.answer"));
    CHECK_FALSE(h.find("#initiative.check.answer")->selected);  // not approved yet

    REQUIRE(h.store().approveIdea(stored->id).ok());
    REQUIRE(h.tap("#osk.done"));
    h.frames(1);
    CHECK(h.find("#initiative.check.answer")->selected);  // approved now

    // Listed with its plan, once approved.
    h.app().refreshView();
    REQUIRE(h.tap("nav.home"));
    REQUIRE(h.tap("home.tile.ideas"));
    REQUIRE(h.has("#idea." + reference));
    REQUIRE(h.tap("#idea." + reference));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaDetail);
    CHECK(h.app().view().findPlan(stored->id) != nullptr);
}

TEST_CASE("check my initiative: a code that does not exist, and one that cannot be a code", "[ui][initiative]") {
    test::HarnessOptions options;
    options.language = "en";
    Harness h(options);
    REQUIRE(h.tap("home.tile.initiative"));
    REQUIRE(h.tap("initiative.start.check"));
    h.type("K7P3QX");
    REQUIRE(h.tap("#osk.done"));
    h.frames(1);
    CHECK(h.app().state().check.looked);
    CHECK_FALSE(h.app().state().check.found.has_value());
    CHECK_FALSE(h.has("#initiative.check.answer"));
    // Typing again takes the old answer away.
    h.type("O");
    CHECK_FALSE(h.app().state().check.looked);
    REQUIRE(h.tap("#osk.done"));
    CHECK_FALSE(h.app().state().check.found.has_value());
}

TEST_CASE("an initiative over the facilitator's maximum is refused at the line, and sent in English", "[ui][initiative]") {
    test::HarnessOptions options;
    options.language = "en";
    Harness h(options);
    REQUIRE(h.store().setInitiativeMaximum(10'000).ok());  // EUR 100
    h.app().refreshView();
    startInitiative(h, "Repair cafe", "Fixing bikes and toasters together.");
    REQUIRE(h.tap("#initiative.when"));
    h.type("Every first Saturday");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("initiative.audience.everyone"));
    REQUIRE(h.tap("initiative.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeBudget);

    REQUIRE(h.tap("initiative.budget.add"));
    h.type("Tools");
    REQUIRE(h.tap("#osk.done"));
    tapAmount(h, "150");
    REQUIRE(h.tap("#pad.done"));
    // Over EUR 100: the line stays open on the amount, with the reason.
    CHECK(h.app().state().idea.steps.focus == ui::PlanField::LineAmount);
    CHECK(h.app().state().idea.steps.showProblems);
    REQUIRE(h.tap("#pad.clear"));
    tapAmount(h, "90");
    REQUIRE(h.tap("#pad.done"));
    CHECK(h.app().state().idea.steps.focus == ui::PlanField::None);

    // A second line takes the total over the maximum: Next refuses and says so.
    REQUIRE(h.tap("initiative.budget.add"));
    h.type("Coffee");
    REQUIRE(h.tap("#osk.done"));
    tapAmount(h, "20");
    REQUIRE(h.tap("#pad.done"));
    REQUIRE(h.tap("initiative.next"));
    CHECK(h.app().state().screen == ui::ScreenId::InitiativeBudget);
    CHECK(h.app().state().idea.steps.showProblems);

    // Removing the line makes it fit; the language can change on the way without losing anything.
    REQUIRE(h.tap("#initiative.budget.line.1"));  // opens on its description
    CHECK(h.app().state().idea.steps.focus == ui::PlanField::LineDescription);
    REQUIRE(h.tap("#osk.done"));                   // on to the amount, where Remove is
    REQUIRE(h.tap("initiative.line.remove"));
    CHECK(h.app().state().idea.steps.plan.budget.size() == 1);
    REQUIRE(h.tap("#nav.language"));
    REQUIRE(h.tap("#language.nl"));
    CHECK(h.app().state().idea.steps.plan.budget.size() == 1);
    CHECK(h.app().state().idea.steps.plan.when == "Every first Saturday");
    REQUIRE(h.tap("initiative.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeSupport);

    // Back in English, on to the end: nothing chosen here is fine, the contact is not.
    REQUIRE(h.tap("#nav.language"));
    REQUIRE(h.tap("#language.en"));
    REQUIRE(h.tap("initiative.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaContact);
    REQUIRE(h.tap("#idea.contact.name"));
    h.type("Sam");
    REQUIRE(h.tap("#osk.done"));
    h.type("sam@example.nl");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("idea.contact.next"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaContact);  // consent not given yet
    REQUIRE(h.tap("idea.contact.consent"));
    REQUIRE(h.tap("idea.contact.next"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeReview);

    // The facilitator lowers the maximum while the resident reviews: Send is refused, and Fix
    // leads to the budget step.
    REQUIRE(h.store().setInitiativeMaximum(5'000).ok());
    h.app().refreshView();
    h.frames(1);
    REQUIRE(h.find("initiative.review.send") != nullptr);
    CHECK_FALSE(h.find("initiative.review.send")->enabled);
    REQUIRE(h.tap("initiative.review.fix"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeBudget);
    CHECK(h.app().state().idea.steps.showProblems);
    REQUIRE(h.store().setInitiativeMaximum(10'000).ok());
    h.app().refreshView();
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeReview);
    REQUIRE(h.tap("initiative.review.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::InitiativeThanks);

    const std::optional<Idea> stored = h.store().ideaByReference(h.app().state().idea.submittedReference);
    REQUIRE(stored.has_value());
    CHECK(stored->kind == IdeaKind::Initiative);
    CHECK(stored->title == "Repair cafe");
    CHECK(stored->budgetCents == 9'000);
    CHECK(stored->contactGiven);
    const std::optional<InitiativePlan> plan = h.store().initiativePlan(stored->id);
    REQUIRE(plan.has_value());
    CHECK(plan->when == "Every first Saturday");
    CHECK(plan->audience == std::vector<Audience>{Audience::Everyone});
    CHECK(plan->partners.empty());
    REQUIRE(plan->budget.size() == 1);
    CHECK(plan->budget[0].description == "Tools");
}

TEST_CASE("walking away wipes a half-planned initiative", "[ui][initiative]") {
    Harness h;
    startInitiative(h, "Moestuin", "Groente kweken met de buren.");
    REQUIRE(h.tap("initiative.audience.children"));
    CHECK(h.app().state().hasDraft());
    h.wait(95.0);  // 60 s quiet, 30 s to answer "Are you still there?"
    CHECK(h.app().state().screen == ui::ScreenId::Attract);
    CHECK_FALSE(h.app().state().hasDraft());
    CHECK(h.app().state().idea.steps.plan.audience.empty());
    CHECK_FALSE(h.app().state().idea.initiative);
}
