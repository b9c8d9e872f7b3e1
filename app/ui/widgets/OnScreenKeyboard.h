// OnScreenKeyboard: letters, Dutch accents and numbers as 12 mm+ keys. It edits a string the
// screen's state owns, one code point at a time, and also takes a hardware keyboard's typing
// (facilitators' laptops, scripted runs).
#pragma once

#include "../Ui.h"

#include <cstddef>
#include <string>

namespace buurtstem::ui {

enum class KeyboardLayer { Letters, Accents, Numbers };
enum class KeyboardEvent { None, Edited, Done };

struct KeyboardOptions {
    std::size_t maxCodePoints = 80;      // = 80  // longer input is refused key by key
    const char* doneKey = "osk.next";    // translation key of the Done key's label
};

class OnScreenKeyboard {
public:
    // Draws the keyboard at the cursor, `width` pixels wide, and applies what was tapped to
    // `text`. Returns Done when the Done key (or Enter) was pressed.
    KeyboardEvent draw(Ui& ui, std::string& text, const KeyboardOptions& options, float width);
    // Height draw() will take, for laying out the rest of the screen.
    float height(const Ui& ui) const;
    void reset() { *this = OnScreenKeyboard(); }

    KeyboardLayer layer() const { return layer_; }
    bool shifted(const std::string& text) const;

private:
    KeyboardLayer layer_ = KeyboardLayer::Letters;
    bool shift_ = false;  // one-shot shift, released after the next letter
};

}  // namespace buurtstem::ui
