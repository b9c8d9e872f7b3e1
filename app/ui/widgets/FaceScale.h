// FaceScale: five faces in a row, from sad (1) to happy (5), each a touch target with its number
// under it (beside it when the row is too low); one tap chooses one. Drawn with circles and
// curves, so no emoji font is needed.
#pragma once

#include "../Ui.h"

#include <string>

namespace buurtstem::ui {

struct FaceScaleSpec {
    std::string idPrefix;  // "#pulse.meeting": the faces' ids are "#pulse.meeting.1" .. ".5"
    int value = 0;         // = 0 // the chosen score 1..5, 0 while none is chosen
    ImVec2 size{0, 0};     // the whole row, pixels; each face's target is a fifth of it less the gaps
};

// Each face is at least this large in both directions: above the 12 mm minimum, because people
// score quickly and a slip onto the neighbouring face changes the answer unnoticed.
inline constexpr float kFaceTargetMinMm = 14.0f;

// The lowest row that still has each number under its face; lower rows (down to the 14 mm
// target) put the number beside the face instead.
float faceScaleComfortableHeight(const Ui& ui);
// The smallest row width: five minimum targets and the gaps between them.
float faceScaleMinWidth(const Ui& ui);

// Draws the row at the cursor and moves the cursor below it. Returns the score tapped this frame
// (1..5), or 0. Tapping the chosen face again keeps it chosen: a double tap must not undo it.
int faceScale(Ui& ui, const FaceScaleSpec& spec);

}  // namespace buurtstem::ui
