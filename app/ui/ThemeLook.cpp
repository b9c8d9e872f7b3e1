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

}  // namespace buurtstem::ui
