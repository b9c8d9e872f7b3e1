// ThemePicker: the first step of sharing an idea — what is it about? Eight tiles with icons.
#include "Screens.h"

#include "../ThemeLook.h"
#include "../widgets/TouchButton.h"

#include <algorithm>

namespace buurtstem::ui {

void drawThemePicker(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    screenHeading(ctx, ui.tr(ctx.state.idea.initiative ? "initiative.theme.question" : "idea.theme.question"));
    screenText(ctx, ui.tr("idea.theme.help"), true);
    ImGui::Dummy(ImVec2(0, ui.mm(1)));

    const float gap = ui.metrics.gap();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const int columns = available.x >= 4 * ui.mm(55) + 3 * gap ? 4 : available.x >= 2 * ui.mm(55) + gap ? 2 : 1;
    const int rows = static_cast<int>((kAllThemes.size() + columns - 1) / columns);
    const float width = (available.x - (columns - 1) * gap) / columns;
    // Tiles share the height left, up to 70 mm: taller would only spread the words apart.
    const float height = std::clamp((available.y - (rows - 1) * gap - ui.mm(2)) / rows, ui.metrics.touchMain(), ui.mm(70));

    const ImVec2 origin = ImGui::GetCursorScreenPos();
    int index = 0;
    for (Theme theme : kAllThemes) {
        ImGui::SetCursorScreenPos(gridCell(origin, index, columns, ImVec2(width, height), gap));
        ButtonSpec spec;
        spec.id = themeLabelKey(theme);
        spec.icon = themeIcon(theme);
        spec.label = ui.tr(themeLabelKey(theme));
        spec.detail = ui.tr(themeHintKey(theme));
        spec.size = ImVec2(width, height);
        spec.kind = ButtonKind::Tile;
        spec.selected = ctx.state.idea.draft.themeChosen && ctx.state.idea.draft.theme == theme;
        if (touchButton(ui, spec)) {
            ctx.state.idea.draft.theme = theme;
            ctx.state.idea.draft.themeChosen = true;
            ctx.state.idea.focus = IdeaField::Title;
            ctx.actions.go = ScreenId::IdeaText;
        }
        ++index;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + rows * (height + gap)));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace buurtstem::ui
