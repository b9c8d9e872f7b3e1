// DragScrollList: a vertical list that scrolls when a finger drags it and keeps gliding after a
// flick (inertia). A tap selects a row; a swipe never does, however it ends.
#pragma once

#include "../Ui.h"

namespace buurtstem::ui {

class DragScrollList {
public:
    // Opens the list's clipped area at the cursor; rows follow with row(), then end().
    void begin(Ui& ui, const char* id, ImVec2 size);
    // Reserves the next row of `height` pixels. Returns true when this row was tapped.
    // `outMin`/`outMax` receive the row's rectangle for drawing; `outHeld` whether a finger
    // rests on it (not moving).
    bool row(Ui& ui, const char* id, float height, ImVec2* outMin, ImVec2* outMax, bool* outHeld);
    void end(Ui& ui);

    bool animating() const { return gliding_ || dragging_; }
    float scrollOffset() const { return scroll_; }
    void setScrollOffset(float offset) { scroll_ = offset; velocity_ = 0; gliding_ = false; }
    void reset() { *this = DragScrollList(); }

    // Inertia decays by this factor per second (0.03 ≈ stops within about a second).
    static constexpr float kDecayPerSecond = 0.03f;

private:
    float scroll_ = 0;       // pixels from the top
    float velocity_ = 0;     // pixels per second, positive scrolls down
    float contentHeight_ = 0;
    float viewHeight_ = 0;
    bool pressing_ = false;  // a finger went down inside and is still down
    bool dragging_ = false;  // it moved past the drag threshold: this is a swipe
    bool gliding_ = false;
    bool tapPending_ = false;
    ImVec2 pressPos_{0, 0};
    ImVec2 tapPos_{0, 0};
    float lastY_ = 0;
    float rowCursor_ = 0;    // content y of the next row
    ImVec2 origin_{0, 0};    // screen position of the list's top-left
    ImVec2 size_{0, 0};
};

}  // namespace buurtstem::ui
