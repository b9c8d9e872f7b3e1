// NavBar: the bar across the top of every screen. Back and Home sit at the far left, always in
// the same place; the language, large-text and contrast switches sit at the far right.
#pragma once

#include "../Ui.h"

namespace buurtstem::ui {

struct NavBarSpec {
    const char* title = "";     // what this screen is, already translated
    bool showBack = true;       // = true  // false on the home and attract screens
    bool showHome = true;       // = true
    const char* languageName = "";  // the current language in its own name
    bool largeText = false;
    bool highContrast = false;
};

struct NavBarResult {
    bool back = false;
    bool home = false;
    bool language = false;
    bool largeText = false;
    bool highContrast = false;
};

NavBarResult navBar(Ui& ui, const NavBarSpec& spec);
// Height navBar() takes, for laying out the rest of the screen.
float navBarHeight(const Ui& ui);

}  // namespace buurtstem::ui
