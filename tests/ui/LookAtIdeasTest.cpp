// "Look at ideas" with simulated touches: the theme filter, "I support this" once per idea per
// visit (again after the idle reset), and a resident's idea that shows only once approved.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace buurtstem;
using test::Harness;

namespace {

void openList(Harness& h) {
    REQUIRE(h.tap("home.tile.ideas"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaList);
}

// The ids of the idea rows drawn this frame.
std::vector<std::string> rowIds(Harness& h) {
    std::vector<std::string> ids;
    for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets())
        if (w.id.rfind("#idea.", 0) == 0) ids.push_back(w.id);
    return ids;
}

std::string rowId(const Idea& idea) { return "#idea." + idea.reference; }

}  // namespace

TEST_CASE("the theme filter shows only that theme's ideas, and All shows them all again", "[ui][ideas]") {
    // The same taps in Dutch and in English: widget ids are keys, not words.
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    openList(h);
    REQUIRE(h.find("#ideas.filter.all"));
    CHECK(h.find("#ideas.filter.all")->selected);
    // The demo has ideas in every theme, so every theme has a chip, each a real touch target.
    const float mm = h.app().ui().metrics.pxPerMm;
    for (Theme theme : kAllThemes) {
        const ui::WidgetInfo* chip = h.find("#ideas.filter." + std::string(themeId(theme)));
        REQUIRE(chip);
        CHECK(chip->width() >= 12 * mm - 0.5f);
        CHECK(chip->height() >= 12 * mm - 0.5f);
    }

    REQUIRE(h.tap("#ideas.filter.care"));
    CHECK(h.app().state().ideaFilter == Theme::Care);
    CHECK(h.find("#ideas.filter.care")->selected);
    CHECK_FALSE(h.find("#ideas.filter.all")->selected);
    const std::vector<std::string> rows = rowIds(h);
    REQUIRE_FALSE(rows.empty());
    for (const Idea& idea : h.store().visibleIdeas()) {
        INFO(idea.title);
        const bool listed = std::find(rows.begin(), rows.end(), rowId(idea)) != rows.end();
        if (idea.theme != Theme::Care) CHECK_FALSE(listed);
    }
    // The five demo care ideas fit on one screen: every one of them is listed.
    int care = 0;
    for (const Idea& idea : h.store().visibleIdeas()) care += idea.theme == Theme::Care;
    CHECK(static_cast<int>(rows.size()) == care);

    // The filter stays while the resident opens an idea and comes back.
    REQUIRE(h.tap(rows.front()));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaDetail);
    REQUIRE(h.tap("nav.back"));
    CHECK(h.app().state().ideaFilter == Theme::Care);

    REQUIRE(h.tap("#ideas.filter.all"));
    CHECK_FALSE(h.app().state().ideaFilter.has_value());
    const std::vector<std::string> all = rowIds(h);
    CHECK(std::any_of(all.begin(), all.end(), [&](const std::string& id) {
        return std::find(rows.begin(), rows.end(), id) == rows.end();
    }));

    // The next resident starts with every theme.
    REQUIRE(h.tap("#ideas.filter.green"));
    h.wait(95.0);  // 60 s quiet, 30 s to answer "Are you still there?"
    REQUIRE(h.app().state().screen == ui::ScreenId::Attract);
    CHECK_FALSE(h.app().state().ideaFilter.has_value());
}

TEST_CASE("I support this: once per idea per visit, counted, and again after the idle reset", "[ui][ideas][support]") {
    // The same taps in Dutch and in English: widget ids are keys, not words.
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    const Idea first = h.store().visibleIdeas().front();
    REQUIRE(first.supports == 0);
    openList(h);
    REQUIRE(h.tap(rowId(first)));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaDetail);
    REQUIRE(h.has("idea.support"));
    CHECK_FALSE(h.has("idea.support.done"));
    const std::int64_t eventsBefore = h.store().eventCount();

    REQUIRE(h.tap("idea.support"));
    CHECK(h.store().eventCount() == eventsBefore + 1);
    CHECK(h.store().events().back().type == kEventIdeaSupported);
    CHECK(h.app().view().findIdea(first.id)->supports == 1);  // the count on screen is the fresh one
    CHECK(h.app().state().supportedIdeaIds.count(first.id) == 1);
    CHECK_FALSE(h.has("idea.support"));
    REQUIRE(h.has("idea.support.done"));
    CHECK(h.find("idea.support.done")->selected);

    // A second tap, also after leaving and coming back, stores nothing.
    REQUIRE(h.tap("idea.support.done"));
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.tap(rowId(first)));
    REQUIRE(h.tap("idea.support.done"));
    CHECK(h.store().eventCount() == eventsBefore + 1);
    CHECK(h.store().visibleIdeas().front().supports == 1);
    // Supporting does not count as a draft: the kiosk may still go straight back to the start.
    CHECK_FALSE(h.app().state().hasDraft());

    // Another idea may be supported in the same visit.
    REQUIRE(h.tap("nav.back"));
    const Idea second = h.store().visibleIdeas()[1];
    REQUIRE(h.tap(rowId(second)));
    REQUIRE(h.tap("idea.support"));
    CHECK(h.store().eventCount() == eventsBefore + 2);

    // The next resident may support the first idea again.
    h.wait(95.0);  // 60 s quiet, 30 s to answer "Are you still there?"
    REQUIRE(h.app().state().screen == ui::ScreenId::Attract);
    CHECK(h.app().state().supportedIdeaIds.empty());
    REQUIRE(h.tap("#attract.start"));
    openList(h);
    REQUIRE(h.tap(rowId(first)));
    REQUIRE(h.has("idea.support"));
    REQUIRE(h.tap("idea.support"));
    CHECK(h.store().eventCount() == eventsBefore + 3);
    CHECK(h.app().view().findIdea(first.id)->supports == 2);
}

TEST_CASE("a resident's idea is not listed until a facilitator approves it", "[ui][ideas]") {
    Harness h;
    IdeaDraft draft;
    draft.theme = Theme::Traffic;
    draft.themeChosen = true;
    draft.title = "Drempel bij de school";
    Result<Idea> idea = h.store().submitIdea(draft);
    REQUIRE(idea.ok());
    h.app().refreshView();

    openList(h);
    CHECK_FALSE(h.has(rowId(*idea)));
    CHECK(h.app().view().findIdea(idea->id) == nullptr);
    // Not even reachable through the traffic filter.
    REQUIRE(h.tap("#ideas.filter.traffic"));
    CHECK_FALSE(h.has(rowId(*idea)));

    REQUIRE(h.store().approveIdea(idea->id).ok());
    h.app().refreshView();
    h.frames(2);
    REQUIRE(h.has(rowId(*idea)));  // the newest traffic idea: at the top
    REQUIRE(h.tap("#ideas.filter.all"));
    REQUIRE(h.has(rowId(*idea)));
    REQUIRE(h.tap(rowId(*idea)));
    CHECK(h.app().state().selectedIdeaId == idea->id);
}
