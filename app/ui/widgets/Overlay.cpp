// Centred modal panels over ImGui's popup machinery.
#include "Overlay.h"

#include <algorithm>

namespace buurtstem::ui {

bool beginOverlay(Ui& ui, const char* id, float maxWidthMm, Colour background) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(display.x - ui.mm(20), ui.mm(maxWidthMm));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    // Opening every frame keeps it open; KioskApp closes it when it is no longer drawn.
    ImGui::OpenPopup(id);
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(background));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.mm(7), ui.mm(7)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ui.mm(0.6f));
    return ImGui::BeginPopupModal(id, nullptr,
                                  ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                      ImGuiWindowFlags_AlwaysAutoResize);
}

void endOverlay() { ImGui::EndPopup(); }

void popOverlayStyle() {
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace buurtstem::ui
