// How a theme shows on screen: its icon and the translation key of its name.
#pragma once

#include "../core/Theme.h"

#include <cstdint>

namespace buurtstem::ui {

const char* themeIcon(Theme theme);
const char* themeLabelKey(Theme theme);  // "theme.meeting", ...
const char* themeHintKey(Theme theme);   // "theme.meeting.hint": one short line of examples
// The theme's colour (0xAABBGGRR) for bars and icons: dark enough for 4.5:1 on white, told
// apart by its icon and name too, never by colour alone.
std::uint32_t themeColour(Theme theme);

}  // namespace buurtstem::ui
