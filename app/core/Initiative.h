// Initiative (bewonersinitiatief): residents plan something for the neighbourhood themselves and
// ask for a budget. It is an idea with a plan: for whom, when, who helps, what it costs, what the
// residents bring themselves and which partners they want. Contact is required.
#pragma once

#include "Idea.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

// For whom the initiative is (several may apply).
enum class Audience { Children, YoungPeople, Adults, Elderly, Families, Everyone };
inline constexpr std::array<Audience, 6> kAllAudiences = {Audience::Children, Audience::YoungPeople, Audience::Adults,
                                                         Audience::Elderly,  Audience::Families,    Audience::Everyone};

// Which partners the residents would like to work with.
enum class Partner { Corporation, Municipality, Welfare, TenantsOrganisation, School, Clubs };
inline constexpr std::array<Partner, 6> kAllPartners = {Partner::Corporation, Partner::Municipality,
                                                       Partner::Welfare,     Partner::TenantsOrganisation,
                                                       Partner::School,      Partner::Clubs};

// Stable ids used in payloads, read tables and exports; never translated, never changed.
// Audience: children, young_people, adults, elderly, families, everyone.
// Partner: corporation, municipality, welfare, tenants_organisation, school, clubs.
std::string_view audienceId(Audience audience);
std::optional<Audience> audienceFromId(std::string_view id);
std::string_view partnerId(Partner partner);
std::optional<Partner> partnerFromId(std::string_view id);

// One line of the budget: what it is for and what it costs. Money is always integer euro cents.
struct BudgetLine {
    std::string description;    // e.g. "Koffie en thee"
    std::int64_t amountCents = 0;  // = 0 // > 0 once filled in
};

// What an initiative adds to an idea.
struct InitiativePlan {
    std::string when;                 // free text: "zaterdag 14 juni", "elke woensdag in de zomer"
    std::vector<Audience> audience;   // at least one; kept in kAllAudiences order, no repeats
    int helpers = 0;                  // = 0 // other neighbours who help organise (the resident not counted)
    std::vector<BudgetLine> budget;   // may be empty: an initiative that needs no money
    std::int64_t ownMoneyCents = 0;   // = 0 // what the residents pay themselves
    std::string ownInKind;            // = "" // what they bring themselves: "we bake the cakes"
    std::vector<Partner> partners;    // kept in kAllPartners order, no repeats; may be empty

    bool has(Audience a) const;
    bool has(Partner p) const;
    void toggle(Audience a);  // keeps kAllAudiences order
    void toggle(Partner p);   // keeps kAllPartners order
};

// What the resident is filling in: the idea part (theme, title, what happens as body, place,
// contact) and the plan.
struct InitiativeDraft {
    IdeaDraft idea;
    InitiativePlan plan;
};

inline constexpr std::int64_t kInitiativeDefaultMaximumCents = 500'000;  // EUR 5,000 unless the facilitator sets another
inline constexpr std::int64_t kInitiativeMaximumCeilingCents = 10'000'000;  // no kiosk accepts a maximum above EUR 100,000
inline constexpr std::size_t kInitiativeWhenMax = 80;             // code points
inline constexpr std::size_t kBudgetLineDescriptionMax = 60;      // code points
inline constexpr std::size_t kBudgetLinesMax = 12;
inline constexpr std::size_t kOwnInKindMax = 200;                 // code points
inline constexpr int kHelpersMax = 999;

enum class InitiativeField {
    Theme, Title, Body, Place, When, Audience, Helpers,
    BudgetLineDescription,  // InitiativeIssue::line says which line
    BudgetLineAmount,       // InitiativeIssue::line says which line
    BudgetTotal, OwnMoney, OwnInKind,
    ContactName, ContactAddress, Consent,
};
enum class InitiativeProblem {
    Missing,      // required and empty (a budget line's amount: zero)
    TooShort,
    TooLong,      // text over its maximum, too many budget lines (BudgetTotal), helpers over kHelpersMax
    InvalidText,  // not UTF-8, or a control character; for a number: below zero (no keypad types that)
    OverMaximum,  // an amount or the total above the maximum per initiative
    Unreachable,  // the contact address is neither a phone number nor an e-mail address
};

struct InitiativeIssue {
    InitiativeField field;
    InitiativeProblem problem;
    std::size_t line = 0;  // = 0 // the budget line, for BudgetLine* fields
};

// Sum of the budget lines in cents.
std::int64_t budgetTotalCents(const InitiativePlan& plan);
// True when `address` looks like a phone number (at least 6 digits; only digits, spaces, +, -,
// ( and ) besides) or an e-mail address (something@something.something, no spaces).
bool looksLikeContactAddress(std::string_view address);
// Checks a draft against the rules and the facilitator's maximum; an empty list means it may be
// submitted. The idea's rules apply, with the body (what happens), the contact name, a reachable
// address and the consent all required. Issues come in the order of the form (theme, title,
// body, when, place, audience, helpers, budget lines, total, own contribution, contact name,
// address, consent), so the first one is where to point the resident.
std::vector<InitiativeIssue> validateInitiative(const InitiativeDraft& draft,
                                                std::int64_t maximumCents = kInitiativeDefaultMaximumCents);
// The draft as it is stored: text trimmed, audience and partners in list order without repeats.
InitiativeDraft normalisedInitiative(InitiativeDraft draft);

}  // namespace buurtstem
