// Colours and ImGui style for the kiosk: calm colours with strong text contrast, and a
// high-contrast mode (white on black, yellow actions). No colour changes on hover: a finger
// has no hover, so nothing may mean anything only there.
#pragma once

#include "Metrics.h"

#include <cstdint>

namespace buurtstem::ui {

using Colour = std::uint32_t;  // ImU32, 0xAABBGGRR

struct Palette {
    Colour background;   // screen background
    Colour surface;      // cards, text fields
    Colour text;         // body text on background and surface
    Colour mutedText;    // hints (still at least 4.5:1 contrast)
    Colour primary;      // main action fill
    Colour onPrimary;    // text on primary
    Colour secondary;    // other buttons' fill
    Colour onSecondary;  // text on secondary
    Colour pressed;      // overlay while a finger is down
    Colour selected;     // chosen option outline and fill tint
    Colour border;       // outlines
    Colour danger;       // validation and save problems
    Colour barBackground;  // top bar
    Colour onBar;          // text on the top bar
};

Palette makePalette(bool highContrast);
// Applies sizes (in mm) and colours to ImGui's style.
void applyStyle(const Metrics& metrics, const Palette& palette);

}  // namespace buurtstem::ui
