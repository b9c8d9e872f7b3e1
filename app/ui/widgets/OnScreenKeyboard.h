// OnScreenKeyboard: letters, Dutch accents and numbers as 12 mm+ keys. It edits a string the
// screen's state owns, one code point at a time, and also takes a hardware keyboard's typing
// (facilitators' laptops, scripted runs).
#pragma once

#include "../Ui.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace buurtstem::ui {

enum class KeyboardLayer {
    Letters,   // Latin a-z
    Accents,   // Latin letters with accents: Dutch, Turkish, Polish
    Numbers,   // digits and punctuation
    Cyrillic,  // Ukrainian
    Arabic,
};

// The letters layer a language writes in: Cyrillic for "uk", Arabic for "ar", else Latin.
KeyboardLayer lettersFor(std::string_view languageCode);
enum class KeyboardEvent { None, Edited, Done };

struct KeyboardOptions {
    std::size_t maxCodePoints = 80;      // = 80  // longer input is refused key by key
    const char* doneKey = "osk.next";    // translation key of the Done key's label
    KeyboardLayer native = KeyboardLayer::Letters;  // = Letters // the language's own letters, shown first
};

class OnScreenKeyboard {
public:
    // Draws the keyboard at the cursor, `width` pixels wide, and applies what was tapped to
    // `text`. Returns Done when the Done key (or Enter) was pressed.
    KeyboardEvent draw(Ui& ui, std::string& text, const KeyboardOptions& options, float width);
    // Height draw() will take, for laying out the rest of the screen.
    float height(const Ui& ui) const;
    void reset() { *this = OnScreenKeyboard(); }  // the next draw starts on the language's letters

    KeyboardLayer layer() const { return layer_; }
    bool shifted(const std::string& text) const;

private:
    KeyboardLayer layer_ = KeyboardLayer::Letters;
    bool started_ = false;  // the first draw picks the language's letters
    bool shift_ = false;    // one-shot shift, released after the next letter
};

}  // namespace buurtstem::ui
