// AttractScreen: what a kiosk shows when nobody is using it. One tap anywhere starts; the
// invitation stands in every language the kiosk offers, each in its own words.
#include "Screens.h"

#include "../Icons.h"

#include <string>

namespace buurtstem::ui {

void drawAttractScreen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImDrawList* list = ImGui::GetWindowDrawList();  // the runner clears to the bar colour (KioskApp::clearColour)

    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    if (ImGui::InvisibleButton("##attract", display)) ctx.actions.restart = true;
    ui.widgets.add({"#attract.start", 0, 0, display.x, display.y, true, false});

    const float width = display.x - ui.mm(30);
    float y = display.y * 0.16f;
    auto centred = [&](ImFont* font, const std::string& text, Colour colour) {
        const ImVec2 size = measureText(font, text, width);
        drawText(list, font, ImVec2((display.x - std::min(size.x, width)) * 0.5f, y), colour, text, width);
        y += size.y + ui.mm(3);
    };
    centred(ui.fonts.title, std::string(icon::Comments) + "  " + ui.tr("app.name"), ui.colours.onBar);
    if (!ctx.view.neighbourhood.empty()) centred(ui.fonts.heading, ctx.view.neighbourhood, ui.colours.onBar);
    y += ui.mm(6);
    centred(ui.fonts.heading, ui.tr("attract.invite"), ui.colours.onBar);
    y += ui.mm(8);

    // "Tap to start" in each language, current language first.
    centred(ui.fonts.heading, std::string(icon::Tap) + "  " + ui.tr("attract.tap"), ui.colours.onBar);
    const std::string current = ui.translator->language().code;
    for (const i18n::Language& language : ui.translator->languages()) {
        if (language.code == current) continue;
        const i18n::Catalog* catalog = ui.translator->catalog(language.code);
        const std::string* tap = catalog ? catalog->find("attract.tap") : nullptr;
        if (tap) centred(ui.fonts.body, *tap, ui.colours.onBar);
    }
}

}  // namespace buurtstem::ui
