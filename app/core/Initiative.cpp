// Audience and partner ids, the plan's choices, and the rules an initiative must meet before the
// resident can review and submit it.
#include "Initiative.h"

#include "Utf8.h"

#include <algorithm>
#include <limits>

namespace buurtstem {

namespace {

bool isUsableText(std::string_view text, bool allowLineBreaks) {
    return utf8::isValid(text) && !utf8::hasControlCharacters(text, allowLineBreaks);
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

bool looksLikePhoneNumber(std::string_view address) {
    constexpr std::size_t kMinDigits = 6;  // the shortest Dutch service numbers; anything less is a typo
    std::size_t digits = 0;
    for (char c : address) {
        if (isDigit(c))
            ++digits;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')')
            return false;
    }
    return digits >= kMinDigits;
}

// Deliberately loose: the team reads the address and writes back, so the check only catches what
// is surely no address ("a@b", "jan"), not every oddity the standard allows.
bool looksLikeEmailAddress(std::string_view address) {
    if (!utf8::isValid(address)) return false;
    for (char c : address) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F) return false;  // spaces and control characters
    }
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != std::string_view::npos) return false;
    const std::string_view domain = address.substr(at + 1);
    const std::size_t dot = domain.rfind('.');
    return dot != std::string_view::npos && domain.front() != '.' && dot + 1 < domain.size() &&
           domain.find("..") == std::string_view::npos;
}

template <class Choice>
bool contains(const std::vector<Choice>& chosen, Choice choice) {
    return std::find(chosen.begin(), chosen.end(), choice) != chosen.end();
}

// Flips one choice and rebuilds the list in the order of `all`, which also drops repeats and
// values outside the enum.
template <class Choice, std::size_t N>
void toggleInOrder(std::vector<Choice>& chosen, Choice choice, const std::array<Choice, N>& all) {
    const bool wasChosen = contains(chosen, choice);
    std::vector<Choice> next;
    for (Choice c : all) {
        const bool keep = c == choice ? !wasChosen : contains(chosen, c);
        if (keep) next.push_back(c);
    }
    chosen = std::move(next);
}

template <class Choice, std::size_t N>
std::vector<Choice> inOrder(const std::vector<Choice>& chosen, const std::array<Choice, N>& all) {
    std::vector<Choice> ordered;
    for (Choice c : all)
        if (contains(chosen, c)) ordered.push_back(c);
    return ordered;
}

// The idea's issues that have a place of their own in the initiative form. Contact and consent
// are checked by the initiative's stricter rules instead.
std::optional<InitiativeField> initiativeField(IdeaField field) {
    switch (field) {
        case IdeaField::Theme: return InitiativeField::Theme;
        case IdeaField::Title: return InitiativeField::Title;
        case IdeaField::Body: return InitiativeField::Body;
        case IdeaField::Place: return InitiativeField::Place;
        case IdeaField::Contact:
        case IdeaField::Consent: return std::nullopt;
    }
    return std::nullopt;
}

InitiativeProblem initiativeProblem(IdeaProblem problem) {
    switch (problem) {
        case IdeaProblem::Missing: return InitiativeProblem::Missing;
        case IdeaProblem::TooShort: return InitiativeProblem::TooShort;
        case IdeaProblem::TooLong: return InitiativeProblem::TooLong;
        case IdeaProblem::InvalidText: return InitiativeProblem::InvalidText;
    }
    return InitiativeProblem::InvalidText;
}

// A one-line text field: Missing when empty after trimming, InvalidText, or TooLong.
std::optional<InitiativeProblem> lineProblem(std::string_view text, std::size_t maxCodePoints) {
    const std::string trimmed = utf8::trim(text);
    if (!isUsableText(trimmed, false)) return InitiativeProblem::InvalidText;
    const std::size_t length = utf8::countCodePoints(trimmed);
    if (length == 0) return InitiativeProblem::Missing;
    if (length > maxCodePoints) return InitiativeProblem::TooLong;
    return std::nullopt;
}

}  // namespace

// [SECTION] Ids

std::string_view audienceId(Audience audience) {
    switch (audience) {
        case Audience::Children: return "children";
        case Audience::YoungPeople: return "young_people";
        case Audience::Adults: return "adults";
        case Audience::Elderly: return "elderly";
        case Audience::Families: return "families";
        case Audience::Everyone: return "everyone";
    }
    return "everyone";
}

std::optional<Audience> audienceFromId(std::string_view id) {
    for (Audience audience : kAllAudiences)
        if (audienceId(audience) == id) return audience;
    return std::nullopt;
}

std::string_view partnerId(Partner partner) {
    switch (partner) {
        case Partner::Corporation: return "corporation";
        case Partner::Municipality: return "municipality";
        case Partner::Welfare: return "welfare";
        case Partner::TenantsOrganisation: return "tenants_organisation";
        case Partner::School: return "school";
        case Partner::Clubs: return "clubs";
    }
    return "clubs";
}

std::optional<Partner> partnerFromId(std::string_view id) {
    for (Partner partner : kAllPartners)
        if (partnerId(partner) == id) return partner;
    return std::nullopt;
}

// [SECTION] The plan's choices

bool InitiativePlan::has(Audience a) const { return contains(audience, a); }
bool InitiativePlan::has(Partner p) const { return contains(partners, p); }
void InitiativePlan::toggle(Audience a) { toggleInOrder(audience, a, kAllAudiences); }
void InitiativePlan::toggle(Partner p) { toggleInOrder(partners, p, kAllPartners); }

std::int64_t budgetTotalCents(const InitiativePlan& plan) {
    // Saturates instead of overflowing: the form shows a running total while amounts are typed,
    // before validation has capped them.
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
    std::int64_t total = 0;
    for (const BudgetLine& line : plan.budget) {
        if (line.amountCents > 0 && total > kMax - line.amountCents)
            total = kMax;
        else if (line.amountCents < 0 && total < kMin - line.amountCents)
            total = kMin;
        else
            total += line.amountCents;
    }
    return total;
}

InitiativeDraft normalisedInitiative(InitiativeDraft draft) {
    draft.idea.title = utf8::trim(draft.idea.title);
    draft.idea.body = utf8::trim(draft.idea.body);
    draft.idea.place = utf8::trim(draft.idea.place);
    draft.idea.contactName = utf8::trim(draft.idea.contactName);
    draft.idea.contactAddress = utf8::trim(draft.idea.contactAddress);
    draft.plan.when = utf8::trim(draft.plan.when);
    draft.plan.ownInKind = utf8::trim(draft.plan.ownInKind);
    for (BudgetLine& line : draft.plan.budget) line.description = utf8::trim(line.description);
    draft.plan.audience = inOrder(draft.plan.audience, kAllAudiences);
    draft.plan.partners = inOrder(draft.plan.partners, kAllPartners);
    return draft;
}

// [SECTION] Validation

bool looksLikeContactAddress(std::string_view address) {
    return looksLikePhoneNumber(address) || looksLikeEmailAddress(address);
}

std::vector<InitiativeIssue> validateInitiative(const InitiativeDraft& draft, std::int64_t maximumCents) {
    std::vector<InitiativeIssue> issues;
    const auto add = [&issues](InitiativeField field, InitiativeProblem problem, std::size_t line = 0) {
        issues.push_back({field, problem, line});
    };
    const InitiativePlan& plan = draft.plan;

    // Theme, title and body follow the idea's rules; the place comes after "when" in the form.
    std::vector<InitiativeIssue> placeIssues;
    bool bodyIssue = false;
    for (const IdeaIssue& issue : validateIdea(draft.idea)) {
        const std::optional<InitiativeField> field = initiativeField(issue.field);
        if (!field) continue;
        if (*field == InitiativeField::Place) {
            placeIssues.push_back({*field, initiativeProblem(issue.problem), 0});
            continue;
        }
        bodyIssue = bodyIssue || *field == InitiativeField::Body;
        add(*field, initiativeProblem(issue.problem));
    }
    // What happens is the heart of a plan: an initiative without it cannot be judged.
    if (!bodyIssue && utf8::trim(draft.idea.body).empty()) add(InitiativeField::Body, InitiativeProblem::Missing);

    if (std::optional<InitiativeProblem> problem = lineProblem(plan.when, kInitiativeWhenMax))
        add(InitiativeField::When, *problem);
    issues.insert(issues.end(), placeIssues.begin(), placeIssues.end());

    if (inOrder(plan.audience, kAllAudiences).empty()) add(InitiativeField::Audience, InitiativeProblem::Missing);

    if (plan.helpers < 0)
        add(InitiativeField::Helpers, InitiativeProblem::InvalidText);
    else if (plan.helpers > kHelpersMax)
        add(InitiativeField::Helpers, InitiativeProblem::TooLong);

    for (std::size_t i = 0; i < plan.budget.size(); ++i) {
        const BudgetLine& line = plan.budget[i];
        if (std::optional<InitiativeProblem> problem = lineProblem(line.description, kBudgetLineDescriptionMax))
            add(InitiativeField::BudgetLineDescription, *problem, i);
        if (line.amountCents == 0)
            add(InitiativeField::BudgetLineAmount, InitiativeProblem::Missing, i);
        else if (line.amountCents < 0)
            add(InitiativeField::BudgetLineAmount, InitiativeProblem::InvalidText, i);
        else if (line.amountCents > maximumCents)
            add(InitiativeField::BudgetLineAmount, InitiativeProblem::OverMaximum, i);
    }
    if (plan.budget.size() > kBudgetLinesMax) add(InitiativeField::BudgetTotal, InitiativeProblem::TooLong);
    if (budgetTotalCents(plan) > maximumCents) add(InitiativeField::BudgetTotal, InitiativeProblem::OverMaximum);

    if (plan.ownMoneyCents < 0)
        add(InitiativeField::OwnMoney, InitiativeProblem::InvalidText);
    else if (plan.ownMoneyCents > kInitiativeMaximumCeilingCents)
        add(InitiativeField::OwnMoney, InitiativeProblem::OverMaximum);
    const std::string inKind = utf8::trim(plan.ownInKind);
    if (!isUsableText(inKind, true))
        add(InitiativeField::OwnInKind, InitiativeProblem::InvalidText);
    else if (utf8::countCodePoints(inKind) > kOwnInKindMax)
        add(InitiativeField::OwnInKind, InitiativeProblem::TooLong);

    // Required here: the team has to reach whoever organises it, to talk about the money.
    if (std::optional<InitiativeProblem> problem = lineProblem(draft.idea.contactName, kContactNameMax))
        add(InitiativeField::ContactName, *problem);
    const std::string address = utf8::trim(draft.idea.contactAddress);
    if (address.empty())
        add(InitiativeField::ContactAddress, InitiativeProblem::Missing);
    else if (utf8::isValid(address) && utf8::countCodePoints(address) > kContactAddressMax)
        add(InitiativeField::ContactAddress, InitiativeProblem::TooLong);
    else if (!looksLikeContactAddress(address))
        add(InitiativeField::ContactAddress, InitiativeProblem::Unreachable);
    if (!draft.idea.contactConsent) add(InitiativeField::Consent, InitiativeProblem::Missing);
    return issues;
}

}  // namespace buurtstem
