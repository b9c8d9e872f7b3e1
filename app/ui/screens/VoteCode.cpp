// VoteCode: the first step of voting. The resident types the code from their card; a wrong,
// used or withdrawn code gets a plain message, and many wrong codes in a row make the kiosk wait.
#include "Screens.h"

#include "../widgets/TextField.h"
#include "../widgets/NumericPad.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void drawVoteCode(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    VoteFlow& vote = ctx.state.vote;
    const float width = ImGui::GetContentRegionAvail().x;
    if (!ctx.view.openRound) {
        screenText(ctx, ui.tr("vote.closed"));
        return;
    }
    const BudgetRound& round = *ctx.view.openRound;
    screenHeading(ctx, round.name.c_str());
    screenText(ctx, ui.format("vote.code.help", {{"budget", formatEuroShort(round.budgetCents)}}));

    TextFieldSpec field;
    field.id = "#vote.code";
    field.label = ui.tr("vote.code.label");
    field.placeholder = "ABCD-EFGH-JKMN";
    field.text = &vote.typedCode;
    field.focused = true;
    textField(ui, field);
    if (vote.codeProblemKey) problemText(ctx, ui.tr(vote.codeProblemKey));
    screenText(ctx, ui.tr("vote.code.secret"), true);

    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - ctx.keyboard.height(ui)));
    KeyboardOptions options;
    options.maxCodePoints = 20;
    options.doneKey = "vote.code.open";
    options.native = KeyboardLayer::Letters;  // codes are Latin letters and digits in every language
    const std::string before = vote.typedCode;
    const KeyboardEvent event = ctx.keyboard.draw(ui, vote.typedCode, options, width);
    if (vote.typedCode != before && vote.codeProblemKey != nullptr && std::string_view(vote.codeProblemKey) != "vote.code.wait")
        vote.codeProblemKey = nullptr;
    if (event == KeyboardEvent::Done) ctx.actions.checkVotingCode = true;
}

}  // namespace buurtstem::ui
