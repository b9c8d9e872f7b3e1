// FacilitatorRounds: every budget round with its phase (fasen), and the one or two changes that
// fit it: take proposals or stop, open voting now, end voting now, publish the results. Changes
// that residents notice at once ask for a second tap.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

const char* phaseKey(RoundPhase phase) {
    switch (phase) {
        case RoundPhase::Preparing: return "rounds.phase.preparing";
        case RoundPhase::Submissions: return "rounds.phase.submissions";
        case RoundPhase::Voting: return "rounds.phase.voting";
        case RoundPhase::Counting: return "rounds.phase.counting";
        case RoundPhase::Published: return "rounds.phase.published";
    }
    return "rounds.phase.preparing";
}

struct PhaseButton {
    const char* id;     // also the translation key of its label
    const char* glyph;
    PhaseChange change;
    bool confirm;       // residents notice it at once: a second tap carries it out
};

}  // namespace

void drawFacilitatorRounds(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    FacilitatorAccess& access = ctx.state.facilitator;
    if (access.label.empty()) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    if (access.doneKey)
        textBlock(ui.fonts.body, std::string(icon::Check) + "  " + ui.tr(access.doneKey), ui.colours.selected,
                  ImGui::GetContentRegionAvail().x);
    if (access.problemKey) problemText(ctx, ui.tr(access.problemKey));
    if (ctx.view.rounds.empty()) {
        screenText(ctx, ui.tr("rounds.none"), true);
        return;
    }

    // Rounds that need a facilitator first: voting, counting, taking proposals, being prepared;
    // published ones last, the newest first. As many as fit; a kiosk has a few rounds a year.
    std::vector<const RoundStatus*> order;
    for (const RoundPhase phase : {RoundPhase::Voting, RoundPhase::Counting, RoundPhase::Submissions, RoundPhase::Preparing})
        for (const RoundStatus& status : ctx.view.rounds)
            if (status.phase == phase) order.push_back(&status);
    for (auto it = ctx.view.rounds.rbegin(); it != ctx.view.rounds.rend(); ++it)
        if (it->phase == RoundPhase::Published) order.push_back(&*it);
    const float inner = ImGui::GetContentRegionAvail().x;
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    std::size_t shown = 0;
    for (const RoundStatus* entry : order) {
        const RoundStatus& status = *entry;
        const BudgetRound& round = status.round;
        std::string facts = std::string(ui.tr(phaseKey(status.phase))) + "  ·  " +
                            ui.format("rounds.window", {{"opens", dayMonthYear(ui, round.opensMs)}, {"closes", dayMonthYear(ui, round.closesMs)}}) +
                            "  ·  " + ui.format("rounds.ballots", {{"count", std::to_string(status.ballots)}});
        if (status.phase == RoundPhase::Published)
            facts += "  ·  " + ui.format("rounds.published_on", {{"date", dayMonthYear(ui, round.phases.publishedMs)}});
        std::vector<PhaseButton> buttons;
        switch (status.phase) {
            case RoundPhase::Preparing:
                buttons = {{"rounds.open_submissions", icon::Initiative, PhaseChange::OpenSubmissions, false},
                           {"rounds.open_voting", icon::Ticked, PhaseChange::OpenVotingNow, true}};
                break;
            case RoundPhase::Submissions:
                buttons = {{"rounds.close_submissions", icon::Initiative, PhaseChange::CloseSubmissions, false},
                           {"rounds.open_voting", icon::Ticked, PhaseChange::OpenVotingNow, true}};
                break;
            case RoundPhase::Voting: buttons = {{"rounds.close_voting", icon::Clock, PhaseChange::CloseVotingNow, true}}; break;
            case RoundPhase::Counting: buttons = {{"rounds.publish", icon::Results, PhaseChange::PublishResults, true}}; break;
            case RoundPhase::Published: break;
        }
        // Its name, facts and buttons: stop before a round that would not fit whole.
        const float needed = measureText(ui.fonts.heading, round.name, inner).y + measureText(ui.fonts.body, facts, inner).y + ui.mm(1) +
                             static_cast<float>(buttons.size()) * (ui.metrics.touchMain() + ui.metrics.gap() * 0.5f);
        if (shown > 0 && ImGui::GetCursorScreenPos().y + needed > bottom) break;
        ++shown;
        ImGui::PushID(round.id.c_str());
        textBlock(ui.fonts.heading, round.name, ui.colours.text, inner);
        textBlock(ui.fonts.body, facts, ui.colours.mutedText, inner);
        ImGui::Dummy(ImVec2(0, ui.mm(1)));
        for (const PhaseButton& button : buttons) {
            const bool asking = access.confirmKey && std::string_view(access.confirmKey) == button.id && access.confirmRound == round.id;
            const std::string label = asking ? std::string(ui.tr("facilitator.tap_again")) : std::string(ui.tr(button.id));
            const std::string id = std::string("#") + button.id + "." + round.id;
            ButtonSpec spec;
            spec.id = id.c_str();
            spec.icon = button.glyph;
            spec.label = label.c_str();
            spec.size = ImVec2(inner, ui.metrics.touchMain());
            spec.kind = asking ? ButtonKind::Primary : ButtonKind::Secondary;
            if (touchButton(ui, spec)) {
                access.problemKey = nullptr;
                access.doneKey = nullptr;
                if (button.confirm && !asking) {
                    access.confirmKey = button.id;
                    access.confirmRound = round.id;
                } else {
                    ctx.actions.roundPhase = RoundPhaseRequest{round.id, button.change};
                }
            }
            ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
        }
        ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
        ImGui::PopID();
    }
    if (shown < order.size())
        screenText(ctx, ui.format("rounds.more", {{"count", std::to_string(order.size() - shown)}}), true);
}

}  // namespace buurtstem::ui
