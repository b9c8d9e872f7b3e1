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

    const CodeKeys keys = codeKeyboard(ctx, vote.typedCode, 20, "vote.code.open");
    if (keys.edited && vote.codeProblemKey != nullptr && std::string_view(vote.codeProblemKey) != "vote.code.wait")
        vote.codeProblemKey = nullptr;
    if (keys.done) ctx.actions.checkVotingCode = true;
}

}  // namespace buurtstem::ui
