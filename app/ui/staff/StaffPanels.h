// The staff view's panels, one file each (StaffOverview.cpp, StaffIdeas.cpp, ...), and the
// small pieces they share. A panel reads the view and the state, draws with ordinary ImGui
// widgets for mouse and keyboard, and asks for changes through StaffActions.
#pragma once

#include "../Ui.h"
#include "StaffState.h"
#include "StaffView.h"

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::ui {

struct StaffContext {
    Ui& ui;
    const StaffView& view;
    StaffState& state;
    StaffActions& actions;
    const std::vector<StaffContact>& contacts;  // opened with the loaded key; empty without it
    bool keyLoaded = false;                     // = false // the staff secret key is in memory
    std::string keyFingerprint;                 // = "" // of the loaded key's public half
};

void drawStaffOverview(StaffContext& ctx);
void drawStaffIdeas(StaffContext& ctx);
void drawStaffInitiatives(StaffContext& ctx);
void drawStaffNeeds(StaffContext& ctx);
void drawStaffPulse(StaffContext& ctx);
void drawStaffRounds(StaffContext& ctx);
void drawStaffBundles(StaffContext& ctx);
void drawStaffContacts(StaffContext& ctx);

// [SECTION] Shared pieces (StaffParts.cpp)
// Records the last ImGui item in the widget registry under `id`, so tests can click it.
void registerStaffItem(Ui& ui, std::string id, bool selected = false, bool enabled = true);
// An ordinary button, registered under `id`. Returns true when clicked.
bool staffButton(Ui& ui, const std::string& id, const std::string& label, bool enabled = true);
// The panel's heading in the heading font, and a line of muted text.
void staffHeading(Ui& ui, std::string_view text);
void staffNote(Ui& ui, std::string_view text);
// "Niet beschikbaar in deze versie": a panel whose data this build cannot read yet.
void staffNotAvailable(Ui& ui);
// Text with right-to-left letters joined and put in visual order for ImGui's own widgets.
std::string staffShown(std::string_view text);
// The name of an idea's status ("nieuw", "goedgekeurd", "verborgen").
const char* ideaStatusKey(IdeaStatus status);
// The plain-language message for a progress the rules refuse, and a pipeline stage's name.
const char* progressProblemKey(ProgressProblem problem);
const char* pipelineStageKey(PipelineStage stage);
// The pulse aspect's name.
const char* pulseAspectKey(PulseAspect aspect);

}  // namespace buurtstem::ui
