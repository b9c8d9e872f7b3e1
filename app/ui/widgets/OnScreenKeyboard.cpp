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
constexpr std::array<std::string_view, 3> kAccents = {"éèëêáàäâíïî", "óòöôúùüûçñ", "ğışłąęśźżćń"};
constexpr std::array<std::string_view, 3> kNumbers = {"1234567890", "-/:;()€&@\"", ".,?!'%+="};
constexpr std::array<std::string_view, 3> kCyrillic = {"йцукенгшщзхї", "фівапролджє", "ячсмитьбюґ"};
constexpr std::array<std::string_view, 3> kArabic = {"ضصثقفغعهخحج", "شسيبلاتنمكط", "ئءؤرىةوزظدذ"};

const std::array<std::string_view, 3>& rowsOf(KeyboardLayer layer) {
    switch (layer) {
        case KeyboardLayer::Accents: return kAccents;
        case KeyboardLayer::Numbers: return kNumbers;
        case KeyboardLayer::Cyrillic: return kCyrillic;
        case KeyboardLayer::Arabic: return kArabic;
        case KeyboardLayer::Letters: break;
    }
    return kLetters;
}

// What the key that switches to a layer says.
const char* switchLabel(KeyboardLayer layer) {
    switch (layer) {
        case KeyboardLayer::Accents: return "é ş ł";
        case KeyboardLayer::Numbers: return "123";
        case KeyboardLayer::Cyrillic: return "абв";
        case KeyboardLayer::Arabic: return "أبج";
        case KeyboardLayer::Letters: break;
    }
    return "abc";
}

const char* switchId(KeyboardLayer layer) {
    switch (layer) {
        case KeyboardLayer::Accents: return "#osk.layer.accents";
        case KeyboardLayer::Numbers: return "#osk.layer.numbers";
        case KeyboardLayer::Cyrillic: return "#osk.layer.cyrillic";
        case KeyboardLayer::Arabic: return "#osk.layer.arabic";
        case KeyboardLayer::Letters: break;
    }
    return "#osk.layer.letters";
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

KeyboardLayer lettersFor(std::string_view languageCode) {
    if (languageCode == "uk") return KeyboardLayer::Cyrillic;
    if (languageCode == "ar") return KeyboardLayer::Arabic;
    return KeyboardLayer::Letters;
}

bool OnScreenKeyboard::shifted(const std::string& text) const {
    if (layer_ == KeyboardLayer::Numbers || layer_ == KeyboardLayer::Arabic) return false;  // no capitals there
    // Capitals come by themselves at the start of a sentence: one tap less for everyone.
    return shift_ || endsSentence(text);
}

float OnScreenKeyboard::height(const Ui& ui) const {
    const float keyHeight = std::max(ui.metrics.touchMin(), ui.mm(kKeyHeightMm));
    return kRows * keyHeight + (kRows - 1) * ui.metrics.gap();
}

KeyboardEvent OnScreenKeyboard::draw(Ui& ui, std::string& text, const KeyboardOptions& options, float width) {
    KeyboardEvent event = KeyboardEvent::None;
    if (!started_) {
        layer_ = options.native;
        started_ = true;
    }
    const float gap = ui.metrics.gap();
    const float keyHeight = std::max(ui.metrics.touchMin(), ui.mm(kKeyHeightMm));
    // Key width from the widest row of this layer; shift and backspace are 1.5 keys each.
    const auto& rows = rowsOf(layer_);
    float rowUnits = 10.0f;
    for (int r = 0; r < 3; ++r)
        rowUnits = std::max(rowUnits, static_cast<float>(utf8::countCodePoints(rows[r])) + (r == 2 ? 3.0f : 0.0f));
    const float unit = std::clamp((width - (rowUnits - 1) * gap) / rowUnits, ui.metrics.touchMin(), ui.mm(24.0f));
    const float rowWidth = rowUnits * unit + (rowUnits - 1) * gap;
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

    for (int r = 0; r < 3; ++r) {
        const std::vector<char32_t> keys = codePoints(rows[r]);
        const bool withShiftAndBackspace = r == 2;
        float keysWidth = keys.size() * unit + (keys.size() - 1) * gap;
        if (withShiftAndBackspace) keysWidth += 2 * (1.5f * unit + gap);
        rowStart(r, keysWidth);
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
    std::vector<KeyboardLayer> switches;
    switch (layer_) {
        case KeyboardLayer::Letters: switches = {KeyboardLayer::Numbers, KeyboardLayer::Accents}; break;
        case KeyboardLayer::Cyrillic:
        case KeyboardLayer::Arabic: switches = {KeyboardLayer::Numbers, KeyboardLayer::Letters}; break;
        case KeyboardLayer::Accents:
        case KeyboardLayer::Numbers: switches = {KeyboardLayer::Letters}; break;
    }
    if (options.native != KeyboardLayer::Letters && layer_ != options.native) switches.push_back(options.native);
    const float switchWidth = 1.5f * unit;
    const float doneWidth = 2.5f * unit;
    const float switchesWidth = static_cast<float>(switches.size()) * (switchWidth + gap);
    const float spaceWidth = std::max(ui.metrics.touchMin(), rowWidth - switchesWidth - (unit + gap) - doneWidth - gap);
    rowStart(3, switchesWidth + spaceWidth + gap + unit + gap + doneWidth);
    for (KeyboardLayer target : switches)
        if (key(switchId(target), switchLabel(target), nullptr, switchWidth)) layer_ = target;
    if (key("#osk.space", ui.tr("osk.space"), nullptr, spaceWidth) && !text.empty() && text.back() != ' ' &&
        appendLimited(text, U' ', options.maxCodePoints))
        event = KeyboardEvent::Edited;
    if (key("#osk.key.stop", ".", nullptr, unit) && appendLimited(text, U'.', options.maxCodePoints))
        event = KeyboardEvent::Edited;
    {
        ButtonSpec done;
        done.id = "#osk.done";
        done.label = ui.tr(options.doneKey);
        done.icon = rightToLeft() ? icon::Back : icon::Next;  // forward is to the left when reading from the right
        // A long word in large text keeps its line: the arrow gives way, not the word.
        if (measureText(ui.fonts.heading, std::string(done.icon) + "  " + done.label).x > doneWidth - ui.mm(4)) done.icon = nullptr;
        done.size = ImVec2(doneWidth, keyHeight);
        done.kind = ButtonKind::Primary;
        if (touchButton(ui, done)) event = KeyboardEvent::Done;
    }

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height(ui)));
    ImGui::Dummy(ImVec2(width, 0));
    return event;
}

}  // namespace buurtstem::ui
