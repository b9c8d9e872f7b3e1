// Text stays readable: every text colour against the fill it is drawn on reaches a contrast of
// 4.5:1 in the normal theme and 7:1 in high contrast (WCAG 2 relative luminance).
#include "app/ui/Style.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <utility>

using namespace buurtstem;

namespace {

double channel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ui::Colour colour) {  // 0xAABBGGRR
    return 0.2126 * channel(colour & 0xFF) + 0.7152 * channel((colour >> 8) & 0xFF) +
           0.0722 * channel((colour >> 16) & 0xFF);
}

double contrast(ui::Colour a, ui::Colour b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace

TEST_CASE("text colours keep their contrast in both themes", "[ui][accessibility]") {
    for (const bool high : {false, true}) {
        const ui::Palette p = ui::makePalette(high);
        const double minimum = high ? 7.0 : 4.5;
        const std::pair<const char*, std::pair<ui::Colour, ui::Colour>> pairs[] = {
            {"text on background", {p.text, p.background}},
            {"text on surface", {p.text, p.surface}},
            {"muted text on background", {p.mutedText, p.background}},
            {"muted text on surface", {p.mutedText, p.surface}},
            {"text on a main button", {p.onPrimary, p.primary}},
            {"text on other buttons", {p.onSecondary, p.secondary}},
            {"text on the top bar", {p.onBar, p.barBackground}},
            {"problems on background", {p.danger, p.background}},
            {"problems on surface", {p.danger, p.surface}},
            {"marks on surface", {p.selected, p.surface}},
        };
        for (const auto& [what, colours] : pairs) {
            INFO((high ? "high contrast: " : "normal: ") << what << " " << contrast(colours.first, colours.second));
            CHECK(contrast(colours.first, colours.second) >= minimum);
        }
    }
}
