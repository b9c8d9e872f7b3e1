// The staff's reads (schema 15): initiative progress recorded as initiative.progress_set, the
// latest by HLC holding and rebuilding to the same rows; the pipeline's derived stages; each
// kiosk's own neighbourhood; the pulse by month and the needs per neighbourhood.
#include "StorageTestSupport.h"

#include "app/core/Event.h"
#include "app/core/InitiativeProgress.h"
#include "storage/KioskStore.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sodium.h>

#include <array>
#include <map>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

void giveStaffKey(KioskStore& store) {
    StaffKey publicKey{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secretKey{};
    crypto_box_keypair(publicKey.data(), secretKey.data());
    REQUIRE(store.setStaffPublicKey(publicKey).ok());
}

InitiativeProgress progress(const std::string& ideaId, PipelineStage stage, std::int64_t granted = 0, std::int64_t spent = 0,
                            std::string note = "") {
    InitiativeProgress p;
    p.ideaId = ideaId;
    p.stage = stage;
    p.grantedCents = granted;
    p.spentCents = spent;
    p.note = std::move(note);
    return p;
}

// Every field of the pipeline in one line, so a rebuild that differs shows where.
std::string describe(const std::vector<InitiativeRow>& rows) {
    std::string text;
    for (const InitiativeRow& r : rows) {
        text += r.idea.reference + " " + r.idea.title + " " + std::string(pipelineStageId(r.progress.stage)) + " " +
                std::to_string(r.progress.grantedCents) + "/" + std::to_string(r.progress.spentCents) + " " + r.progress.note +
                " @" + std::to_string(r.progress.updatedMs) + " lines " + std::to_string(r.plan.budget.size()) + " partners " +
                std::to_string(r.plan.partners.size()) + " kiosk " + r.kioskId + " in " + r.neighbourhood +
                (r.moderation.classification ? " classified" : "") + "\n";
    }
    return text;
}

// Appends an event as if a bundle of another kiosk had brought it.
void insertEvent(SQLite::Database& db, const std::string& kioskId, std::int64_t seq, std::uint64_t wallMs,
                 std::string_view type, const std::string& payload) {
    SQLite::Statement insert(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, kioskId);
    insert.bind(2, seq);
    insert.bind(3, kioskId.substr(0, 8) + "-0000-4000-8000-" + std::string(12 - std::to_string(seq).size(), '0') + std::to_string(seq));
    insert.bind(4, static_cast<std::int64_t>(HlcStamp::make(wallMs, 0).packed));
    insert.bind(5, std::string(type));
    insert.bind(6, payload);
    insert.exec();
}

const std::string kOtherKiosk = "7b3c9d1e-0a2f-4e5d-8c6b-1a2b3c4d5e6f";

}  // namespace

TEST_CASE("an initiative is submitted until a facilitator decides, then reviewed", "[storage][progress]") {
    auto opened = KioskStore::openInMemory();
    REQUIRE(opened.ok());
    KioskStore& store = **opened;
    giveStaffKey(store);
    const Result<Idea> waiting = store.submitInitiative(smallInitiative("Buurtbarbecue"));
    const Result<Idea> approved = store.submitInitiative(smallInitiative("Kerstmarkt"));
    const Result<Idea> classified = store.submitInitiative(smallInitiative("Moestuin"));
    const Result<Idea> idea = store.submitIdea(makeDraft("Meer bankjes"));
    REQUIRE((waiting.ok() && approved.ok() && classified.ok() && idea.ok()));
    REQUIRE(store.approveIdea(approved->id).ok());
    Classification c;
    c.theme = Theme::Green;
    c.partners = {Partner::Municipality};
    REQUIRE(store.classifyIdea(classified->id, c).ok());

    const std::vector<InitiativeRow> rows = store.initiativePipeline();
    REQUIRE(rows.size() == 3);  // the idea is no initiative
    CHECK(rows[0].idea.id == waiting->id);
    CHECK(rows[0].progress.stage == PipelineStage::Submitted);
    CHECK(rows[0].progress.updatedMs == 0);
    CHECK(rows[1].progress.stage == PipelineStage::Reviewed);
    CHECK(rows[2].progress.stage == PipelineStage::Reviewed);
    REQUIRE(rows[2].moderation.classification.has_value());
    CHECK(rows[2].moderation.classification->partners == std::vector<Partner>{Partner::Municipality});
    CHECK(rows[0].plan.budget.size() == 2);
    CHECK(rows[0].plan.partners == std::vector<Partner>{Partner::Welfare});
    CHECK(rows[0].kioskId == store.kioskId());
    CHECK(rows[0].neighbourhood.empty());  // this kiosk never gave a name

    const std::vector<Idea> all = store.allIdeas();
    REQUIRE(all.size() == 4);
    CHECK(all[3].id == idea->id);  // by created hlc
    CHECK(store.ideaRows().size() == 4);
}

TEST_CASE("setInitiativeProgress records the latest progress and refuses what breaks the rules", "[storage][progress]") {
    ManualClock clock;
    auto opened = KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    KioskStore& store = **opened;
    giveStaffKey(store);
    const Result<Idea> initiative = store.submitInitiative(smallInitiative("Buurtbarbecue"));
    const Result<Idea> idea = store.submitIdea(makeDraft("Meer bankjes"));
    REQUIRE((initiative.ok() && idea.ok()));
    const std::int64_t eventsBefore = store.eventCount();

    clock.set(1'767'000'000'000);
    REQUIRE(store.setInitiativeProgress(progress(initiative->id, PipelineStage::Approved, 42'500)).ok());
    clock.set(1'768'000'000'000);
    REQUIRE(store.setInitiativeProgress(progress(initiative->id, PipelineStage::Running, 42'500, 10'000, "  eerste bonnen  ")).ok());
    CHECK(store.eventCount() == eventsBefore + 2);

    const std::optional<InitiativeProgress> now = store.initiativeProgress(initiative->id);
    REQUIRE(now.has_value());
    CHECK(now->stage == PipelineStage::Running);
    CHECK(now->grantedCents == 42'500);
    CHECK(now->spentCents == 10'000);
    CHECK(now->note == "eerste bonnen");  // trimmed
    CHECK(now->updatedMs == 1'768'000'000'000);
    CHECK_FALSE(store.initiativeProgress(idea->id).has_value());

    SECTION("bad progress is refused with every reason and stores nothing") {
        const Result<void> refused = store.setInitiativeProgress(progress(initiative->id, PipelineStage::Done, 42'500, 50'000));
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidInput);
        CHECK(refused.error().detail == "spent above granted without a note saying why");
        const Result<void> negative = store.setInitiativeProgress(progress(initiative->id, PipelineStage::Running, -1, 0));
        REQUIRE_FALSE(negative.ok());
        CHECK(negative.error().code == ErrorCode::InvalidInput);
        CHECK(store.eventCount() == eventsBefore + 2);
        CHECK(*store.initiativeProgress(initiative->id) == *now);
    }
    SECTION("an idea or an unknown id is not found") {
        const Result<void> onIdea = store.setInitiativeProgress(progress(idea->id, PipelineStage::Approved));
        REQUIRE_FALSE(onIdea.ok());
        CHECK(onIdea.error().code == ErrorCode::NotFound);
        const Result<void> unknown = store.setInitiativeProgress(progress("no-such-id", PipelineStage::Approved));
        REQUIRE_FALSE(unknown.ok());
        CHECK(unknown.error().code == ErrorCode::NotFound);
        CHECK(store.eventCount() == eventsBefore + 2);
    }
}

TEST_CASE("progress rebuilds to the same pipeline, the latest by HLC holding", "[storage][progress][rebuild]") {
    ScratchDir dir;
    ManualClock clock;
    std::string initiativeId;
    std::string before;
    {
        auto opened = KioskStore::open(dir.database(), clock.options());
        REQUIRE(opened.ok());
        KioskStore& store = **opened;
        giveStaffKey(store);
        REQUIRE(store.setNeighbourhoodName("Kastanjebuurt").ok());
        const Result<Idea> a = store.submitInitiative(smallInitiative("Buurtbarbecue"));
        const Result<Idea> b = store.submitInitiative(smallInitiative("Kerstmarkt"));
        REQUIRE((a.ok() && b.ok()));
        initiativeId = a->id;
        REQUIRE(store.approveIdea(b->id).ok());
        clock.set(*clock.nowMs + 60'000);
        REQUIRE(store.setInitiativeProgress(progress(a->id, PipelineStage::Approved, 30'000)).ok());
        clock.set(*clock.nowMs + 60'000);
        REQUIRE(store.setInitiativeProgress(progress(a->id, PipelineStage::Accounted, 30'000, 31'000, "Iets duurder")).ok());
        before = describe(store.initiativePipeline());
        REQUIRE(store.rebuildReadTables().ok());
        CHECK(describe(store.initiativePipeline()) == before);
    }
    CHECK_THAT(before, Catch::Contains("accounted 30000/31000 Iets duurder"));
    CHECK_THAT(before, Catch::Contains("in Kastanjebuurt"));

    // The office's progress from another kiosk: stamped earlier than this kiosk's latest but with
    // a higher seq, and one stamped later. The latest stamp wins, not the order of arrival.
    {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE);
        const std::uint64_t latestHere = *clock.nowMs;
        insertEvent(db, kOtherKiosk, 2, latestHere + 120'000,
                    kEventInitiativeProgressSet, encodePayload(progress(initiativeId, PipelineStage::Done, 30'000, 29'000)));
        insertEvent(db, kOtherKiosk, 3, latestHere - 30'000,
                    kEventInitiativeProgressSet, encodePayload(progress(initiativeId, PipelineStage::Running, 30'000, 5'000)));
    }
    auto reopened = KioskStore::open(dir.database(), clock.options());
    REQUIRE(reopened.ok());
    REQUIRE((*reopened)->rebuildReadTables().ok());
    const std::optional<InitiativeProgress> now = (*reopened)->initiativeProgress(initiativeId);
    REQUIRE(now.has_value());
    CHECK(now->stage == PipelineStage::Done);
    CHECK(now->spentCents == 29'000);
    CHECK(now->updatedMs == *clock.nowMs + 120'000);
}

TEST_CASE("each kiosk's ideas, pulses and needs belong to the latest name that kiosk gave", "[storage][progress][neighbourhood]") {
    ScratchDir dir;
    ManualClock clock;
    clock.set(1'763'200'000'000);  // 2025-11-15, mid-month in every time zone
    std::string hereId;
    {
        auto opened = KioskStore::open(dir.database(), clock.options());
        REQUIRE(opened.ok());
        KioskStore& store = **opened;
        hereId = store.kioskId();
        REQUIRE(store.setNeighbourhoodName("Oude naam").ok());
        REQUIRE(store.setNeighbourhoodName("Kastanjebuurt").ok());
        REQUIRE(store.submitIdea(makeDraft("Meer bankjes")).ok());
        PulseDraft pulse;
        pulse.score(PulseAspect::Meeting) = 4;
        pulse.score(PulseAspect::Safe) = 2;
        REQUIRE(store.givePulse(pulse).ok());
        pulse.score(PulseAspect::Meeting) = 5;
        REQUIRE(store.givePulse(pulse).ok());
        clock.set(1'765'800'000'000);  // 2025-12-15
        pulse.score(PulseAspect::Meeting) = 1;
        REQUIRE(store.givePulse(pulse).ok());
        MeetingNeedDraft need;
        need.toggle(NeedGroup::Days, "wed");
        REQUIRE(store.giveMeetingNeed(need).ok());
    }
    {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE);
        insertEvent(db, kOtherKiosk, 1, 1'763'100'000'000, kEventNeighbourhoodNamed, encodePayload(NeighbourhoodNamed{"Lindenhof", false}));
        PulseGiven pulse;
        pulse.scores = {3, 0, 0, 0, 0};
        insertEvent(db, kOtherKiosk, 2, 1'763'300'000'000, kEventPulseGiven, encodePayload(pulse));
        MeetingNeedGiven need;
        need.need.toggle(NeedGroup::Days, "sat");
        insertEvent(db, kOtherKiosk, 3, 1'763'300'000'001, kEventMeetingNeedGiven, encodePayload(need));
    }
    auto reopened = KioskStore::open(dir.database(), clock.options());
    REQUIRE(reopened.ok());
    KioskStore& store = **reopened;
    REQUIRE(store.rebuildReadTables().ok());

    const std::map<std::string, std::string> names = store.kioskNeighbourhoods();
    CHECK(names == std::map<std::string, std::string>{{hereId, "Kastanjebuurt"}, {kOtherKiosk, "Lindenhof"}});
    const std::vector<KioskStore::IdeaRow> ideas = store.ideaRows();
    REQUIRE(ideas.size() == 1);
    CHECK(ideas[0].neighbourhood == "Kastanjebuurt");

    const std::vector<PulseMonth> all = store.pulseByMonth();
    REQUIRE(all.size() == 2);
    CHECK((all[0].year == 2025 && all[0].month == 11));
    CHECK(all[0].count[pulseIndex(PulseAspect::Meeting)] == 3);  // 4, 5 here and 3 at Lindenhof
    CHECK(all[0].average[pulseIndex(PulseAspect::Meeting)] == Approx(4.0));
    CHECK(all[0].count[pulseIndex(PulseAspect::Safe)] == 2);
    CHECK(all[0].average[pulseIndex(PulseAspect::Safe)] == Approx(2.0));
    CHECK(all[0].count[pulseIndex(PulseAspect::Care)] == 0);
    CHECK(all[0].average[pulseIndex(PulseAspect::Care)] == 0.0);
    CHECK((all[1].year == 2025 && all[1].month == 12));
    CHECK(all[1].average[pulseIndex(PulseAspect::Meeting)] == Approx(1.0));

    const std::vector<PulseMonth> lindenhof = store.pulseByMonth("Lindenhof");
    REQUIRE(lindenhof.size() == 1);
    CHECK(lindenhof[0].count[pulseIndex(PulseAspect::Meeting)] == 1);
    CHECK(lindenhof[0].average[pulseIndex(PulseAspect::Meeting)] == Approx(3.0));
    CHECK(store.pulseByMonth("Oude naam").empty());

    CHECK(store.meetingNeedSummary().needs == 2);
    const MeetingNeedSummary kastanje = store.meetingNeedSummary("Kastanjebuurt");
    CHECK(kastanje.needs == 1);
    CHECK(kastanje.count(NeedGroup::Days, "wed") == 1);
    CHECK(kastanje.count(NeedGroup::Days, "sat") == 0);
    CHECK(store.meetingNeedSummary("Lindenhof").count(NeedGroup::Days, "sat") == 1);
    CHECK(store.newestEventMs() == 1'765'800'000'000);
}

TEST_CASE("rows read one at a time carry nothing over from the row before", "[storage][progress][export]") {
    ManualClock clock;
    auto opened = KioskStore::openInMemory(clock.options());
    REQUIRE(opened.ok());
    KioskStore& store = **opened;
    giveStaffKey(store);
    // The first of each kind has everything a row can hold, the second nothing it need not.
    InitiativeDraft full = smallInitiative("Buurtbarbecue");
    full.plan.audience = {Audience::Children, Audience::Families};
    full.plan.ownInKind = "We bakken de taarten";
    const Result<Idea> rich = store.submitInitiative(full);
    clock.set(*clock.nowMs + 60'000);
    InitiativeDraft bare = smallInitiative("Kerstmarkt");
    bare.plan.audience = {Audience::Elderly};
    bare.plan.budget.clear();
    bare.plan.partners.clear();
    const Result<Idea> plain = store.submitInitiative(bare);
    clock.set(*clock.nowMs + 60'000);
    const Result<Idea> richIdea = store.submitIdea(makeDraft("Meer bankjes"));
    clock.set(*clock.nowMs + 60'000);
    const Result<Idea> plainIdea = store.submitIdea(makeDraft("Minder afval"));
    REQUIRE((rich.ok() && plain.ok() && richIdea.ok() && plainIdea.ok()));
    const Classification c = fullClassification();
    for (const std::string& id : {rich->id, richIdea->id}) {
        REQUIRE(store.correctIdea(id, "Verbeterde titel", "Verbeterde tekst van het idee.").ok());
        REQUIRE(store.classifyIdea(id, c).ok());
    }
    REQUIRE(store.setInitiativeProgress(progress(rich->id, PipelineStage::Running, 40'000, 12'000, "Tent besteld")).ok());

    // Copies, not moves: a field left from the row before shows in the second copy.
    std::vector<InitiativeRow> initiatives;
    REQUIRE(store.eachInitiative([&](InitiativeRow& row) { initiatives.push_back(row); }));
    REQUIRE(initiatives.size() == 2);
    CHECK(initiatives[0].idea.id == rich->id);
    CHECK(initiatives[0].plan.audience == std::vector<Audience>{Audience::Children, Audience::Families});
    CHECK(initiatives[0].plan.ownInKind == "We bakken de taarten");
    CHECK(initiatives[0].progress.note == "Tent besteld");
    CHECK(initiatives[0].moderation.originalTitle == "Buurtbarbecue");
    const InitiativeRow& second = initiatives[1];
    CHECK(second.idea.id == plain->id);
    CHECK(second.idea.title == "Kerstmarkt");
    CHECK(second.plan.audience == std::vector<Audience>{Audience::Elderly});
    CHECK(second.plan.budget.empty());
    CHECK(second.plan.partners.empty());
    CHECK(second.plan.ownInKind.empty());
    CHECK(second.progress.ideaId == plain->id);
    CHECK(second.progress.stage == PipelineStage::Submitted);
    CHECK(second.progress.grantedCents == 0);
    CHECK(second.progress.spentCents == 0);
    CHECK(second.progress.note.empty());
    CHECK(second.progress.updatedMs == 0);
    CHECK_FALSE(second.moderation.originalTitle.has_value());
    CHECK_FALSE(second.moderation.classification.has_value());
    CHECK(describe(initiatives) == describe(store.initiativePipeline()));

    std::vector<KioskStore::IdeaRow> ideas;
    std::vector<std::string> sealed;
    REQUIRE(store.eachIdeaRow(
        [&](KioskStore::IdeaRow& row, std::string& contact) {
            ideas.push_back(row);
            sealed.push_back(contact);
        },
        true));
    REQUIRE(ideas.size() == 4);
    CHECK(ideas[2].idea.id == richIdea->id);
    REQUIRE(ideas[2].moderation.classification.has_value());
    CHECK(ideas[2].moderation.classification->partners == std::vector<Partner>{Partner::Municipality, Partner::Welfare});
    CHECK(ideas[3].idea.id == plainIdea->id);
    CHECK_FALSE(ideas[3].moderation.originalTitle.has_value());
    CHECK_FALSE(ideas[3].moderation.classification.has_value());
    CHECK(ideas[3].idea.title == "Minder afval");
    CHECK_FALSE(sealed[1].empty());  // the initiatives came with a contact, the ideas without
    CHECK(sealed[3].empty());
    std::vector<std::string> sealedColumn;
    const std::vector<KioskStore::IdeaRow> whole = store.ideaRows(&sealedColumn);
    CHECK(sealedColumn == sealed);
    REQUIRE(whole.size() == ideas.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        CHECK(describe(whole[i].idea) == describe(ideas[i].idea));
        CHECK(whole[i].moderation.classification.has_value() == ideas[i].moderation.classification.has_value());
    }
    // Without the contacts asked for, none is handed over.
    REQUIRE(store.eachIdeaRow([&](KioskStore::IdeaRow&, std::string& contact) { CHECK(contact.empty()); }));
}

TEST_CASE("initiatives of the same created time are listed by id", "[storage][progress][export]") {
    ScratchDir dir;
    ManualClock clock;
    std::map<std::string, std::string> titleById;
    {
        auto opened = KioskStore::open(dir.database(), clock.options());
        REQUIRE(opened.ok());
        KioskStore& store = **opened;
        giveStaffKey(store);
        for (const char* title : {"Buurtbarbecue", "Kerstmarkt", "Moestuin", "Rommelmarkt"}) {
            InitiativeDraft draft = smallInitiative(title);
            if (titleById.size() % 2 == 1) draft.plan.budget.pop_back();  // rows that differ, to show a mix-up
            const Result<Idea> submitted = store.submitInitiative(draft);
            REQUIRE(submitted.ok());
            titleById[submitted->id] = title;
            clock.set(*clock.nowMs + 60'000);
        }
        REQUIRE(store.submitIdea(makeDraft("Meer bankjes")).ok());
    }
    // Two kiosks' clocks can give the same time: the first three and the idea share one here.
    std::vector<std::string> ids;
    for (const auto& [id, title] : titleById) ids.push_back(id);  // in id order
    {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE ideas SET created_hlc = (SELECT MIN(created_hlc) FROM ideas) WHERE title <> 'Rommelmarkt'");
    }
    auto reopened = KioskStore::open(dir.database(), clock.options());
    REQUIRE(reopened.ok());
    std::vector<InitiativeRow> rows;
    REQUIRE((*reopened)->eachInitiative([&](InitiativeRow& row) { rows.push_back(row); }));
    REQUIRE(rows.size() == 4);
    std::vector<std::string> sameTime;
    for (std::size_t i = 0; i < 3; ++i) {
        sameTime.push_back(rows[i].idea.id);
        CHECK(rows[i].idea.title == titleById[rows[i].idea.id]);
        CHECK(rows[i].progress.ideaId == rows[i].idea.id);
        CHECK(rows[i].plan.budget.size() == (rows[i].idea.title == "Kerstmarkt" ? 1u : 2u));
    }
    std::vector<std::string> expected = ids;
    std::erase_if(expected, [&](const std::string& id) { return titleById[id] == "Rommelmarkt"; });
    CHECK(sameTime == expected);
    CHECK(rows[3].idea.title == "Rommelmarkt");
    CHECK(rows[3].plan.budget.size() == 1);
}
