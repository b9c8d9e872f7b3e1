// TextField: a large box showing text being typed on the on-screen keyboard. Tapping it puts
// the keyboard on this field. It shows a caret when focused and a plain message when invalid.
#pragma once

#include "../Ui.h"

#include <string>

namespace buurtstem::ui {

struct TextFieldSpec {
    const char* id = "";           // stable test id
    const char* label = "";        // translated label above the box
    const char* placeholder = "";  // translated hint shown while empty
    const std::string* text = nullptr;
    float height = 0;              // pixels; 0: one line of body text plus padding
    bool focused = false;
    const char* problem = nullptr;  // translated validation message, or nullptr
    std::size_t maxCodePoints = 0;  // > 0: shows "12 / 80"
};

// Returns true when tapped.
bool textField(Ui& ui, const TextFieldSpec& spec);

}  // namespace buurtstem::ui
