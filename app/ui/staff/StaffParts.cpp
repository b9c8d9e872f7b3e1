// Pieces every staff panel uses: registered buttons, headings, names of statuses and aspects.
#include "StaffPanels.h"

#include "../../core/i18n/Bidi.h"
#include "../Icons.h"

namespace buurtstem::ui {

const char* staffPanelKey(StaffPanel panel) {
    switch (panel) {
        case StaffPanel::Overview: return "staff.panel.overview";
        case StaffPanel::Ideas: return "staff.panel.ideas";
        case StaffPanel::Initiatives: return "staff.panel.initiatives";
        case StaffPanel::Needs: return "staff.panel.needs";
        case StaffPanel::Pulse: return "staff.panel.pulse";
        case StaffPanel::Rounds: return "staff.panel.rounds";
        case StaffPanel::Bundles: return "staff.panel.bundles";
        case StaffPanel::Contacts: break;
    }
    return "staff.panel.contacts";
}

const char* staffPanelIcon(StaffPanel panel) {
    switch (panel) {
        case StaffPanel::Overview: return icon::Home;
        case StaffPanel::Ideas: return icon::Idea;
        case StaffPanel::Initiatives: return icon::Initiative;
        case StaffPanel::Needs: return icon::Handshake;
        case StaffPanel::Pulse: return icon::Pulse;
        case StaffPanel::Rounds: return icon::Results;
        case StaffPanel::Bundles: return icon::Send;
        case StaffPanel::Contacts: break;
    }
    return icon::Lock;
}

const char* staffPanelName(StaffPanel panel) {
    switch (panel) {
        case StaffPanel::Overview: return "overview";
        case StaffPanel::Ideas: return "ideas";
        case StaffPanel::Initiatives: return "initiatives";
        case StaffPanel::Needs: return "needs";
        case StaffPanel::Pulse: return "pulse";
        case StaffPanel::Rounds: return "rounds";
        case StaffPanel::Bundles: return "bundles";
        case StaffPanel::Contacts: break;
    }
    return "contacts";
}

std::optional<StaffPanel> staffPanelFromName(std::string_view name) {
    for (const StaffPanel panel : kAllStaffPanels)
        if (name == staffPanelName(panel)) return panel;
    return std::nullopt;
}

std::string staffShown(std::string_view text) {
    if (!i18n::hasRightToLeft(text)) return std::string(text);
    return i18n::visualLine(text, rightToLeft());
}

void registerStaffItem(Ui& ui, std::string id, bool selected, bool enabled) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ui.widgets.add({std::move(id), min.x, min.y, max.x, max.y, enabled, selected});
}

bool staffButton(Ui& ui, const std::string& id, const std::string& label, bool enabled) {
    ImGui::PushID(id.c_str());
    if (!enabled) ImGui::BeginDisabled();
    const bool clicked = ImGui::Button(label.c_str());
    if (!enabled) ImGui::EndDisabled();
    ImGui::PopID();
    registerStaffItem(ui, id, false, enabled);
    return clicked && enabled;
}

void staffHeading(Ui& ui, std::string_view text) {
    ImGui::PushFont(ui.fonts.heading);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void staffNote(Ui& ui, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colours.mutedText));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void staffNotAvailable(Ui& ui) {
    staffNote(ui, std::string(icon::Info) + "  " + ui.tr("staff.not_available"));
}

const char* ideaStatusKey(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::New: return "staff.status.new";
        case IdeaStatus::Approved: return "staff.status.approved";
        case IdeaStatus::Hidden: break;
    }
    return "staff.status.hidden";
}

const char* progressProblemKey(ProgressProblem problem) {
    switch (problem) {
        case ProgressProblem::MissingIdea: return "staff.progress.problem.no_initiative";
        case ProgressProblem::GrantedNegative:
        case ProgressProblem::SpentNegative: return "staff.progress.problem.negative";
        case ProgressProblem::GrantedOverCeiling:
        case ProgressProblem::SpentOverCeiling: return "staff.progress.problem.too_much";
        case ProgressProblem::GrantedBeforeApproval: return "staff.progress.problem.granted_early";
        case ProgressProblem::SpentBeforeRunning: return "staff.progress.problem.spent_early";
        case ProgressProblem::SpentOverGranted: return "staff.progress.problem.spent_over_granted";
        case ProgressProblem::AccountedWithoutSpent: return "staff.progress.problem.accounted_without_spent";
        case ProgressProblem::NoteTooLong: return "staff.progress.problem.note_too_long";
        case ProgressProblem::NoteInvalidText: break;
    }
    return "staff.progress.problem.note_invalid";
}

const char* pipelineStageKey(PipelineStage stage) {
    switch (stage) {
        case PipelineStage::Submitted: return "staff.stage.submitted";
        case PipelineStage::Reviewed: return "staff.stage.reviewed";
        case PipelineStage::Approved: return "staff.stage.approved";
        case PipelineStage::Running: return "staff.stage.running";
        case PipelineStage::Done: return "staff.stage.done";
        case PipelineStage::Accounted: break;
    }
    return "staff.stage.accounted";
}

const char* pulseAspectKey(PulseAspect aspect) {
    switch (aspect) {
        case PulseAspect::Meeting: return "pulse.aspect.meeting";
        case PulseAspect::Care: return "pulse.aspect.care";
        case PulseAspect::LivingWell: return "pulse.aspect.living_well";
        case PulseAspect::Clean: return "pulse.aspect.clean";
        case PulseAspect::Safe: break;
    }
    return "pulse.aspect.safe";
}


}  // namespace buurtstem::ui
