// The presenter screen (a projector at a residents' evening): live results of the open round
// with the budget line, the agenda's timer, what we heard, the dot vote; drawn in an ImGui
// context of its own, as the runner's second window does, and with nothing to touch.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr const char* kPin = "284615";

// The presenter window: its own ImGui context and fonts, drawn after the kiosk's frames.
class PresenterWindow {
public:
    explicit PresenterWindow(Harness& h, int width = 1920, int height = 1080) : h_(h), kiosk_(ImGui::GetCurrentContext()) {
        context_ = ImGui::CreateContext();
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        REQUIRE(h_.app().buildPresenterFonts(height));
        ImGui::SetCurrentContext(kiosk_);
    }
    ~PresenterWindow() {
        ImGui::DestroyContext(context_);
        ImGui::SetCurrentContext(kiosk_);
    }
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;

    void frame() {
        ImGui::SetCurrentContext(context_);
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        h_.app().presenterFrame(h_.now());
        ImGui::Render();
        const ImDrawData* data = ImGui::GetDrawData();
        vertices_ = data->TotalVtxCount;
        colours_.clear();
        for (int i = 0; i < data->CmdListsCount; ++i)
            for (const ImDrawVert& vertex : data->CmdLists[i]->VtxBuffer) colours_.push_back(vertex.col);
        ImGui::SetCurrentContext(kiosk_);
    }
    int vertices() const { return vertices_; }
    // Whether anything drawn in the last frame has this colour.
    bool drew(ui::Colour colour) const { return std::find(colours_.begin(), colours_.end(), colour) != colours_.end(); }

private:
    Harness& h_;
    ImGuiContext* kiosk_;
    ImGuiContext* context_ = nullptr;
    int vertices_ = 0;
    std::vector<ImU32> colours_;
};

const ui::PresenterProject* projectTitled(const ui::PresenterResults& results, const std::string& title) {
    for (const ui::PresenterProject& project : results.projects)
        if (project.title == title) return &project;
    return nullptr;
}

}  // namespace

TEST_CASE("the presenter's live results change with the ballots cast, and so does the budget line", "[ui][presenter]") {
    Harness h;
    PresenterWindow presenter(h);
    presenter.frame();
    const BudgetRound round = h.store().openRounds().at(0);
    {
        const std::optional<ui::PresenterResults>& results = h.app().presenterView().results;
        REQUIRE(results);
        CHECK(results->roundName == round.name);
        CHECK(results->ballots == 0);
        CHECK(results->insideLine == 0);  // Equal Shares without ballots chooses nothing yet
        REQUIRE(results->projects.size() == round.projects.size());
        for (const ui::PresenterProject& project : results->projects) CHECK(project.support == 0);
    }

    // Two residents vote with their codes, through the store: the presenter reads it at its next frame.
    BallotDraft first;
    first.projects = {0, 2};  // the benches and the light in the alley
    BallotDraft second;
    second.projects = {2};
    REQUIRE(h.store().castBallot(round.id, first, h.demoVotingCodes().at(0)).ok());
    REQUIRE(h.store().castBallot(round.id, second, h.demoVotingCodes().at(1)).ok());
    presenter.frame();
    const std::optional<ui::PresenterResults>& results = h.app().presenterView().results;
    REQUIRE(results);
    CHECK(results->ballots == 2);
    const ui::PresenterProject* light = projectTitled(*results, round.projects[2].title);
    const ui::PresenterProject* benches = projectTitled(*results, round.projects[0].title);
    const ui::PresenterProject* playground = projectTitled(*results, round.projects[1].title);
    REQUIRE(light);
    REQUIRE(benches);
    REQUIRE(playground);
    CHECK(light->support == 2);
    CHECK(benches->support == 1);
    CHECK(playground->support == 0);
    // Inside the line: the light first (both paid for it), then what the completion adds.
    REQUIRE(results->insideLine >= 1);
    CHECK(results->projects.front().title == round.projects[2].title);
    CHECK(light->chosen);
    CHECK_FALSE(playground->chosen);
    std::int64_t chosen = 0;
    for (std::size_t i = 0; i < results->projects.size(); ++i) {
        CHECK(results->projects[i].chosen == (i < results->insideLine));
        if (results->projects[i].chosen) chosen += results->projects[i].costCents;
    }
    CHECK(results->chosenCents == chosen);
    CHECK(chosen <= round.budgetCents);
}

TEST_CASE("the agenda's timer shows the minutes left, then turns to over time", "[ui][presenter]") {
    std::uint64_t clockMs = 1'790'000'000'000;
    test::HarnessOptions options;
    options.demo = false;  // no round: the danger colour can only be the agenda's
    options.clock = [&clockMs] { return clockMs; };
    Harness h(options);
    PresenterWindow presenter(h);
    h.app().showPresenterExample();  // the second item, 20 minutes, began 12 minutes ago
    presenter.frame();
    const ui::PresenterFeed& feed = h.app().presenterView().feed;
    const ui::Colour danger = h.app().presenterUi().colours.danger;
    ui::AgendaClock clock = ui::agendaClock(feed, clockMs);
    CHECK(clock.running);
    CHECK(clock.minutesLeft == 8);
    CHECK_FALSE(clock.overTime);
    CHECK(clock.secondsToChange == Approx(60.0));
    CHECK_FALSE(presenter.drew(danger));

    clockMs += 7 * 60'000 + 30'000;  // half a minute left: still "1 min"
    clock = ui::agendaClock(feed, clockMs);
    CHECK(clock.minutesLeft == 1);
    CHECK(clock.secondsToChange == Approx(30.0));
    presenter.frame();
    CHECK_FALSE(presenter.drew(danger));

    clockMs += 60'000;  // half a minute over
    clock = ui::agendaClock(feed, clockMs);
    CHECK(clock.overTime);
    CHECK(clock.minutesOver == 1);
    presenter.frame();
    CHECK(presenter.drew(danger));  // the current item and its clock in the danger colour
    // The kiosk's loop wakes for the presenter's next minute.
    h.app().setPresenterWanted(true);
    CHECK(h.app().secondsUntilNextTimer(h.now()) <= 30.0 + 1e-6);
}

TEST_CASE("what we heard counts what the store holds", "[ui][presenter]") {
    Harness h;
    PresenterWindow presenter(h);
    PulseDraft pulse;
    pulse.scores = {4, 3, 5, 2, 0};
    REQUIRE(h.store().givePulse(pulse).ok());
    pulse.scores = {5, 0, 4, 2, 3};
    REQUIRE(h.store().givePulse(pulse).ok());
    MeetingNeedDraft need;
    need.toggle(NeedGroup::Days, "wed");
    need.toggle(NeedGroup::Help, "childcare");
    REQUIRE(h.store().giveMeetingNeed(need).ok());
    presenter.frame();

    const ui::PresenterView& view = h.app().presenterView();
    CHECK(view.pulse == h.store().pulseSummary());
    CHECK(view.pulse.pulses == 2);
    CHECK(view.needs == h.store().meetingNeedSummary());
    CHECK(view.needs.count(NeedGroup::Help, "childcare") == 1);
    const std::vector<Idea> ideas = h.store().visibleIdeas();
    REQUIRE_FALSE(ideas.empty());
    for (std::size_t i = 0; i < kAllThemes.size(); ++i)
        CHECK(view.ideasPerTheme[i] == std::count_if(ideas.begin(), ideas.end(), [&](const Idea& idea) { return idea.theme == kAllThemes[i]; }));

    // A new idea, once a facilitator approved it, counts at the next frame.
    const std::size_t green = 3;
    REQUIRE(kAllThemes[green] == Theme::Green);
    const std::int64_t before = view.ideasPerTheme[green];
    IdeaDraft draft;
    draft.theme = Theme::Green;
    draft.themeChosen = true;
    draft.title = "Meer bomen op het plein";
    draft.body = "Schaduw in de zomer.";
    Result<Idea> idea = h.store().submitIdea(draft);
    REQUIRE(idea.ok());
    REQUIRE(h.store().approveIdea(idea->id).ok());
    presenter.frame();
    CHECK(h.app().presenterView().ideasPerTheme[green] == before + 1);
}

TEST_CASE("the presenter draws every panel, in every language and size, with nothing to touch", "[ui][presenter]") {
    const std::string language = GENERATE(as<std::string>{}, "nl", "en", "ar");
    const int height = GENERATE(1080, 720);
    test::HarnessOptions options;
    options.language = language;
    Harness h(options);
    PresenterWindow presenter(h, height == 1080 ? 1920 : 1280, height);
    h.app().showPresenterExample();
    presenter.frame();
    presenter.frame();
    CHECK(presenter.vertices() > 1000);
    CHECK(h.app().presenterUi().widgets.widgets().empty());
    // The kiosk's own screen keeps its targets, untouched by the presenter's frames.
    h.frames(1);
    CHECK(h.has("home.tile.idea"));
    CHECK(ui::rightToLeft() == (language == "ar"));
}

TEST_CASE("a facilitator turns the presenter screen on and off, and the audit log says so", "[ui][presenter][facilitator]") {
    test::HarnessOptions options;
    options.firstScreen = ui::ScreenId::Attract;
    Harness h(options);
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    h.press(20.0f, 20.0f, 2.5);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorPin);
    for (const char digit : std::string(kPin)) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorHome);

    CHECK_FALSE(h.app().presenterWanted());
    REQUIRE(h.tap("facilitator.presenter_on"));
    CHECK(h.app().presenterWanted());
    CHECK(h.has("facilitator.presenter_off"));
    REQUIRE(h.tap("facilitator.presenter_off"));
    CHECK_FALSE(h.app().presenterWanted());

    const std::vector<AuditEntry> log = h.store().auditLog(10);  // newest first
    REQUIRE(log.size() >= 3);
    CHECK(log[0].action == kAuditPresenterSwitched);
    CHECK(log[0].before == "on");
    CHECK(log[0].after == "off");
    CHECK(log[1].action == kAuditPresenterSwitched);
    CHECK(log[1].before == "off");
    CHECK(log[1].after == "on");
    CHECK(log[0].facilitator == "Anna");

    // The presenter window closed by its own button: the facilitator's line says it is off.
    h.app().setPresenterWanted(true);
    h.frames(1);
    CHECK(h.has("facilitator.presenter_off"));
    h.app().setPresenterWanted(false);
    h.frames(1);
    CHECK(h.has("facilitator.presenter_on"));
}

TEST_CASE("the presenter follows the evening: its agenda, the item that runs, and the dot vote", "[ui][presenter][evening]") {
    Harness h;  // the demo has an evening tonight
    PresenterWindow presenter(h);
    presenter.frame();
    REQUIRE(h.app().view().currentEvening.has_value());
    const std::string eveningId = h.app().view().currentEvening->evening.id;
    const ui::PresenterFeed* feed = &h.app().presenterView().feed;
    REQUIRE(feed->agenda.size() == h.app().view().currentEvening->evening.agenda.size());
    CHECK(feed->agenda.front().title == h.app().view().currentEvening->evening.agenda.front().title);
    CHECK_FALSE(feed->currentItem.has_value());
    CHECK_FALSE(feed->dotVote.has_value());

    // The facilitator starts the second item and a dot vote; two dots go to its first option.
    REQUIRE(h.store().startAgendaItem(eveningId, 1).ok());
    const Result<DotVote> vote = h.store().openDotVote(eveningId, "Wat eerst?", {"Bankjes", "Licht"});
    REQUIRE(vote.ok());
    REQUIRE(h.store().giveDot(vote->id, 0).ok());
    REQUIRE(h.store().giveDot(vote->id, 0).ok());
    h.app().refreshView();
    presenter.frame();
    feed = &h.app().presenterView().feed;
    REQUIRE(feed->currentItem.has_value());
    CHECK(*feed->currentItem == 1);
    CHECK(feed->currentStartedMs == h.app().view().currentEvening->runningSinceMs);
    REQUIRE(feed->dotVote.has_value());
    CHECK(feed->dotVote->question == "Wat eerst?");
    REQUIRE(feed->dotVote->options.size() == 2);
    CHECK(feed->dotVote->options[0].dots == 2);
    CHECK(feed->dotVote->options[1].dots == 0);
}
