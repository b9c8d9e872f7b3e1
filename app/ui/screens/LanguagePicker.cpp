// LanguagePicker: every language the kiosk offers, each written in its own name, as big buttons.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/Overlay.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawLanguagePicker(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (beginOverlay(ui, "##language", 160.0f, ui.colours.background)) {
        const float inner = ImGui::GetContentRegionAvail().x;
        textBlock(ui.fonts.heading, std::string(icon::Language) + "  " + ui.tr("language.heading"), ui.colours.text, inner);
        const std::string current = ui.translator->language().code;
        for (const i18n::Language& language : ui.translator->languages()) {
            // Residents see the languages the set-up offers; facilitators on their screens, all.
            const std::vector<std::string>& offered = ctx.view.languagesOffered;
            if (!isSetUpScreen(ctx.state.screen) && std::find(offered.begin(), offered.end(), language.code) == offered.end()) continue;
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
        endOverlay();
    }
    popOverlayStyle();
}

}  // namespace buurtstem::ui
