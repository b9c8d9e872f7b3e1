// Overlay: a modal panel centred over the current screen (the idle question, the language
// list). Everything behind it is dimmed and cannot be touched while it shows.
#pragma once

#include "../Ui.h"

namespace buurtstem::ui {

// Opens the overlay `id` at most `maxWidthMm` wide. When it returns true, draw the content and
// call endOverlay(); either way call popOverlayStyle() afterwards.
bool beginOverlay(Ui& ui, const char* id, float maxWidthMm, Colour background);
void endOverlay();
void popOverlayStyle();

}  // namespace buurtstem::ui
