// A resident votes in an open budget round with a voting code: approval, budget, points and
// ranking ballots, refusals said plainly, once per code, and the receipt.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

// Types a code as a resident would: lower case, without the dashes, into an emptied field.
void typeCode(Harness& h, std::string code) {
    h.app().state().vote.typedCode.clear();
    code.erase(std::remove(code.begin(), code.end(), '-'), code.end());
    std::transform(code.begin(), code.end(), code.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
    h.type(code);
    REQUIRE(h.tap("#osk.done"));
}

// A round of the given ballot type, open now, replacing what the view shows; returns its codes.
std::vector<std::string> openRound(Harness& h, BallotType type, int maxChoices = 0) {
    BudgetRound round = h.store().openRounds().front();
    round.id.clear();
    round.name = "Proef";
    round.ballot = type;
    round.limits.maxChoices = maxChoices;
    round.limits.totalPoints = 5;
    round.limits.maxPointsPerProject = 3;
    round.opensMs = h.store().openRounds().front().opensMs - 1;  // opens first: the view shows it
    if (type == BallotType::Ranking) round.counting = CountingRule{"greedy", "cost", "none", false};
    const std::string id = h.store().saveRound(round).value().id;
    h.app().refreshView();
    REQUIRE(h.app().view().openRound.has_value());
    REQUIRE(h.app().view().openRound->id == id);
    return h.store().issueVotingCodes(id, 2).value();
}

}  // namespace

TEST_CASE("a resident votes once with a code, and the code does not vote again", "[ui][vote]") {
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    REQUIRE(h.app().view().openRound.has_value());
    const std::string roundId = h.app().view().openRound->id;
    const std::string code = h.demoVotingCodes().at(0);

    REQUIRE(h.tap("home.tile.vote"));
    REQUIRE(h.app().state().screen == ui::ScreenId::VoteCode);
    typeCode(h, code);
    REQUIRE(h.app().state().screen == ui::ScreenId::Ballot);
    CHECK_FALSE(h.find("ballot.review")->enabled);  // nothing chosen yet

    // The demo round lets a resident choose three.
    REQUIRE(h.tap("#ballot.project.bankjes"));
    REQUIRE(h.tap("#ballot.project.licht"));
    REQUIRE(h.tap("#ballot.project.speeltuin"));
    REQUIRE(h.tap("#ballot.project.moestuin"));
    CHECK(h.app().state().vote.refusal == BallotRefusal::TooManyChoices);
    REQUIRE(h.tap("#ballot.project.speeltuin"));  // taken back
    REQUIRE(h.tap("#ballot.project.moestuin"));
    CHECK(h.app().state().vote.refusal == BallotRefusal::None);
    REQUIRE(h.tap("ballot.review"));
    REQUIRE(h.app().state().screen == ui::ScreenId::BallotReview);
    REQUIRE(h.tap("ballot.review.change"));
    REQUIRE(h.app().state().screen == ui::ScreenId::Ballot);
    CHECK(h.app().state().vote.ballot.projects.size() == 3);  // nothing lost going back
    REQUIRE(h.tap("ballot.review"));
    REQUIRE(h.tap("ballot.review.confirm"));
    REQUIRE(h.app().state().screen == ui::ScreenId::BallotReceipt);
    CHECK(h.app().state().vote.receipt.size() == 7);
    CHECK_FALSE(h.has("nav.back"));

    CHECK(h.store().ballotCount(roundId) == 1);
    const std::vector<BallotDraft> ballots = h.store().roundBallots(roundId);
    REQUIRE(ballots.size() == 1);
    const BudgetRound& round = *h.app().view().openRound;
    std::vector<std::string> chosen;
    for (std::uint32_t p : ballots[0].projects) chosen.push_back(round.projects[p].id);
    CHECK(chosen == std::vector<std::string>{"bankjes", "licht", "moestuin"});

    // The same code again: refused with the reason, nothing stored.
    REQUIRE(h.tap("idea.thanks.done"));
    REQUIRE(h.tap("home.tile.vote"));
    typeCode(h, code);
    CHECK(h.app().state().screen == ui::ScreenId::VoteCode);
    REQUIRE(h.app().state().vote.codeProblemKey != nullptr);
    CHECK(std::string(h.app().state().vote.codeProblemKey) == "vote.code.used");
    CHECK(h.store().ballotCount(roundId) == 1);
}

TEST_CASE("wrong codes get a plain message, and many in a row make the kiosk wait, also after walking away", "[ui][vote]") {
    Harness h;
    REQUIRE(h.tap("home.tile.vote"));
    typeCode(h, "AAAA-AAAA-AAAA");
    REQUIRE(h.app().state().vote.codeProblemKey != nullptr);
    CHECK(std::string(h.app().state().vote.codeProblemKey) == "vote.code.unknown");
    h.type("x");  // typing again clears the message
    CHECK(h.app().state().vote.codeProblemKey == nullptr);
    REQUIRE(h.tap("#osk.done"));
    CHECK(std::string(h.app().state().vote.codeProblemKey) == "vote.code.not_a_code");
    typeCode(h, "AAAA-AAAA-AAAA");  // the third wrong code in a row is still free
    CHECK(std::string(h.app().state().vote.codeProblemKey) == "vote.code.unknown");
    typeCode(h, "AAAA-AAAA-AAAA");  // the fourth: from now on the kiosk waits before the next
    CHECK(std::string(h.app().state().vote.codeProblemKey) == "vote.code.unknown");
    // Right away, even a right code has to wait.
    typeCode(h, h.demoVotingCodes().at(1));
    CHECK(std::string(h.app().state().vote.codeProblemKey) == "vote.code.wait");
    CHECK(h.app().state().screen == ui::ScreenId::VoteCode);
    h.wait(95.0);  // the idle reset wipes the code, not the wait... which has passed by now
    CHECK(h.app().state().screen == ui::ScreenId::Attract);
    CHECK(h.app().state().vote.typedCode.empty());
    REQUIRE(h.tap("#attract.start"));
    REQUIRE(h.tap("home.tile.vote"));
    typeCode(h, h.demoVotingCodes().at(1));
    CHECK(h.app().state().screen == ui::ScreenId::Ballot);
}

TEST_CASE("budget ballot: what does not fit is refused; points: - and +; ranking: in order", "[ui][vote]") {
    test::HarnessOptions options;
    options.language = "en";
    Harness h(options);
    {
        const std::vector<std::string> codes = openRound(h, BallotType::Budget);
        REQUIRE(h.tap("home.tile.vote"));
        typeCode(h, codes[0]);
        REQUIRE(h.tap("#ballot.project.speeltuin"));  // 12,000 of 20,000
        REQUIRE(h.tap("#ballot.project.bankjes"));    // 9,000 more: does not fit
        CHECK(h.app().state().vote.refusal == BallotRefusal::OverBudget);
        REQUIRE(h.tap("#ballot.project.licht"));      // 4,000 fits
        REQUIRE(h.tap("ballot.review"));
        REQUIRE(h.tap("ballot.review.confirm"));
        REQUIRE(h.app().state().screen == ui::ScreenId::BallotReceipt);
        const std::vector<BallotDraft> ballots = h.store().roundBallots(h.app().view().openRound->id);
        REQUIRE(ballots.size() == 1);
        CHECK(ballots[0].projects.size() == 2);
        REQUIRE(h.tap("idea.thanks.done"));
    }
    {
        const std::vector<std::string> codes = openRound(h, BallotType::Points);
        REQUIRE(h.tap("home.tile.vote"));
        typeCode(h, codes[0]);
        REQUIRE(h.tap("#ballot.project.licht"));       // 1 point
        REQUIRE(h.tap("#ballot.points.plus"));         // 2
        REQUIRE(h.tap("#ballot.points.plus"));         // 3
        REQUIRE(h.tap("#ballot.points.plus"));         // 4: more than 3 on one project
        CHECK(h.app().state().vote.refusal == BallotRefusal::ProjectFull);
        REQUIRE(h.tap("#ballot.project.bankjes"));     // 1 point
        REQUIRE(h.tap("#ballot.points.plus"));         // 2: all 5 given
        REQUIRE(h.tap("#ballot.project.moestuin"));
        CHECK(h.app().state().vote.refusal == BallotRefusal::NoPointsLeft);
        REQUIRE(h.tap("#ballot.project.bankjes"));     // - and + act on bankjes again
        CHECK(h.app().state().vote.ballot.pointsOn(0) == 2);  // a tap on a project with points only picks it
        REQUIRE(h.tap("#ballot.points.minus"));        // bankjes back to 1
        REQUIRE(h.tap("#ballot.project.moestuin"));    // the point goes here
        REQUIRE(h.tap("ballot.review"));
        REQUIRE(h.tap("ballot.review.confirm"));
        const std::vector<BallotDraft> ballots = h.store().roundBallots(h.app().view().openRound->id);
        REQUIRE(ballots.size() == 1);
        CHECK(ballots[0].points == std::vector<int>{3, 1, 1});
        REQUIRE(h.tap("idea.thanks.done"));
    }
    {
        const std::vector<std::string> codes = openRound(h, BallotType::Ranking, 3);
        REQUIRE(h.tap("home.tile.vote"));
        typeCode(h, codes[0]);
        REQUIRE(h.tap("#ballot.project.moestuin"));
        REQUIRE(h.tap("#ballot.project.bankjes"));
        REQUIRE(h.tap("#ballot.project.licht"));
        REQUIRE(h.tap("#ballot.project.bankjes"));  // out: licht moves up
        REQUIRE(h.tap("#ballot.project.speeltuin"));
        REQUIRE(h.tap("ballot.review"));
        REQUIRE(h.tap("ballot.review.confirm"));
        const BudgetRound& round = *h.app().view().openRound;
        const std::vector<BallotDraft> ballots = h.store().roundBallots(round.id);
        REQUIRE(ballots.size() == 1);
        std::vector<std::string> order;
        for (std::uint32_t p : ballots[0].projects) order.push_back(round.projects[p].id);
        CHECK(order == std::vector<std::string>{"moestuin", "licht", "speeltuin"});
    }
}

TEST_CASE("walking away wipes an unfinished ballot: nothing is counted", "[ui][vote]") {
    Harness h;
    const std::string roundId = h.app().view().openRound->id;
    REQUIRE(h.tap("home.tile.vote"));
    typeCode(h, h.demoVotingCodes().at(2));
    REQUIRE(h.tap("#ballot.project.bankjes"));
    CHECK(h.app().state().hasDraft());
    h.wait(95.0);
    CHECK(h.app().state().screen == ui::ScreenId::Attract);
    CHECK(h.app().state().vote.ballot.projects.empty());
    CHECK(h.store().ballotCount(roundId) == 0);
    CHECK(h.store().votingCodeState(roundId, h.demoVotingCodes().at(2)) == storage::KioskStore::CodeState::Valid);
}
