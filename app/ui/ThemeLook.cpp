// Theme icons and label keys.
#include "ThemeLook.h"

#include "Icons.h"

namespace buurtstem::ui {

const char* themeIcon(Theme theme) {
    switch (theme) {
        case Theme::Meeting: return icon::Meeting;
        case Theme::Care: return icon::Care;
        case Theme::LivingWell: return icon::LivingWell;
        case Theme::Green: return icon::Green;
        case Theme::Play: return icon::Play;
        case Theme::CleanSafe: return icon::CleanSafe;
        case Theme::Traffic: return icon::Traffic;
        case Theme::Other: break;
    }
    return icon::Other;
}

const char* themeLabelKey(Theme theme) {
    switch (theme) {
        case Theme::Meeting: return "theme.meeting";
        case Theme::Care: return "theme.care";
        case Theme::LivingWell: return "theme.living_well";
        case Theme::Green: return "theme.green";
        case Theme::Play: return "theme.play";
        case Theme::CleanSafe: return "theme.clean_safe";
        case Theme::Traffic: return "theme.traffic";
        case Theme::Other: break;
    }
    return "theme.other";
}

const char* themeHintKey(Theme theme) {
    switch (theme) {
        case Theme::Meeting: return "theme.meeting.hint";
        case Theme::Care: return "theme.care.hint";
        case Theme::LivingWell: return "theme.living_well.hint";
        case Theme::Green: return "theme.green.hint";
        case Theme::Play: return "theme.play.hint";
        case Theme::CleanSafe: return "theme.clean_safe.hint";
        case Theme::Traffic: return "theme.traffic.hint";
        case Theme::Other: break;
    }
    return "theme.other.hint";
}

std::uint32_t themeColour(Theme theme) {
    const auto rgb = [](std::uint32_t r, std::uint32_t g, std::uint32_t b) { return 0xFF000000u | (b << 16) | (g << 8) | r; };
    switch (theme) {
        case Theme::Meeting: return rgb(176, 74, 20);     // warm orange
        case Theme::Care: return rgb(178, 34, 74);        // rose
        case Theme::LivingWell: return rgb(20, 98, 122);  // the kiosk's teal
        case Theme::Green: return rgb(36, 112, 48);       // leaf green
        case Theme::Play: return rgb(120, 60, 160);       // purple
        case Theme::CleanSafe: return rgb(40, 70, 150);   // blue
        case Theme::Traffic: return rgb(110, 90, 20);     // ochre
        case Theme::Other: break;
    }
    return 0xFF605850u;  // grey
}

}  // namespace buurtstem::ui
