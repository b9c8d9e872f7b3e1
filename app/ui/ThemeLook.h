// How a theme shows on screen: its icon and the translation key of its name.
#pragma once

#include "../core/Theme.h"

namespace buurtstem::ui {

const char* themeIcon(Theme theme);
const char* themeLabelKey(Theme theme);  // "theme.meeting", ...
const char* themeHintKey(Theme theme);   // "theme.meeting.hint": one short line of examples

}  // namespace buurtstem::ui
