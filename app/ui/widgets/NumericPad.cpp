// Amount entry: typed text to integer cents and back, and the pad that edits it.
#include "NumericPad.h"

#include "../Icons.h"
#include "TouchButton.h"

#include <algorithm>

namespace buurtstem::ui {

std::optional<std::int64_t> parseEuroCents(std::string_view typed) {
    std::int64_t euros = 0, cents = 0;
    int decimals = -1;  // -1: no comma yet
    bool anyDigit = false;
    for (char c : typed) {
        if (c == ',' || c == '.') {
            if (decimals >= 0) return std::nullopt;
            decimals = 0;
        } else if (c >= '0' && c <= '9') {
            anyDigit = true;
            if (decimals < 0) {
                if (euros > 100'000'000'000LL) return std::nullopt;
                euros = euros * 10 + (c - '0');
            } else {
                if (++decimals > 2) return std::nullopt;
                cents = cents * 10 + (c - '0');
            }
        } else {
            return std::nullopt;
        }
    }
    if (!anyDigit) return std::nullopt;
    if (decimals == 1) cents *= 10;
    return euros * 100 + cents;
}

std::string formatEuroCents(std::int64_t cents) {
    const bool negative = cents < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
    // Whole euros with a dot every three digits, built from the right: "1.250".
    const std::string digits = std::to_string(magnitude / 100);
    std::string euros;
    euros.reserve(digits.size() + digits.size() / 3);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) euros.push_back('.');
        euros.push_back(digits[i]);
    }
    const unsigned rest = static_cast<unsigned>(magnitude % 100);
    // A no-break space: the sign never ends a line with its amount on the next.
    std::string out = negative ? "-€\u00a0" : "€\u00a0";
    out += euros;
    out += ',';
    out += static_cast<char>('0' + rest / 10);
    out += static_cast<char>('0' + rest % 10);
    return out;
}

std::string formatEuroShort(std::int64_t cents) {
    std::string text = formatEuroCents(cents);
    if (text.size() > 3 && text.compare(text.size() - 3, 3, ",00") == 0) text.resize(text.size() - 3);
    return text;
}

std::string typedEuroCents(std::int64_t cents) {
    if (cents <= 0) return {};
    std::string text = std::to_string(cents / 100);
    if (const std::int64_t rest = cents % 100; rest != 0) {
        text += ',';
        text += static_cast<char>('0' + rest / 10);
        text += static_cast<char>('0' + rest % 10);
    }
    return text;
}

float numericPadHeight(const Ui& ui) {
    const float keyHeight = std::max(ui.metrics.touchMin(), ui.mm(15.0f));
    return 4 * keyHeight + 3 * ui.metrics.gap();
}

PadEvent numericPad(Ui& ui, std::string& typed, const NumericPadOptions& options, float width) {
    PadEvent event = PadEvent::None;
    const float gap = ui.metrics.gap();
    const float keyHeight = std::max(ui.metrics.touchMin(), ui.mm(15.0f));
    const float keyWidth = std::clamp((width - 3 * gap) / 4.0f, ui.metrics.touchMin(), ui.mm(30.0f));
    const ImVec2 origin = ImGui::GetCursorScreenPos();

    auto tryType = [&](std::string_view more) {
        std::string candidate = typed + std::string(more);
        if (candidate == ",") candidate = "0,";
        const auto cents = parseEuroCents(candidate);
        // A trailing comma is fine while typing; too many decimals or too much money is not.
        const bool trailingComma = !candidate.empty() && candidate.back() == ',' &&
                                   std::count(candidate.begin(), candidate.end(), ',') == 1;
        if ((cents && *cents <= options.maxCents) || trailingComma) {
            typed = candidate;
            event = PadEvent::Edited;
        }
    };

    static constexpr const char* kLayout[4][4] = {
        {"7", "8", "9", "back"}, {"4", "5", "6", "clear"}, {"1", "2", "3", "done"}, {"0", "00", ",", ""}};
    for (int r = 0; r < 4; ++r) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + r * (keyHeight + gap)));
        for (int c = 0; c < 4; ++c) {
            const std::string_view k = kLayout[r][c];
            if (k.empty()) continue;
            ButtonSpec spec;
            spec.size = ImVec2(keyWidth, keyHeight);
            spec.kind = ButtonKind::Choice;
            std::string id = "#pad." + std::string(k);
            spec.id = id.c_str();
            if (k == "back") {
                spec.icon = icon::Backspace;
                spec.label = "";
            } else if (k == "clear") {
                spec.icon = icon::Close;
                spec.label = "";
            } else if (k == "done") {
                spec.icon = icon::Check;
                spec.label = ui.tr(options.doneKey);
                spec.kind = ButtonKind::Primary;
                spec.size.y = 2 * keyHeight + gap;  // tall Done key, like a calculator's
            } else {
                spec.label = kLayout[r][c];
            }
            if (touchButton(ui, spec)) {
                if (k == "back") {
                    if (!typed.empty()) {
                        typed.pop_back();
                        event = PadEvent::Edited;
                    }
                } else if (k == "clear") {
                    typed.clear();
                    event = PadEvent::Edited;
                } else if (k == "done") {
                    event = PadEvent::Done;
                } else {
                    tryType(k);
                }
            }
            ImGui::SameLine(0, gap);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + numericPadHeight(ui)));
    ImGui::Dummy(ImVec2(width, 0));
    return event;
}

}  // namespace buurtstem::ui
