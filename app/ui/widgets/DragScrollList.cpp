// Drag scrolling with inertia, done by hand: ImGui's own scrolling follows the mouse wheel and
// scrollbar, not a finger.
#include "DragScrollList.h"


#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace buurtstem::ui {

void DragScrollList::begin(Ui& ui, const char* id, ImVec2 size) {
    ImGuiIO& io = ImGui::GetIO();
    origin_ = ImGui::GetCursorScreenPos();
    size_ = size;
    viewHeight_ = size.y;
    const float dt = std::max(io.DeltaTime, 1.0f / 240.0f);
    const ImRect area(origin_, ImVec2(origin_.x + size.x, origin_.y + size.y));
    const bool inside = area.Contains(io.MousePos) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);

    tapPending_ = false;
    if (io.MouseClicked[0] && inside) {
        pressing_ = true;
        dragging_ = false;
        gliding_ = false;  // a finger on a gliding list stops it
        velocity_ = 0;
        pressPos_ = io.MousePos;
        lastY_ = io.MousePos.y;
    } else if (pressing_ && io.MouseDown[0]) {
        const float dy = io.MousePos.y - lastY_;
        lastY_ = io.MousePos.y;
        if (!dragging_ && std::fabs(io.MousePos.y - pressPos_.y) > io.MouseDragThreshold) dragging_ = true;
        if (dragging_) {
            scroll_ -= dy;
            // Smoothed so one uneven frame does not decide the flick.
            velocity_ = 0.6f * (-dy / dt) + 0.4f * velocity_;
        }
    } else if (pressing_ && !io.MouseDown[0]) {
        pressing_ = false;
        if (dragging_) {
            dragging_ = false;
            gliding_ = std::fabs(velocity_) > ui.mm(20.0f);
        } else {
            tapPending_ = true;
            tapPos_ = pressPos_;
        }
    }

    if (gliding_) {
        scroll_ += velocity_ * dt;
        velocity_ *= std::pow(kDecayPerSecond, dt);
        if (std::fabs(velocity_) < ui.mm(10.0f)) gliding_ = false;
    }
    if (inside && io.MouseWheel != 0.0f) scroll_ -= io.MouseWheel * ui.mm(15.0f);

    const float maxScroll = std::max(0.0f, contentHeight_ - viewHeight_);
    if (scroll_ < 0 || scroll_ > maxScroll) {
        scroll_ = std::clamp(scroll_, 0.0f, maxScroll);
        if (!pressing_) gliding_ = false;
    }

    ImGui::PushID(id);
    ImGui::BeginChild("##list", size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
    rowCursor_ = 0;
}

bool DragScrollList::row(Ui& ui, const char* id, float height, ImVec2* outMin, ImVec2* outMax, bool* outHeld) {
    const ImVec2 min(origin_.x, origin_.y + rowCursor_ - scroll_);
    const ImVec2 max(origin_.x + size_.x, min.y + height);
    rowCursor_ += height + ui.metrics.gap();
    if (outMin) *outMin = min;
    if (outMax) *outMax = max;

    const bool visible = max.y > origin_.y && min.y < origin_.y + size_.y;
    const ImRect rect(min, max);
    if (outHeld) {
        const ImGuiIO& io = ImGui::GetIO();
        *outHeld = pressing_ && !dragging_ && rect.Contains(pressPos_) && io.MouseDown[0];
    }
    if (visible) {
        // Only the part inside the list can be touched.
        ui.widgets.add({id, min.x, std::max(min.y, origin_.y), max.x, std::min(max.y, origin_.y + size_.y), true, false});
    }
    return visible && tapPending_ && rect.Contains(tapPos_);
}

void DragScrollList::end(Ui& /*ui*/) {
    contentHeight_ = rowCursor_;
    ImGui::EndChild();
    ImGui::PopID();
    // Keep the cursor below the list's area, whatever the rows did.
    ImGui::SetCursorScreenPos(ImVec2(origin_.x, origin_.y + size_.y));
    ImGui::Dummy(ImVec2(size_.x, 0));
}

}  // namespace buurtstem::ui
