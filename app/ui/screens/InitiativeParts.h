// Pieces the initiative's screens share: its problems in plain words, which step fixes which
// field, a grid of choices, a field that opens the keyboard or the pad, and Next at the bottom.
#pragma once

#include "Screens.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace buurtstem::ui {

// Every rule the resident's initiative breaks now, against the facilitator's maximum.
std::vector<InitiativeIssue> initiativeIssues(const ScreenContext& ctx);
// The first issue about one of `fields`, or nullopt.
std::optional<InitiativeIssue> firstIssue(const std::vector<InitiativeIssue>& issues,
                                          std::initializer_list<InitiativeField> fields);
// The plain-language message for an issue, with the maximum filled in where it matters.
std::string initiativeProblem(const Ui& ui, const InitiativeIssue& issue, std::int64_t maximumCents);
// The screen where the resident fixes a field.
ScreenId stepFor(InitiativeField field);

// Translation keys of the audiences and partners.
const char* audienceLabelKey(Audience audience);
const char* partnerLabelKey(Partner partner);
// The plan as lines of text under the initiative's card (review and detail): when, where, for
// whom, helpers, the costs and their total, the residents' own share and the partners.
std::string planSummary(const Ui& ui, const std::string& place, const InitiativePlan& plan);

// One option of a choice grid. A chosen option carries a check mark, not colour alone.
struct ChoiceItem {
    std::string id;            // widget id: a translation key, or "#..."
    const char* label = "";    // translated
    const char* icon = nullptr;
    bool selected = false;
};
// Choice buttons in a grid at the cursor, as many columns as the longest label allows (at most
// `maxColumns`), rows `rowHeight` tall; mirrored right to left. Moves the cursor below the grid.
// Returns the index tapped, or -1.
int choiceGrid(ScreenContext& ctx, std::span<const ChoiceItem> items, int maxColumns, float rowHeight);

// A labelled box showing `value` (or the placeholder when empty) that puts the keyboard or the
// pad on it when tapped. Returns true when tapped. Draws `problem` under it when given.
struct PlanFieldSpec {
    const char* id = "";
    const char* label = "";
    const char* placeholder = "";
    std::string value;
    bool focused = false;
    const char* problem = nullptr;
    float width = 0;  // = 0: the rest of the row
};
bool planField(ScreenContext& ctx, const PlanFieldSpec& spec);
// An amount field's spec: while the pad edits it, the amount as typed ("€ 125,5"); otherwise the
// stored amount ("€ 125,50"), or the placeholder when there is none.
PlanFieldSpec amountField(const InitiativeSteps& steps, PlanField field, std::int64_t storedCents);
// Height planField() takes with and without a problem line.
float planFieldHeight(const Ui& ui, bool withProblem);

// The step's main button at the bottom, on the reading side's far end, no higher than `minY`.
bool nextButton(ScreenContext& ctx, const char* key, float minY);

}  // namespace buurtstem::ui
