// Idle detection and the "Are you still there?" question.
#include "IdleTimer.h"

#include "../Icons.h"
#include "TouchButton.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace buurtstem::ui {

IdleState IdleTimer::state(double now) const {
    const double quiet = now - lastInput_;
    if (quiet < settings_.askAfterSeconds) return IdleState::Active;
    if (quiet < settings_.askAfterSeconds + settings_.resetAfterSeconds) return IdleState::Asking;
    return IdleState::Expired;
}

int IdleTimer::secondsToAnswer(double now) const {
    if (state(now) != IdleState::Asking) return 0;
    const double left = lastInput_ + settings_.askAfterSeconds + settings_.resetAfterSeconds - now;
    return static_cast<int>(std::ceil(left));
}

double IdleTimer::secondsUntilChange(double now) const {
    const double askAt = lastInput_ + settings_.askAfterSeconds;
    if (now < askAt) return askAt - now;
    const double resetAt = askAt + settings_.resetAfterSeconds;
    if (now >= resetAt) return 0.0;
    // Wake on the next whole second of the countdown.
    const double left = resetAt - now;
    const double toNextSecond = left - std::floor(left);
    return toNextSecond > 1e-3 ? toNextSecond : 1.0;
}

bool idlePrompt(Ui& ui, int secondsLeft) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(display.x - ui.mm(20), ui.mm(190));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::OpenPopup("##idle");
    bool stay = false;
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(ui.colours.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.mm(8), ui.mm(8)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ui.mm(0.6f));
    if (ImGui::BeginPopupModal("##idle", nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_AlwaysAutoResize)) {
        const float inner = ImGui::GetContentRegionAvail().x;
        textBlock(ui.fonts.title, icon::Clock, ui.colours.selected, inner);
        textBlock(ui.fonts.heading, ui.tr("idle.question"), ui.colours.text, inner);
        const std::string seconds = std::to_string(secondsLeft);
        textBlock(ui.fonts.body, ui.format("idle.countdown", {{"seconds", seconds}}), ui.colours.text, inner);
        ImGui::Dummy(ImVec2(0, ui.mm(2)));
        ButtonSpec yes;
        yes.id = "idle.stay";
        yes.label = ui.tr("idle.stay");
        yes.icon = icon::Check;
        yes.size = ImVec2(inner, ui.metrics.touchMain());
        yes.kind = ButtonKind::Primary;
        stay = touchButton(ui, yes);
        if (stay) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    return stay;
}

}  // namespace buurtstem::ui
