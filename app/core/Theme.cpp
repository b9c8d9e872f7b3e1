// Stable theme ids: they end up in event payloads and exports, so they never change or get translated.
#include "Theme.h"

namespace buurtstem {

std::string_view themeId(Theme theme) {
    switch (theme) {
        case Theme::Meeting: return "meeting";
        case Theme::Care: return "care";
        case Theme::LivingWell: return "living_well";
        case Theme::Green: return "green";
        case Theme::Play: return "play";
        case Theme::CleanSafe: return "clean_safe";
        case Theme::Traffic: return "traffic";
        case Theme::Other: return "other";
    }
    return "other";
}

std::optional<Theme> themeFromId(std::string_view id) {
    for (Theme theme : kAllThemes) {
        if (themeId(theme) == id) return theme;
    }
    return std::nullopt;
}

}  // namespace buurtstem
