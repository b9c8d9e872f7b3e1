// A run of events applied with the ideas held in memory (storage/EventRun.h, used by every rebuild
// and import) gives exactly the read tables that applying the same events one at a time gives,
// row ids included, whatever mix of submissions, approvals, supports, merges and ballots it holds.
#include "StorageTestSupport.h"

#include "app/core/Moderation.h"
#include "storage/EventRun.h"
#include "storage/StatementCache.h"
#include "storage/Sync.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <random>
#include <set>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

const std::string kOtherKiosk = "7b3c9d1e-0a2f-4e5d-8c6b-1a2b3c4d5e6f";

// An event of another kiosk, written into the log from the side as an import would.
void insertEvent(SQLite::Database& db, std::int64_t seq, std::uint64_t hlc, std::string_view type, const std::string& payload) {
    SQLite::Statement insert(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, kOtherKiosk);
    insert.bind(2, seq);
    insert.bind(3, "7b3c9d1e-0000-4000-8000-" + std::string(12 - std::to_string(seq).size(), '0') + std::to_string(seq));
    insert.bind(4, static_cast<std::int64_t>(hlc));
    insert.bind(5, std::string(type));
    insert.bind(6, payload);
    insert.exec();
}

// Every read table with each row's rowid where it has one, in rowid (else key) order: equal dumps
// mean the same rows, inserted in the same order.
std::string dumpReadTables(SQLite::Database& db) {
    static const std::set<std::string> kNotReadTables = {
        "events",       "kiosk",           "kiosk_identity", "kiosk_settings",    "facilitators",   "pin_attempts",
        "audit_log",    "round_code_keys", "sync_exports",   "sync_acknowledged", "trusted_kiosks", "imported_bundles",
        "withdrawn_kiosks"};
    SQLite::Statement tables(db, "SELECT name, sql LIKE '%WITHOUT ROWID%' FROM sqlite_schema "
                                 "WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    std::string dump;
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        if (kNotReadTables.count(table) > 0) continue;
        const bool withRowid = tables.getColumn(1).getInt() == 0;
        SQLite::Statement rows(db, std::string("SELECT ") + (withRowid ? "rowid, " : "") + "* FROM \"" + table + "\"" +
                                       (withRowid ? " ORDER BY rowid" : ""));
        dump += "[" + table + "]\n";
        while (rows.executeStep()) {
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                const SQLite::Column c = rows.getColumn(i);
                dump += c.isNull() ? std::string("NULL") : c.getString();
                dump += '|';
            }
            dump += '\n';
        }
    }
    return dump;
}

// The read tables of a fresh database holding the events of `source`, each applied on its own
// with applyEvent in the order of every rebuild; at least `atLeast` of them.
std::string appliedOneByOne(const std::filesystem::path& source, const ManualClock& clock, int atLeast = 26) {
    ScratchDir oneDir;
    REQUIRE(openOrFail(oneDir.database(), clock.options()) != nullptr);  // the schema
    SQLite::Database db(oneDir.database().string(), SQLite::OPEN_READWRITE);
    db.exec("ATTACH DATABASE '" + source.string() + "' AS run");
    db.exec("INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) "
            "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM run.events ORDER BY seq_row");
    db.exec("DETACH DATABASE run");
    SQLite::Transaction tx(db);
    StatementCache sql(db);
    SQLite::Statement all(db, kEventsToApplySql);
    int applied = 0;
    while (all.executeStep()) {
        Event event{all.getColumn(0).getString(), all.getColumn(1).getInt64(), all.getColumn(2).getString(),
                    HlcStamp{static_cast<std::uint64_t>(all.getColumn(3).getInt64())}, all.getColumn(4).getString(),
                    all.getColumn(5).getString()};
        Result<void> one = applyEvent(sql, event);
        INFO(event.type << " " << event.payload << ": " << (one ? std::string() : one.error().detail));
        REQUIRE(one.ok());
        ++applied;
    }
    tx.commit();
    CHECK(applied >= atLeast);
    return dumpReadTables(db);
}

}  // namespace

TEST_CASE("a run of events held in memory gives the read tables of applying them one by one", "[storage][rebuild][run]") {
    ManualClock clock;
    StaffKeys staff;
    ScratchDir runDir;
    auto kiosk = openOrFail(runDir.database(), clock.options());
    REQUIRE(kiosk->setStaffPublicKey(staff.publicKey).ok());
    const auto tick = [&] { clock.set(*clock.nowMs + 60'000); };

    // This kiosk's own history, through the same calls the screens make.
    REQUIRE(kiosk->addDemoNeighbourhood().ok());
    std::vector<Idea> ideas;
    for (const char* title : {"Bankjes bij de vijver", "Meer licht in het steegje", "Een moestuin", "Speeltuin opknappen"}) {
        tick();
        Result<Idea> idea = kiosk->submitIdea(makeDraft(title));
        REQUIRE(idea.ok());
        ideas.push_back(*idea);
    }
    tick();
    Result<Idea> barbecue = kiosk->submitInitiative(smallInitiative("Buurtbarbecue"));
    REQUIRE(barbecue.ok());
    for (const Idea& idea : {ideas[0], ideas[1], *barbecue}) {
        tick();
        REQUIRE(kiosk->approveIdea(idea.id).ok());
    }
    for (const Idea& idea : {ideas[0], ideas[0], ideas[1], *barbecue}) {
        tick();
        REQUIRE(kiosk->supportIdea(idea.id).ok());
    }
    tick();
    REQUIRE(kiosk->mergeIdea(ideas[1].id, ideas[0].id).ok());  // its support moves along
    tick();
    REQUIRE(kiosk->hideIdea(ideas[2].id, HideReason::Other, "dubbel").ok());
    tick();
    Result<Idea> late = kiosk->submitIdea(makeDraft("Bloembakken"));
    REQUIRE(late.ok());
    tick();
    REQUIRE(kiosk->approveIdea(late->id).ok());
    tick();
    REQUIRE(kiosk->supportIdea(late->id).ok());

    // Another kiosk's events between and after them: a support of a merged idea (counts where it
    // went), an approval before its idea arrives (changes nothing), the same reference drawn twice
    // (listed as /2), an approval of a merged idea (stays merged) and supports of a new idea.
    const std::uint64_t firstHere = ideas[0].created.packed;  // before the second idea: both are held
    {
        SQLite::Database db(runDir.database().string(), SQLite::OPEN_READWRITE);
        const std::uint64_t last = static_cast<std::uint64_t>(db.execAndGet("SELECT MAX(hlc) FROM events").getInt64());
        IdeaSubmitted same;
        same.ideaId = "0a0a0a0a-0000-4000-8000-000000000001";
        same.reference = ideas[0].reference;
        same.title = "Bankjes, maar dan bij de school";
        same.body = "Bij de ingang van de school.";
        IdeaSubmitted early;
        early.ideaId = "0a0a0a0a-0000-4000-8000-000000000002";
        early.reference = "ZZZ-ZZZ";
        early.title = "Een bibliotheekkastje";
        early.body = "Boeken ruilen bij de bushalte.";
        insertEvent(db, 1, firstHere + 1, kEventIdeaApproved, encodePayload(IdeaApproved{early.ideaId}));
        insertEvent(db, 2, firstHere + 2, kEventIdeaSubmitted, encodePayload(same));
        insertEvent(db, 3, firstHere + 3, kEventIdeaSubmitted, encodePayload(early));
        insertEvent(db, 4, firstHere + 4, kEventIdeaSupported, encodePayload(IdeaSupported{same.ideaId}));
        insertEvent(db, 5, last + 1, kEventIdeaSupported, encodePayload(IdeaSupported{ideas[1].id}));
        insertEvent(db, 6, last + 2, kEventIdeaApproved, encodePayload(IdeaApproved{ideas[1].id}));
        insertEvent(db, 7, last + 3, kEventIdeaApproved, encodePayload(IdeaApproved{same.ideaId}));
        insertEvent(db, 8, last + 4, kEventIdeaSupported, encodePayload(IdeaSupported{same.ideaId}));
        insertEvent(db, 9, last + 5, kEventIdeaMerged, encodePayload(IdeaMerged{early.ideaId, same.ideaId}));
        insertEvent(db, 10, last + 6, kEventIdeaSupported, encodePayload(IdeaSupported{early.ideaId}));
    }

    // One by one: applyEvent per event in the order of every rebuild, in a fresh database.
    const std::string oneByOne = appliedOneByOne(runDir.database(), clock);

    // As a run: the kiosk rebuilds from the same log.
    REQUIRE(kiosk->rebuildReadTables().ok());
    SQLite::Database db(runDir.database().string(), SQLite::OPEN_READONLY);
    CHECK(dumpReadTables(db) == oneByOne);

    // And the rows say what the events meant, so the comparison is not of two empty tables.
    const auto ideaRow = [&](const std::string& id) {
        SQLite::Statement q(db, "SELECT reference || ' ' || status || ' ' || supports FROM ideas WHERE idea_id = ?");
        q.bind(1, id);
        REQUIRE(q.executeStep());
        return q.getColumn(0).getString();
    };
    CHECK(ideaRow(ideas[0].id) == ideas[0].reference + " approved 4");  // 2 + 1 merged in + 1 from the other kiosk
    CHECK(ideaRow("0a0a0a0a-0000-4000-8000-000000000001") == ideas[0].reference + "/2 approved 3");
    CHECK(ideaRow("0a0a0a0a-0000-4000-8000-000000000002") == "ZZZ-ZZZ hidden 0");  // approved too early, then merged
    CHECK(ideaRow(late->id) == late->reference + " approved 1");
    CHECK(ideaRow(barbecue->id) == barbecue->reference + " approved 1");
}

TEST_CASE("a long run decoded ahead on another core gives the same tables, across its batches", "[storage][rebuild][run]") {
    // Several thousand events: the payloads are decoded in batches while earlier ones are stored,
    // and merges fall inside batches, so held ideas are written in the middle of one.
    ManualClock clock;
    ScratchDir runDir;
    auto kiosk = openOrFail(runDir.database(), clock.options());
    std::mt19937 random(20261129);
    {
        SQLite::Database db(runDir.database().string(), SQLite::OPEN_READWRITE);
        SQLite::Transaction tx(db);
        std::vector<std::string> ids;
        std::uint64_t hlc = HlcStamp::make(1'764'316'924'000, 0).packed;
        for (std::int64_t seq = 1; seq <= 7000; ++seq) {
            const unsigned roll = random() % 100;
            if (ids.empty() || roll < 15) {
                IdeaSubmitted idea;
                idea.ideaId = "0b0b0b0b-0000-4000-8000-" + std::string(12 - std::to_string(seq).size(), '0') + std::to_string(seq);
                idea.reference = "R" + std::to_string(random() % 400);  // drawn twice now and then
                idea.title = "Idee " + std::to_string(seq);
                idea.body = "Een idee voor de buurt.";
                insertEvent(db, seq, ++hlc, kEventIdeaSubmitted, encodePayload(idea));
                ids.push_back(idea.ideaId);
            } else if (roll < 25) {
                insertEvent(db, seq, ++hlc, kEventIdeaApproved, encodePayload(IdeaApproved{ids[random() % ids.size()]}));
            } else if (roll < 26 && ids.size() > 2) {
                const std::size_t from = random() % ids.size();
                const std::size_t into = (from + 1 + random() % (ids.size() - 1)) % ids.size();  // another idea
                insertEvent(db, seq, ++hlc, kEventIdeaMerged, encodePayload(IdeaMerged{ids[from], ids[into]}));
            } else {
                insertEvent(db, seq, ++hlc, kEventIdeaSupported, encodePayload(IdeaSupported{ids[random() % ids.size()]}));
            }
        }
        tx.commit();
    }
    const std::string oneByOne = appliedOneByOne(runDir.database(), clock);
    REQUIRE(kiosk->rebuildReadTables().ok());
    SQLite::Database db(runDir.database().string(), SQLite::OPEN_READONLY);
    CHECK(dumpReadTables(db) == oneByOne);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM ideas").getInt() > 800);
    CHECK(db.execAndGet("SELECT SUM(supports) FROM ideas").getInt() > 4000);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM ideas WHERE reference LIKE '%/%'").getInt() > 100);
}

TEST_CASE("voting codes held in a run end as they would one by one: issued, used, voided, issued again",
          "[storage][rebuild][run][round]") {
    ManualClock clock;
    ScratchDir runDir;
    auto kiosk = openOrFail(runDir.database(), clock.options());
    const auto tick = [&] { clock.set(*clock.nowMs + 60'000); };

    // This kiosk: a ballot of a code the run holds, then a voided code (which writes what is held),
    // then a ballot of a code already written.
    Result<BudgetRound> round = kiosk->saveRound(twoProjectRound(*clock.nowMs));
    REQUIRE(round.ok());
    tick();
    Result<std::vector<std::string>> codes = kiosk->issueVotingCodes(round->id, 4);
    REQUIRE(codes.ok());
    tick();
    REQUIRE(kiosk->castBallot(round->id, chooseOne(0), (*codes)[0]).ok());
    tick();
    REQUIRE(kiosk->voidVotingCode(round->id, (*codes)[1]).ok());
    tick();
    REQUIRE(kiosk->castBallot(round->id, chooseOne(1), (*codes)[2]).ok());

    // Another kiosk's events after them: a ballot of a code not issued yet (marks nothing), then
    // an issue of that code, a new one, and the used and the voided code again (which stay as they
    // are), then ballots of the new code and of the voided one (which a ballot marks used).
    std::string usedHash;
    std::string voidedHash;
    {
        SQLite::Database db(runDir.database().string(), SQLite::OPEN_READWRITE);
        usedHash = db.execAndGet("SELECT code_hash FROM ballots ORDER BY rowid LIMIT 1").getString();
        voidedHash = db.execAndGet("SELECT code_hash FROM voting_codes WHERE status = 'voided'").getString();
        const std::uint64_t last = static_cast<std::uint64_t>(db.execAndGet("SELECT MAX(hlc) FROM events").getInt64());
        const std::string early(64, 'a');
        const std::string fresh(64, 'b');
        const auto ballot = [&](int n, const std::string& hash) {
            BallotCast cast;
            cast.roundId = round->id;
            cast.ballotId = "0c0c0c0c-0000-4000-8000-00000000000" + std::to_string(n);
            cast.receipt = "RCP-00" + std::to_string(n);
            cast.codeHash = hash;
            cast.projectIds = {"bank"};
            return encodePayload(cast);
        };
        insertEvent(db, 1, last + 1, kEventBallotCast, ballot(1, early));
        insertEvent(db, 2, last + 2, kEventVotingCodesIssued,
                    encodePayload(VotingCodesIssued{round->id, {early, fresh, usedHash, voidedHash}}));
        insertEvent(db, 3, last + 3, kEventBallotCast, ballot(2, fresh));
        insertEvent(db, 4, last + 4, kEventBallotCast, ballot(3, voidedHash));
    }

    const std::string oneByOne = appliedOneByOne(runDir.database(), clock, 9);
    REQUIRE(kiosk->rebuildReadTables().ok());
    SQLite::Database db(runDir.database().string(), SQLite::OPEN_READONLY);
    CHECK(dumpReadTables(db) == oneByOne);

    const auto status = [&](const std::string& hash) {
        SQLite::Statement q(db, "SELECT status FROM voting_codes WHERE code_hash = ?");
        q.bind(1, hash);
        return q.executeStep() ? q.getColumn(0).getString() : std::string("none");
    };
    CHECK(status(usedHash) == "used");
    CHECK(status(voidedHash) == "used");  // voided, issued again (no change), then used by a ballot
    CHECK(status(std::string(64, 'a')) == "issued");  // its ballot came before its issue
    CHECK(status(std::string(64, 'b')) == "used");
    CHECK(db.execAndGet("SELECT COUNT(*) FROM voting_codes WHERE status = 'used'").getInt() == 4);  // + the third code
    CHECK(db.execAndGet("SELECT COUNT(*) FROM voting_codes WHERE status = 'issued'").getInt() == 2);  // the fourth, 'a'
}

TEST_CASE("a large run, its later rows gathered and what it held freed on another core, gives the same tables",
          "[storage][rebuild][run][round]") {
    // Thousands held at once (ideas, initiatives with plans, ballots, codes), as a merge holds
    // them: finish() then gathers and sorts the plans, ballots and codes on another thread while
    // it writes the ideas, and frees what it held on another thread.
    ManualClock clock;
    ScratchDir runDir;
    auto kiosk = openOrFail(runDir.database(), clock.options());
    Result<BudgetRound> round = kiosk->saveRound(twoProjectRound(*clock.nowMs));
    REQUIRE(round.ok());
    clock.set(*clock.nowMs + 60'000);
    Result<std::vector<std::string>> tableCodes = kiosk->issueVotingCodes(round->id, 3);
    REQUIRE(tableCodes.ok());
    std::mt19937 random(20261129);
    {
        SQLite::Database db(runDir.database().string(), SQLite::OPEN_READWRITE);
        std::vector<std::string> tableHashes;
        SQLite::Statement q(db, "SELECT code_hash FROM voting_codes ORDER BY code_hash");
        while (q.executeStep()) tableHashes.push_back(q.getColumn(0).getString());
        REQUIRE(tableHashes.size() == 3);
        SQLite::Transaction tx(db);
        std::uint64_t hlc = static_cast<std::uint64_t>(db.execAndGet("SELECT MAX(hlc) FROM events").getInt64());
        std::int64_t seq = 0;
        const auto numbered = [](const char* prefix, std::int64_t n) {
            return std::string(prefix) + std::string(12 - std::to_string(n).size(), '0') + std::to_string(n);
        };
        std::vector<std::string> ids;
        for (int i = 0; i < 3000; ++i) {
            IdeaSubmitted idea;
            idea.ideaId = numbered("0d0d0d0d-0000-4000-8000-", random() % 1'000'000'000 * 10 + i % 10);  // not in apply order
            idea.reference = "G" + std::to_string(random() % 2500);  // drawn twice now and then
            idea.title = "Plan " + std::to_string(i);
            if (i % 2 == 0) {
                InitiativeSubmitted initiative{idea, {}};
                initiative.idea.sealedContact = "c2VhbGVkIGNvbnRhY3Q=";
                initiative.plan.when = "zaterdag";
                initiative.plan.audience = {kAllAudiences[random() % 3], kAllAudiences[3 + random() % 3]};
                initiative.plan.partners = {kAllPartners[random() % 6]};
                for (int line = 0; line < static_cast<int>(random() % 4); ++line) {
                    initiative.plan.budget.push_back({"Post " + std::to_string(line), 100 + static_cast<std::int64_t>(random() % 5000)});
                }
                insertEvent(db, ++seq, ++hlc, kEventInitiativeSubmitted, encodePayload(initiative));
            } else {
                insertEvent(db, ++seq, ++hlc, kEventIdeaSubmitted, encodePayload(idea));
            }
            ids.push_back(idea.ideaId);
            if (i % 2 == 1) insertEvent(db, ++seq, ++hlc, kEventIdeaSupported, encodePayload(IdeaSupported{ids[random() % ids.size()]}));
        }
        std::vector<std::string> issued;
        for (int i = 0; i < 2000; ++i) {
            std::string hash;
            for (int digit = 0; digit < 64; ++digit) hash += "0123456789abcdef"[random() % 16];
            issued.push_back(hash);
        }
        issued.push_back(tableHashes[2]);  // issued again: stays as it is
        insertEvent(db, ++seq, ++hlc, kEventVotingCodesIssued, encodePayload(VotingCodesIssued{round->id, issued}));
        for (int i = 0; i < 1500; ++i) {
            BallotCast cast;
            cast.roundId = round->id;
            cast.ballotId = numbered("0e0e0e0e-0000-4000-8000-", random() % 1'000'000'000 * 10 + i % 10);
            cast.receipt = "RCP-" + std::to_string(i);
            const unsigned roll = random() % 10;
            cast.codeHash = roll < 7 ? issued[random() % issued.size()] : roll < 9 ? tableHashes[random() % 3] : std::string();
            cast.projectIds = {"bank"};
            insertEvent(db, ++seq, ++hlc, kEventBallotCast, encodePayload(cast));
        }
        tx.commit();
    }
    const std::string oneByOne = appliedOneByOne(runDir.database(), clock, 6000);
    REQUIRE(kiosk->rebuildReadTables().ok());
    SQLite::Database db(runDir.database().string(), SQLite::OPEN_READONLY);
    CHECK(dumpReadTables(db) == oneByOne);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM ideas").getInt() == 3000);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM initiative_plans").getInt() == 1500);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM initiative_budget_lines").getInt() > 1500);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM ballots").getInt() == 1500);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM voting_codes WHERE status = 'used'").getInt() > 800);
}

TEST_CASE("a held idea keeps an event uuid and a kiosk id of any length, an empty one too", "[storage][run]") {
    ManualClock clock;
    ScratchDir dir;
    auto store = openOrFail(dir.database(), clock.options());
    IdeaSubmitted idea;
    idea.ideaId = "idea-long-uuid";
    idea.reference = "LNG-001";
    idea.title = "Bankjes";
    idea.body = "Bij de vijver.";
    // Longer than a block of the run's texts, and many short ones around it.
    const std::string longUuid(20'000, 'u');
    {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE);
        SQLite::Statement insert(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)");
        for (std::int64_t seq = 1; seq <= 3000; ++seq) {
            IdeaSubmitted each = idea;
            each.ideaId += "-" + std::to_string(seq);
            each.reference = "LNG-" + std::to_string(seq);
            insert.reset();
            insert.bind(1, kOtherKiosk);
            insert.bind(2, seq);
            insert.bind(3, seq == 1500 ? longUuid : "u-" + std::to_string(seq));
            insert.bind(4, seq);
            insert.bind(5, std::string(kEventIdeaSubmitted));
            insert.bind(6, encodePayload(each));
            insert.exec();
        }
        // First of all in apply order: an event without a kiosk id, the run's first text empty.
        IdeaSubmitted first = idea;
        first.ideaId += "-first";
        first.reference = "LNG-0";
        insert.reset();
        insert.bind(1, std::string());
        insert.bind(2, std::int64_t{1});
        insert.bind(3, "u-first");
        insert.bind(4, std::int64_t{0});
        insert.bind(5, std::string(kEventIdeaSubmitted));
        insert.bind(6, encodePayload(first));
        insert.exec();
    }
    const Result<void> rebuilt = store->rebuildReadTables();
    INFO((rebuilt ? std::string() : rebuilt.error().detail));
    REQUIRE(rebuilt.ok());
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT COUNT(*) FROM ideas WHERE kiosk_id = '" + kOtherKiosk + "'").getInt() == 3000);
    CHECK(db.execAndGet("SELECT event_uuid FROM ideas WHERE idea_id = 'idea-long-uuid-1500'").getString() == longUuid);
    CHECK(db.execAndGet("SELECT event_uuid FROM ideas WHERE idea_id = 'idea-long-uuid-2999'").getString() == "u-2999");
    CHECK(db.execAndGet("SELECT kiosk_id || '|' || event_uuid FROM ideas WHERE idea_id = 'idea-long-uuid-first'").getString() == "|u-first");
}

TEST_CASE("an approval's or a support's idea is read in its payload, or decoded when written otherwise", "[storage][run]") {
    const auto mention = [](std::string_view type, const std::string& payload) {
        const Event event{kOtherKiosk, 1, "u-1", HlcStamp{1}, std::string(type), payload};
        EventRun::Decoded decoded = EventRun::decode(event);
        const auto* found = std::get_if<EventRun::IdeaMention>(&decoded);
        REQUIRE(found != nullptr);
        return std::make_pair(std::string(found->ideaId()), found->copy == nullptr);
    };
    const std::string written = encodePayload(IdeaSupported{"0f6a1c2e-5b7d-4e8f-9a01-23456789abcd"});
    CHECK(mention(kEventIdeaSupported, written) == std::make_pair(std::string("0f6a1c2e-5b7d-4e8f-9a01-23456789abcd"), true));
    CHECK(mention(kEventIdeaApproved, encodePayload(IdeaApproved{"idea_7"})) == std::make_pair(std::string("idea_7"), true));
    // Other forms the decoder reads the same way: spaced out, an escape, another field.
    CHECK(mention(kEventIdeaSupported, "{ \"ideaId\": \"abc\" }") == std::make_pair(std::string("abc"), false));
    CHECK(mention(kEventIdeaSupported, "{\"ideaId\":\"a\\u0062c\"}") == std::make_pair(std::string("abc"), false));
    CHECK(mention(kEventIdeaApproved, "{\"ideaId\":\"a.b\"}") == std::make_pair(std::string("a.b"), false));
    // What the decoder refuses stays unreadable.
    for (const char* bad : {"{\"ideaId\":\"\"}", "{\"ideaId\":\"", "{}", "\"ideaId\""}) {
        INFO(bad);
        const Event event{kOtherKiosk, 1, "u-1", HlcStamp{1}, std::string(kEventIdeaSupported), bad};
        CHECK(std::holds_alternative<std::monostate>(EventRun::decode(event)));
    }
}

TEST_CASE("payloads decoded ahead come out in order, each as its type, and a decoding left early stops", "[storage][run]") {
    std::vector<Event> events;
    const auto add = [&events](std::string_view type, std::string payload) {
        const auto seq = static_cast<std::int64_t>(events.size() + 1);
        events.push_back(Event{kOtherKiosk, seq, "u-" + std::to_string(seq), HlcStamp{static_cast<std::uint64_t>(seq)},
                               std::string(type), std::move(payload)});
    };
    IdeaSubmitted idea;
    idea.ideaId = "idea-1";
    idea.reference = "AB1-CDE";
    idea.title = "Bankjes";
    add(kEventIdeaSubmitted, encodePayload(idea));
    add(kEventPulseGiven, encodePayload(PulseGiven{}));  // a type a run does not hold
    add(kEventIdeaApproved, "{\"ideaId\":");              // unreadable
    for (int i = 0; i < 1000; ++i) add(kEventIdeaSupported, encodePayload(IdeaSupported{"idea-" + std::to_string(i)}));
    const std::vector<EventView> views = viewsOf(events);
    std::vector<const EventView*> pointers;
    for (const EventView& e : views) pointers.push_back(&e);

    SECTION("all taken, in order") {
        EventRun::Decoding decoding(pointers);
        EventRun::Decoded first = decoding.take(0);
        const auto* submitted = std::get_if<std::unique_ptr<IdeaSubmitted>>(&first);
        REQUIRE(submitted != nullptr);
        CHECK((*submitted)->title == "Bankjes");
        CHECK(std::holds_alternative<std::monostate>(decoding.take(1)));
        CHECK(std::holds_alternative<std::monostate>(decoding.take(2)));
        int inOrder = 0;
        for (std::size_t i = 3; i < pointers.size(); ++i) {
            EventRun::Decoded support = decoding.take(i);
            const auto* supported = std::get_if<EventRun::IdeaMention>(&support);
            if (supported && supported->ideaId() == "idea-" + std::to_string(i - 3)) ++inOrder;
        }
        CHECK(inOrder == 1000);
    }
    SECTION("one taken, then left: its thread stops and joins") {
        EventRun::Decoding decoding(pointers);
        CHECK_FALSE(std::holds_alternative<std::monostate>(decoding.take(0)));
    }
    SECTION("nothing to decode: made and destroyed without a thread") {
        CHECK_NOTHROW([] { EventRun::Decoding decoding(std::span<const EventView* const>{}); }());
    }
}
