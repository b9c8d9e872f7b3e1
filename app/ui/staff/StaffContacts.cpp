// StaffContacts (Contacten): the contacts residents left with their ideas and initiatives,
// opened only here and only while the staff secret key is loaded. Nothing is written anywhere.
#include "StaffPanels.h"

#include "../Icons.h"

#include <string>

namespace buurtstem::ui {

namespace {

void drawKeyField(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    ImGui::TextUnformatted(ui.tr("staff.key.file"));
    ImGui::SetNextItemWidth(ui.fonts.body->FontSize * 26.0f);
    ImGui::InputTextWithHint("##key_path", ui.tr("staff.key.path_hint"), ctx.state.keyPath.data(), ctx.state.keyPath.size());
    registerStaffItem(ui, "#staff.key.path");
    ImGui::SameLine();
    if (staffButton(ui, "staff.key.load", std::string(icon::Lock) + "  " + ui.tr("staff.key.load")))
        ctx.actions.loadKey = true;
}

}  // namespace

void drawStaffContacts(StaffContext& ctx) {
    Ui& ui = ctx.ui;
    staffHeading(ui, ui.tr("staff.panel.contacts"));
    if (!ctx.keyLoaded) {
        staffNote(ui, ui.format("staff.contacts.sealed", {{"count", std::to_string(ctx.view.contactsSealed)}}));
        ImGui::Spacing();
        drawKeyField(ctx);
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.format("staff.key.fingerprint", {{"fingerprint", ctx.keyFingerprint}}).c_str());
    ImGui::SameLine();
    if (staffButton(ui, "staff.key.forget", ui.tr("staff.key.forget"))) ctx.actions.forgetKey = true;
    staffNote(ui, ui.tr("staff.contacts.careful"));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##contacts", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(ui.tr("staff.column.code"), ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("MMM-MMM").x);
    ImGui::TableSetupColumn(ui.tr("staff.column.title"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    ImGui::TableSetupColumn(ui.tr("staff.column.name"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(ui.tr("staff.column.contact"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableHeadersRow();
    for (const StaffContact& contact : ctx.contacts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(contact.reference.c_str());
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(
            (std::string(contact.kind == IdeaKind::Initiative ? icon::Initiative : icon::Idea) + " " + staffShown(contact.title)).c_str());
        ImGui::PopTextWrapPos();
        ImGui::TableNextColumn();
        if (!contact.opened) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(ui.colours.mutedText));
            ImGui::TextUnformatted(ui.tr("staff.contacts.not_opened"));
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            continue;
        }
        ImGui::TextUnformatted(staffShown(contact.name).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(contact.address.c_str());
        registerStaffItem(ui, "#staff.contact." + contact.reference);
    }
    ImGui::EndTable();
}

}  // namespace buurtstem::ui
