// Idle detection and the "Are you still there?" question.
#include "IdleTimer.h"

#include "../Icons.h"
#include "Overlay.h"
#include "TouchButton.h"

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
    bool stay = false;
    if (beginOverlay(ui, "##idle", 190.0f, ui.colours.surface)) {
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
        endOverlay();
    }
    popOverlayStyle();
    return stay;
}

}  // namespace buurtstem::ui
