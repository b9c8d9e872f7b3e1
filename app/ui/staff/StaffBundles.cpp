// StaffBundles (Bundels en conflicten): importing the kiosks' sync bundles from a folder (a USB
// stick, a file share), confirming a kiosk seen for the first time by its key's fingerprint,
// what the last import did, what merging left open: gaps, quarantined events and voting codes
// used at two kiosks, with the choice of which ballot counts; and the kiosks the office trusts,
// where staff report one lost or stolen (with a confirm step).
#include "StaffPanels.h"

#include "../../core/KioskSetup.h"
#include "../Icons.h"
#include "../screens/Screens.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

std::string seqRange(std::int64_t from, std::int64_t to) { return std::to_string(from) + "–" + std::to_string(to); }

void drawFolder(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    ImGui::TextUnformatted(ui.tr("staff.bundles.folder"));
    ImGui::SetNextItemWidth(ui.fonts.body->FontSize * 26.0f);
    ImGui::InputText("##bundle_folder", ctx.state.bundleFolder.data(), ctx.state.bundleFolder.size());
    registerStaffItem(ui, "#staff.bundles.folder");
    ImGui::SameLine();
    if (staffButton(ui, "staff.bundles.list", ui.tr("staff.bundles.list"))) ctx.actions.listBundles = true;
    if (ctx.bundleFiles.empty()) return;

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##bundles", 4, flags)) {
        ImGui::TableSetupColumn(ui.tr("staff.column.file"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(ui.tr("staff.column.kiosk"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn(ui.tr("staff.column.events"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(ui.tr("staff.column.fingerprint"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableHeadersRow();
        std::vector<std::string> readable;
        for (const StaffBundleFile& file : ctx.bundleFiles) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(std::filesystem::path(file.path).filename().string().c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableNextColumn();
            if (!file.header) {
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colours.danger));
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted((std::string(ui.tr("staff.bundles.not_a_bundle")) + " (" + file.problem + ")").c_str());
                ImGui::PopTextWrapPos();
                ImGui::PopStyleColor();
                continue;
            }
            readable.push_back(file.path);
            ImGui::TextUnformatted(file.header->kioskId.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(seqRange(file.header->firstSeq, file.header->lastSeq).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(keyFingerprint(file.header->kioskPublicKey).c_str());
        }
        ImGui::EndTable();
        // A kiosk the office never saw is imported only once staff compared its fingerprint.
        ImGui::Checkbox(ui.tr("staff.bundles.trust"), &ctx.state.trustNew);
        registerStaffItem(ui, "staff.bundles.trust", ctx.state.trustNew);
        if (staffButton(ui, "staff.bundles.import", std::string(icon::Send) + "  " + ui.tr("staff.bundles.import"),
                        ctx.keyLoaded && !readable.empty()))
            ctx.actions.importBundles = readable;
    }
}

void drawReport(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    if (!ctx.lastImport) return;
    staffHeading(ui, ui.tr("staff.bundles.report"));
    for (const BundleImport& bundle : ctx.lastImport->bundles) {
        const std::string file = std::filesystem::path(bundle.file).filename().string();
        ImGui::BulletText("%s",
                          bundle.alreadyImported
                              ? ui.format("staff.bundles.report.again", {{"file", file}}).c_str()
                              : ui.format("staff.bundles.report.line", {{"file", file},
                                                                        {"kiosk", bundle.kioskId},
                                                                        {"new", std::to_string(bundle.newEvents)},
                                                                        {"duplicates", std::to_string(bundle.duplicates)}})
                                    .c_str());
    }
}

void drawConflicts(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    const storage::KioskStore::SyncConflicts& open = ctx.view.conflicts;
    staffHeading(ui, ui.tr("staff.conflicts.heading"));
    if (open.gaps.empty() && open.quarantined.empty() && open.codes.empty()) {
        staffNote(ui, ui.tr("staff.conflicts.none"));
        return;
    }
    for (const SeqGap& gap : open.gaps)
        ImGui::BulletText("%s", ui.format("staff.conflicts.gap", {{"kiosk", gap.kioskId}, {"seqs", seqRange(gap.fromSeq, gap.toSeq)}}).c_str());
    for (const QuarantinedEvent& event : open.quarantined)
        ImGui::BulletText("%s", ui.format("staff.conflicts.quarantined", {{"kiosk", event.event.kioskId},
                                                                          {"seq", std::to_string(event.event.seq)},
                                                                          {"type", event.event.type}})
                                    .c_str());
    for (const CodeConflict& conflict : open.codes) {
        ImGui::PushID((conflict.roundId + conflict.codeHash).c_str());
        ImGui::BulletText("%s", ui.format("staff.conflicts.code", {{"count", std::to_string(conflict.ballotIds.size())},
                                                                   {"code", conflict.codeHash.substr(0, 8)}})
                                    .c_str());
        ImGui::Indent();
        for (std::size_t i = 0; i < conflict.ballotIds.size(); ++i) {
            if (i > 0) ImGui::SameLine();
            if (staffButton(ui, "#staff.conflicts.keep." + conflict.ballotIds[i],
                            ui.format("staff.conflicts.keep", {{"number", std::to_string(i + 1)}})))
                ctx.actions.resolveCode = StaffActions::Resolve{conflict.roundId, conflict.codeHash, conflict.ballotIds[i]};
        }
        ImGui::SameLine();
        if (staffButton(ui, "#staff.conflicts.none." + conflict.codeHash, ui.tr("staff.conflicts.keep_none")))
            ctx.actions.resolveCode = StaffActions::Resolve{conflict.roundId, conflict.codeHash, ""};
        ImGui::Unindent();
        ImGui::PopID();
    }
}

void drawKiosks(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.lost.heading"));
    staffNote(ui, ui.tr("staff.lost.note"));
    const bool any = std::any_of(ctx.view.kiosks.begin(), ctx.view.kiosks.end(), [](const KioskActivity& k) { return !k.own; });
    if (!any) {
        staffNote(ui, ui.tr("staff.lost.none"));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##trusted", 3, flags)) return;
    ImGui::TableSetupColumn(ui.tr("staff.column.kiosk"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn(ui.tr("staff.neighbourhood"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(ui.tr("staff.column.status"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
    ImGui::TableHeadersRow();
    for (const KioskActivity& kiosk : ctx.view.kiosks) {
        if (kiosk.own) continue;
        ImGui::PushID(kiosk.kioskId.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(kiosk.kioskId.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(staffShown(kiosk.neighbourhood).c_str());
        ImGui::TableNextColumn();
        if (kiosk.withdrawn) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted((std::string(icon::Warning) + "  " +
                                    staffShown(ui.format("staff.lost.since", {{"date", dayMonthYear(ui, kiosk.withdrawn->withdrawnMs)},
                                                                              {"count", std::to_string(kiosk.withdrawn->setAside)}})))
                                       .c_str());
            ImGui::PopTextWrapPos();
            registerStaffItem(ui, "#staff.lost.since." + kiosk.kioskId);
        } else if (staffButton(ui, "#staff.lost.ask." + kiosk.kioskId, ui.tr("staff.lost.ask"))) {
            ctx.actions.askLost = kiosk.kioskId;
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
    if (ctx.state.confirmLost.empty()) return;

    // The confirm step: what happens, the seq from which its events stop counting, yes or no.
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colours.danger));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        (std::string(icon::Warning) + "  " + staffShown(ui.format("staff.lost.confirm", {{"kiosk", ctx.state.confirmLost}}))).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(staffShown(ui.tr("staff.lost.from_seq")).c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetNextItemWidth(ui.fonts.body->FontSize * 8.0f);
    ImGui::InputText("##lost_from_seq", ctx.state.lostFromSeq.data(), ctx.state.lostFromSeq.size(), ImGuiInputTextFlags_CharsDecimal);
    registerStaffItem(ui, "#staff.lost.from_seq");
    if (staffButton(ui, "staff.lost.yes", std::string(icon::Warning) + "  " + ui.tr("staff.lost.yes"))) ctx.actions.reportLost = true;
    ImGui::SameLine();
    if (staffButton(ui, "staff.lost.cancel", ui.tr("staff.lost.cancel"))) ctx.actions.askLost = std::string();
}

}  // namespace

void drawStaffBundles(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.panel.bundles"));
    if (!ctx.keyLoaded) {
        staffNote(ui, ui.tr("staff.bundles.key_first"));
        if (staffButton(ui, "staff.bundles.to_key", ui.tr("staff.bundles.to_key"))) ctx.actions.panel = StaffPanel::Contacts;
    }
    drawFolder(ctx);
    ImGui::Spacing();
    drawReport(ctx);
    ImGui::Spacing();
    drawConflicts(ctx);
    ImGui::Spacing();
    drawKiosks(ctx);
}

}  // namespace buurtstem::ui
