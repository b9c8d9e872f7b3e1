// Moderation on the kiosk: a facilitator opens the queue with a PIN, merges the demo's duplicate
// into the approved idea it repeats (a resident then sees one idea with the supports), hides the
// flagged one with a reason, corrects and classifies, and the audit log holds every action.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr const char* kPin = "284615";

void unlock(Harness& h) {
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    h.press(20.0f, 20.0f, 2.5);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorPin);
    for (const char digit : std::string(kPin)) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorHome);
}

std::optional<Idea> queued(Harness& h, std::string_view title) {
    for (const ui::QueuedIdea& q : h.app().view().moderationQueue)
        if (q.idea.title == title) return q.idea;
    return std::nullopt;
}

std::optional<Idea> listed(Harness& h, std::string_view title) {
    for (const Idea& idea : h.app().view().ideas)
        if (idea.title == title) return idea;
    return std::nullopt;
}

std::vector<AuditEntry> entries(Harness& h, const char* action) {
    std::vector<AuditEntry> found;
    for (const AuditEntry& entry : h.store().auditLog(50))
        if (entry.action == action) found.push_back(entry);
    return found;
}

}  // namespace

TEST_CASE("a facilitator merges a duplicate and hides a flagged idea; residents see one idea", "[ui][moderation]") {
    Harness h;
    const std::optional<Idea> original = listed(h, "Licht in de steeg achter de winkels");
    REQUIRE(original);
    REQUIRE(h.store().supportIdea(original->id).ok());
    REQUIRE(h.store().supportIdea(original->id).ok());
    h.app().refreshView();
    const std::optional<Idea> duplicate = queued(h, "Lamp in het steegje bij de winkels");
    const std::optional<Idea> flagged = queued(h, "Hondenpoep op het grasveld");
    REQUIRE(duplicate);
    REQUIRE(flagged);
    const std::size_t listedBefore = h.app().view().ideas.size();

    unlock(h);
    REQUIRE(h.tap("facilitator.moderation"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationQueue);
    // Only the one with a listed word is flagged, and it says which word.
    for (const ui::QueuedIdea& q : h.app().view().moderationQueue)
        CHECK(q.flagged == (q.idea.id == flagged->id ? std::vector<std::string>{"klootzak"} : std::vector<std::string>{}));

    // [Merge] The idea it repeats is offered first.
    REQUIRE(h.tap("#mod.row." + duplicate->reference));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationItem);
    REQUIRE(h.tap("moderation.merge"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationMerge);
    const ui::WidgetInfo* best = h.find("#mod.merge." + original->reference);
    REQUIRE(best != nullptr);
    for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets())
        if (w.id.rfind("#mod.merge.", 0) == 0) CHECK(w.y0 >= best->y0);
    CHECK_FALSE(h.find("moderation.merge.do")->enabled);
    REQUIRE(h.tap("#mod.merge." + original->reference));
    REQUIRE(h.tap("moderation.merge.do"));
    CHECK(h.app().state().screen == ui::ScreenId::ModerationMerge);  // a second tap merges
    REQUIRE(h.tap("moderation.merge.do"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationQueue);
    CHECK_FALSE(queued(h, duplicate->title));

    // [Hide] With a fixed reason.
    REQUIRE(h.tap("#mod.row." + flagged->reference));
    REQUIRE(h.tap("moderation.hide"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationHide);
    CHECK_FALSE(h.find("moderation.hide.confirm")->enabled);  // a reason first
    REQUIRE(h.tap("#mod.reason.insulting"));
    REQUIRE(h.tap("moderation.hide.confirm"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationQueue);
    CHECK(h.store().moderation(flagged->id).hiddenReason == HideReason::Insulting);

    // [Audit] Both actions, with before and after.
    const std::vector<AuditEntry> merged = entries(h, kAuditIdeaMerged);
    REQUIRE(merged.size() == 1);
    CHECK(merged[0].facilitator == "Anna");
    CHECK(merged[0].before == duplicate->reference);
    CHECK(merged[0].after == original->reference);
    const std::vector<AuditEntry> hidden = entries(h, kAuditIdeaHidden);
    REQUIRE(hidden.size() == 1);
    CHECK(hidden[0].after == flagged->reference + ": hidden (insulting)");
    CHECK(h.store().checkAuditLog().ok);

    // [Resident] Home locks; the list has one idea about the alley, with its supports, and the
    // duplicate's code leads to it.
    REQUIRE(h.tap("nav.home"));
    REQUIRE(h.app().state().facilitator.label.empty());
    CHECK(h.app().view().ideas.size() == listedBefore);
    const std::optional<Idea> after = listed(h, original->title);
    REQUIRE(after);
    CHECK(after->supports == 2);
    CHECK_FALSE(listed(h, duplicate->title));
    CHECK_FALSE(listed(h, flagged->title));
    CHECK(h.store().ideaByReference(duplicate->reference)->id == original->id);
    REQUIRE(h.tap("home.tile.ideas"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaList);
    CHECK_FALSE(h.has("#idea." + duplicate->reference));
}

TEST_CASE("a facilitator corrects the spelling, classifies and approves; the audit log keeps before and after", "[ui][moderation]") {
    Harness h;
    const std::optional<Idea> initiative = queued(h, "Boekenruil in de hal van flat A");
    REQUIRE(initiative);
    unlock(h);
    REQUIRE(h.tap("facilitator.moderation"));
    REQUIRE(h.tap("#mod.row." + initiative->reference));

    // [Correct] Add a word to the title on the keyboard (typed here as a hardware keyboard would).
    REQUIRE(h.tap("moderation.correct"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationCorrect);
    h.type(" en B");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationItem);
    CHECK(h.store().idea(initiative->id)->title == "Boekenruil in de hal van flat A en B");
    CHECK(h.store().moderation(initiative->id).originalTitle == initiative->title);

    // [Classify] Dimension, a partner and a cost in cents on the pad.
    REQUIRE(h.tap("moderation.classify"));
    REQUIRE(h.tap("#mod.tab.dimension"));
    REQUIRE(h.tap("#mod.dimension.social_cohesion"));
    REQUIRE(h.tap("#mod.tab.partners"));
    REQUIRE(h.tap("#mod.partner.welfare"));
    REQUIRE(h.tap("#mod.tab.cost"));
    for (const char* key : {"#pad.2", "#pad.5", "#pad.5", "#pad.,", "#pad.5", "#pad.0"}) REQUIRE(h.tap(key));
    REQUIRE(h.tap("#pad.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationItem);
    const std::optional<Classification> c = h.store().moderation(initiative->id).classification;
    REQUIRE(c);
    CHECK(c->dimension == LiveabilityDimension::SocialCohesion);
    CHECK(c->partners == std::vector<Partner>{Partner::Welfare});
    CHECK(c->costCents == 25550);

    REQUIRE(h.tap("moderation.approve"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ModerationQueue);
    CHECK(h.store().idea(initiative->id)->status == IdeaStatus::Approved);

    const std::vector<AuditEntry> corrected = entries(h, kAuditIdeaCorrected);
    REQUIRE(corrected.size() == 1);
    CHECK(corrected[0].before.rfind(initiative->title + "\n", 0) == 0);
    CHECK(corrected[0].after.rfind("Boekenruil in de hal van flat A en B\n", 0) == 0);
    const std::vector<AuditEntry> classified = entries(h, kAuditIdeaClassified);
    REQUIRE(classified.size() == 1);
    CHECK(classified[0].after.find("cost 255.50") != std::string::npos);
    CHECK(entries(h, kAuditIdeaApproved).size() == 1);
}
