// Initiatives: the plan's choices, the budget total, contact addresses and every rule of
// validateInitiative at its boundaries, plus the demo initiatives that must pass them.
#include "app/core/DemoNeighbourhood.h"
#include "app/core/Initiative.h"
#include "app/core/Utf8.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <vector>

using namespace buurtstem;

namespace {

InitiativeDraft goodDraft() {
    InitiativeDraft draft;
    draft.idea.theme = Theme::Meeting;
    draft.idea.themeChosen = true;
    draft.idea.title = "Buurtbarbecue";
    draft.idea.body = "Een middag samen eten op het plein.";
    draft.idea.place = "Kastanjeplein";
    draft.idea.contactName = "Ans de Wit";
    draft.idea.contactAddress = "06-12345678";
    draft.idea.contactConsent = true;
    draft.plan.when = "zaterdag 14 juni";
    draft.plan.audience = {Audience::Everyone};
    draft.plan.helpers = 3;
    draft.plan.budget = {{"Houtskool en vlees", 12'500}, {"Tafels huren", 7'500}};
    draft.plan.ownMoneyCents = 2'000;
    draft.plan.ownInKind = "We bakken de taarten zelf.";
    draft.plan.partners = {Partner::Welfare};
    return draft;
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string text;
    for (std::size_t i = 0; i < times; ++i) text += piece;
    return text;
}

bool has(const std::vector<InitiativeIssue>& issues, InitiativeField field, InitiativeProblem problem,
         std::size_t line = 0) {
    return std::any_of(issues.begin(), issues.end(), [&](const InitiativeIssue& issue) {
        return issue.field == field && issue.problem == problem && issue.line == line;
    });
}

bool mentions(const std::vector<InitiativeIssue>& issues, InitiativeField field) {
    return std::any_of(issues.begin(), issues.end(), [&](const InitiativeIssue& issue) { return issue.field == field; });
}

// The issues of a draft that breaks exactly one rule: only that one.
std::vector<InitiativeIssue> only(const InitiativeDraft& draft, std::int64_t maximum = kInitiativeDefaultMaximumCents) {
    std::vector<InitiativeIssue> issues = validateInitiative(draft, maximum);
    INFO("issues: " << issues.size());
    CHECK(issues.size() == 1);
    return issues;
}

}  // namespace

// [SECTION] Ids and choices

TEST_CASE("audience and partner ids are stable and read back", "[initiative]") {
    CHECK(audienceId(Audience::Children) == "children");
    CHECK(audienceId(Audience::YoungPeople) == "young_people");
    CHECK(audienceId(Audience::Adults) == "adults");
    CHECK(audienceId(Audience::Elderly) == "elderly");
    CHECK(audienceId(Audience::Families) == "families");
    CHECK(audienceId(Audience::Everyone) == "everyone");
    CHECK(partnerId(Partner::Corporation) == "corporation");
    CHECK(partnerId(Partner::Municipality) == "municipality");
    CHECK(partnerId(Partner::Welfare) == "welfare");
    CHECK(partnerId(Partner::TenantsOrganisation) == "tenants_organisation");
    CHECK(partnerId(Partner::School) == "school");
    CHECK(partnerId(Partner::Clubs) == "clubs");
    for (Audience audience : kAllAudiences) CHECK(audienceFromId(audienceId(audience)) == audience);
    for (Partner partner : kAllPartners) CHECK(partnerFromId(partnerId(partner)) == partner);
    CHECK_FALSE(audienceFromId("Children").has_value());
    CHECK_FALSE(audienceFromId("").has_value());
    CHECK_FALSE(partnerFromId("police").has_value());
}

TEST_CASE("toggling keeps the choices in list order without repeats", "[initiative]") {
    InitiativePlan plan;
    plan.toggle(Audience::Everyone);
    plan.toggle(Audience::Children);
    plan.toggle(Audience::Elderly);
    CHECK(plan.audience == std::vector<Audience>{Audience::Children, Audience::Elderly, Audience::Everyone});
    CHECK(plan.has(Audience::Elderly));
    CHECK_FALSE(plan.has(Audience::Adults));
    plan.toggle(Audience::Elderly);
    CHECK(plan.audience == std::vector<Audience>{Audience::Children, Audience::Everyone});
    CHECK_FALSE(plan.has(Audience::Elderly));

    plan.toggle(Partner::Clubs);
    plan.toggle(Partner::Corporation);
    CHECK(plan.partners == std::vector<Partner>{Partner::Corporation, Partner::Clubs});
    plan.toggle(Partner::Clubs);
    plan.toggle(Partner::Corporation);
    CHECK(plan.partners.empty());
    CHECK_FALSE(plan.has(Partner::Clubs));

    // A list someone filled by hand is put in order, and a repeat goes, at the next toggle.
    plan.audience = {Audience::Everyone, Audience::Children, Audience::Everyone};
    plan.toggle(Audience::Adults);
    CHECK(plan.audience == std::vector<Audience>{Audience::Children, Audience::Adults, Audience::Everyone});
}

TEST_CASE("normalisedInitiative trims the text and orders the choices", "[initiative]") {
    InitiativeDraft draft = goodDraft();
    draft.idea.title = "  Buurtbarbecue \n";
    draft.idea.contactName = " Ans ";
    draft.idea.contactAddress = " 06-12345678\t";
    draft.plan.when = "  zaterdag ";
    draft.plan.ownInKind = " taart ";
    draft.plan.budget[0].description = "  Vlees ";
    draft.plan.audience = {Audience::Everyone, Audience::Children, Audience::Everyone};
    draft.plan.partners = {Partner::School, Partner::Corporation};
    const InitiativeDraft normal = normalisedInitiative(draft);
    CHECK(normal.idea.title == "Buurtbarbecue");
    CHECK(normal.idea.contactName == "Ans");
    CHECK(normal.idea.contactAddress == "06-12345678");
    CHECK(normal.plan.when == "zaterdag");
    CHECK(normal.plan.ownInKind == "taart");
    CHECK(normal.plan.budget[0].description == "Vlees");
    CHECK(normal.plan.budget[0].amountCents == draft.plan.budget[0].amountCents);
    CHECK(normal.plan.audience == std::vector<Audience>{Audience::Children, Audience::Everyone});
    CHECK(normal.plan.partners == std::vector<Partner>{Partner::Corporation, Partner::School});
}

// [SECTION] Budget total

TEST_CASE("the budget total adds the lines and never overflows", "[initiative]") {
    InitiativePlan plan;
    CHECK(budgetTotalCents(plan) == 0);
    plan.budget = {{"a", 100}, {"b", 250}, {"c", 1}};
    CHECK(budgetTotalCents(plan) == 351);

    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    plan.budget = {{"a", kMax}, {"b", kMax}, {"c", 5}};
    CHECK(budgetTotalCents(plan) == kMax);
    plan.budget = {{"a", kMin}, {"b", -1}};
    CHECK(budgetTotalCents(plan) == kMin);
    plan.budget = {{"a", kMax - 1}, {"b", 1}};
    CHECK(budgetTotalCents(plan) == kMax);
}

// [SECTION] Contact addresses

TEST_CASE("a contact address is a phone number or an e-mail address", "[initiative][contact]") {
    for (const char* good : {"06-12345678", "+31 6 1234 5678", "(020) 555 1234", "0612345678", "123456", "a@b.nl",
                             "fatima.zoutewelle@example.nl", "j\xC3\xBCrgen@m\xC3\xBCller.de", "x+tag@sub.domain.org"}) {
        INFO(good);
        CHECK(looksLikeContactAddress(good));
    }
    for (const char* bad : {"", "abc", "12345", "1234 5", "a@b", "a b@c.nl", "@b.nl", "a@.nl", "a@b.", "a@@b.nl",
                            "a@b@c.nl", "a@b..nl", "06-1234567x", "06.12345678", "tel: 0612345678", "a@b.nl\n",
                            "a\t@b.nl", "\xC3(@b.nl"}) {
        INFO(bad);
        CHECK_FALSE(looksLikeContactAddress(bad));
    }
}

// [SECTION] Validation

TEST_CASE("a complete initiative has no issues", "[initiative]") {
    CHECK(validateInitiative(goodDraft()).empty());
    InitiativeDraft lean = goodDraft();
    lean.plan.budget.clear();  // an initiative that needs no money
    lean.plan.partners.clear();
    lean.plan.helpers = 0;
    lean.plan.ownMoneyCents = 0;
    lean.plan.ownInKind.clear();
    lean.idea.place.clear();
    CHECK(validateInitiative(lean).empty());
    InitiativeDraft mail = goodDraft();
    mail.idea.contactAddress = "a@b.nl";
    CHECK(validateInitiative(mail).empty());
}

TEST_CASE("the idea's rules apply to theme, title, body and place", "[initiative]") {
    InitiativeDraft draft = goodDraft();
    draft.idea.themeChosen = false;
    CHECK(has(only(draft), InitiativeField::Theme, InitiativeProblem::Missing));

    draft = goodDraft();
    draft.idea.title = "ab";
    CHECK(has(only(draft), InitiativeField::Title, InitiativeProblem::TooShort));
    draft.idea.title = "  ";
    CHECK(has(only(draft), InitiativeField::Title, InitiativeProblem::Missing));
    draft.idea.title = repeat("\xC3\xA9", kIdeaTitleMax + 1);
    CHECK(has(only(draft), InitiativeField::Title, InitiativeProblem::TooLong));
    draft.idea.title = "Tab\there";
    CHECK(has(only(draft), InitiativeField::Title, InitiativeProblem::InvalidText));

    draft = goodDraft();
    draft.idea.body = repeat("x", kIdeaBodyMax + 1);
    CHECK(has(only(draft), InitiativeField::Body, InitiativeProblem::TooLong));
    draft.idea.body = "kapot \xFF";
    CHECK(has(only(draft), InitiativeField::Body, InitiativeProblem::InvalidText));

    draft = goodDraft();
    draft.idea.place = "Plein\nachter";
    CHECK(has(only(draft), InitiativeField::Place, InitiativeProblem::InvalidText));
}

TEST_CASE("an initiative needs a body, unlike an idea", "[initiative]") {
    InitiativeDraft draft = goodDraft();
    draft.idea.body = " \n ";
    CHECK(validateIdea(draft.idea).empty());
    CHECK(has(only(draft), InitiativeField::Body, InitiativeProblem::Missing));
}

TEST_CASE("when is required and at most kInitiativeWhenMax code points", "[initiative]") {
    InitiativeDraft draft = goodDraft();
    draft.plan.when = "";
    CHECK(has(only(draft), InitiativeField::When, InitiativeProblem::Missing));
    draft.plan.when = "   ";
    CHECK(has(only(draft), InitiativeField::When, InitiativeProblem::Missing));
    draft.plan.when = repeat("\xC3\xA9", kInitiativeWhenMax);  // 80 two-byte letters: fine
    CHECK(validateInitiative(draft).empty());
    draft.plan.when = repeat("\xC3\xA9", kInitiativeWhenMax + 1);
    CHECK(has(only(draft), InitiativeField::When, InitiativeProblem::TooLong));
    draft.plan.when = "zaterdag\n14 juni";
    CHECK(has(only(draft), InitiativeField::When, InitiativeProblem::InvalidText));
}

TEST_CASE("at least one audience is required", "[initiative]") {
    InitiativeDraft draft = goodDraft();
    draft.plan.audience.clear();
    CHECK(has(only(draft), InitiativeField::Audience, InitiativeProblem::Missing));
    draft.plan.audience = {Audience::Elderly};
    CHECK(validateInitiative(draft).empty());
}

TEST_CASE("helpers run from 0 to kHelpersMax", "[initiative]") {
    InitiativeDraft draft = goodDraft();
    draft.plan.helpers = 0;
    CHECK(validateInitiative(draft).empty());
    draft.plan.helpers = kHelpersMax;
    CHECK(validateInitiative(draft).empty());
    draft.plan.helpers = kHelpersMax + 1;
    CHECK(has(only(draft), InitiativeField::Helpers, InitiativeProblem::TooLong));
    draft.plan.helpers = -1;
    CHECK(has(only(draft), InitiativeField::Helpers, InitiativeProblem::InvalidText));
}

TEST_CASE("each budget line needs a description and an amount", "[initiative][budget]") {
    InitiativeDraft draft = goodDraft();
    draft.plan.budget[1].description = " ";
    CHECK(has(only(draft), InitiativeField::BudgetLineDescription, InitiativeProblem::Missing, 1));
    draft.plan.budget[1].description = repeat("\xC3\xA9", kBudgetLineDescriptionMax);
    CHECK(validateInitiative(draft).empty());
    draft.plan.budget[1].description = repeat("\xC3\xA9", kBudgetLineDescriptionMax + 1);
    CHECK(has(only(draft), InitiativeField::BudgetLineDescription, InitiativeProblem::TooLong, 1));
    draft.plan.budget[1].description = "Tafels\nhuren";
    CHECK(has(only(draft), InitiativeField::BudgetLineDescription, InitiativeProblem::InvalidText, 1));
    draft.plan.budget[1].description = "Tafels \xC3";
    CHECK(has(only(draft), InitiativeField::BudgetLineDescription, InitiativeProblem::InvalidText, 1));

    draft = goodDraft();
    draft.plan.budget[0].amountCents = 0;
    CHECK(has(only(draft), InitiativeField::BudgetLineAmount, InitiativeProblem::Missing, 0));
    draft.plan.budget[0].amountCents = -100;
    CHECK(has(only(draft), InitiativeField::BudgetLineAmount, InitiativeProblem::InvalidText, 0));
    draft.plan.budget[0].amountCents = 1;
    CHECK(validateInitiative(draft).empty());

    // A line left empty: both halves are named, for that line.
    draft = goodDraft();
    draft.plan.budget.push_back({});
    const std::vector<InitiativeIssue> issues = validateInitiative(draft);
    REQUIRE(issues.size() == 2);
    CHECK(has(issues, InitiativeField::BudgetLineDescription, InitiativeProblem::Missing, 2));
    CHECK(has(issues, InitiativeField::BudgetLineAmount, InitiativeProblem::Missing, 2));
}

TEST_CASE("no more than kBudgetLinesMax budget lines", "[initiative][budget]") {
    InitiativeDraft draft = goodDraft();
    draft.plan.budget.assign(kBudgetLinesMax, BudgetLine{"Iets", 100});
    CHECK(validateInitiative(draft).empty());
    draft.plan.budget.push_back({"Nog iets", 100});
    CHECK(has(only(draft), InitiativeField::BudgetTotal, InitiativeProblem::TooLong));
}

TEST_CASE("the maximum holds per line and for the total, to the cent", "[initiative][budget]") {
    InitiativeDraft draft = goodDraft();
    draft.plan.budget = {{"Alles", kInitiativeDefaultMaximumCents}};
    CHECK(validateInitiative(draft).empty());
    draft.plan.budget = {{"Alles", kInitiativeDefaultMaximumCents + 1}};
    const std::vector<InitiativeIssue> overLine = validateInitiative(draft);
    REQUIRE(overLine.size() == 2);  // the line, and so the total
    CHECK(overLine[0].field == InitiativeField::BudgetLineAmount);
    CHECK(overLine[0].problem == InitiativeProblem::OverMaximum);
    CHECK(overLine[1].field == InitiativeField::BudgetTotal);
    CHECK(overLine[1].problem == InitiativeProblem::OverMaximum);

    // Lines each within the maximum, together one cent over it.
    draft.plan.budget = {{"Helft", kInitiativeDefaultMaximumCents / 2}, {"Helft", kInitiativeDefaultMaximumCents / 2}};
    CHECK(validateInitiative(draft).empty());
    draft.plan.budget[1].amountCents += 1;
    CHECK(has(only(draft), InitiativeField::BudgetTotal, InitiativeProblem::OverMaximum));

    // The facilitator's maximum, not the default, is the limit.
    draft.plan.budget = {{"Alles", 100'000}};
    CHECK(validateInitiative(draft, 100'000).empty());
    const std::vector<InitiativeIssue> overFacilitators = validateInitiative(draft, 99'999);
    CHECK(has(overFacilitators, InitiativeField::BudgetLineAmount, InitiativeProblem::OverMaximum, 0));
    CHECK(has(overFacilitators, InitiativeField::BudgetTotal, InitiativeProblem::OverMaximum));
    CHECK(validateInitiative(draft, 1'000'000).empty());

    // Amounts that would overflow a sum are still refused, not wrapped into something small.
    draft.plan.budget = {{"a", std::numeric_limits<std::int64_t>::max()}, {"b", std::numeric_limits<std::int64_t>::max()}};
    CHECK(has(validateInitiative(draft), InitiativeField::BudgetTotal, InitiativeProblem::OverMaximum));
}

TEST_CASE("own money and own contribution in kind", "[initiative]") {
    InitiativeDraft draft = goodDraft();
    draft.plan.ownMoneyCents = kInitiativeMaximumCeilingCents;
    CHECK(validateInitiative(draft).empty());
    draft.plan.ownMoneyCents = kInitiativeMaximumCeilingCents + 1;
    CHECK(has(only(draft), InitiativeField::OwnMoney, InitiativeProblem::OverMaximum));
    draft.plan.ownMoneyCents = -1;
    CHECK(has(only(draft), InitiativeField::OwnMoney, InitiativeProblem::InvalidText));

    draft = goodDraft();
    draft.plan.ownInKind = repeat("\xC3\xA9", kOwnInKindMax);
    CHECK(validateInitiative(draft).empty());
    draft.plan.ownInKind = repeat("\xC3\xA9", kOwnInKindMax + 1);
    CHECK(has(only(draft), InitiativeField::OwnInKind, InitiativeProblem::TooLong));
    draft.plan.ownInKind = "Taart\nen koffie";  // a line break is fine here, as in the body
    CHECK(validateInitiative(draft).empty());
    draft.plan.ownInKind = std::string("Taart\0", 6);
    CHECK(has(only(draft), InitiativeField::OwnInKind, InitiativeProblem::InvalidText));
}

TEST_CASE("contact name, a reachable address and consent are required", "[initiative][contact]") {
    InitiativeDraft draft = goodDraft();
    draft.idea.contactName = " ";
    CHECK(has(only(draft), InitiativeField::ContactName, InitiativeProblem::Missing));
    draft.idea.contactName = repeat("\xC3\xA9", kContactNameMax);
    CHECK(validateInitiative(draft).empty());
    draft.idea.contactName = repeat("\xC3\xA9", kContactNameMax + 1);
    CHECK(has(only(draft), InitiativeField::ContactName, InitiativeProblem::TooLong));
    draft.idea.contactName = "Ans\nde Wit";  // the sealed text is "name\naddress"
    CHECK(has(only(draft), InitiativeField::ContactName, InitiativeProblem::InvalidText));

    draft = goodDraft();
    draft.idea.contactAddress = "";
    CHECK(has(only(draft), InitiativeField::ContactAddress, InitiativeProblem::Missing));
    for (const char* unreachable : {"abc", "12345", "a@b", "a b@c.nl"}) {
        INFO(unreachable);
        draft.idea.contactAddress = unreachable;
        CHECK(has(only(draft), InitiativeField::ContactAddress, InitiativeProblem::Unreachable));
    }
    for (const char* reachable : {"06-12345678", "+31 6 1234 5678", "(020) 555 1234", "a@b.nl", "  a@b.nl "}) {
        INFO(reachable);
        draft.idea.contactAddress = reachable;
        CHECK(validateInitiative(draft).empty());
    }
    const std::string domain = "@example.nl";
    draft.idea.contactAddress = repeat("a", kContactAddressMax - domain.size()) + domain;
    CHECK(validateInitiative(draft).empty());
    draft.idea.contactAddress = repeat("a", kContactAddressMax + 1 - domain.size()) + domain;
    CHECK(has(only(draft), InitiativeField::ContactAddress, InitiativeProblem::TooLong));

    draft = goodDraft();
    draft.idea.contactConsent = false;
    CHECK(has(only(draft), InitiativeField::Consent, InitiativeProblem::Missing));
}

TEST_CASE("issues come in the order of the form", "[initiative]") {
    InitiativeDraft draft;  // everything empty, plus one bad budget line and bad amounts
    draft.idea.place = "Plein\x01";
    draft.plan.helpers = kHelpersMax + 1;
    draft.plan.budget = {{"", kInitiativeDefaultMaximumCents + 1}};
    draft.plan.ownMoneyCents = -5;
    draft.plan.ownInKind = repeat("x", kOwnInKindMax + 1);
    const std::vector<InitiativeIssue> issues = validateInitiative(draft);
    std::vector<InitiativeField> fields;
    for (const InitiativeIssue& issue : issues) fields.push_back(issue.field);
    const std::vector<InitiativeField> expected = {
        InitiativeField::Theme,        InitiativeField::Title,       InitiativeField::Body,
        InitiativeField::When,         InitiativeField::Place,       InitiativeField::Audience,
        InitiativeField::Helpers,      InitiativeField::BudgetLineDescription, InitiativeField::BudgetLineAmount,
        InitiativeField::BudgetTotal,  InitiativeField::OwnMoney,    InitiativeField::OwnInKind,
        InitiativeField::ContactName,  InitiativeField::ContactAddress, InitiativeField::Consent,
    };
    CHECK(fields == expected);
    // An idea's contact rules do not add issues of their own: the initiative's replace them.
    CHECK_FALSE(mentions(validateInitiative(goodDraft()), InitiativeField::Consent));
}

// [SECTION] Demo

TEST_CASE("the demo initiatives are valid, varied and under EUR 5,000", "[initiative][demo]") {
    const DemoNeighbourhood& demo = demoNeighbourhood();
    REQUIRE(demo.initiatives.size() == 3);
    std::set<std::string> titles;
    for (const IdeaDraft& idea : demo.ideas) titles.insert(idea.title);
    for (const InitiativeDraft& initiative : demo.initiatives) {
        INFO(initiative.idea.title);
        CHECK(validateInitiative(initiative).empty());
        CHECK(normalisedInitiative(initiative).plan.audience == initiative.plan.audience);
        CHECK(normalisedInitiative(initiative).plan.partners == initiative.plan.partners);
        CHECK(utf8::trim(initiative.idea.title) == initiative.idea.title);
        CHECK(initiative.plan.budget.size() >= 2);
        CHECK(initiative.plan.budget.size() <= 4);
        CHECK(budgetTotalCents(initiative.plan) < 500'000);
        CHECK_FALSE(initiative.plan.audience.empty());
        CHECK_FALSE(initiative.plan.partners.empty());
        CHECK((initiative.idea.place.empty() ||
               std::find(demo.places.begin(), demo.places.end(), initiative.idea.place) != demo.places.end()));
        CHECK(titles.insert(initiative.idea.title).second);  // no title twice in the list
    }
}
