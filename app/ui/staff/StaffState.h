// The staff view's own state (which panel shows, filters, what is being edited) and the actions
// its panels ask for. Only StaffApp carries actions out; panels never write.
#pragma once

#include "../../core/InitiativeProgress.h"
#include "../../core/Theme.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

// The panels in the left-hand list, in the order staff meet them.
enum class StaffPanel { Overview, Ideas, Initiatives, Needs, Pulse, Rounds, Bundles, Contacts };
inline constexpr std::array<StaffPanel, 8> kAllStaffPanels = {StaffPanel::Overview, StaffPanel::Ideas, StaffPanel::Initiatives,
                                                             StaffPanel::Needs,    StaffPanel::Pulse, StaffPanel::Rounds,
                                                             StaffPanel::Bundles,  StaffPanel::Contacts};
const char* staffPanelKey(StaffPanel panel);   // "staff.panel.overview", ...: its name and its widget id
const char* staffPanelIcon(StaffPanel panel);  // Font Awesome, beside the name
const char* staffPanelName(StaffPanel panel);  // "overview", ...: for `buurtstem screenshot --screen staff-overview`
std::optional<StaffPanel> staffPanelFromName(std::string_view name);

// Which ideas the Ideas panel lists.
enum class StaffIdeaStatusFilter { All, New, Approved, Hidden };

// A message under the top bar: what the last action did, or why it could not.
struct StaffMessage {
    std::string text;    // translated; empty: no message
    bool problem = false;  // = false // shown in the danger colour
};

struct StaffState {
    StaffPanel panel = StaffPanel::Overview;  // = Overview
    std::string language = "nl";               // = "nl"
    bool largeText = false;                    // = false
    bool highContrast = false;                 // = false
    std::size_t neighbourhood = 0;             // = 0 // index into StaffView::neighbourhoods
    // Ideas panel
    std::array<char, 128> ideaFilterText{};    // = "" // words the title or text must hold
    StaffIdeaStatusFilter ideaStatus = StaffIdeaStatusFilter::All;
    std::optional<Theme> ideaTheme;            // = nullopt // every theme
    // Initiatives panel: the initiative open on the right, and its progress as staff edit it
    std::string selectedInitiative;            // = "" // idea id
    PipelineStage editStage = PipelineStage::Submitted;
    std::array<char, 24> editGranted{};        // euros as typed: "1250" or "1.250,50"
    std::array<char, 24> editSpent{};
    std::array<char, 1700> editNote{};         // kProgressNoteMax code points of UTF-8
    // Contacts panel: where the secret key file is
    std::array<char, 512> keyPath{};           // = "" // filled from --staff-secret
    // Bundles panel
    std::array<char, 512> bundleFolder{};      // = "" // the folder listed for bundle files
    bool trustNew = false;                     // = false // staff compared the new kiosks' fingerprints
    std::string confirmLost;                   // = "" // the kiosk staff are about to report lost (the confirm step)
    std::array<char, 24> lostFromSeq{};        // = "" // its events from this seq on stop counting; "" = all count
    StaffMessage message;
};

struct StaffActions {
    std::optional<StaffPanel> panel;          // show this panel
    std::optional<std::size_t> neighbourhood; // pick this neighbourhood
    std::optional<std::string> language;      // switch the language
    bool toggleLargeText = false;
    bool toggleHighContrast = false;
    bool loadKey = false;                      // read the key file named in StaffState::keyPath
    bool forgetKey = false;                    // drop the key and every opened contact
    bool refresh = false;                      // read everything again from storage
    std::optional<std::string> selectInitiative;  // open this initiative ("" closes it)
    bool saveProgress = false;                 // store the progress being edited
    bool listBundles = false;                  // read the bundle files in StaffState::bundleFolder
    std::vector<std::string> importBundles;    // import these bundle files, all or none
    struct Resolve {
        std::string roundId;
        std::string codeHash;
        std::string keepBallotId;  // "" for none of them
    };
    std::optional<Resolve> resolveCode;        // staff decide which ballot of a code used twice counts
    std::optional<std::string> askLost;        // show the confirm step for this kiosk ("" closes it)
    bool reportLost = false;                   // confirmed: withdraw trust in StaffState::confirmLost
};

}  // namespace buurtstem::ui
