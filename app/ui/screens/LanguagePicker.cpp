// LanguagePicker: every language the kiosk offers, each written in its own name, as big buttons.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawLanguagePicker(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float width = std::min(display.x - ui.mm(20), ui.mm(160));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::OpenPopup("##language");
    ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::ColorConvertU32ToFloat4(ui.colours.background));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.mm(6), ui.mm(6)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, ui.mm(0.6f));
    if (ImGui::BeginPopupModal("##language", nullptr,
                               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_AlwaysAutoResize)) {
        const float inner = ImGui::GetContentRegionAvail().x;
        textBlock(ui.fonts.heading, std::string(icon::Language) + "  " + ui.tr("language.heading"), ui.colours.text, inner);
        const std::string current = ui.translator->language().code;
        for (const i18n::Language& language : ui.translator->languages()) {
            ButtonSpec spec;
            const std::string id = "#language." + language.code;
            spec.id = id.c_str();
            spec.label = language.nativeName.c_str();
            spec.size = ImVec2(inner, ui.metrics.touchMain() * 0.8f);
            spec.kind = ButtonKind::Choice;
            spec.selected = language.code == current;
            spec.icon = spec.selected ? icon::Check : nullptr;
            if (touchButton(ui, spec)) ctx.actions.setLanguage = language.code;
        }
        ImGui::Dummy(ImVec2(0, ui.mm(2)));
        ButtonSpec close;
        close.id = "language.close";
        close.label = ui.tr("language.close");
        close.icon = icon::Close;
        close.size = ImVec2(inner, ui.metrics.touchMin() * 1.2f);
        if (touchButton(ui, close)) ctx.actions.closeLanguagePicker = true;
        if (ctx.actions.setLanguage || ctx.actions.closeLanguagePicker) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

}  // namespace buurtstem::ui
