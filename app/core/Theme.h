// Theme (thema): what an idea is about. The first three are the social liveability questions
// (ontmoeting, zorg, fijn wonen); the rest are the classic ones residents also bring.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace buurtstem {

enum class Theme {
    Meeting,     // ontmoeting
    Care,        // zorg
    LivingWell,  // fijn wonen
    Green,       // groen
    Play,        // spelen
    CleanSafe,   // schoon en veilig
    Traffic,     // verkeer
    Other,       // iets anders
};

inline constexpr std::array<Theme, 8> kAllThemes = {Theme::Meeting, Theme::Care,      Theme::LivingWell,
                                                    Theme::Green,   Theme::Play,      Theme::CleanSafe,
                                                    Theme::Traffic, Theme::Other};

// Stable identifier stored in events and exports ("meeting", "care", ...). Never translated.
std::string_view themeId(Theme theme);
std::optional<Theme> themeFromId(std::string_view id);

}  // namespace buurtstem
