// Moderation in storage: hide with a reason, correct spelling (the original kept), merge a
// duplicate (supports add up, both codes lead to the merged idea, the duplicate gone from the
// list), classify; each one event that rebuilds to the same read tables.
#include "StorageTestSupport.h"

#include "app/core/Moderation.h"
#include "storage/KioskStore.h"

#include <catch2/catch.hpp>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

std::unique_ptr<KioskStore> inMemory() {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    return std::move(store).value();
}

Idea approved(KioskStore& store, const std::string& title, int supports = 0) {
    Result<Idea> idea = store.submitIdea(makeDraft(title));
    REQUIRE(idea.ok());
    REQUIRE(store.approveIdea(idea->id).ok());
    for (int i = 0; i < supports; ++i) REQUIRE(store.supportIdea(idea->id).ok());
    return *store.idea(idea->id);
}

std::vector<std::string> describeAll(const std::vector<Idea>& ideas) {
    std::vector<std::string> lines;
    for (const Idea& idea : ideas) lines.push_back(describe(idea));
    return lines;
}

}  // namespace

TEST_CASE("the queue lists new ideas and initiatives, oldest first", "[storage][moderation]") {
    auto store = inMemory();
    const Idea older = *store->submitIdea(makeDraft("Eerste idee"));
    const Idea newer = *store->submitIdea(makeDraft("Tweede idee"));
    approved(*store, "Al goedgekeurd");
    const std::vector<Idea> queue = store->moderationQueue();
    REQUIRE(queue.size() == 2);
    CHECK(queue[0].id == older.id);
    CHECK(queue[1].id == newer.id);
    REQUIRE(store->approveIdea(older.id).ok());
    CHECK(store->moderationQueue().size() == 1);
}

TEST_CASE("merging: supports add up, both codes lead to the merged idea, the duplicate is gone", "[storage][moderation]") {
    auto store = inMemory();
    const Idea into = approved(*store, "Meer bankjes in het park", 3);
    const Idea from = approved(*store, "Bankjes in het park graag", 2);
    const std::int64_t eventsBefore = store->eventCount();

    Result<Idea> merged = store->mergeIdea(from.id, into.id);
    REQUIRE(merged.ok());
    CHECK(merged->supports == 5);
    CHECK(store->eventCount() == eventsBefore + 1);
    CHECK(store->events(eventsBefore).front().type == kEventIdeaMerged);

    const std::vector<Idea> visible = store->visibleIdeas();
    REQUIRE(visible.size() == 1);
    CHECK(visible[0].id == into.id);
    CHECK(visible[0].supports == 5);
    CHECK(store->ideaByReference(from.reference)->id == into.id);
    CHECK(store->ideaByReference(into.reference)->id == into.id);
    CHECK(store->moderation(from.id).mergedInto == into.id);

    // The duplicate cannot come back by an approval.
    CHECK(store->approveIdea(from.id).error().code == ErrorCode::NotFound);
    CHECK_FALSE(store->mergeIdea(from.id, into.id).ok());  // merged once, that is final
    CHECK(store->mergeIdea(into.id, into.id).error().code == ErrorCode::InvalidInput);

    const std::vector<std::string> before = describeAll(store->visibleIdeas());
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(describeAll(store->visibleIdeas()) == before);
    CHECK(store->ideaByReference(from.reference)->id == into.id);
    CHECK(store->moderation(from.id).mergedInto == into.id);
}

TEST_CASE("a new idea merges only into an approved one", "[storage][moderation]") {
    auto store = inMemory();
    const Idea waiting = *store->submitIdea(makeDraft("Bankjes bij de vijver"));
    const Idea other = *store->submitIdea(makeDraft("Ook bankjes bij de vijver"));
    Result<Idea> refused = store->mergeIdea(waiting.id, other.id);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(store->mergeIdea("no-such-id", other.id).error().code == ErrorCode::NotFound);

    const Idea into = approved(*store, "Bankjes rond de vijver", 1);
    REQUIRE(store->mergeIdea(waiting.id, into.id).ok());
    CHECK(store->moderationQueue().size() == 1);  // the merged one waits no longer
    CHECK(store->idea(waiting.id)->status == IdeaStatus::Hidden);
}

TEST_CASE("hiding keeps the reason; Other needs the facilitator's words", "[storage][moderation]") {
    auto store = inMemory();
    const Idea idea = approved(*store, "Iets over de buren");
    CHECK(store->hideIdea(idea.id, HideReason::Other, "  ").error().code == ErrorCode::InvalidInput);
    CHECK(store->hideIdea(idea.id, HideReason::Insulting, "extra").error().code == ErrorCode::InvalidInput);
    CHECK(store->hideIdea("no-such-id", HideReason::Insulting).error().code == ErrorCode::NotFound);
    CHECK(store->visibleIdeas().size() == 1);  // nothing stored on error

    REQUIRE(store->hideIdea(idea.id, HideReason::Other, " Noemt een buurman bij naam ").ok());
    CHECK(store->visibleIdeas().empty());
    CHECK(store->idea(idea.id)->status == IdeaStatus::Hidden);
    ModerationRecord record = store->moderation(idea.id);
    CHECK(record.hiddenReason == HideReason::Other);
    CHECK(record.hiddenNote == "Noemt een buurman bij naam");
    CHECK(store->ideaByReference(idea.reference)->status == IdeaStatus::Hidden);  // "check my initiative" still finds it

    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->moderation(idea.id).hiddenNote == "Noemt een buurman bij naam");
    CHECK(store->visibleIdeas().empty());
}

TEST_CASE("a correction shows to residents and keeps the original", "[storage][moderation]") {
    auto store = inMemory();
    const Idea idea = approved(*store, "Meer bankjus in het prak");
    Result<Idea> corrected = store->correctIdea(idea.id, " Meer bankjes in het park ", "Om uit te rusten.");
    REQUIRE(corrected.ok());
    CHECK(corrected->title == "Meer bankjes in het park");
    CHECK(store->visibleIdeas().front().title == "Meer bankjes in het park");
    // A second correction changes what residents see, never the original.
    REQUIRE(store->correctIdea(idea.id, "Meer bankjes in het park!", "Om uit te rusten.").ok());
    ModerationRecord record = store->moderation(idea.id);
    CHECK(record.originalTitle == "Meer bankjus in het prak");
    CHECK(record.originalBody == idea.body);
    CHECK(store->correctIdea(idea.id, "ab", "").error().code == ErrorCode::InvalidInput);

    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->idea(idea.id)->title == "Meer bankjes in het park!");
    CHECK(store->moderation(idea.id).originalTitle == "Meer bankjus in het prak");
}

TEST_CASE("a classification round-trips and the latest replaces the earlier", "[storage][moderation]") {
    auto store = inMemory();
    const Idea idea = approved(*store, "Lantaarn in het steegje");
    CHECK_FALSE(store->moderation(idea.id).classification.has_value());

    Classification c;
    c.theme = Theme::CleanSafe;
    c.partners = {Partner::Municipality, Partner::Corporation, Partner::Municipality};  // put in order, once each
    c.dimension = LiveabilityDimension::NuisanceAndSafety;
    c.costCents = 185050;
    c.feasibility = "  Gemeente plaatst lantaarns; kan binnen drie maanden. ";
    REQUIRE(store->classifyIdea(idea.id, c).ok());
    Classification expected = c;
    expected.partners = {Partner::Corporation, Partner::Municipality};
    expected.feasibility = "Gemeente plaatst lantaarns; kan binnen drie maanden.";
    CHECK(store->moderation(idea.id).classification == expected);
    CHECK(store->idea(idea.id)->theme == Theme::CleanSafe);

    Classification bad = c;
    bad.costCents = -1;
    CHECK(store->classifyIdea(idea.id, bad).error().code == ErrorCode::InvalidInput);

    Classification later;
    later.theme = Theme::Traffic;
    REQUIRE(store->classifyIdea(idea.id, later).ok());
    CHECK(store->moderation(idea.id).classification == later);
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->moderation(idea.id).classification == later);
    CHECK(store->idea(idea.id)->theme == Theme::Traffic);
}
