// The results of a closed budget round on the kiosk: the tile, the outcome with every project's
// explanation in the resident's language, a round that closes while the kiosk runs, and a round
// nobody voted in.
#include "Harness.h"

#include "app/ui/screens/Screens.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr std::uint64_t kNow = 1'796'083'200'000;  // 2026-12-01 00:00 UTC
constexpr std::uint64_t kDay = 86'400'000;

std::vector<std::string> winnerIds(const ui::PublishedRound& closed) {
    std::vector<std::string> ids;
    for (const std::uint32_t p : closed.outcome->result.winners) ids.push_back(closed.round.projects[p].id);
    return ids;
}

}  // namespace

TEST_CASE("the round that closed last shows what was chosen and why", "[ui][results]") {
    const std::string language = GENERATE(as<std::string>{}, "nl", "en");
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    // The demo's spring round closed with 40 ballots and was counted with Equal Shares and add1.
    REQUIRE(h.app().view().publishedRound.has_value());
    const ui::PublishedRound& closed = *h.app().view().publishedRound;
    CHECK(closed.ballots == 40);
    REQUIRE(closed.outcome.has_value());
    CHECK(winnerIds(closed) == std::vector<std::string>{"drempel", "bloemen", "afval"});
    CHECK(closed.outcome->result.spent == 1'400'000);

    REQUIRE(h.tap("home.tile.results"));
    REQUIRE(h.app().state().screen == ui::ScreenId::RoundResults);
    CHECK(h.has("#results.project.drempel"));  // the first chosen project leads the list
    CHECK(h.has("nav.back"));

    // The speed bump's 18 supporters paid € 500 each; the football goals' supporters' money went
    // mostly to the speed bump, which most of them also chose.
    const tally::TallyResult& result = closed.outcome->result;
    const std::size_t bump = *closed.round.projectIndex("drempel");
    const std::size_t goals = *closed.round.projectIndex("trapveld");
    const std::string paid = ui::projectExplanation(h.app().ui(), closed.round, result, static_cast<std::uint32_t>(bump));
    const std::string outOfMoney = ui::projectExplanation(h.app().ui(), closed.round, result, static_cast<std::uint32_t>(goals));
    if (language == "en") {
        CHECK(paid == "Its supporters paid for it together from their equal shares: €\u00a0500 each.");
        CHECK(outOfMoney.find("most to “Verkeersdrempel Beukenstraat”") != std::string::npos);
    } else {
        CHECK(paid == "De stemmers ervoor betaalden het samen uit hun gelijke deel: ieder €\u00a0500.");
        CHECK(outOfMoney.find("het meeste naar ‘Verkeersdrempel Beukenstraat’") != std::string::npos);
    }
    CHECK(result.projects[bump].payers == 18);
    CHECK(result.projects[bump].share == 50'000);
}

TEST_CASE("a round that closes while the kiosk runs stops taking votes, and shows its results once published", "[ui][results]") {
    auto now = std::make_shared<std::uint64_t>(kNow);
    test::HarnessOptions options;
    options.clock = [now] { return *now; };
    Harness h(options);
    REQUIRE(h.app().view().openRound.has_value());
    const BudgetRound open = *h.app().view().openRound;
    REQUIRE(h.has("home.tile.vote"));
    BallotDraft ballot;
    ballot.projects = {0, 3};
    REQUIRE(h.store().castBallot(open.id, ballot, h.demoVotingCodes().at(0)).ok());

    const std::string springRoundId = h.app().view().publishedRound->round.id;
    *now = open.closesMs;  // the window ends; nobody touches the kiosk
    h.frames(1);
    CHECK_FALSE(h.app().view().openRound.has_value());
    CHECK_FALSE(h.has("home.tile.vote"));
    CHECK(h.app().view().publishedRound->round.id == springRoundId);  // not published yet: the earlier results stay
    REQUIRE(h.store().changeRoundPhase(open.id, PhaseChange::PublishResults).ok());
    h.app().refreshView();  // as after the facilitator's tap
    h.frames(1);
    REQUIRE(h.app().view().publishedRound.has_value());
    CHECK(h.app().view().publishedRound->round.id == open.id);
    CHECK(h.app().view().publishedRound->ballots == 1);
    REQUIRE(h.app().view().publishedRound->outcome.has_value());
    // One resident chose the benches and the vegetable boxes: EUR 9,000 + 2,500 fit the EUR 20,000.
    CHECK(winnerIds(*h.app().view().publishedRound) == std::vector<std::string>{"moestuin", "bankjes"});
    REQUIRE(h.tap("home.tile.results"));
    CHECK(h.has("#results.project.moestuin"));
}

TEST_CASE("a round nobody voted in says so instead of a list", "[ui][results]") {
    auto now = std::make_shared<std::uint64_t>(kNow);
    test::HarnessOptions options;
    options.clock = [now] { return *now; };
    Harness h(options);
    BudgetRound round = *h.app().view().openRound;
    round.id.clear();
    round.name = "Leeg";
    round.opensMs = kNow - kDay;
    round.closesMs = kNow + kDay;
    const std::string id = h.store().saveRound(round).value().id;
    h.app().refreshView();  // as after a facilitator saves a round
    *now = kNow + 2 * kDay;  // it closed after the demo's spring round: it is the last one closed
    REQUIRE(h.store().changeRoundPhase(id, PhaseChange::PublishResults).ok());
    h.app().refreshView();
    h.frames(1);
    REQUIRE(h.app().view().publishedRound.has_value());
    REQUIRE(h.app().view().publishedRound->round.id == id);
    CHECK(h.app().view().publishedRound->ballots == 0);
    CHECK_FALSE(h.app().view().publishedRound->outcome.has_value());  // Equal Shares needs a ballot to count
    REQUIRE(h.tap("home.tile.results"));
    REQUIRE(h.app().state().screen == ui::ScreenId::RoundResults);
    for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets()) CHECK(w.id.rfind("#results.project.", 0) != 0);
}

TEST_CASE("every reason and every counting rule reads in every language", "[ui][results][i18n]") {
    BudgetRound round;
    round.name = "Proef";
    round.budgetCents = 100'000;
    round.ballot = BallotType::Ranking;
    round.limits.maxChoices = 3;
    round.projects = {{"a", "Bankjes", "", Theme::Green, 40'000, ""}, {"b", "Licht", "", Theme::CleanSafe, 70'000, ""}};
    tally::TallyResult result;
    result.budget = 100'000;
    result.startMoney = 12'345;
    result.projects.resize(2);
    tally::ProjectOutcome& outcome = result.projects[0];
    outcome.rank = 2;
    outcome.budgetLeft = 30'000;
    outcome.threshold = 50;
    outcome.supporters = 9;
    outcome.payers = 7;
    outcome.paidAllTheyHad = 2;
    outcome.share = 5'000;
    outcome.supportersStart = 60'000;
    outcome.supportersLeft = 25'000;
    outcome.other = 1;

    const i18n::Translator shipped = test::shippedTranslations();
    for (const i18n::Language& language : shipped.languages()) {
        i18n::Translator translator = shipped;
        REQUIRE(translator.setLanguage(language.code));
        ui::Ui ui;
        ui.translator = &translator;
        for (const bool byPoints : {false, true})
            for (const tally::Reason reason :
                 {tally::Reason::NoSupport, tally::Reason::BelowThreshold, tally::Reason::FundedInTurn, tally::Reason::DidNotFit,
                  tally::Reason::CountingStopped, tally::Reason::FundedByEqualShares, tally::Reason::SupportersOutOfMoney,
                  tally::Reason::FundedByCompletion}) {
                result.byPoints = byPoints;
                outcome.reason = reason;
                const std::string text = ui::projectExplanation(ui, round, result, 0);
                INFO(language.code << " " << tally::reasonId(reason) << ": " << text);
                CHECK(text.size() > 10);
                CHECK(text.find_first_of("{}?") == std::string::npos);
                if (reason == tally::Reason::CountingStopped || reason == tally::Reason::SupportersOutOfMoney)
                    CHECK(text.find("Licht") != std::string::npos);
                if (reason == tally::Reason::FundedByEqualShares) CHECK(text.find("50") != std::string::npos);
            }
        for (const tally::Rule rule : {tally::Rule::Greedy, tally::Rule::GreedyNoSkip, tally::Rule::EqualShares})
            for (const bool greedyWon : {false, true}) {
                result.rule = rule;
                result.completion = tally::Completion::Add1;
                result.completionSteps = 3;
                result.comparison = tally::Comparison{};
                result.comparison->greedyWon = greedyWon;
                result.comparison->prefersGreedy = 11;
                result.comparison->prefersEqualShares = 17;
                const std::string text = ui::countingExplanation(ui, round, result);
                INFO(language.code << " " << tally::ruleId(rule) << ": " << text);
                CHECK(text.find_first_of("{}") == std::string::npos);
                CHECK(text.find("17") != std::string::npos);
                CHECK(text.find(ui.format("result.method.ranking", {{"points", "2"}})) != std::string::npos);  // two projects: 2 points for a first choice
                if (rule == tally::Rule::EqualShares) CHECK(text.find("123,45") != std::string::npos);
            }
    }
}

TEST_CASE("a resident checks with the receipt that their vote was counted", "[ui][results]") {
    auto now = std::make_shared<std::uint64_t>(kNow);
    test::HarnessOptions options;
    options.clock = [now] { return *now; };
    Harness h(options);
    const BudgetRound open = *h.app().view().openRound;
    BallotDraft ballot;
    ballot.projects = {1};
    const std::string receipt = h.store().castBallot(open.id, ballot, h.demoVotingCodes().at(0)).value();
    *now = open.closesMs;
    REQUIRE(h.store().changeRoundPhase(open.id, PhaseChange::PublishResults).ok());
    h.app().refreshView();
    h.frames(1);

    REQUIRE(h.tap("home.tile.results"));
    REQUIRE(h.tap("result.check_receipt"));
    REQUIRE(h.app().state().screen == ui::ScreenId::ReceiptCheck);
    std::string typed = receipt;  // as a resident types it: lower case, without the dash
    typed.erase(std::remove(typed.begin(), typed.end(), '-'), typed.end());
    std::transform(typed.begin(), typed.end(), typed.begin(), [](char c) { return static_cast<char>(std::tolower(c)); });
    h.type(typed);
    REQUIRE(h.tap("#osk.done"));
    CHECK(h.app().state().receipt.looked);
    CHECK(h.app().state().receipt.counted);

    h.type("x");  // typing again clears the answer
    CHECK_FALSE(h.app().state().receipt.looked);
    h.app().state().receipt.typed = receipt == "M4T-R7K" ? "K7P-3QX" : "M4T-R7K";
    REQUIRE(h.tap("#osk.done"));
    CHECK(h.app().state().receipt.looked);
    CHECK_FALSE(h.app().state().receipt.counted);

    // The idle reset forgets the receipt.
    h.app().resetForNextResident();
    CHECK(h.app().state().receipt.typed.empty());
}
