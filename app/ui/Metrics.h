// Physical sizes: everything a finger touches is sized in millimetres, converted with the
// screen's pixels per millimetre, so a target is as large on a 15" kiosk as on a 32" one.
#pragma once

namespace buurtstem::ui {

struct Metrics {
    float pxPerMm = 96.0f / 25.4f;  // = 3.78 (96 dpi) // set from the monitor by the runner
    float textScale = 1.0f;         // = 1.0  // 1.4 in large-text mode

    float mm(float millimetres) const { return millimetres * pxPerMm; }
    float touchMin() const { return mm(12.0f); }   // smallest target a finger can hit
    float touchMain() const { return mm(20.0f); }  // main actions (Next, Submit, tiles)
    float gap() const { return mm(3.0f); }         // space between targets
};

inline constexpr float kLargeTextScale = 1.4f;

}  // namespace buurtstem::ui
