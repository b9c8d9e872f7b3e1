// Initiatives in storage (schema 5): an initiative is an idea of kind Initiative with its plan in
// read tables of its own; it is checked against the facilitator's maximum, its required contact
// reaches the disk only sealed, the read tables rebuild to the same rows, and a version 4
// database upgrades with its ideas intact.
#include "StorageTestSupport.h"

#include "app/core/DemoNeighbourhood.h"
#include "app/core/Event.h"
#include "app/core/Identifiers.h"
#include "storage/KioskStore.h"
#include "storage/Migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sodium.h>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

InitiativeDraft makeInitiative(std::string title = "Buurtbarbecue op het plein") {
    InitiativeDraft draft;
    draft.idea = makeDraft(std::move(title), Theme::Meeting, "Een middag samen eten, iedereen neemt iets mee.");
    draft.idea.place = "Kastanjeplein";
    draft.idea.contactName = "Ans de Wit";
    draft.idea.contactAddress = "06-12345678";
    draft.idea.contactConsent = true;
    draft.plan.when = "zaterdag 14 juni";
    draft.plan.audience = {Audience::Families, Audience::Elderly};
    draft.plan.helpers = 4;
    draft.plan.budget = {{"Houtskool en vlees", 25'000}, {"Tafels en banken huren", 17'500}, {"Limonade", 4'000}};
    draft.plan.ownMoneyCents = 5'000;
    draft.plan.ownInKind = "We maken zelf de salades.";
    draft.plan.partners = {Partner::Welfare, Partner::Corporation};
    return draft;
}

// A staff key pair made here; the kiosk only ever gets the public half.
struct StaffKeyPair {
    StaffKey publicKey{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secretKey{};
    StaffKeyPair() { crypto_box_keypair(publicKey.data(), secretKey.data()); }
};

std::unique_ptr<KioskStore> inMemoryWithKey(const StaffKeyPair& keys = StaffKeyPair()) {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    REQUIRE((*store)->setStaffPublicKey(keys.publicKey).ok());
    return std::move(store).value();
}

// Every plan field in one line, so Catch shows which one differs.
std::string describe(const InitiativePlan& plan) {
    std::string text = plan.when + " | " + std::to_string(plan.helpers) + " | " + std::to_string(plan.ownMoneyCents) +
                       " | " + plan.ownInKind + " |";
    for (Audience audience : plan.audience) text += " " + std::string(audienceId(audience));
    text += " |";
    for (Partner partner : plan.partners) text += " " + std::string(partnerId(partner));
    for (const BudgetLine& line : plan.budget) text += " | " + line.description + " = " + std::to_string(line.amountCents);
    return text;
}

// A second connection to the same file, as an inspector would have.
SQLite::Database sideDoor(const ScratchDir& dir) {
    return SQLite::Database(dir.database().string(), SQLite::OPEN_READWRITE, 5000);
}

// All rows of a query as text, one line per row.
std::vector<std::string> rows(SQLite::Database& db, const char* sql) {
    SQLite::Statement q(db, sql);
    std::vector<std::string> lines;
    while (q.executeStep()) {
        std::string line;
        for (int i = 0; i < q.getColumnCount(); ++i) line += (i > 0 ? " | " : "") + q.getColumn(i).getString();
        lines.push_back(std::move(line));
    }
    return lines;
}

std::vector<std::string> initiativeRows(SQLite::Database& db) {
    std::vector<std::string> all;
    for (const char* sql : {"SELECT idea_id, reference, kind, budget_cents, status, supports, demo, sealed_contact "
                            "FROM ideas ORDER BY idea_id",
                            "SELECT * FROM initiative_plans ORDER BY idea_id",
                            "SELECT * FROM initiative_choices ORDER BY idea_id, grp, choice",
                            "SELECT * FROM initiative_budget_lines ORDER BY idea_id, position",
                            "SELECT * FROM initiative_maximum"}) {
        all.push_back(sql);
        for (std::string& row : rows(db, sql)) all.push_back(std::move(row));
    }
    return all;
}

}  // namespace

// [SECTION] submitInitiative

TEST_CASE("submitInitiative stores an idea of kind Initiative with its plan", "[storage][initiative]") {
    auto store = inMemoryWithKey();
    InitiativeDraft draft = makeInitiative("  Buurtbarbecue op het plein ");
    draft.plan.when = " zaterdag 14 juni\n";
    draft.plan.budget[0].description = " Houtskool en vlees ";
    Result<Idea> initiative = store->submitInitiative(draft);
    REQUIRE(initiative.ok());
    CHECK(store->eventCount() == 1);
    CHECK(store->ideaCount() == 1);

    CHECK(isUuid(initiative->id));
    CHECK(normaliseReferenceCode(initiative->reference) == initiative->reference);
    CHECK(initiative->kind == IdeaKind::Initiative);
    CHECK(initiative->budgetCents == 46'500);
    CHECK(initiative->title == "Buurtbarbecue op het plein");
    CHECK(initiative->theme == Theme::Meeting);
    CHECK(initiative->place == "Kastanjeplein");
    CHECK(initiative->status == IdeaStatus::New);
    CHECK(initiative->contactGiven);
    CHECK_FALSE(initiative->demo);

    const std::optional<InitiativePlan> plan = store->initiativePlan(initiative->id);
    REQUIRE(plan.has_value());
    // Stored as normalised: trimmed, the choices in list order.
    CHECK(describe(*plan) == "zaterdag 14 juni | 4 | 5000 | We maken zelf de salades. | elderly families | "
                             "corporation welfare | Houtskool en vlees = 25000 | Tafels en banken huren = 17500 | "
                             "Limonade = 4000");

    const std::vector<Event> events = store->events();
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == kEventInitiativeSubmitted);
    CHECK(events[0].hlc == initiative->created);
    Result<InitiativeSubmitted> payload = decodeInitiativeSubmitted(events[0].payload);
    REQUIRE(payload.ok());
    CHECK(payload->idea.ideaId == initiative->id);
    CHECK(payload->idea.reference == initiative->reference);
    CHECK(describe(payload->plan) == describe(*plan));
    CHECK_FALSE(payload->idea.sealedContact.empty());

    // An idea has no plan, and neither has an id nobody used.
    Result<Idea> idea = store->submitIdea(makeDraft("Gewoon een idee"));
    REQUIRE(idea.ok());
    CHECK(idea->kind == IdeaKind::Idea);
    CHECK(idea->budgetCents == 0);
    CHECK_FALSE(store->initiativePlan(idea->id).has_value());
    CHECK_FALSE(store->initiativePlan("no-such-id").has_value());
    CHECK_FALSE(store->lastReadError().has_value());
}

TEST_CASE("an initiative without a budget is stored with total 0", "[storage][initiative]") {
    auto store = inMemoryWithKey();
    InitiativeDraft draft = makeInitiative();
    draft.plan.budget.clear();
    draft.plan.partners.clear();
    Result<Idea> initiative = store->submitInitiative(draft);
    REQUIRE(initiative.ok());
    CHECK(initiative->budgetCents == 0);
    const std::optional<InitiativePlan> plan = store->initiativePlan(initiative->id);
    REQUIRE(plan.has_value());
    CHECK(plan->budget.empty());
    CHECK(plan->partners.empty());
}

TEST_CASE("an invalid initiative stores nothing and says what is wrong", "[storage][initiative]") {
    auto store = inMemoryWithKey();
    const std::int64_t events = store->eventCount();

    InitiativeDraft noWhen = makeInitiative();
    noWhen.plan.when = "  ";
    noWhen.plan.budget[1].amountCents = 0;
    Result<Idea> refused = store->submitInitiative(noWhen);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(refused.error().detail, Catch::Contains("when missing"));
    CHECK_THAT(refused.error().detail, Catch::Contains("budget line 2 amount missing"));

    InitiativeDraft unreachable = makeInitiative();
    unreachable.idea.contactAddress = "a@b";
    CHECK(store->submitInitiative(unreachable).error().code == ErrorCode::InvalidInput);
    InitiativeDraft noConsent = makeInitiative();
    noConsent.idea.contactConsent = false;
    CHECK(store->submitInitiative(noConsent).error().code == ErrorCode::InvalidInput);
    InitiativeDraft noAudience = makeInitiative();
    noAudience.plan.audience.clear();
    CHECK(store->submitInitiative(noAudience).error().code == ErrorCode::InvalidInput);

    CHECK(store->eventCount() == events);
    CHECK(store->ideaCount() == 0);
}

TEST_CASE("the facilitator's maximum holds, to the cent", "[storage][initiative][maximum]") {
    auto store = inMemoryWithKey();
    CHECK(store->initiativeMaximumCents() == kInitiativeDefaultMaximumCents);

    InitiativeDraft atDefault = makeInitiative("Precies het maximum");
    atDefault.plan.budget = {{"Alles", kInitiativeDefaultMaximumCents - 1'000}, {"Rest", 1'000}};
    InitiativeDraft overDefault = atDefault;
    overDefault.idea.title = "Een cent te veel";
    overDefault.plan.budget[1].amountCents += 1;

    Result<Idea> over = store->submitInitiative(overDefault);
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(over.error().detail, Catch::Contains("budget total over the maximum"));
    CHECK(store->eventCount() == 0);
    Result<Idea> exact = store->submitInitiative(atDefault);
    REQUIRE(exact.ok());
    CHECK(exact->budgetCents == kInitiativeDefaultMaximumCents);

    // A lower maximum refuses what the default allowed; what was accepted stays.
    REQUIRE(store->setInitiativeMaximum(250'000).ok());
    CHECK(store->initiativeMaximumCents() == 250'000);
    const std::int64_t events = store->eventCount();
    atDefault.idea.title = "Nog een keer het oude maximum";
    CHECK(store->submitInitiative(atDefault).error().code == ErrorCode::InvalidInput);
    CHECK(store->eventCount() == events);
    CHECK(store->ideaByReference(exact->reference)->budgetCents == kInitiativeDefaultMaximumCents);
    InitiativeDraft atNew = makeInitiative("Precies het nieuwe maximum");
    atNew.plan.budget = {{"Alles", 250'000}};
    CHECK(store->submitInitiative(atNew).ok());

    // A higher one allows more, up to the ceiling.
    REQUIRE(store->setInitiativeMaximum(kInitiativeMaximumCeilingCents).ok());
    CHECK(store->submitInitiative(overDefault).ok());
    const std::vector<Event> log = store->events();
    REQUIRE(log.size() >= 2);
    CHECK(log[log.size() - 2].type == kEventInitiativeMaximumSet);
    CHECK(log[log.size() - 2].payload == R"({"cents":10000000})");
}

TEST_CASE("setInitiativeMaximum refuses a maximum out of range and stores nothing", "[storage][initiative][maximum]") {
    auto store = inMemoryWithKey();
    for (std::int64_t cents : {std::int64_t{0}, std::int64_t{-1}, kInitiativeMaximumCeilingCents + 1}) {
        INFO(cents);
        Result<void> refused = store->setInitiativeMaximum(cents);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidInput);
    }
    CHECK(store->eventCount() == 0);
    CHECK(store->initiativeMaximumCents() == kInitiativeDefaultMaximumCents);
    REQUIRE(store->setInitiativeMaximum(1).ok());
    CHECK(store->initiativeMaximumCents() == 1);
    // The latest one holds, also after rebuilding from the events.
    REQUIRE(store->setInitiativeMaximum(300'000).ok());
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->initiativeMaximumCents() == 300'000);
}

TEST_CASE("without a staff key an initiative is refused and nothing is stored", "[storage][initiative][contact]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    REQUIRE_FALSE((*store)->staffPublicKey().has_value());
    Result<Idea> refused = (*store)->submitInitiative(makeInitiative());
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(refused.error().detail, Catch::Contains("no staff key"));
    CHECK((*store)->eventCount() == 0);
    CHECK((*store)->ideaCount() == 0);
}

// [SECTION] Moderation, the list and support

TEST_CASE("an initiative waits for approval, then is listed and supported like an idea", "[storage][initiative]") {
    auto store = inMemoryWithKey();
    Result<Idea> initiative = store->submitInitiative(makeInitiative());
    REQUIRE(initiative.ok());
    CHECK(store->visibleIdeas().empty());
    // "Check my initiative" finds it while it waits.
    const std::optional<Idea> waiting = store->ideaByReference(initiative->reference);
    REQUIRE(waiting.has_value());
    CHECK(waiting->status == IdeaStatus::New);
    CHECK(waiting->kind == IdeaKind::Initiative);
    CHECK(waiting->budgetCents == initiative->budgetCents);
    CHECK(store->supportIdea(initiative->id).error().code == ErrorCode::NotFound);

    REQUIRE(store->approveIdea(initiative->id).ok());
    const std::vector<Idea> listed = store->visibleIdeas();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == initiative->id);
    CHECK(listed[0].kind == IdeaKind::Initiative);
    CHECK(listed[0].budgetCents == 46'500);
    CHECK(listed[0].status == IdeaStatus::Approved);

    Result<Idea> supported = store->supportIdea(initiative->id);
    REQUIRE(supported.ok());
    CHECK(supported->supports == 1);
    CHECK(supported->kind == IdeaKind::Initiative);
    REQUIRE(store->supportIdea(initiative->id).ok());
    CHECK(store->ideaByReference(initiative->reference)->supports == 2);
    // The plan is untouched by moderation and support.
    CHECK(describe(*store->initiativePlan(initiative->id)) ==
          describe(normalisedInitiative(makeInitiative()).plan));
}

TEST_CASE("the demo's initiatives are listed, approved, with a plan and a sealed contact", "[storage][initiative][demo]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    Result<int> added = store->addDemoNeighbourhood();
    REQUIRE(added.ok());
    const DemoNeighbourhood& demo = demoNeighbourhood();
    // The demo's waiting entries (the moderation queue) count too.
    CHECK(added.value() == static_cast<int>(demo.ideas.size() + demo.initiatives.size() + demo.waitingIdeas.size() +
                                            demo.waitingInitiatives.size()));

    std::vector<Idea> initiatives;
    for (const Idea& idea : store->visibleIdeas())
        if (idea.kind == IdeaKind::Initiative) initiatives.push_back(idea);
    REQUIRE(initiatives.size() == demo.initiatives.size());
    const std::string secret = readBytes(dir.path() / kDemoStaffSecretKeyFileName);
    const StaffKey publicKey = *store->staffPublicKey();
    SQLite::Database db = sideDoor(dir);
    for (const Idea& initiative : initiatives) {
        INFO(initiative.title);
        CHECK(initiative.demo);
        CHECK(initiative.status == IdeaStatus::Approved);
        CHECK(initiative.contactGiven);
        CHECK(initiative.budgetCents > 0);
        CHECK(initiative.budgetCents < 500'000);
        const std::optional<InitiativePlan> plan = store->initiativePlan(initiative.id);
        REQUIRE(plan.has_value());
        CHECK(budgetTotalCents(*plan) == initiative.budgetCents);
        // The demo key opens the demo's contacts, as the office's key opens real ones.
        SQLite::Statement row(db, "SELECT sealed_contact FROM ideas WHERE idea_id = ?");
        row.bind(1, initiative.id);
        REQUIRE(row.executeStep());
        const std::optional<std::string> contact =
            openSealed(row.getColumn(0).getString(), publicKey,
                       std::span(reinterpret_cast<const unsigned char*>(secret.data()), secret.size()));
        REQUIRE(contact.has_value());
        CHECK(contact->find('\n') != std::string::npos);
    }
}

// [SECTION] The contact stays sealed

TEST_CASE("an initiative's contact is on disk only sealed, and the staff key opens it", "[storage][initiative][contact]") {
    ScratchDir dir;
    const StaffKeyPair keys;
    const std::string name = "Wilhelmina Kroonenberg";
    const std::string address = "wilhelmina.kroonenberg@example.nl";
    const std::string phone = "+31 6 9182 7364";
    std::string firstId;
    std::string secondId;
    {
        auto store = openOrFail(dir.database());
        REQUIRE(store->setStaffPublicKey(keys.publicKey).ok());
        InitiativeDraft mail = makeInitiative("Repair Café in de Lindenweg");
        mail.idea.contactName = name;
        mail.idea.contactAddress = address;
        Result<Idea> first = store->submitInitiative(mail);
        REQUIRE(first.ok());
        firstId = first->id;
        InitiativeDraft call = makeInitiative("Moestuin bij flat D");
        call.idea.contactName = name;
        call.idea.contactAddress = phone;
        Result<Idea> second = store->submitInitiative(call);
        REQUIRE(second.ok());
        secondId = second->id;
        REQUIRE(store->approveIdea(firstId).ok());

        // Everything into the main file while the store is still open, then look at its bytes.
        SQLite::Database db = sideDoor(dir);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        for (const std::filesystem::path& file : {dir.database(), std::filesystem::path(dir.database().string() + "-wal")}) {
            const std::string bytes = readBytes(file);
            INFO(file.string());
            CHECK(bytes.find(name) == std::string::npos);
            CHECK(bytes.find("Kroonenberg") == std::string::npos);
            CHECK(bytes.find(address) == std::string::npos);
            CHECK(bytes.find(phone) == std::string::npos);
            CHECK(bytes.find("9182") == std::string::npos);
        }
        // The check can see plain text at all: the title and the plan are there.
        const std::string bytes = readBytes(dir.database());
        CHECK(bytes.find("Repair Caf\xC3\xA9 in de Lindenweg") != std::string::npos);
        CHECK(bytes.find("Tafels en banken huren") != std::string::npos);
    }
    const std::string bytes = readBytes(dir.database());
    CHECK(bytes.find(name) == std::string::npos);
    CHECK(bytes.find(address) == std::string::npos);
    CHECK(bytes.find(phone) == std::string::npos);

    // The secret key opens the box in the event and in the table alike; another key does not.
    auto store = openOrFail(dir.database());
    std::string sealedInEvent;
    for (const Event& event : store->events()) {
        if (event.type != kEventInitiativeSubmitted) continue;
        Result<InitiativeSubmitted> payload = decodeInitiativeSubmitted(event.payload);
        REQUIRE(payload.ok());
        if (payload->idea.ideaId == firstId) sealedInEvent = payload->idea.sealedContact;
    }
    REQUIRE_FALSE(sealedInEvent.empty());
    CHECK(openSealed(sealedInEvent, keys.publicKey, keys.secretKey) == std::optional<std::string>(name + "\n" + address));
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    SQLite::Statement row(db, "SELECT sealed_contact FROM ideas WHERE idea_id = ?");
    row.bind(1, secondId);
    REQUIRE(row.executeStep());
    CHECK(openSealed(row.getColumn(0).getString(), keys.publicKey, keys.secretKey) ==
          std::optional<std::string>(name + "\n" + phone));
    const StaffKeyPair other;
    CHECK_FALSE(openSealed(sealedInEvent, other.publicKey, other.secretKey).has_value());
    // And the plan, which residents may see, never carries it.
    CHECK(describe(*store->initiativePlan(firstId)).find("Kroonenberg") == std::string::npos);
}

// [SECTION] Rebuilding and upgrading

TEST_CASE("rebuildReadTables gives the same initiative rows", "[storage][initiative][rebuild]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->addDemoNeighbourhood().ok());
    REQUIRE(store->setInitiativeMaximum(400'000).ok());
    Result<Idea> waiting = store->submitInitiative(makeInitiative("Een initiatief dat nog wacht"));
    REQUIRE(waiting.ok());
    Result<Idea> approved = store->submitInitiative(makeInitiative("Een goedgekeurd initiatief"));
    REQUIRE(approved.ok());
    REQUIRE(store->approveIdea(approved->id).ok());
    REQUIRE(store->supportIdea(approved->id).ok());

    SQLite::Database db = sideDoor(dir);
    const std::vector<std::string> before = initiativeRows(db);
    const std::vector<std::string> listed = describe(store->visibleIdeas());
    REQUIRE(rows(db, "SELECT idea_id FROM initiative_plans").size() ==
            demoNeighbourhood().initiatives.size() + demoNeighbourhood().waitingInitiatives.size() + 2);
    REQUIRE(rows(db, "SELECT 1 FROM initiative_budget_lines").size() > 6);

    SECTION("from intact tables") {
        REQUIRE(store->rebuildReadTables().ok());
    }
    SECTION("after the read tables were wiped") {
        db.exec("DELETE FROM initiative_choices; DELETE FROM initiative_budget_lines; DELETE FROM initiative_plans; "
                "DELETE FROM initiative_maximum; DELETE FROM ideas;");
        REQUIRE_FALSE(store->initiativePlan(approved->id).has_value());
        CHECK(store->initiativeMaximumCents() == kInitiativeDefaultMaximumCents);
        REQUIRE(store->rebuildReadTables().ok());
    }
    CHECK(initiativeRows(db) == before);
    CHECK(describe(store->visibleIdeas()) == listed);
    CHECK(store->initiativeMaximumCents() == 400'000);
    CHECK(store->ideaByReference(waiting->reference)->status == IdeaStatus::New);
}

TEST_CASE("a version 4 database upgrades: its ideas stay ideas, an unread initiative appears",
          "[storage][initiative][migrations]") {
    ScratchDir dir;
    const std::string kioskId = "3c1e5a7b-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
    IdeaSubmitted idea;
    idea.ideaId = "6b1f0e7a-3c2d-4b5a-8e9f-0a1b2c3d4e5f";
    idea.reference = "KKK-777";
    idea.theme = Theme::Green;
    idea.title = "Bomen op het plein";
    idea.body = "Voor schaduw in de zomer.";
    idea.place = "Kastanjeplein";
    const std::int64_t ideaHlc = static_cast<std::int64_t>(HlcStamp::make(1'764'316'924'000, 0).packed);
    // An initiative a newer kiosk recorded; this version 4 kiosk kept it in its log unread.
    InitiativeSubmitted imported;
    imported.idea.ideaId = "7c2a1f8b-4d3e-4c6b-9f0a-1b2c3d4e5f60";
    imported.idea.reference = "MMM-333";
    imported.idea.theme = Theme::Play;
    imported.idea.title = "Voetbaltoernooi";
    imported.idea.body = "Een middag voetbal voor de jongeren.";
    imported.idea.sealedContact = "c2VhbGVkIGJveA==";
    imported.plan.when = "in de herfstvakantie";
    imported.plan.audience = {Audience::YoungPeople};
    imported.plan.budget = {{"Prijzen", 15'000}, {"Drinken", 5'000}};
    imported.plan.partners = {Partner::Clubs};
    const std::int64_t importedHlc = static_cast<std::int64_t>(HlcStamp::make(1'764'316'925'000, 0).packed);
    {
        // The database exactly as a version 4 build left it.
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        const Result<int> v4 = migrate(db, schemaMigrations().first(4));
        REQUIRE(v4.ok());
        REQUIRE(v4.value() == 4);
        REQUIRE_FALSE(db.tableExists("initiative_plans"));
        SQLite::Statement kiosk(db, "INSERT INTO kiosk (id, kiosk_id, created_ms, last_hlc) VALUES (1, ?, 0, ?)");
        kiosk.bind(1, kioskId);
        kiosk.bind(2, ideaHlc);
        kiosk.exec();
        SQLite::Statement event(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, 1, ?, ?, ?, ?)");
        event.bind(1, kioskId);
        event.bind(2, "11111111-2222-4333-8444-555555555555");
        event.bind(3, ideaHlc);
        event.bind(4, std::string(kEventIdeaSubmitted));
        event.bind(5, encodePayload(idea));
        event.exec();
        event.reset();
        event.bind(1, "0f6a1c2e-5b7d-4e8f-9a01-23456789abcd");
        event.bind(2, "99999999-8888-4777-8666-555555555555");
        event.bind(3, importedHlc);
        event.bind(4, std::string(kEventInitiativeSubmitted));
        event.bind(5, encodePayload(imported));
        event.exec();
        SQLite::Statement row(db, "INSERT INTO ideas (idea_id, reference, theme, title, body, created_hlc, event_uuid, "
                                  "place) VALUES (?, ?, 'green', ?, ?, ?, '11111111-2222-4333-8444-555555555555', ?)");
        row.bind(1, idea.ideaId);
        row.bind(2, idea.reference);
        row.bind(3, idea.title);
        row.bind(4, idea.body);
        row.bind(5, ideaHlc);
        row.bind(6, idea.place);
        row.exec();
    }

    auto store = openOrFail(dir.database());
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->kioskId() == kioskId);
    const std::optional<Idea> kept = store->ideaByReference("KKK-777");
    REQUIRE(kept.has_value());
    CHECK(kept->id == idea.ideaId);
    CHECK(kept->title == idea.title);
    CHECK(kept->place == idea.place);
    CHECK(kept->kind == IdeaKind::Idea);
    CHECK(kept->budgetCents == 0);
    CHECK_FALSE(store->initiativePlan(idea.ideaId).has_value());

    // The upgrade rebuilt the read tables, so the initiative the old build could not read is there.
    const std::optional<Idea> theirs = store->ideaByReference("MMM-333");
    REQUIRE(theirs.has_value());
    CHECK(theirs->kind == IdeaKind::Initiative);
    CHECK(theirs->budgetCents == 20'000);
    CHECK(theirs->status == IdeaStatus::New);
    const std::optional<InitiativePlan> plan = store->initiativePlan(imported.idea.ideaId);
    REQUIRE(plan.has_value());
    CHECK(describe(*plan) == describe(imported.plan));
    CHECK(store->ideaCount() == 2);

    store.reset();
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    CHECK(userVersion(db) == kSchemaVersion);
    CHECK(rows(db, "SELECT kind FROM ideas WHERE idea_id = '6b1f0e7a-3c2d-4b5a-8e9f-0a1b2c3d4e5f'") ==
          std::vector<std::string>{"idea"});
}
