// The on-screen keyboard's layouts and key handling.
#include "OnScreenKeyboard.h"

#include "../../core/Utf8.h"
#include "../Icons.h"
#include "TouchButton.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace buurtstem::ui {

namespace {

constexpr float kKeyHeightMm = 14.0f;
constexpr int kRows = 4;

// Rows of character keys per layer (UTF-8, one key per code point).
constexpr std::array<std::string_view, 3> kLetters = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr std::array<std::string_view, 3> kAccents = {"éèëêáàäâ", "óòöôúùüû", "íìïîçñ"};
constexpr std::array<std::string_view, 3> kNumbers = {"1234567890", "-/:;()€&@\"", ".,?!'%+="};

const std::array<std::string_view, 3>& rowsOf(KeyboardLayer layer) {
    switch (layer) {
        case KeyboardLayer::Accents: return kAccents;
        case KeyboardLayer::Numbers: return kNumbers;
        case KeyboardLayer::Letters: break;
    }
    return kLetters;
}

std::vector<char32_t> codePoints(std::string_view row) {
    std::vector<char32_t> out;
    for (std::size_t pos = 0; pos < row.size();) out.push_back(utf8::decode(row, pos));
    return out;
}

std::string toUtf8(char32_t codePoint) {
    std::string s;
    utf8::append(s, codePoint);
    return s;
}

bool endsSentence(const std::string& text) {
    const std::string trimmed = utf8::trim(text);
    if (trimmed.empty()) return true;
    if (text.empty() || text.back() != ' ') return false;
    const char last = trimmed.back();
    return last == '.' || last == '!' || last == '?';
}

bool appendLimited(std::string& text, char32_t codePoint, std::size_t maxCodePoints) {
    if (utf8::countCodePoints(text) >= maxCodePoints) return false;
    utf8::append(text, codePoint);
    return true;
}

}  // namespace

bool OnScreenKeyboard::shifted(const std::string& text) const {
    // Capitals come by themselves at the start of a sentence: one tap less for everyone.
    return shift_ || (layer_ != KeyboardLayer::Numbers && endsSentence(text));
}

float OnScreenKeyboard::height(const Ui& ui) const {
    const float keyHeight = std::max(ui.metrics.touchMin(), ui.mm(kKeyHeightMm));
    return kRows * keyHeight + (kRows - 1) * ui.metrics.gap();
}

KeyboardEvent OnScreenKeyboard::draw(Ui& ui, std::string& text, const KeyboardOptions& options, float width) {
    KeyboardEvent event = KeyboardEvent::None;
    const float gap = ui.metrics.gap();
    const float keyHeight = std::max(ui.metrics.touchMin(), ui.mm(kKeyHeightMm));
    const float unit = std::clamp((width - 9 * gap) / 10.0f, ui.metrics.touchMin(), ui.mm(24.0f));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const bool upper = shifted(text);

    // A hardware keyboard types into the same text.
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters)
        if (c >= 0x20 && c != 0x7f && appendLimited(text, c, options.maxCodePoints)) event = KeyboardEvent::Edited;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && utf8::popBack(text)) event = KeyboardEvent::Edited;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter)))
        event = KeyboardEvent::Done;

    auto rowStart = [&](int row, float rowWidth) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + std::max(0.0f, (width - rowWidth) * 0.5f),
                                         origin.y + row * (keyHeight + gap)));
    };
    auto key = [&](const char* id, const char* label, const char* icon, float w, bool selected = false) {
        ButtonSpec spec;
        spec.id = id;
        spec.label = label;
        spec.icon = icon;
        spec.size = ImVec2(w, keyHeight);
        spec.kind = ButtonKind::Choice;
        spec.selected = selected;
        const bool tapped = touchButton(ui, spec);
        ImGui::SameLine(0, gap);
        return tapped;
    };

    const auto& rows = rowsOf(layer_);
    for (int r = 0; r < 3; ++r) {
        const std::vector<char32_t> keys = codePoints(rows[r]);
        const bool withShiftAndBackspace = r == 2;
        float rowWidth = keys.size() * unit + (keys.size() - 1) * gap;
        if (withShiftAndBackspace) rowWidth += 2 * (1.5f * unit + gap);
        rowStart(r, rowWidth);
        if (withShiftAndBackspace && key("#osk.shift", "", icon::Shift, 1.5f * unit, upper && layer_ != KeyboardLayer::Numbers))
            shift_ = !upper;
        for (char32_t c : keys) {
            const std::string id = "#osk.key." + toUtf8(c);
            const char32_t shown = upper ? utf8::toUpper(c) : c;
            const std::string label = toUtf8(shown);
            if (key(id.c_str(), label.c_str(), nullptr, unit) && appendLimited(text, shown, options.maxCodePoints)) {
                event = KeyboardEvent::Edited;
                shift_ = false;
            }
        }
        if (withShiftAndBackspace && key("#osk.backspace", "", icon::Backspace, 1.5f * unit) && utf8::popBack(text))
            event = KeyboardEvent::Edited;
    }

    // Bottom row: layer switches, space, full stop, Done.
    const float switchWidth = 1.5f * unit;
    const float doneWidth = 2.5f * unit;
    const bool letters = layer_ == KeyboardLayer::Letters;
    const int switches = letters ? 2 : 1;
    const float spaceWidth = std::max(ui.metrics.touchMin(),
                                      10 * unit + 9 * gap - switches * (switchWidth + gap) - (unit + gap) - doneWidth - gap);
    rowStart(3, switches * (switchWidth + gap) + spaceWidth + gap + unit + gap + doneWidth);
    if (letters) {
        if (key("#osk.layer.numbers", "123", nullptr, switchWidth)) layer_ = KeyboardLayer::Numbers;
        if (key("#osk.layer.accents", "é ë", nullptr, switchWidth)) layer_ = KeyboardLayer::Accents;
    } else if (key("#osk.layer.letters", "abc", nullptr, switchWidth)) {
        layer_ = KeyboardLayer::Letters;
    }
    if (key("#osk.space", ui.tr("osk.space"), nullptr, spaceWidth) && !text.empty() && text.back() != ' ' &&
        appendLimited(text, U' ', options.maxCodePoints))
        event = KeyboardEvent::Edited;
    if (key("#osk.key.stop", ".", nullptr, unit) && appendLimited(text, U'.', options.maxCodePoints))
        event = KeyboardEvent::Edited;
    {
        ButtonSpec done;
        done.id = "#osk.done";
        done.label = ui.tr(options.doneKey);
        done.icon = icon::Next;
        done.size = ImVec2(doneWidth, keyHeight);
        done.kind = ButtonKind::Primary;
        if (touchButton(ui, done)) event = KeyboardEvent::Done;
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height(ui)));
    ImGui::Dummy(ImVec2(width, 0));
    return event;
}

}  // namespace buurtstem::ui
