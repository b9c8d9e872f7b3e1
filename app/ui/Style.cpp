// Kiosk palettes and the ImGui style derived from them.
#include "Style.h"

#include <imgui.h>

namespace buurtstem::ui {

namespace {
constexpr Colour rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << 24) | (b << 16) | (g << 8) | r;
}
}  // namespace

Palette makePalette(bool highContrast) {
    if (highContrast) {
        return Palette{
            .background = rgb(0, 0, 0),
            .surface = rgb(20, 20, 20),
            .text = rgb(255, 255, 255),
            .mutedText = rgb(230, 230, 230),
            .primary = rgb(255, 214, 0),
            .onPrimary = rgb(0, 0, 0),
            .secondary = rgb(0, 0, 0),
            .onSecondary = rgb(255, 255, 255),
            .pressed = rgb(255, 255, 255, 90),
            .selected = rgb(255, 214, 0),
            .border = rgb(255, 255, 255),
            .danger = rgb(255, 128, 110),
            .barBackground = rgb(0, 0, 0),
            .onBar = rgb(255, 255, 255),
        };
    }
    return Palette{
        .background = rgb(247, 244, 238),
        .surface = rgb(255, 255, 255),
        .text = rgb(30, 42, 51),
        .mutedText = rgb(78, 88, 96),
        .primary = rgb(20, 98, 122),
        .onPrimary = rgb(255, 255, 255),
        .secondary = rgb(228, 222, 210),
        .onSecondary = rgb(30, 42, 51),
        .pressed = rgb(0, 0, 0, 60),
        .selected = rgb(20, 98, 122),
        .border = rgb(170, 160, 145),
        .danger = rgb(168, 34, 24),
        .barBackground = rgb(20, 98, 122),
        .onBar = rgb(255, 255, 255),
    };
}

void applyStyle(const Metrics& metrics, const Palette& palette) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(metrics.mm(6), metrics.mm(4));
    style.FramePadding = ImVec2(metrics.mm(3), metrics.mm(2));
    style.ItemSpacing = ImVec2(metrics.gap(), metrics.gap());
    style.ItemInnerSpacing = ImVec2(metrics.mm(2), metrics.mm(2));
    style.WindowRounding = 0;
    style.FrameRounding = metrics.mm(2);
    style.WindowBorderSize = 0;
    style.ScrollbarSize = metrics.mm(3);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;

    const ImVec4 text = ImGui::ColorConvertU32ToFloat4(palette.text);
    const ImVec4 background = ImGui::ColorConvertU32ToFloat4(palette.background);
    const ImVec4 secondary = ImGui::ColorConvertU32ToFloat4(palette.secondary);
    const ImVec4 primary = ImGui::ColorConvertU32ToFloat4(palette.primary);
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = text;
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(palette.mutedText);
    c[ImGuiCol_WindowBg] = background;
    c[ImGuiCol_ChildBg] = background;
    c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(palette.surface);
    c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(palette.border);
    c[ImGuiCol_FrameBg] = c[ImGuiCol_FrameBgHovered] = c[ImGuiCol_FrameBgActive] = secondary;
    c[ImGuiCol_Button] = c[ImGuiCol_ButtonHovered] = secondary;
    c[ImGuiCol_ButtonActive] = primary;
    c[ImGuiCol_Header] = c[ImGuiCol_HeaderHovered] = c[ImGuiCol_HeaderActive] = secondary;
    c[ImGuiCol_ScrollbarBg] = background;
    c[ImGuiCol_ScrollbarGrab] = c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrabActive] =
        ImGui::ColorConvertU32ToFloat4(palette.border);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.55f);
    c[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 0);
}

}  // namespace buurtstem::ui
