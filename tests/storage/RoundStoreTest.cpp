// Budget rounds in the kiosk database: saving, voting codes (hashes only), casting ballots once
// per code inside the voting window, and rebuilding from the events.
#include "StorageTestSupport.h"

#include "app/core/VotingCode.h"

#include <algorithm>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

constexpr std::uint64_t kOpens = 1'764'316'924'000;  // the ManualClock's start
constexpr std::uint64_t kCloses = kOpens + 7 * 86'400'000ULL;

BudgetRound threeProjects(BallotType ballot = BallotType::Approval, Eligibility who = Eligibility::VotingCodes) {
    BudgetRound round;
    round.name = "Buurtbudget Kastanjebuurt";
    round.budgetCents = 1'000'000;
    round.ballot = ballot;
    round.eligibility = who;
    round.opensMs = kOpens;
    round.closesMs = kCloses;
    round.projects = {{"bank", "Bankjes bij de vijver", "", Theme::Green, 400'000, ""},
                      {"speel", "Speeltuin opknappen", "", Theme::Play, 700'000, ""},
                      {"licht", "Licht in het steegje", "", Theme::CleanSafe, 250'000, ""}};
    return round;
}

std::unique_ptr<KioskStore> inMemory(const ManualClock& clock) {
    auto store = KioskStore::openInMemory(clock.options());
    REQUIRE(store.ok());
    return std::move(store).value();
}

BallotDraft choose(std::initializer_list<std::uint32_t> projects) {
    BallotDraft draft;
    draft.projects = projects;
    return draft;
}

}  // namespace

TEST_CASE("a round is saved, read back, and cannot change once voted in", "[storage][round]") {
    ManualClock clock;
    auto store = inMemory(clock);
    Result<BudgetRound> saved = store->saveRound(threeProjects());
    REQUIRE(saved.ok());
    CHECK_FALSE(saved->id.empty());
    const std::optional<BudgetRound> read = store->round(saved->id);
    REQUIRE(read.has_value());
    CHECK(read->name == "Buurtbudget Kastanjebuurt");
    CHECK(read->budgetCents == 1'000'000);
    REQUIRE(read->projects.size() == 3);
    CHECK(read->projects[1].id == "speel");
    CHECK(read->projects[1].theme == Theme::Play);
    CHECK(read->counting.rule == "mes");
    CHECK(store->rounds().size() == 1);

    BudgetRound broken = threeProjects();
    broken.budgetCents = 0;
    const std::int64_t events = store->eventCount();
    CHECK_FALSE(store->saveRound(broken).ok());
    CHECK(store->eventCount() == events);  // nothing stored

    Result<std::vector<std::string>> codes = store->issueVotingCodes(saved->id, 3);
    REQUIRE(codes.ok());
    REQUIRE(store->castBallot(saved->id, choose({0}), (*codes)[0]).ok());
    BudgetRound changed = *read;
    changed.name = "Een andere naam";
    CHECK_FALSE(store->saveRound(changed).ok());
    changed = *read;
    changed.projects[0].costCents += 1;
    CHECK_FALSE(store->saveRound(changed).ok());
    changed = *read;
    changed.closesMs += 86'400'000;  // voting a day longer: the ballot stays what it was
    CHECK(store->saveRound(changed).ok());
    CHECK(store->round(saved->id)->closesMs == kCloses + 86'400'000);
}

TEST_CASE("closing a round ends voting at once and lists it among the closed ones", "[storage][round]") {
    ManualClock clock;
    auto store = inMemory(clock);
    Result<BudgetRound> saved = store->saveRound(threeProjects());
    REQUIRE(saved.ok());
    Result<std::vector<std::string>> codes = store->issueVotingCodes(saved->id, 2);
    REQUIRE(codes.ok());
    REQUIRE(store->castBallot(saved->id, choose({0, 2}), (*codes)[0]).ok());
    CHECK(store->closedRounds().empty());

    clock.set(kOpens + 2 * 3'600'000);
    Result<BudgetRound> closed = store->closeRound(saved->id);
    REQUIRE(closed.ok());
    CHECK(store->openRounds().empty());
    REQUIRE(store->closedRounds().size() == 1);
    CHECK(store->closedRounds()[0].id == saved->id);
    const Result<std::string> late = store->castBallot(saved->id, choose({1}), (*codes)[1]);
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == ErrorCode::InvalidInput);
    CHECK(store->roundBallots(saved->id).size() == 1);  // the ballot cast in time stays

    const Result<BudgetRound> again = store->closeRound(saved->id);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().detail.find("already ended") != std::string::npos);
    CHECK(store->closeRound("no-such-round").error().code == ErrorCode::NotFound);

    BudgetRound later = threeProjects();
    later.opensMs = kCloses;  // not begun yet
    later.closesMs = kCloses + 86'400'000;
    Result<BudgetRound> next = store->saveRound(later);
    REQUIRE(next.ok());
    CHECK(store->closeRound(next->id).error().detail.find("not begun") != std::string::npos);
}

TEST_CASE("ballots come out in the order of their receipts, not the order of voting", "[storage][round]") {
    ManualClock clock;
    auto store = inMemory(clock);
    Result<BudgetRound> saved = store->saveRound(threeProjects());
    REQUIRE(saved.ok());
    Result<std::vector<std::string>> codes = store->issueVotingCodes(saved->id, 12);
    REQUIRE(codes.ok());
    std::vector<std::string> receipts;
    for (std::size_t i = 0; i < codes->size(); ++i) {
        Result<std::string> receipt = store->castBallot(saved->id, choose({static_cast<std::uint32_t>(i % 3)}), (*codes)[i]);
        REQUIRE(receipt.ok());
        receipts.push_back(*receipt);
    }
    std::vector<std::size_t> byReceipt(receipts.size());
    for (std::size_t i = 0; i < byReceipt.size(); ++i) byReceipt[i] = i;
    std::sort(byReceipt.begin(), byReceipt.end(), [&](std::size_t a, std::size_t b) { return receipts[a] < receipts[b]; });
    const std::vector<BallotDraft> ballots = store->roundBallots(saved->id);
    REQUIRE(ballots.size() == receipts.size());
    for (std::size_t i = 0; i < ballots.size(); ++i) CHECK(ballots[i].projects[0] == byReceipt[i] % 3);
}

TEST_CASE("voting codes: only hashes are stored, each code votes once, a voided one not at all", "[storage][round][codes]") {
    ManualClock clock;
    ScratchDir dir;
    auto store = openOrFail(dir.database(), clock.options());
    const std::string roundId = store->saveRound(threeProjects()).value().id;
    Result<std::vector<std::string>> codes = store->issueVotingCodes(roundId, 5);
    REQUIRE(codes.ok());
    REQUIRE(codes->size() == 5);
    for (const std::string& code : *codes) CHECK(isCanonicalVotingCode(code));
    CHECK_FALSE(store->issueVotingCodes(roundId, 0).ok());
    CHECK_FALSE(store->issueVotingCodes("no-such-round", 1).ok());

    const std::string first = (*codes)[0];
    std::string typed = first;  // as typed at the kiosk: lower case, no dashes
    typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
    std::transform(typed.begin(), typed.end(), typed.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
    CHECK(store->votingCodeState(roundId, typed) == KioskStore::CodeState::Valid);
    CHECK(store->votingCodeState(roundId, "AAAA-AAAA-AAAA") == KioskStore::CodeState::Unknown);
    CHECK(store->votingCodeState(roundId, "hello") == KioskStore::CodeState::NotACode);

    Result<std::string> receipt = store->castBallot(roundId, choose({0, 2}), typed);
    REQUIRE(receipt.ok());
    CHECK(receipt->size() == 7);
    CHECK(store->votingCodeState(roundId, first) == KioskStore::CodeState::Used);
    const std::int64_t events = store->eventCount();
    CHECK_FALSE(store->castBallot(roundId, choose({1}), first).ok());  // once only
    CHECK_FALSE(store->castBallot(roundId, choose({1}), "AAAA-AAAA-AAAA").ok());
    CHECK_FALSE(store->castBallot(roundId, choose({1}), "").ok());
    CHECK(store->eventCount() == events);
    CHECK(store->ballotCount(roundId) == 1);

    REQUIRE(store->voidVotingCode(roundId, (*codes)[1]).ok());
    CHECK(store->votingCodeState(roundId, (*codes)[1]) == KioskStore::CodeState::Voided);
    CHECK_FALSE(store->castBallot(roundId, choose({1}), (*codes)[1]).ok());
    CHECK_FALSE(store->voidVotingCode(roundId, first).ok());  // used: nothing left to void

    // No code appears anywhere in the database file: only keyed hashes.
    store.reset();
    const std::string bytes = readBytes(dir.database()) + readBytes(dir.database().string() + "-wal");
    for (const std::string& code : *codes) {
        std::string bare = code;
        bare.erase(std::remove(bare.begin(), bare.end(), '-'), bare.end());
        CHECK(bytes.find(code) == std::string::npos);
        CHECK(bytes.find(bare) == std::string::npos);
    }
}

TEST_CASE("ballots count only inside the voting window and only when they fit the round", "[storage][round]") {
    ManualClock clock;
    auto store = inMemory(clock);
    BudgetRound round = threeProjects(BallotType::Budget);
    round.opensMs = kOpens + 1'000;
    const std::string roundId = store->saveRound(round).value().id;
    const std::vector<std::string> codes = store->issueVotingCodes(roundId, 2).value();
    CHECK_FALSE(store->castBallot(roundId, choose({0}), codes[0]).ok());  // not open yet
    clock.set(kOpens + 1'000);
    CHECK_FALSE(store->castBallot(roundId, choose({0, 1}), codes[0]).ok());  // 11,000 > 10,000
    CHECK(store->votingCodeState(roundId, codes[0]) == KioskStore::CodeState::Valid);  // still unused
    REQUIRE(store->castBallot(roundId, choose({1, 2}), codes[0]).ok());
    clock.set(kCloses);
    CHECK_FALSE(store->castBallot(roundId, choose({0}), codes[1]).ok());  // closed
    const std::vector<BallotDraft> ballots = store->roundBallots(roundId);
    REQUIRE(ballots.size() == 1);
    CHECK(ballots[0].projects == std::vector<std::uint32_t>{1, 2});
}

TEST_CASE("an evening's round takes no code; points ballots keep their points", "[storage][round]") {
    ManualClock clock;
    auto store = inMemory(clock);
    BudgetRound round = threeProjects(BallotType::Points, Eligibility::Evening);
    round.limits.totalPoints = 5;
    round.limits.maxPointsPerProject = 3;
    const std::string roundId = store->saveRound(round).value().id;
    CHECK_FALSE(store->issueVotingCodes(roundId, 5).ok());
    BallotDraft draft;
    draft.projects = {2, 0};
    draft.points = {3, 2};
    CHECK_FALSE(store->castBallot(roundId, draft, "ABCD-EFGH-JKMN").ok());
    REQUIRE(store->castBallot(roundId, draft, "").ok());
    const std::vector<BallotDraft> ballots = store->roundBallots(roundId);
    REQUIRE(ballots.size() == 1);
    CHECK(ballots[0].projects == std::vector<std::uint32_t>{2, 0});
    CHECK(ballots[0].points == std::vector<int>{3, 2});
}

TEST_CASE("a facilitator's phases: proposals, voting now, ending, publishing; each one event, rebuilt alike", "[storage][round][phases]") {
    ManualClock clock;
    auto store = inMemory(clock);
    BudgetRound later = threeProjects();
    later.opensMs = kOpens + 86'400'000;  // tomorrow
    later.closesMs = kCloses;
    const std::string id = store->saveRound(later).value().id;
    CHECK(roundPhase(*store->round(id), *clock.nowMs) == RoundPhase::Preparing);

    const std::int64_t eventsBefore = store->eventCount();
    Result<BudgetRound> open = store->changeRoundPhase(id, PhaseChange::OpenSubmissions);
    REQUIRE(open.ok());
    CHECK(store->eventCount() == eventsBefore + 1);
    CHECK(store->round(id)->phases.submissionsOpen);
    // Saving the round again (a new name, say) keeps the phases it has.
    BudgetRound renamed = *store->round(id);
    renamed.name = "Buurtbudget voorjaar";
    renamed.phases = RoundPhases{};
    REQUIRE(store->saveRound(renamed).ok());
    CHECK(store->round(id)->phases.submissionsOpen);

    clock.set(kOpens + 3'600'000);
    REQUIRE(store->changeRoundPhase(id, PhaseChange::OpenVotingNow).ok());
    CHECK(store->round(id)->opensMs == kOpens + 3'600'000);
    CHECK_FALSE(store->round(id)->phases.submissionsOpen);
    REQUIRE(store->openRounds().size() == 1);
    const std::vector<std::string> codes = store->issueVotingCodes(id, 2).value();
    REQUIRE(store->castBallot(id, choose({0}), codes[0]).ok());
    const Result<BudgetRound> tooEarly = store->changeRoundPhase(id, PhaseChange::PublishResults);
    REQUIRE_FALSE(tooEarly.ok());
    CHECK(tooEarly.error().code == ErrorCode::InvalidInput);
    CHECK(tooEarly.error().detail.find("not ended") != std::string::npos);

    clock.set(kOpens + 7'200'000);
    REQUIRE(store->changeRoundPhase(id, PhaseChange::CloseVotingNow).ok());
    CHECK(store->openRounds().empty());
    CHECK(store->round(id)->closesMs == kOpens + 7'200'000);
    CHECK(store->round(id)->phases.publishedMs == 0);
    REQUIRE(store->changeRoundPhase(id, PhaseChange::PublishResults).ok());
    CHECK(store->round(id)->phases.publishedMs == kOpens + 7'200'000);
    CHECK(store->changeRoundPhase("no-such-round", PhaseChange::PublishResults).error().code == ErrorCode::NotFound);

    const BudgetRound before = *store->round(id);
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(*store->round(id) == before);
    CHECK(store->roundBallots(id).size() == 1);
}

TEST_CASE("rounds, codes and ballots rebuild from the events alone", "[storage][round]") {
    ManualClock clock;
    auto store = inMemory(clock);
    const std::string roundId = store->saveRound(threeProjects()).value().id;
    const std::vector<std::string> codes = store->issueVotingCodes(roundId, 3).value();
    REQUIRE(store->castBallot(roundId, choose({2, 0}), codes[0]).ok());
    REQUIRE(store->voidVotingCode(roundId, codes[1]).ok());
    const std::vector<BallotDraft> before = store->roundBallots(roundId);
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->round(roundId).has_value());
    CHECK(store->roundBallots(roundId).size() == before.size());
    CHECK(store->roundBallots(roundId)[0].projects == before[0].projects);
    CHECK(store->votingCodeState(roundId, codes[0]) == KioskStore::CodeState::Used);
    CHECK(store->votingCodeState(roundId, codes[1]) == KioskStore::CodeState::Voided);
    CHECK(store->votingCodeState(roundId, codes[2]) == KioskStore::CodeState::Valid);  // the key survived the rebuild
}

TEST_CASE("voting code counts: issued, used and voided, per round", "[storage][round][codes]") {
    ManualClock clock;
    auto store = inMemory(clock);
    const std::string roundId = store->saveRound(threeProjects()).value().id;
    const std::string otherId = store->saveRound(threeProjects()).value().id;
    CHECK(store->votingCodeCounts(roundId).issued == 0);
    const std::vector<std::string> codes = store->issueVotingCodes(roundId, 5).value();
    REQUIRE(store->issueVotingCodes(otherId, 2).ok());
    REQUIRE(store->castBallot(roundId, choose({0}), codes[0]).ok());
    REQUIRE(store->voidVotingCode(roundId, codes[1]).ok());
    REQUIRE(store->voidVotingCode(roundId, codes[2]).ok());
    const KioskStore::CodeCounts counts = store->votingCodeCounts(roundId);
    CHECK(counts.issued == 5);
    CHECK(counts.used == 1);
    CHECK(counts.voided == 2);
    CHECK(store->votingCodeCounts(otherId).issued == 2);
    CHECK(store->votingCodeCounts(otherId).used == 0);
    CHECK(store->votingCodeCounts("no-such-round").issued == 0);
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->votingCodeCounts(roundId).voided == 2);
    CHECK_FALSE(store->lastReadError().has_value());
}

TEST_CASE("a receipt shows the vote was counted, typed in any case, and only in its own round", "[storage][round]") {
    ManualClock clock;
    auto store = inMemory(clock);
    Result<BudgetRound> saved = store->saveRound(threeProjects());
    REQUIRE(saved.ok());
    Result<BudgetRound> other = store->saveRound(threeProjects());
    REQUIRE(other.ok());
    Result<std::vector<std::string>> codes = store->issueVotingCodes(saved->id, 1);
    REQUIRE(codes.ok());
    Result<std::string> receipt = store->castBallot(saved->id, choose({1}), (*codes)[0]);
    REQUIRE(receipt.ok());
    CHECK(store->receiptCounted(saved->id, *receipt));
    std::string typed = *receipt;
    typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
    std::transform(typed.begin(), typed.end(), typed.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
    CHECK(store->receiptCounted(saved->id, typed));
    CHECK_FALSE(store->receiptCounted(other->id, *receipt));
    if (*receipt != "K7P-3QX") CHECK_FALSE(store->receiptCounted(saved->id, "K7P-3QX"));
    CHECK_FALSE(store->receiptCounted(saved->id, "not a code"));
    CHECK_FALSE(store->receiptCounted(saved->id, ""));
}
