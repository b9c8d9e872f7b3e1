// Validation of idea drafts and the demo neighbourhood that must pass it.
#include "app/core/DemoNeighbourhood.h"
#include "app/core/Idea.h"
#include "app/core/Utf8.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <set>

using namespace buurtstem;

namespace {

IdeaDraft goodDraft() {
    IdeaDraft draft;
    draft.theme = Theme::Play;
    draft.themeChosen = true;
    draft.title = "Bankje bij de speeltuin";
    draft.body = "Dan kunnen ouders zitten.";
    return draft;
}

std::string repeat(std::string_view piece, std::size_t times) {
    std::string text;
    for (std::size_t i = 0; i < times; ++i) text += piece;
    return text;
}

bool has(const std::vector<IdeaIssue>& issues, IdeaField field, IdeaProblem problem) {
    return std::any_of(issues.begin(), issues.end(),
                       [&](const IdeaIssue& issue) { return issue.field == field && issue.problem == problem; });
}

}  // namespace

TEST_CASE("a complete draft has no issues", "[idea]") {
    CHECK(validateIdea(goodDraft()).empty());
    IdeaDraft noBody = goodDraft();
    noBody.body.clear();
    CHECK(validateIdea(noBody).empty());
}

TEST_CASE("the theme must be chosen", "[idea]") {
    IdeaDraft draft = goodDraft();
    draft.themeChosen = false;
    const auto issues = validateIdea(draft);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == IdeaField::Theme);
    CHECK(issues[0].problem == IdeaProblem::Missing);
}

TEST_CASE("title length is counted in code points after trimming", "[idea]") {
    IdeaDraft draft = goodDraft();
    const auto titleProblem = [&](std::string title) -> std::optional<IdeaProblem> {
        draft.title = std::move(title);
        const auto issues = validateIdea(draft);
        if (issues.size() != 1 || issues[0].field != IdeaField::Title) return std::nullopt;
        return issues[0].problem;
    };
    draft.title = "abc";
    CHECK(validateIdea(draft).empty());
    CHECK(titleProblem("") == IdeaProblem::Missing);
    CHECK(titleProblem("   \t ") == IdeaProblem::Missing);
    CHECK(titleProblem("ab") == IdeaProblem::TooShort);
    CHECK(titleProblem("   ab   ") == IdeaProblem::TooShort);
    CHECK(titleProblem("\xC3\xA9\xC3\xA9") == IdeaProblem::TooShort);  // éé: 4 bytes, 2 letters
    draft.title = "\xC3\xA9\xC3\xA9\xC3\xA9";
    CHECK(validateIdea(draft).empty());
    draft.title = repeat("\xC5\x82", kIdeaTitleMax);  // 80 × ł = 160 bytes, still allowed
    CHECK(validateIdea(draft).empty());
    CHECK(titleProblem(repeat("\xC5\x82", kIdeaTitleMax + 1)) == IdeaProblem::TooLong);
    draft.title = "  " + repeat("a", kIdeaTitleMax) + "  ";
    CHECK(validateIdea(draft).empty());
}

TEST_CASE("body is optional but limited", "[idea]") {
    IdeaDraft draft = goodDraft();
    draft.body = repeat("\xD1\x8F", kIdeaBodyMax);  // я
    CHECK(validateIdea(draft).empty());
    draft.body = repeat("\xD1\x8F", kIdeaBodyMax + 1);
    const auto issues = validateIdea(draft);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].field == IdeaField::Body);
    CHECK(issues[0].problem == IdeaProblem::TooLong);
    draft.body = "Regel een.\nRegel twee.\tEn meer.";
    CHECK(validateIdea(draft).empty());
}

TEST_CASE("broken UTF-8 and control characters are invalid text", "[idea]") {
    IdeaDraft draft = goodDraft();
    draft.title = "Bankje\xC3";
    CHECK(has(validateIdea(draft), IdeaField::Title, IdeaProblem::InvalidText));
    draft.title = "Bankje\nbij de speeltuin";
    CHECK(has(validateIdea(draft), IdeaField::Title, IdeaProblem::InvalidText));
    draft.title = "Bankje bij de speeltuin\n";  // a trailing Enter is trimmed away
    CHECK(validateIdea(draft).empty());
    draft = goodDraft();
    draft.body = "Goed idee\xED\xA0\x80";
    CHECK(has(validateIdea(draft), IdeaField::Body, IdeaProblem::InvalidText));
    draft.body = std::string("nul\0byte", 8);
    CHECK(has(validateIdea(draft), IdeaField::Body, IdeaProblem::InvalidText));
}

TEST_CASE("all issues are reported at once", "[idea]") {
    IdeaDraft draft;
    draft.body = repeat("x", kIdeaBodyMax + 10);
    const auto issues = validateIdea(draft);
    CHECK(issues.size() == 3);
    CHECK(has(issues, IdeaField::Theme, IdeaProblem::Missing));
    CHECK(has(issues, IdeaField::Title, IdeaProblem::Missing));
    CHECK(has(issues, IdeaField::Body, IdeaProblem::TooLong));
}

TEST_CASE("the demo neighbourhood is complete and valid", "[idea][demo]") {
    const DemoNeighbourhood& demo = demoNeighbourhood();
    CHECK(demo.name == "Demo: De Kastanjebuurt");
    CHECK(demo.ideas.size() >= 30);
    CHECK(demo.ideas.size() <= 40);
    CHECK(&demo == &demoNeighbourhood());

    std::set<Theme> themes;
    std::set<std::string> titles;
    for (const IdeaDraft& idea : demo.ideas) {
        INFO(idea.title);
        CHECK(idea.themeChosen);
        CHECK(validateIdea(idea).empty());
        CHECK_FALSE(idea.body.empty());
        CHECK(utf8::trim(idea.title) == idea.title);
        themes.insert(idea.theme);
        titles.insert(idea.title);
    }
    CHECK(themes.size() == kAllThemes.size());
    CHECK(titles.size() == demo.ideas.size());
}
