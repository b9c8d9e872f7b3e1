// Paper ballots (papieren stemmen), for facilitators. PaperBatches: choose the round, then a
// batch to enter (again) or a new batch by name. PaperEntry: the ballots of the stack one by one,
// tapped like the residents' ballot, with a running count. PaperCompare: what storing the entry
// says: waiting for a second facilitator, both entries agree, or the mismatches, each of which
// opens the ballot to correct.
#include "BallotParts.h"

#include "../Icons.h"
#include "../widgets/TextField.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

const BudgetRound* paperRound(const ScreenContext& ctx) {
    for (const BudgetRound& round : ctx.view.paperRounds)
        if (round.id == ctx.state.paper.roundId) return &round;
    return nullptr;
}

// A full-width button as tall as its label needs (a round's long name, large text).
bool wideButton(ScreenContext& ctx, const char* id, const char* iconText, const std::string& label, ButtonKind kind, bool enabled = true) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    ButtonSpec spec;
    spec.id = id;
    spec.icon = iconText;
    spec.label = label.c_str();
    const float textHeight = measureText(ui.fonts.heading, std::string(iconText ? iconText : "") + "  " + label, width - ui.mm(8)).y;
    spec.size = ImVec2(width, std::max(ui.metrics.touchMain(), textHeight + ui.mm(6)));
    spec.kind = kind;
    spec.enabled = enabled;
    const bool tapped = touchButton(ui, spec);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    return tapped;
}

// How a batch stands, in one line.
std::string batchStateText(const Ui& ui, const PaperBatch& batch) {
    switch (batch.state) {
        case PaperBatchState::EnteredOnce:
            return ui.format("paper.state.waiting", {{"name", batch.first ? batch.first->facilitator : batch.second->facilitator},
                                                     {"count", std::to_string(batch.first ? batch.first->ballots.size()
                                                                                          : batch.second->ballots.size())}});
        case PaperBatchState::Agreed: return ui.format("paper.state.agreed", {{"count", std::to_string(batch.first->ballots.size())}});
        case PaperBatchState::Mismatched:
            return ui.format("paper.state.mismatched", {{"count", std::to_string(batch.mismatches.size())}});
    }
    return {};
}

// What one ballot says: "Bankjes, Speeltuin", "1. Speeltuin, 2. Bankjes", "Bankjes 3, Speeltuin 2".
std::string ballotText(const BudgetRound& round, const BallotDraft& ballot) {
    std::string text;
    for (std::size_t i = 0; i < ballot.projects.size(); ++i) {
        if (ballot.projects[i] >= round.projects.size()) continue;
        if (!text.empty()) text += ", ";
        if (round.ballot == BallotType::Ranking) text += std::to_string(i + 1) + ". ";
        text += round.projects[ballot.projects[i]].title;
        if (round.ballot == BallotType::Points && i < ballot.points.size()) text += " " + std::to_string(ballot.points[i]);
    }
    return text.empty() ? std::string("-") : text;
}

}  // namespace

void drawPaperBatches(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    PaperFlow& paper = ctx.state.paper;
    if (ctx.state.facilitator.label.empty()) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    const BudgetRound* round = paperRound(ctx);
    if (!round) {
        screenHeading(ctx, ui.tr("paper.choose_round"));
        if (ctx.view.paperRounds.empty()) screenText(ctx, ui.tr("paper.no_rounds"), true);
        for (const BudgetRound& r : ctx.view.paperRounds) {
            const std::string id = "#paper.round." + r.id;
            if (wideButton(ctx, id.c_str(), icon::List, r.name, ButtonKind::Secondary)) ctx.actions.choosePaperRound = r.id;
        }
        return;
    }
    screenHeading(ctx, round->name.c_str());
    const float width = ImGui::GetContentRegionAvail().x;

    if (paper.naming) {
        // A new batch's name on the keyboard; Done starts typing its ballots.
        TextFieldSpec name;
        name.id = "#paper.batch_name";
        name.label = ui.tr("paper.batch_name.label");
        name.placeholder = ui.tr("paper.batch_name.placeholder");
        name.text = &paper.batch;
        name.focused = true;
        name.problem = paper.problemKey ? ui.tr(paper.problemKey) : nullptr;
        name.maxCodePoints = kPaperBatchLabelMax;
        textField(ui, name);
        ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, ctx.contentMin.y + ctx.contentSize.y - ctx.keyboard.height(ui)));
        KeyboardOptions options;
        options.maxCodePoints = kPaperBatchLabelMax;
        options.doneKey = "paper.batch_name.start";
        options.native = lettersFor(ui.translator->language().code);
        const KeyboardEvent typed = ctx.keyboard.draw(ui, paper.batch, options, width);
        if (typed == KeyboardEvent::Edited) paper.problemKey = nullptr;
        if (typed == KeyboardEvent::Done) ctx.actions.startPaperBatch = true;
        return;
    }

    screenText(ctx, ui.tr("paper.batches.help"), true);
    if (paper.problemKey) problemText(ctx, ui.tr(paper.problemKey));
    if (wideButton(ctx, "paper.new_batch", icon::Plus, ui.tr("paper.new_batch"), ButtonKind::Primary)) {
        paper.naming = true;
        paper.batch.clear();
        paper.problemKey = nullptr;
        ctx.keyboard.reset();
    }
    if (ctx.view.paperBatches.empty()) {
        screenText(ctx, ui.tr("paper.no_batches"), true);
        return;
    }
    const float pad = ui.mm(3);
    const float inner = width - 2 * pad;
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    ctx.pageScroll.begin(ui, "#paper.batches", ImVec2(width, std::max(ui.metrics.touchMin(), bottom - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    const bool mirrored = rightToLeft();
    for (const PaperBatch& batch : ctx.view.paperBatches) {
        const std::string stateLine = batchStateText(ui, batch);
        const ImVec2 titleSize = measureText(ui.fonts.heading, batch.label, inner);
        const ImVec2 stateSize = measureText(ui.fonts.body, stateLine, inner);
        const float height = std::max(ui.metrics.touchMain(), 2 * pad + titleSize.y + ui.mm(1) + stateSize.y);
        const std::string id = "#paper.batch." + batch.label;
        ImVec2 min, max;
        bool held = false;
        if (ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held)) ctx.actions.openPaperBatch = batch.label;
        const Colour stateColour = batch.state == PaperBatchState::Agreed       ? ui.colours.selected
                                   : batch.state == PaperBatchState::Mismatched ? ui.colours.danger
                                                                                : ui.colours.mutedText;
        list->AddRect(min, max, batch.state == PaperBatchState::Mismatched ? ui.colours.danger : ui.colours.border, ui.mm(2), 0, ui.mm(0.35f));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
        drawText(list, ui.fonts.heading, ImVec2(mirrored ? max.x - pad - titleSize.x : min.x + pad, min.y + pad), ui.colours.text,
                 batch.label, inner);
        drawText(list, ui.fonts.body, ImVec2(mirrored ? max.x - pad - stateSize.x : min.x + pad, min.y + pad + titleSize.y + ui.mm(1)),
                 stateColour, stateLine, inner);
    }
    ctx.pageScroll.end(ui);
}

void drawPaperEntry(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    PaperFlow& paper = ctx.state.paper;
    if (ctx.state.facilitator.label.empty()) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    const BudgetRound* round = paperRound(ctx);
    if (!round) {
        screenText(ctx, ui.tr("paper.no_rounds"));
        return;
    }
    screenHeading(ctx, ui.format("paper.entry.heading", {{"batch", paper.batch}, {"number", std::to_string(paper.current + 1)}}).c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    const std::string count = ui.format("paper.entry.count", {{"count", std::to_string(paper.ballots.size())}}) + "   " +
                              ballotStatusLine(ui, *round, paper.draft);
    textBlock(ui.fonts.body, count, ui.colours.selected, width);

    // From the bottom up: Remove and Batch complete, then Previous and Next ballot; the list takes the rest.
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const float completeTop = bottom - ui.metrics.touchMain();
    const float stepTop = completeTop - gap - ui.metrics.touchMain();
    const std::string problem = paper.problemKey ? ui.tr(paper.problemKey) : "";
    const float problemHeight = problem.empty() ? 0.0f : measureText(ui.fonts.body, std::string(icon::Warning) + "  " + problem, width).y + gap;
    if (ballotProjectList(ctx, *round, {paper.draft, paper.focus, paper.refusal}, "#paper", stepTop - gap - problemHeight))
        paper.problemKey = nullptr;
    if (!problem.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, stepTop - gap - problemHeight));
        problemText(ctx, problem.c_str());
    }

    // The ballot on screen goes into its place in the stack before moving on.
    const auto keepDraft = [&]() {
        if (paper.draft.projects.empty()) return;
        if (paper.current < paper.ballots.size())
            paper.ballots[paper.current] = paper.draft;
        else
            paper.ballots.push_back(paper.draft);
    };
    const auto show = [&](std::size_t index) {
        paper.current = std::min(index, paper.ballots.size());
        paper.draft = paper.current < paper.ballots.size() ? paper.ballots[paper.current] : BallotDraft{};
        paper.focus.reset();
        paper.refusal = BallotRefusal::None;
        paper.problemKey = nullptr;
        ctx.pageScroll.reset();
    };

    const bool mirrored = rightToLeft();
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, stepTop));
    const ImVec2 half((width - gap) / 2, ui.metrics.touchMain());
    ButtonSpec previous;
    previous.id = "paper.previous";
    previous.label = ui.tr(previous.id);
    previous.icon = mirrored ? icon::Next : icon::Back;
    previous.size = half;
    previous.enabled = paper.current > 0;
    ButtonSpec next;
    next.id = "paper.next_ballot";
    next.label = ui.tr(next.id);
    next.icon = mirrored ? icon::Back : icon::Next;
    next.size = half;
    next.enabled = !paper.draft.projects.empty();
    const bool firstTapped = touchButton(ui, mirrored ? next : previous);
    ImGui::SameLine(0, gap);
    const bool secondTapped = touchButton(ui, mirrored ? previous : next);
    if (mirrored ? secondTapped : firstTapped) {
        keepDraft();
        show(paper.current - 1);
    }
    if (mirrored ? firstTapped : secondTapped) {
        keepDraft();
        show(paper.current + 1);
    }

    // A ballot typed by mistake (one too many in the stack) can be taken out again.
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, completeTop));
    ButtonSpec remove;
    remove.id = "paper.remove_ballot";
    remove.label = ui.tr(remove.id);
    remove.icon = icon::Close;
    remove.enabled = paper.current < paper.ballots.size();
    ButtonSpec complete;
    complete.id = paper.correction ? "paper.save_correction" : "paper.batch_complete";
    complete.label = ui.tr(complete.id);
    complete.icon = icon::Check;
    complete.kind = ButtonKind::Primary;
    complete.enabled = !paper.ballots.empty() || !paper.draft.projects.empty();
    const ButtonPair tapped = bottomButtons(ctx, remove, complete);
    if (tapped.secondary && paper.current < paper.ballots.size()) {
        paper.ballots.erase(paper.ballots.begin() + static_cast<std::ptrdiff_t>(paper.current));
        show(paper.current);
    } else if (tapped.primary) {
        keepDraft();
        ctx.actions.savePaperBatch = true;
    }
}

void drawPaperCompare(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    PaperFlow& paper = ctx.state.paper;
    if (ctx.state.facilitator.label.empty()) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    const BudgetRound* round = paperRound(ctx);
    if (!round || !paper.result) {
        screenText(ctx, ui.tr("paper.no_rounds"));
        return;
    }
    const PaperBatch& batch = *paper.result;
    const float width = ImGui::GetContentRegionAvail().x;
    screenHeading(ctx, batch.label.c_str());
    if (paper.problemKey) problemText(ctx, ui.tr(paper.problemKey));

    ButtonSpec toBatches;
    toBatches.id = "paper.to_batches";
    toBatches.label = ui.tr(toBatches.id);
    toBatches.icon = icon::List;
    ButtonSpec lock;
    lock.id = "paper.lock";  // short: it shares the row with "To the stacks" in every language
    lock.label = ui.tr(lock.id);
    lock.icon = icon::Lock;
    lock.kind = ButtonKind::Primary;

    if (batch.state != PaperBatchState::Mismatched) {
        const std::size_t count = batch.first ? batch.first->ballots.size() : batch.second ? batch.second->ballots.size() : 0;
        if (batch.state == PaperBatchState::Agreed) {
            textBlock(ui.fonts.heading, std::string(icon::Check) + "  " + ui.format("paper.compare.agreed", {{"count", std::to_string(count)}}),
                      ui.colours.selected, width);
            screenText(ctx, ui.tr("paper.compare.agreed_note"), true);
        } else {
            textBlock(ui.fonts.heading, std::string(icon::Check) + "  " + ui.format("paper.compare.saved", {{"count", std::to_string(count)}}),
                      ui.colours.selected, width);
            screenText(ctx, ui.tr("paper.compare.waiting"), true);
            ImGui::Dummy(ImVec2(0, ui.metrics.gap()));
            if (wideButton(ctx, "paper.correct_mine", icon::Edit, ui.tr("paper.correct_mine"), ButtonKind::Secondary))
                ctx.actions.correctPaperBallot = 0;
        }
        const ButtonPair tapped = bottomButtons(ctx, toBatches, lock);
        if (tapped.secondary) ctx.actions.back = true;
        if (tapped.primary) ctx.actions.lockFacilitator = true;
        return;
    }

    problemText(ctx, ui.format("paper.compare.mismatched", {{"count", std::to_string(batch.mismatches.size())}}).c_str());
    screenText(ctx, ui.tr("paper.compare.help"), true);
    // Each mismatch as a row: which ballot, what each facilitator typed; a tap opens one's own
    // entry at that ballot.
    const std::string firstName = batch.first->facilitator;
    const std::string secondName = batch.second->facilitator;
    const float gap = ui.metrics.gap();
    const float pad = ui.mm(3);
    const float inner = width - 2 * pad;
    const float listBottom = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain() - gap;
    ctx.pageScroll.begin(ui, "#paper.mismatches",
                         ImVec2(width, std::max(ui.metrics.touchMin(), listBottom - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    const bool mirrored = rightToLeft();
    for (const PaperMismatch& mismatch : batch.mismatches) {
        std::string title, body, id;
        if (mismatch.ballot) {
            const std::size_t b = *mismatch.ballot;
            title = ui.format("paper.mismatch.ballot", {{"number", std::to_string(b + 1)}});
            std::string differ;
            for (std::uint32_t p : mismatch.projects) differ += (differ.empty() ? "" : ", ") + round->projects[p].title;
            body = ui.format("paper.mismatch.projects", {{"projects", differ}}) + "\n" + firstName + ":  " +
                   ballotText(*round, batch.first->ballots[b]) + "\n" + secondName + ":  " + ballotText(*round, batch.second->ballots[b]);
            id = "#paper.mismatch." + std::to_string(b + 1);
        } else {
            title = ui.tr("paper.mismatch.count");
            body = firstName + ":  " + std::to_string(mismatch.firstCount) + "\n" + secondName + ":  " + std::to_string(mismatch.secondCount);
            id = "#paper.mismatch.count";
        }
        const ImVec2 titleSize = measureText(ui.fonts.heading, title, inner);
        const ImVec2 bodySize = measureText(ui.fonts.body, body, inner);
        const float height = std::max(ui.metrics.touchMain(), 2 * pad + titleSize.y + ui.mm(1) + bodySize.y);
        ImVec2 min, max;
        bool held = false;
        if (ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held))
            ctx.actions.correctPaperBallot =
                mismatch.ballot ? *mismatch.ballot : std::min(mismatch.firstCount, mismatch.secondCount);
        list->AddRect(min, max, ui.colours.danger, ui.mm(2), 0, ui.mm(0.5f));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
        drawText(list, ui.fonts.heading, ImVec2(mirrored ? max.x - pad - titleSize.x : min.x + pad, min.y + pad), ui.colours.text, title,
                 inner);
        drawText(list, ui.fonts.body, ImVec2(mirrored ? max.x - pad - bodySize.x : min.x + pad, min.y + pad + titleSize.y + ui.mm(1)),
                 ui.colours.text, body, inner);
    }
    ctx.pageScroll.end(ui);
    const ButtonPair tapped = bottomButtons(ctx, toBatches, lock);
    if (tapped.secondary) ctx.actions.back = true;
    if (tapped.primary) ctx.actions.lockFacilitator = true;
}

}  // namespace buurtstem::ui
