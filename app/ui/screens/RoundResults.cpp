// RoundResults: the outcome of the budget round that closed last — how many voted, what was
// chosen and how much money it uses, and for every project why it was or was not chosen, in the
// resident's language. Below the projects, how the votes were counted.
#include "Screens.h"

#include "../Icons.h"
#include "../../core/Identifiers.h"
#include "../ThemeLook.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>
#include <vector>

namespace buurtstem::ui {

namespace {

using tally::ProjectOutcome;
using tally::Reason;

std::string quoted(const Ui& ui, const std::string& title) {
    return ui.format("result.quoted", {{"title", title}});
}


}  // namespace

std::string projectExplanation(const Ui& ui, const BudgetRound& round, const tally::TallyResult& result, std::uint32_t project) {
    const ProjectOutcome& outcome = result.projects.at(project);
    const char* by = ui.tr(result.byPoints ? "result.by_points" : "result.by_votes");
    const auto other = [&]() {
        return outcome.other && *outcome.other < round.projects.size() ? quoted(ui, round.projects[*outcome.other].title)
                                                                        : std::string("?");
    };
    switch (outcome.reason) {
        case Reason::NoSupport: return ui.tr("result.reason.no_support");
        case Reason::BelowThreshold:
            return ui.format("result.reason.below_threshold", {{"threshold", std::to_string(outcome.threshold)}});
        case Reason::FundedInTurn:
            return ui.format("result.reason.in_turn",
                             {{"rank", std::to_string(outcome.rank)}, {"by", by}, {"left", formatEuroShort(outcome.budgetLeft)}});
        case Reason::DidNotFit:
            return ui.format("result.reason.did_not_fit",
                             {{"rank", std::to_string(outcome.rank)}, {"by", by}, {"left", formatEuroShort(outcome.budgetLeft)}});
        case Reason::CountingStopped: return ui.format("result.reason.counting_stopped", {{"other", other()}});
        case Reason::FundedByEqualShares: {
            std::string text = ui.format(result.byPoints ? "result.reason.equal_shares_points" : "result.reason.equal_shares",
                                         {{"share", formatEuroShort(outcome.share)}});
            if (outcome.payers < outcome.supporters)
                text += " " + ui.format("result.reason.payers", {{"payers", std::to_string(outcome.payers)},
                                                                 {"supporters", std::to_string(outcome.supporters)}});
            if (outcome.paidAllTheyHad > 0)
                text += " " + ui.format("result.reason.paid_all", {{"count", std::to_string(outcome.paidAllTheyHad)}});
            return text;
        }
        case Reason::SupportersOutOfMoney:
            if (!outcome.other)
                return ui.format("result.reason.too_few", {{"start", formatEuroShort(outcome.supportersStart)}});
            return ui.format("result.reason.out_of_money",
                             {{"start", formatEuroShort(outcome.supportersStart)},
                              {"spent", formatEuroShort(outcome.supportersStart - outcome.supportersLeft)},
                              {"other", other()},
                              {"left", formatEuroShort(outcome.supportersLeft)}});
        case Reason::FundedByCompletion:
            return ui.format("result.reason.completion", {{"by", by}, {"left", formatEuroShort(outcome.budgetLeft)}});
    }
    return {};
}

std::string countingExplanation(const Ui& ui, const BudgetRound& round, const tally::TallyResult& result) {
    std::string text;
    const auto add = [&](const std::string& sentence) { text += (text.empty() ? "" : " ") + sentence; };
    switch (result.rule) {
        case tally::Rule::Greedy: add(ui.tr("result.method.greedy")); break;
        case tally::Rule::GreedyNoSkip: add(ui.tr("result.method.greedy_no_skip")); break;
        case tally::Rule::EqualShares:
            add(ui.format("result.method.mes", {{"share", formatEuroShort(result.startMoney)}}));
            if (result.completion != tally::Completion::None && result.completionSteps > 0) add(ui.tr("result.method.add1"));
            break;
    }
    if (result.comparison)
        add(ui.format(result.comparison->greedyWon ? "result.method.compare_greedy" : "result.method.compare",
                      {{"greedy", std::to_string(result.comparison->prefersGreedy)},
                       {"mes", std::to_string(result.comparison->prefersEqualShares)}}));
    if (round.ballot == BallotType::Ranking) {
        const std::vector<std::int64_t> points = rankingPoints(round);
        if (!points.empty()) add(ui.format("result.method.ranking", {{"points", std::to_string(points.front())}}));
    }
    return text;
}

void drawRoundResults(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (!ctx.view.publishedRound) {
        screenText(ctx, ui.tr("result.none"));
        return;
    }
    const PublishedRound& closed = *ctx.view.publishedRound;
    const BudgetRound& round = closed.round;
    screenHeading(ctx, round.name.c_str());
    screenText(ctx,
               ui.format("result.closed", {{"date", dayMonthYear(ui, round.closesMs > 0 ? round.closesMs - 1 : 0)},
                                           {"count", std::to_string(closed.ballots)}}),
               true);
    if (!closed.outcome || closed.outcome->result.voters == 0) {
        ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
        screenText(ctx, ui.tr("result.nobody"));
        return;
    }
    const tally::TallyResult& result = closed.outcome->result;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    textBlock(ui.fonts.heading,
              ui.format("result.summary", {{"count", std::to_string(result.winners.size())},
                                           {"spent", formatEuroShort(result.spent)},
                                           {"budget", formatEuroShort(result.budget)}}),
              ui.colours.selected, width);
    amountBar(ui, width, result.spent, result.budget);
    ImGui::Dummy(ImVec2(0, gap * 0.5f));

    // The projects, then how it was counted, in one list that scrolls by dragging; under it the
    // way to check a receipt.
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const float bottom = buttonsTop - gap;
    const float pad = ui.mm(3);
    const float markWidth = ui.fonts.heading->FontSize * 1.6f;
    const float inner = width - markWidth - 3 * pad;
    const bool mirrored = rightToLeft();
    ctx.pageScroll.begin(ui, "#results.list", ImVec2(width, std::max(ui.metrics.touchMin(), bottom - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    const auto placeText = [&](ImFont* font, float top, float textEdge, Colour colour, const std::string& text, float wrap) {
        const ImVec2 size = measureText(font, text, wrap);
        drawText(list, font, ImVec2(mirrored ? textEdge - size.x : textEdge, top), colour, text, wrap);
        return size.y;
    };
    for (const std::uint32_t p : listingOrder(result)) {
        const RoundProject& project = round.projects[p];
        const ProjectOutcome& outcome = result.projects[p];
        const std::string facts =
            std::string(themeIcon(project.theme)) + "  " + formatEuroShort(project.costCents) + "   " +
            ui.format(result.byPoints ? "result.support.points" : "result.support.votes", {{"count", std::to_string(outcome.support)}}) +
            "   " + ui.tr(outcome.funded ? "result.chosen" : "result.not_chosen");
        const std::string why = projectExplanation(ui, round, result, p);
        const float titleHeight = measureText(ui.fonts.heading, project.title, inner).y;
        const float factsHeight = measureText(ui.fonts.body, facts, inner).y;
        const float whyHeight = measureText(ui.fonts.body, why, inner).y;
        const float height = 2 * pad + titleHeight + ui.mm(1) + factsHeight + ui.mm(1) + whyHeight;
        const std::string id = "#results.project." + project.id;
        ImVec2 min, max;
        bool held = false;
        ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held);  // read, not tapped: a tap does nothing
        if (outcome.funded) list->AddRectFilled(min, max, ui.colours.surface, ui.mm(2));
        list->AddRect(min, max, outcome.funded ? ui.colours.selected : ui.colours.border, ui.mm(2), 0,
                      outcome.funded ? ui.mm(0.8f) : ui.mm(0.35f));
        const char* mark = outcome.funded ? icon::Check : icon::NotChosen;
        const ImVec2 markSize = measureText(ui.fonts.heading, mark);
        const float markX = mirrored ? max.x - pad - (markWidth + markSize.x) * 0.5f : min.x + pad + (markWidth - markSize.x) * 0.5f;
        drawText(list, ui.fonts.heading, ImVec2(markX, min.y + pad), outcome.funded ? ui.colours.selected : ui.colours.mutedText,
                 mark);
        const float textEdge = mirrored ? max.x - 2 * pad - markWidth : min.x + 2 * pad + markWidth;
        float y = min.y + pad;
        y += placeText(ui.fonts.heading, y, textEdge, ui.colours.text, project.title, inner) + ui.mm(1);
        y += placeText(ui.fonts.body, y, textEdge, outcome.funded ? ui.colours.selected : ui.colours.mutedText, facts, inner) +
             ui.mm(1);
        placeText(ui.fonts.body, y, textEdge, ui.colours.text, why, inner);
    }
    const std::string method = std::string(icon::Info) + "  " + countingExplanation(ui, round, result);
    const float methodHeight = measureText(ui.fonts.body, method, width - 2 * pad).y + 2 * pad;
    ImVec2 min, max;
    bool held = false;
    ctx.pageScroll.row(ui, "#results.method", methodHeight, &min, &max, &held);
    const ImVec2 size = measureText(ui.fonts.body, method, width - 2 * pad);
    drawText(list, ui.fonts.body, ImVec2(mirrored ? max.x - pad - size.x : min.x + pad, min.y + pad), ui.colours.mutedText, method,
             width - 2 * pad);
    ctx.pageScroll.end(ui);

    ButtonSpec check;
    check.id = "result.check_receipt";
    check.label = ui.tr(check.id);
    check.icon = icon::Search;
    // Wide enough for the label on one line (large text, long languages), at most the whole row.
    const float labelWidth = measureText(ui.fonts.heading, check.label).x + ui.fonts.heading->FontSize * 2.0f + ui.mm(12);
    const float buttonWidth = std::min(width, std::max(ui.mm(110), labelWidth));
    check.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    ImGui::SetCursorScreenPos(ImVec2(mirrored ? ctx.contentMin.x : ctx.contentMin.x + width - buttonWidth, buttonsTop));
    if (touchButton(ui, check)) {
        ctx.state.receipt = ReceiptCheck{};
        ctx.actions.go = ScreenId::ReceiptCheck;
    }
}

void drawReceiptCheck(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (!ctx.view.publishedRound) {
        screenText(ctx, ui.tr("result.none"));
        return;
    }
    ReceiptCheck& check = ctx.state.receipt;
    const std::string& roundName = ctx.view.publishedRound->round.name;
    const float width = ImGui::GetContentRegionAvail().x;
    screenText(ctx, ui.format("receipt.check.help", {{"round", roundName}}));

    TextFieldSpec field;
    field.id = "#receipt.check.code";
    field.label = ui.tr("receipt.check.code_label");
    field.placeholder = "M4T-R7K";
    field.text = &check.typed;
    field.focused = true;
    textField(ui, field);

    if (check.looked) {
        if (check.counted) {
            textBlock(ui.fonts.heading, std::string(icon::Check) + "  " + ui.format("receipt.check.counted", {{"round", roundName}}),
                      ui.colours.selected, width);
        } else {
            const bool wellFormed = !normaliseReferenceCode(check.typed).empty();
            problemText(ctx, wellFormed ? ui.format("receipt.check.unknown", {{"round", roundName}}).c_str()
                                        : ui.tr("receipt.check.not_a_code"));
        }
    }

    const CodeKeys keys = codeKeyboard(ctx, check.typed, 12, "receipt.check.look");
    if (keys.edited) check.looked = false;  // an old answer must not stand beside a new receipt
    if (keys.done) ctx.actions.checkReceipt = true;
}

}  // namespace buurtstem::ui
