// Pieces of a ballot shared by the residents' ballot and the paper ballot entry (see BallotParts.h).
#include "BallotParts.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../widgets/NumericPad.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

// What is left to give, in words, for the ballot type.
std::string statusLineFor(const Ui& ui, const BudgetRound& round, const BallotDraft& ballot) {
    const std::string chosen = std::to_string(ballot.projects.size());
    switch (round.ballot) {
        case BallotType::Approval:
            return round.limits.maxChoices > 0
                       ? ui.format("ballot.status.approval_limit",
                                   {{"chosen", chosen}, {"max", std::to_string(round.limits.maxChoices)}})
                       : ui.format("ballot.status.approval", {{"chosen", chosen}});
        case BallotType::Budget:
            return ui.format("ballot.status.budget", {{"left", formatEuroShort(budgetLeftCents(round, ballot))},
                                                      {"budget", formatEuroShort(round.budgetCents)}});
        case BallotType::Points:
            return ui.format("ballot.status.points", {{"left", std::to_string(round.limits.totalPoints - pointsGiven(ballot))},
                                                      {"total", std::to_string(round.limits.totalPoints)}});
        case BallotType::Ranking:
            return ui.format("ballot.status.ranking", {{"chosen", chosen}, {"max", std::to_string(round.limits.maxChoices)}});
    }
    return {};
}

std::string refusalText(const Ui& ui, const BudgetRound& round, BallotRefusal refusal) {
    switch (refusal) {
        case BallotRefusal::None:
        case BallotRefusal::UnknownProject: break;
        case BallotRefusal::TooManyChoices:
            return ui.format("ballot.refused.too_many", {{"max", std::to_string(round.limits.maxChoices)}});
        case BallotRefusal::OverBudget: return ui.tr("ballot.refused.over_budget");
        case BallotRefusal::ProjectFull:
            return ui.format("ballot.refused.project_full", {{"max", std::to_string(round.limits.maxPointsPerProject)}});
        case BallotRefusal::NoPointsLeft: return ui.tr("ballot.refused.no_points_left");
    }
    return {};
}

// The mark in front of a project: a check, its place in the ranking, or its points.
std::string markFor(const BudgetRound& round, const BallotDraft& ballot, std::uint32_t project) {
    if (!ballot.has(project)) return std::string(icon::Unticked);
    switch (round.ballot) {
        case BallotType::Approval:
        case BallotType::Budget: return std::string(icon::Ticked);
        case BallotType::Points: return std::to_string(ballot.pointsOn(project));
        case BallotType::Ranking: {
            const auto at = std::find(ballot.projects.begin(), ballot.projects.end(), project);
            return std::to_string(at - ballot.projects.begin() + 1);
        }
    }
    return {};
}

}  // namespace

std::string ballotStatusLine(const Ui& ui, const BudgetRound& round, const BallotDraft& ballot) {
    return statusLineFor(ui, round, ballot);
}

bool ballotProjectList(ScreenContext& ctx, const BudgetRound& round, BallotTaps taps, std::string_view idPrefix, float bottom) {
    Ui& ui = ctx.ui;
    const std::string prefix(idPrefix);
    bool changed = false;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    // From the bottom up: the points bar (points ballots), the refusal; the list takes the rest.
    const bool points = round.ballot == BallotType::Points;
    const float pointsBar = points ? ui.metrics.touchMain() + gap : 0.0f;
    const std::string refusal = refusalText(ui, round, taps.refusal);
    const float refusalHeight = refusal.empty() ? 0.0f : measureText(ui.fonts.body, std::string(icon::Warning) + "  " + refusal, width).y + gap;
    const float listBottom = bottom - pointsBar - refusalHeight;
    const float pad = ui.mm(3);
    const float markWidth = ui.fonts.heading->FontSize * 2.0f;
    const float inner = width - markWidth - 3 * pad;
    ctx.pageScroll.begin(ui, (prefix + ".list").c_str(), ImVec2(width, std::max(ui.metrics.touchMin(), listBottom - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    const bool mirrored = rightToLeft();
    for (std::uint32_t i = 0; i < round.projects.size(); ++i) {
        const RoundProject& project = round.projects[i];
        const std::string cost = std::string(themeIcon(project.theme)) + "  " + formatEuroShort(project.costCents);
        const float height = std::max(ui.metrics.touchMain(), 2 * pad + measureText(ui.fonts.heading, project.title, inner).y +
                                                                  ui.mm(1) + ui.fonts.body->FontSize);
        const std::string id = prefix + ".project." + project.id;
        ImVec2 min, max;
        bool held = false;
        if (ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held)) {
            if (points && taps.ballot.has(i) && taps.focus != i) {
                taps.focus = i;  // first tap on a project with points: - and + act on it
                taps.refusal = BallotRefusal::None;
            } else {
                taps.refusal = tapProject(round, taps.ballot, i);
                taps.focus = i;
            }
            changed = true;
        }
        const bool chosen = taps.ballot.has(i);
        if (chosen) list->AddRectFilled(min, max, ui.colours.surface, ui.mm(2));
        list->AddRect(min, max, chosen ? ui.colours.selected : ui.colours.border, ui.mm(2), 0, chosen ? ui.mm(0.8f) : ui.mm(0.35f));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
        const std::string mark = markFor(round, taps.ballot, i);
        const ImVec2 markSize = measureText(ui.fonts.heading, mark);
        const float markX = mirrored ? max.x - pad - (markWidth + markSize.x) * 0.5f : min.x + pad + (markWidth - markSize.x) * 0.5f;
        drawText(list, ui.fonts.heading, ImVec2(markX, min.y + (max.y - min.y - markSize.y) * 0.5f),
                 chosen ? ui.colours.selected : ui.colours.mutedText, mark);
        const ImVec2 titleSize = measureText(ui.fonts.heading, project.title, inner);
        const float textLeft = mirrored ? max.x - 2 * pad - markWidth : min.x + 2 * pad + markWidth;
        drawText(list, ui.fonts.heading, ImVec2(mirrored ? textLeft - titleSize.x : textLeft, min.y + pad), ui.colours.text,
                 project.title, inner);
        const float costWidth = measureText(ui.fonts.body, cost).x;
        drawText(list, ui.fonts.body, ImVec2(mirrored ? textLeft - costWidth : textLeft, min.y + pad + titleSize.y + ui.mm(1)),
                 ui.colours.mutedText, cost);
    }
    ctx.pageScroll.end(ui);

    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, std::max(ImGui::GetCursorScreenPos().y + gap, listBottom + gap)));
    if (!refusal.empty()) problemText(ctx, refusal.c_str());
    if (points && taps.focus && *taps.focus < round.projects.size()) {
        // - points + for the project last tapped, like the helpers' counter.
        const std::uint32_t focus = *taps.focus;
        const float size = ui.metrics.touchMain();
        const ImVec2 at(ctx.contentMin.x, bottom - ui.metrics.touchMain());
        ImGui::SetCursorScreenPos(at);
        ButtonSpec minus;
        const std::string minusId = prefix + ".points.minus";
        minus.id = minusId.c_str();
        minus.label = "";
        minus.icon = icon::Minus;
        minus.size = ImVec2(size, size);
        minus.enabled = taps.ballot.pointsOn(focus) > 0;
        if (touchButton(ui, minus)) {
            removePoint(taps.ballot, focus);
            taps.refusal = BallotRefusal::None;
            changed = true;
        }
        ImGui::SameLine(0, gap);
        ButtonSpec plus;
        const std::string plusId = prefix + ".points.plus";
        plus.id = plusId.c_str();
        plus.label = "";
        plus.icon = icon::Plus;
        plus.size = ImVec2(size, size);
        if (touchButton(ui, plus)) {
            taps.refusal = tapProject(round, taps.ballot, focus);
            changed = true;
        }
        const std::string line = ui.format("ballot.points.on", {{"points", std::to_string(taps.ballot.pointsOn(focus))},
                                                                {"project", round.projects[focus].title}});
        drawText(ImGui::GetWindowDrawList(), ui.fonts.body, ImVec2(at.x + 2 * (size + gap), at.y + (size - ui.fonts.body->FontSize) * 0.5f),
                 ui.colours.text, line);
    }

    return changed;
}

}  // namespace buurtstem::ui
