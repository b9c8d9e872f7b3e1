// IdleTimer: when nobody touches the kiosk for a while it asks "Are you still there?", and if
// nobody answers it wipes every draft and goes back to the start, so the next resident never
// sees what the last one typed.
#pragma once

#include "../Ui.h"

namespace buurtstem::ui {

struct IdleSettings {
    double askAfterSeconds = 60.0;    // = 60 // quiet time before the question
    double resetAfterSeconds = 30.0;  // = 30 // time to answer before everything is wiped
};

enum class IdleState { Active, Asking, Expired };

class IdleTimer {
public:
    explicit IdleTimer(IdleSettings settings = {}) : settings_(settings) {}

    // Any touch or key counts as presence.
    void touch(double now) { lastInput_ = now; }
    IdleState state(double now) const;
    // Whole seconds left to answer while Asking (for the countdown), else 0.
    int secondsToAnswer(double now) const;
    // When the screen next changes by itself: the question appearing, or the countdown's next second.
    double secondsUntilChange(double now) const;
    const IdleSettings& settings() const { return settings_; }
    void setSettings(IdleSettings settings) { settings_ = settings; }

private:
    IdleSettings settings_;
    double lastInput_ = 0.0;
};

// Draws the question over the current screen. Returns true when "Yes, I am still here" is tapped.
bool idlePrompt(Ui& ui, int secondsLeft);

}  // namespace buurtstem::ui
