// The simulation's plans: the same seed gives the same plan, another seed another; every idea,
// initiative, pulse, need and ballot passes the rules the screens apply; counts are as asked;
// supports and votes favour a few, as residents do.
#include "app/core/KioskSetup.h"
#include "app/core/Simulation.h"
#include "app/core/Utf8.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>

using namespace buurtstem;

namespace {

const std::vector<std::string> kPlaces = {"Wilgenplein", "Speeltuin Eikenlaan", "Buurthuis De Linden"};

ResidentPlanRequest request(std::uint64_t seed, std::size_t ideas = 200) {
    ResidentPlanRequest r;
    r.seed = seed;
    r.counts.ideas = ideas;
    r.counts.initiatives = ideas / 10;
    r.counts.supports = ideas * 3;
    r.counts.pulses = ideas / 2;
    r.counts.needs = ideas / 4;
    r.places = kPlaces;
    return r;
}

// Everything a resident would see of the plan, as one text to compare.
std::string describe(const ResidentPlan& plan) {
    std::string text;
    const auto idea = [&](const IdeaDraft& d) {
        text += std::string(themeId(d.theme)) + "|" + d.title + "|" + d.body + "|" + d.place + "|" + d.contactName + "|" +
                d.contactAddress + "\n";
    };
    for (const SimulatedIdea& i : plan.ideas) {
        idea(i.draft);
        text += i.approved ? "+\n" : "-\n";
    }
    for (const SimulatedInitiative& i : plan.initiatives) {
        idea(i.draft.idea);
        text += i.draft.plan.when + "|" + std::to_string(budgetTotalCents(i.draft.plan)) + "|" +
                std::to_string(i.draft.plan.helpers) + (i.approved ? "+\n" : "-\n");
    }
    for (std::size_t s : plan.supports) text += std::to_string(s) + ",";
    for (const PulseDraft& p : plan.pulses)
        for (int score : p.scores) text += std::to_string(score);
    for (const MeetingNeedDraft& n : plan.needs) {
        for (std::uint16_t chosen : n.chosen) text += std::to_string(chosen) + ".";
        for (const std::string& note : n.notes) text += note + ";";
    }
    return text;
}

std::vector<Idea> candidates(std::size_t count) {
    std::vector<Idea> ideas;
    for (std::size_t i = 0; i < count; ++i) {
        Idea idea;
        idea.id = "id-" + std::to_string(i);
        idea.title = "Project " + std::to_string(i);
        idea.body = "Eerste zin. Tweede zin.";
        idea.supports = static_cast<int>(count - i);
        if (i % 3 == 0) {
            idea.kind = IdeaKind::Initiative;
            idea.budgetCents = 150'000 + static_cast<std::int64_t>(i) * 10'000;
        }
        ideas.push_back(idea);
    }
    return ideas;
}

}  // namespace

TEST_CASE("the same seed gives the same plan, another seed another", "[simulation]") {
    const Result<ResidentPlan> a = planResidents(request(7));
    const Result<ResidentPlan> b = planResidents(request(7));
    const Result<ResidentPlan> c = planResidents(request(8));
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(c);
    CHECK(describe(*a) == describe(*b));
    CHECK(describe(*a) != describe(*c));
    // The ideas of two seeds are not merely shuffled: their titles in order differ.
    std::vector<std::string> titlesA, titlesC;
    for (const SimulatedIdea& i : a->ideas) titlesA.push_back(i.draft.title);
    for (const SimulatedIdea& i : c->ideas) titlesC.push_back(i.draft.title);
    CHECK(titlesA != titlesC);

    CHECK(simulatedNeighbourhood(7).name == simulatedNeighbourhood(7).name);
    CHECK(simulatedNeighbourhood(7).places == simulatedNeighbourhood(7).places);
    std::set<std::string> names;
    for (std::uint64_t seed = 0; seed < 20; ++seed) names.insert(simulatedNeighbourhood(seed).name);
    CHECK(names.size() > 5);
}

TEST_CASE("asking for more of one thing leaves the rest of the plan as it was", "[simulation]") {
    ResidentPlanRequest more = request(3);
    more.counts.supports *= 2;
    more.counts.pulses += 5;
    const Result<ResidentPlan> a = planResidents(request(3));
    const Result<ResidentPlan> b = planResidents(more);
    REQUIRE(a);
    REQUIRE(b);
    REQUIRE(a->ideas.size() == b->ideas.size());
    for (std::size_t i = 0; i < a->ideas.size(); ++i) CHECK(a->ideas[i].draft.title == b->ideas[i].draft.title);
    CHECK(std::equal(a->supports.begin(), a->supports.end(), b->supports.begin()));
    CHECK(std::equal(a->pulses.begin(), a->pulses.end(), b->pulses.begin(),
                     [](const PulseDraft& x, const PulseDraft& y) { return x.scores == y.scores; }));
}

TEST_CASE("a plan has the counts asked for, and everything in it passes the screens' rules", "[simulation]") {
    ResidentPlanRequest r = request(11, 500);
    r.existingTargets = 4;
    const Result<ResidentPlan> plan = planResidents(r);
    REQUIRE(plan);
    CHECK(plan->ideas.size() == 500);
    CHECK(plan->initiatives.size() == 50);
    CHECK(plan->supports.size() == 1500);
    CHECK(plan->pulses.size() == 250);
    CHECK(plan->needs.size() == 125);

    std::set<Theme> themes;
    std::size_t approved = 0, withPlace = 0, withContact = 0;
    for (const SimulatedIdea& idea : plan->ideas) {
        CHECK(validateIdea(idea.draft).empty());
        CHECK((idea.draft.place.empty() || std::count(kPlaces.begin(), kPlaces.end(), idea.draft.place) == 1));
        themes.insert(idea.draft.theme);
        approved += idea.approved ? 1 : 0;
        withPlace += idea.draft.place.empty() ? 0 : 1;
        withContact += idea.draft.hasContact() ? 1 : 0;
    }
    CHECK(themes.size() == kAllThemes.size());
    // Most are approved, some wait; many name a place, a few leave a contact.
    CHECK(approved > 350);
    CHECK(approved < 500);
    CHECK(withPlace > 200);
    CHECK(withContact > 20);
    CHECK(withContact < 150);
    for (const SimulatedInitiative& initiative : plan->initiatives) CHECK(validateInitiative(initiative.draft).empty());
    for (const PulseDraft& pulse : plan->pulses) CHECK(validatePulse(pulse));
    for (const MeetingNeedDraft& need : plan->needs) CHECK(validateMeetingNeed(need));
    const std::size_t targets = plan->supportTargets();
    CHECK(targets > 4);
    for (std::size_t support : plan->supports) CHECK(support < targets);
}

TEST_CASE("supports go mostly to a few popular ideas", "[simulation]") {
    ResidentPlanRequest r = request(5, 100);
    r.counts.supports = 5000;
    const Result<ResidentPlan> plan = planResidents(r);
    REQUIRE(plan);
    std::vector<int> taps(plan->supportTargets());
    for (std::size_t support : plan->supports) ++taps[support];
    std::sort(taps.rbegin(), taps.rend());
    const double mean = 5000.0 / static_cast<double>(taps.size());
    CHECK(taps.front() > 5 * mean);
    // Yet not everything goes to one: the top five together hold less than two thirds.
    CHECK(taps[0] + taps[1] + taps[2] + taps[3] + taps[4] < 5000 * 2 / 3);
}

TEST_CASE("initiatives stay under a low maximum per initiative", "[simulation]") {
    ResidentPlanRequest r = request(9, 100);
    r.initiativeMaximumCents = 25'000;  // EUR 250
    const Result<ResidentPlan> plan = planResidents(r);
    REQUIRE(plan);
    REQUIRE_FALSE(plan->initiatives.empty());
    for (const SimulatedInitiative& initiative : plan->initiatives) {
        CHECK(validateInitiative(initiative.draft, r.initiativeMaximumCents).empty());
        CHECK(budgetTotalCents(initiative.draft.plan) <= 25'000);
    }
}

TEST_CASE("supports without anything to support are refused", "[simulation]") {
    ResidentPlanRequest r;
    r.counts.supports = 3;
    const Result<ResidentPlan> plan = planResidents(r);
    REQUIRE_FALSE(plan);
    CHECK(plan.error().code == ErrorCode::InvalidInput);
    r.existingTargets = 2;
    const Result<ResidentPlan> existing = planResidents(r);
    REQUIRE(existing);
    CHECK(existing->supports.size() == 3);
}

TEST_CASE("a simulated neighbourhood has a usable name and distinct places", "[simulation]") {
    for (std::uint64_t seed = 0; seed < 50; ++seed) {
        const SimulatedNeighbourhood n = simulatedNeighbourhood(seed);
        CHECK(validateNeighbourhoodName(n.name));
        CHECK(n.places.size() >= 5);
        CHECK(n.places.size() <= 8);
        CHECK(std::set<std::string>(n.places.begin(), n.places.end()).size() == n.places.size());
        for (const std::string& place : n.places) CHECK(utf8::countCodePoints(place) <= kPlaceNameMax);
    }
}

TEST_CASE("a planned round is open now, holds the most supported candidates, and every project fits its budget",
          "[simulation]") {
    const std::uint64_t now = 1'800'000'000'000ULL;
    const Result<BudgetRound> round = planRound(4, "Wilgenbuurt", candidates(12), BallotType::Budget, now);
    REQUIRE(round);
    CHECK(validateRound(*round));
    CHECK(roundPhase(*round, now) == RoundPhase::Voting);
    CHECK(round->name == "Buurtbudget Wilgenbuurt");
    REQUIRE(round->projects.size() == 8);
    CHECK(round->projects[0].title == "Project 0");  // the most supported first
    CHECK(round->projects[0].ideaId == "id-0");      // an initiative keeps its idea
    CHECK(round->projects[0].costCents == 150'000);  // and asks its own budget
    CHECK(round->projects[1].ideaId.empty());
    CHECK(round->projects[1].summary == "Eerste zin.");
    for (const RoundProject& project : round->projects) CHECK(project.costCents <= round->budgetCents);
    CHECK(planRound(4, "Wilgenbuurt", candidates(12), BallotType::Budget, now)->projects ==
          round->projects);  // the same seed, the same costs

    const Result<BudgetRound> none = planRound(4, "Wilgenbuurt", {}, BallotType::Approval, now);
    REQUIRE_FALSE(none);
    CHECK(none.error().code == ErrorCode::InvalidInput);
}

TEST_CASE("ballots of every kind fit their round, as many as asked", "[simulation]") {
    const std::uint64_t now = 1'800'000'000'000ULL;
    for (BallotType type : kAllBallotTypes) {
        for (std::size_t projects : {std::size_t{1}, std::size_t{2}, std::size_t{9}}) {
            INFO(ballotTypeId(type) << " with " << projects << " candidates");
            const Result<BudgetRound> round = planRound(21, "Berkenwijk", candidates(projects), type, now);
            REQUIRE(round);
            const Result<std::vector<BallotDraft>> ballots = planBallots(21, *round, 300);
            REQUIRE(ballots);
            CHECK(ballots->size() == 300);
            std::size_t invalid = 0;
            for (const BallotDraft& ballot : *ballots) invalid += validateBallot(*round, ballot) ? 0 : 1;
            CHECK(invalid == 0);
            const Result<std::vector<BallotDraft>> again = planBallots(21, *round, 300);
            REQUIRE(again);
            CHECK(std::equal(ballots->begin(), ballots->end(), again->begin(), [](const BallotDraft& a, const BallotDraft& b) {
                return a.projects == b.projects && a.points == b.points;
            }));
            if (projects > 1) {
                // Residents differ: not every ballot is the same.
                const std::size_t same = static_cast<std::size_t>(std::count_if(ballots->begin(), ballots->end(), [&](const BallotDraft& b) {
                    return b.projects == ballots->front().projects && b.points == ballots->front().points;
                }));
                CHECK(same < 300);
            }
        }
    }
}

TEST_CASE("ballots for a round made elsewhere respect its limits", "[simulation]") {
    BudgetRound round;
    round.name = "Buurtbudget";
    round.budgetCents = 100'000;
    round.opensMs = 1;
    round.closesMs = 2;
    for (int i = 0; i < 5; ++i)
        round.projects.push_back({"p" + std::to_string(i), "Project", "", Theme::Green, 40'000 + i * 30'000, ""});
    round.ballot = BallotType::Budget;  // two projects cost more than the whole budget
    Result<std::vector<BallotDraft>> budget = planBallots(2, round, 200);
    REQUIRE(budget);
    for (const BallotDraft& ballot : *budget) CHECK(validateBallot(round, ballot));

    round.ballot = BallotType::Points;
    round.limits.totalPoints = 20;
    round.limits.maxPointsPerProject = 2;  // at most 10 points can be given on 5 projects
    Result<std::vector<BallotDraft>> points = planBallots(2, round, 200);
    REQUIRE(points);
    for (const BallotDraft& ballot : *points) {
        CHECK(validateBallot(round, ballot));
        CHECK(pointsGiven(ballot) <= 10);
    }

    round.ballot = BallotType::Approval;
    round.limits.maxChoices = 0;  // no limit
    Result<std::vector<BallotDraft>> approval = planBallots(2, round, 200);
    REQUIRE(approval);
    for (const BallotDraft& ballot : *approval) CHECK(validateBallot(round, ballot));

    round.ballot = BallotType::Budget;
    for (RoundProject& project : round.projects) project.costCents = 200'000;  // nothing fits
    const Result<std::vector<BallotDraft>> impossible = planBallots(2, round, 1);
    REQUIRE_FALSE(impossible);
    CHECK(impossible.error().code == ErrorCode::InvalidInput);
    CHECK(planBallots(2, round, 0));  // asking for none is fine
}
