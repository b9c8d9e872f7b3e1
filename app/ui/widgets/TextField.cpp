// Display and focus of a text that the on-screen keyboard edits.
#include "TextField.h"

#include "../../core/Utf8.h"
#include "../../core/i18n/Bidi.h"
#include "../Icons.h"

#include <algorithm>

namespace buurtstem::ui {

bool textField(Ui& ui, const TextFieldSpec& spec) {
    const float width = ImGui::GetContentRegionAvail().x;
    ImDrawList* list = ImGui::GetWindowDrawList();

    // Label line, with the character count at the other end (mirrored right to left).
    const bool mirrored = rightToLeft();
    ImVec2 cursor = ImGui::GetCursorScreenPos();
    const float labelWidth = measureText(ui.fonts.body, spec.label).x;
    drawText(list, ui.fonts.body, ImVec2(mirrored ? cursor.x + width - labelWidth : cursor.x, cursor.y), ui.colours.text,
             spec.label);
    if (spec.maxCodePoints > 0 && spec.text) {
        const std::string count =
            std::to_string(utf8::countCodePoints(*spec.text)) + " / " + std::to_string(spec.maxCodePoints);
        const ImVec2 size = measureText(ui.fonts.small, count);
        drawText(list, ui.fonts.small,
                 ImVec2(mirrored ? cursor.x : cursor.x + width - size.x, cursor.y + ui.fonts.body->FontSize - size.y),
                 ui.colours.mutedText, count);
    }
    ImGui::Dummy(ImVec2(width, ui.fonts.body->FontSize + ui.mm(1)));

    const float pad = ui.mm(3);
    const float height = std::max(ui.metrics.touchMin(), spec.height > 0 ? spec.height : ui.fonts.body->FontSize + 2 * pad);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    ImGui::PushID(spec.id);
    const bool tapped = ImGui::InvisibleButton("##field", ImVec2(width, height));
    ImGui::PopID();
    ui.widgets.add({spec.id, min.x, min.y, max.x, max.y, true, spec.focused});

    const float rounding = ui.mm(1.5f);
    list->AddRectFilled(min, max, ui.colours.surface, rounding);
    const Colour borderColour = spec.problem ? ui.colours.danger : spec.focused ? ui.colours.selected : ui.colours.border;
    list->AddRect(min, max, borderColour, rounding, 0, spec.focused || spec.problem ? ui.mm(0.8f) : ui.mm(0.35f));

    const float innerWidth = width - 2 * pad;
    const ImVec2 textPos(min.x + pad, min.y + pad);
    list->PushClipRect(min, max, true);
    if (spec.text && i18n::hasRightToLeft(*spec.text)) {
        // Right-to-left text starts at the right edge; its end, where the caret is, is at the left.
        const ImVec2 size = measureText(ui.fonts.body, *spec.text, innerWidth);
        const float overflow = std::max(0.0f, size.y - (height - 2 * pad));
        const ImVec2 pos(max.x - pad - size.x, textPos.y - overflow);
        drawText(list, ui.fonts.body, pos, ui.colours.text, *spec.text, innerWidth);
        if (spec.focused) {
            const float lineY = pos.y + size.y - ui.fonts.body->FontSize;
            list->AddRectFilled(ImVec2(pos.x - ui.mm(1.1f), lineY), ImVec2(pos.x - ui.mm(0.5f), lineY + ui.fonts.body->FontSize),
                                ui.colours.selected);
        }
    } else if (spec.text && !spec.text->empty()) {
        // Long text keeps its end (where the caret is) in view.
        const ImVec2 size = measureText(ui.fonts.body, *spec.text, innerWidth);
        const float overflow = std::max(0.0f, size.y - (height - 2 * pad));
        const ImVec2 pos(textPos.x, textPos.y - overflow);
        drawText(list, ui.fonts.body, pos, ui.colours.text, *spec.text, innerWidth);
        if (spec.focused) {
            // Caret after the last character: measure the last line only.
            const char* begin = spec.text->c_str();
            const char* end = begin + spec.text->size();
            const char* lineStart = begin;
            float lineY = pos.y;
            const char* s = begin;
            ImFont* font = ui.fonts.body;
            while (s < end) {
                const char* next = font->CalcWordWrapPositionA(1.0f, s, end, innerWidth);
                if (next == s) ++next;
                if (next >= end) break;
                lineStart = next;
                while (lineStart < end && *lineStart == ' ') ++lineStart;
                s = lineStart;
                lineY += font->FontSize;
            }
            const float caretX = pos.x + measureText(font, std::string_view(lineStart, end - lineStart)).x + ui.mm(0.5f);
            list->AddRectFilled(ImVec2(caretX, lineY), ImVec2(caretX + ui.mm(0.6f), lineY + font->FontSize), ui.colours.selected);
        }
    } else {
        const float placeholderWidth = measureText(ui.fonts.body, spec.placeholder, innerWidth).x;
        drawText(list, ui.fonts.body, mirrored ? ImVec2(max.x - pad - placeholderWidth, textPos.y) : textPos,
                 ui.colours.mutedText, spec.placeholder, innerWidth);
        if (spec.focused)
            list->AddRectFilled(ImVec2(textPos.x, textPos.y), ImVec2(textPos.x + ui.mm(0.6f), textPos.y + ui.fonts.body->FontSize),
                                ui.colours.selected);
    }
    list->PopClipRect();

    if (spec.problem) {
        std::string message = std::string(icon::Warning) + "  " + spec.problem;
        textBlock(ui.fonts.body, message, ui.colours.danger, width);
    }
    return tapped;
}

}  // namespace buurtstem::ui
