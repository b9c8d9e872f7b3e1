// The rules a draft idea must meet before the resident can review and submit it.
#include "Idea.h"

#include "Utf8.h"

namespace buurtstem {

namespace {

// Control characters would break the one-line title in lists and CSV exports; the body may
// keep line breaks and tabs, which the on-screen keyboard can type.
bool hasControlCharacters(std::string_view text, bool allowLineBreaks) {
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t')) continue;
        if (byte < 0x20 || byte == 0x7F) return true;
    }
    return false;
}

}  // namespace

std::vector<IdeaIssue> validateIdea(const IdeaDraft& draft) {
    std::vector<IdeaIssue> issues;
    if (!draft.themeChosen) issues.push_back({IdeaField::Theme, IdeaProblem::Missing});

    // Trimmed first: a stray space or Enter at either end is not the resident's fault.
    const std::string title = utf8::trim(draft.title);
    if (!utf8::isValid(title) || hasControlCharacters(title, false)) {
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

    if (!utf8::isValid(draft.body) || hasControlCharacters(draft.body, true)) {
        issues.push_back({IdeaField::Body, IdeaProblem::InvalidText});
    } else if (utf8::countCodePoints(utf8::trim(draft.body)) > kIdeaBodyMax) {
        issues.push_back({IdeaField::Body, IdeaProblem::TooLong});
    }
    return issues;
}

}  // namespace buurtstem
