// The kiosk's screen state: which screen shows, what the resident is typing, and the view of
// stored data the screens read. Screens change drafts directly and ask for everything else
// (navigation, saving) through Actions; only KioskApp touches storage.
#pragma once

#include "../core/Idea.h"
#include "../core/Pulse.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::ui {

enum class ScreenId { Attract, Home, IdeaTheme, IdeaText, IdeaReview, IdeaThanks, IdeaList, IdeaDetail, Pulse, PulseThanks };

struct ScreenInfo {
    ScreenId id;
    const char* name;      // for `buurtstem screenshot --screen NAME`
    const char* titleKey;  // translation key of the title in the top bar
};

inline constexpr std::array<ScreenInfo, 10> kScreens = {{
    {ScreenId::Attract, "attract", "screen.attract.title"},
    {ScreenId::Home, "home", "screen.home.title"},
    {ScreenId::IdeaTheme, "idea-theme", "screen.idea_theme.title"},
    {ScreenId::IdeaText, "idea-text", "screen.idea_text.title"},
    {ScreenId::IdeaReview, "idea-review", "screen.idea_review.title"},
    {ScreenId::IdeaThanks, "idea-thanks", "screen.idea_thanks.title"},
    {ScreenId::IdeaList, "ideas", "screen.ideas.title"},
    {ScreenId::IdeaDetail, "idea-detail", "screen.idea_detail.title"},
    {ScreenId::Pulse, "pulse", "screen.pulse.title"},
    {ScreenId::PulseThanks, "pulse-thanks", "screen.pulse_thanks.title"},
}};

const ScreenInfo& screenInfo(ScreenId id);
std::optional<ScreenId> screenByName(std::string_view name);

// What screens read from storage; refreshed after every write, never per frame.
struct KioskView {
    std::string neighbourhood;
    std::vector<Idea> ideas;  // visible ideas, newest first
    const Idea* findIdea(std::string_view id) const;
};

struct IdeaFlow {
    IdeaDraft draft;
    IdeaField focus = IdeaField::Title;  // which field the keyboard types into
    bool showProblems = false;           // = false // set once the resident tried to go on
    const char* saveProblemKey = nullptr;  // translated message when saving failed
    std::string submittedReference;      // shown on the thank-you screen
};

struct KioskState {
    ScreenId screen = ScreenId::Attract;
    std::vector<ScreenId> history;  // for Back
    IdeaFlow idea;
    std::string selectedIdeaId;     // the idea shown on IdeaDetail
    PulseDraft pulse;               // the faces tapped so far
    bool pulseGiven = false;        // = false // sent in this visit: one pulse per visit, until the idle reset
    const char* pulseProblemKey = nullptr;  // message under the faces: nothing chosen yet, or cannot save
    bool languagePickerOpen = false;
    bool largeText = false;
    bool highContrast = false;

    bool hasDraft() const {
        return !idea.draft.title.empty() || !idea.draft.body.empty() || idea.draft.themeChosen || answeredCount(pulse) > 0;
    }
};

// What a screen can ask for. KioskApp carries these out after the frame is drawn.
struct Actions {
    std::optional<ScreenId> go;  // push the current screen and show this one
    bool back = false;
    bool home = false;
    bool startIdea = false;      // a fresh draft, then the theme screen
    bool submitIdea = false;
    bool submitPulse = false;
    bool restart = false;        // leave the attract screen
    std::optional<std::string> openIdea;  // show this idea's detail
    std::optional<std::string> setLanguage;
    bool toggleLargeText = false;
    bool toggleHighContrast = false;
    bool openLanguagePicker = false;
    bool closeLanguagePicker = false;
};

}  // namespace buurtstem::ui
