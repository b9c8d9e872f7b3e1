// TouchButton: a big button with an icon beside its label (and an optional short line under
// it, for home tiles). Fires when a finger lifts on it; shows pressed only while held.
#pragma once

#include "../Ui.h"

namespace buurtstem::ui {

enum class ButtonKind {
    Primary,    // the screen's main action
    Secondary,  // other actions
    Tile,       // home-screen tile: large icon on top, label, short line
    Choice,     // one option among several (theme, language); `selected` marks the chosen one
    Quiet,      // top-bar buttons
};

struct ButtonSpec {
    const char* id = "";           // stable test id, usually the label's translation key
    const char* label = "";        // already translated
    const char* icon = nullptr;    // an icon:: glyph, or nullptr
    const char* detail = nullptr;  // short second line (tiles), or nullptr
    ImVec2 size{0, 0};             // pixels; 0 width = fill the row, 0 height = touchMin()
    ButtonKind kind = ButtonKind::Secondary;
    bool enabled = true;
    bool selected = false;
    bool* tappedWhileDisabled = nullptr;  // = nullptr // set to true when the button is tapped while disabled,
                                          // so the screen can say what is still missing
};

// Returns true on the frame the button is tapped.
bool touchButton(Ui& ui, const ButtonSpec& spec);

}  // namespace buurtstem::ui
