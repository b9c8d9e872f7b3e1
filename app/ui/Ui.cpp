// Text helpers over ImGui's draw list, with explicit fonts (screens mix four sizes).
#include "Ui.h"

namespace buurtstem::ui {

ImVec2 measureText(ImFont* font, std::string_view text, float wrapWidth) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.data(), text.data() + text.size());
}

void drawText(ImDrawList* list, ImFont* font, ImVec2 pos, Colour colour, std::string_view text, float wrapWidth) {
    list->AddText(font, font->FontSize, pos, colour, text.data(), text.data() + text.size(), wrapWidth);
}

float textBlock(ImFont* font, std::string_view text, Colour colour, float wrapWidth) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size = measureText(font, text, wrapWidth);
    drawText(ImGui::GetWindowDrawList(), font, pos, colour, text, wrapWidth);
    ImGui::Dummy(ImVec2(wrapWidth > 0 ? wrapWidth : size.x, size.y));
    return size.y;
}

}  // namespace buurtstem::ui
