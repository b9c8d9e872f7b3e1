// The rules a draft idea must meet before the resident can review and submit it.
#include "Idea.h"

#include "Utf8.h"

namespace buurtstem {

std::vector<IdeaIssue> validateIdea(const IdeaDraft& draft) {
    std::vector<IdeaIssue> issues;
    if (!draft.themeChosen) issues.push_back({IdeaField::Theme, IdeaProblem::Missing});

    // Trimmed first: a stray space or Enter at either end is not the resident's fault.
    const std::string title = utf8::trim(draft.title);
    if (!utf8::isValid(title) || utf8::hasControlCharacters(title, false)) {
        issues.push_back({IdeaField::Title, IdeaProblem::InvalidText});
    } else {
        const std::size_t length = utf8::countCodePoints(title);
        if (length == 0) {
            issues.push_back({IdeaField::Title, IdeaProblem::Missing});
        } else if (length < kIdeaTitleMin) {
            issues.push_back({IdeaField::Title, IdeaProblem::TooShort});
        } else if (length > kIdeaTitleMax) {
            issues.push_back({IdeaField::Title, IdeaProblem::TooLong});
        }
    }

    if (!utf8::isValid(draft.body) || utf8::hasControlCharacters(draft.body, true)) {
        issues.push_back({IdeaField::Body, IdeaProblem::InvalidText});
    } else if (utf8::countCodePoints(utf8::trim(draft.body)) > kIdeaBodyMax) {
        issues.push_back({IdeaField::Body, IdeaProblem::TooLong});
    }

    const std::string place = utf8::trim(draft.place);
    if (!utf8::isValid(place) || utf8::hasControlCharacters(place, false)) issues.push_back({IdeaField::Place, IdeaProblem::InvalidText});

    // Name and address share one check: the team needs a way to reach the resident, and the
    // sealed text is "name\ncontact", so neither may hold a line break of its own.
    const std::string name = utf8::trim(draft.contactName);
    const std::string address = utf8::trim(draft.contactAddress);
    const bool contact = !name.empty() || !address.empty();
    if (!utf8::isValid(name) || !utf8::isValid(address) || utf8::hasControlCharacters(name, false) ||
        utf8::hasControlCharacters(address, false)) {
        issues.push_back({IdeaField::Contact, IdeaProblem::InvalidText});
    } else if (utf8::countCodePoints(name) > kContactNameMax || utf8::countCodePoints(address) > kContactAddressMax) {
        issues.push_back({IdeaField::Contact, IdeaProblem::TooLong});
    } else if (draft.contactConsent && address.empty()) {
        // A name alone is no way to reach anyone.
        issues.push_back({IdeaField::Contact, IdeaProblem::Missing});
    }
    if (contact && !draft.contactConsent) issues.push_back({IdeaField::Consent, IdeaProblem::Missing});
    return issues;
}

}  // namespace buurtstem
