// InitiativeCheck: "check my initiative". The resident types the code from the thank-you screen
// and sees where the proposal stands: received, approved, or not taken forward.
#include "Screens.h"

#include "../../core/Identifiers.h"
#include "../Icons.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

const char* statusKey(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::New: return "initiative.check.status.new";
        case IdeaStatus::Approved: return "initiative.check.status.approved";
        case IdeaStatus::Hidden: return "initiative.check.status.hidden";
    }
    return "initiative.check.status.new";
}

// What was found, in a box: the kind and title (not for a hidden one) and the status in words.
void answer(ScreenContext& ctx, const Idea& found, float width) {
    Ui& ui = ctx.ui;
    const float pad = ui.mm(4);
    const float inner = width - 2 * pad;
    const std::string kind = ui.format(found.kind == IdeaKind::Initiative ? "initiative.check.found_initiative" : "initiative.check.found_idea",
                                       {{"code", found.reference}});
    // A hidden item's words are not shown again: they may be why it was hidden.
    const std::string title = found.status == IdeaStatus::Hidden ? std::string() : found.title;
    const std::string status = std::string(found.status == IdeaStatus::Approved ? icon::Check : icon::Clock) + "  " + ui.tr(statusKey(found.status));
    float height = 2 * pad + measureText(ui.fonts.body, kind, inner).y + measureText(ui.fonts.body, status, inner).y + ui.mm(2);
    if (!title.empty()) height += measureText(ui.fonts.heading, title, inner).y + ui.mm(2);
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + height);
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, ui.colours.surface, ui.mm(2));
    list->AddRect(min, max, found.status == IdeaStatus::Approved ? ui.colours.selected : ui.colours.border, ui.mm(2), 0, ui.mm(0.6f));
    float y = min.y + pad;
    drawText(list, ui.fonts.body, ImVec2(min.x + pad, y), ui.colours.mutedText, kind, inner);
    y += measureText(ui.fonts.body, kind, inner).y + ui.mm(2);
    if (!title.empty()) {
        drawText(list, ui.fonts.heading, ImVec2(min.x + pad, y), ui.colours.text, title, inner);
        y += measureText(ui.fonts.heading, title, inner).y + ui.mm(2);
    }
    drawText(list, ui.fonts.body, ImVec2(min.x + pad, y), ui.colours.text, status, inner);
    ui.widgets.add({"#initiative.check.answer", min.x, min.y, max.x, max.y, false, found.status == IdeaStatus::Approved});
    ImGui::Dummy(ImVec2(width, height));
}

}  // namespace

void drawInitiativeCheck(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    ReferenceCheck& check = ctx.state.check;
    const float width = ImGui::GetContentRegionAvail().x;
    screenText(ctx, ui.tr("initiative.check.help"));

    TextFieldSpec field;
    field.id = "#initiative.check.code";
    field.label = ui.tr("initiative.check.code_label");
    field.placeholder = "K7P-3QX";
    field.text = &check.typed;
    field.focused = true;
    textField(ui, field);

    if (check.looked) {
        if (check.found) {
            answer(ctx, *check.found, width);
        } else {
            const bool wellFormed = !normaliseReferenceCode(check.typed).empty();
            problemText(ctx, ui.tr(wellFormed ? "initiative.check.unknown" : "initiative.check.not_a_code"));
        }
    }

    const CodeKeys keys = codeKeyboard(ctx, check.typed, 12, "initiative.check.look");
    if (keys.edited) check.looked = false;  // an old answer must not stand beside a new code
    if (keys.done) ctx.actions.checkReference = true;
}

}  // namespace buurtstem::ui
