// The ideas read table and an initiative's plan (see IdeaTables.h).
#include "IdeaTables.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <vector>

namespace buurtstem::storage {

const char* statusId(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::New: return "new";
        case IdeaStatus::Approved: return "approved";
        case IdeaStatus::Hidden: return "hidden";
    }
    return "new";
}

const char* kindId(IdeaKind kind) { return kind == IdeaKind::Initiative ? "initiative" : "idea"; }

IdeaStatus submittedStatus(const IdeaSubmitted& payload) {
    return payload.demo && !payload.waiting ? IdeaStatus::Approved : IdeaStatus::New;
}

std::string freeReference(StatementCache& sql, const std::string& reference,
                          const std::function<bool(const std::string&)>& heldElsewhere) {
    SQLite::Statement& inTable = sql("SELECT 1 FROM ideas WHERE reference = ?");
    return freeReference(reference, [&](const std::string& candidate) {
        inTable.reset();
        inTable.bind(1, candidate);
        return inTable.executeStep() || (heldElsewhere && heldElsewhere(candidate));
    });
}

std::string freeReference(const std::string& reference, const std::function<bool(const std::string&)>& taken) {
    std::string candidate = reference;
    for (int n = 2; taken(candidate); ++n) candidate = reference + "/" + std::to_string(n);
    return candidate;
}

void insertIdeaRows(StatementCache& sql, std::span<const IdeaRow> ideas) {
    BulkInsert& insert = sql.bulk("INSERT INTO ideas (idea_id, reference, theme, title, body, created_hlc, status, supports, "
                                  "demo, event_uuid, place, sealed_contact, kind, budget_cents, kiosk_id) "
                                  "SELECT c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14 FROM bulk_rows(?)");
    insert.run({ideas.size(), [ideas](std::size_t row, int column, sqlite3_context* out) {
                    const IdeaRow& idea = ideas[row];
                    const IdeaSubmitted& payload = *idea.payload;
                    const IdeaRowValues& values = *idea.values;
                    switch (column) {
                        case 0: return setText(out, payload.ideaId);
                        case 1: return setText(out, values.reference);
                        case 2: return setText(out, themeId(payload.theme));
                        case 3: return setText(out, payload.title);
                        case 4: return setText(out, payload.body);
                        case 5: return setInt(out, static_cast<std::int64_t>(idea.hlc.packed));
                        case 6: return setText(out, statusId(values.status));
                        case 7: return setInt(out, values.supports);
                        case 8: return setInt(out, payload.demo ? 1 : 0);
                        case 9: return setText(out, idea.eventUuid);
                        case 10: return setText(out, payload.place);
                        case 11: return setText(out, payload.sealedContact);
                        case 12: return setText(out, kindId(values.kind));
                        case 13: return setInt(out, values.budgetCents);
                        case 14: return setText(out, idea.kioskId);
                        default: return sqlite3_result_null(out);
                    }
                }});
}

void insertInitiativePlans(StatementCache& sql, std::span<const PlanRow> plans) {
    sql.bulk("INSERT INTO initiative_plans (idea_id, when_text, helpers, own_money_cents, own_in_kind) "
             "SELECT c0, c1, c2, c3, c4 FROM bulk_rows(?)")
        .run({plans.size(), [plans](std::size_t row, int column, sqlite3_context* out) {
                  const InitiativePlan& plan = *plans[row].plan;
                  switch (column) {
                      case 0: return setText(out, plans[row].ideaId);
                      case 1: return setText(out, plan.when);
                      case 2: return setInt(out, plan.helpers);
                      case 3: return setInt(out, plan.ownMoneyCents);
                      case 4: return setText(out, plan.ownInKind);
                      default: return sqlite3_result_null(out);
                  }
              }});

    struct Choice {
        std::string_view ideaId;
        const char* group;
        std::string_view id;
    };
    std::vector<Choice> choices;
    for (const PlanRow& row : plans) {
        for (Audience audience : row.plan->audience) choices.push_back({row.ideaId, "audience", audienceId(audience)});
        for (Partner partner : row.plan->partners) choices.push_back({row.ideaId, "partner", partnerId(partner)});
    }
    sql.bulk("INSERT INTO initiative_choices (idea_id, grp, choice) SELECT c0, c1, c2 FROM bulk_rows(?)")
        .run({choices.size(), [&choices](std::size_t row, int column, sqlite3_context* out) {
                  const Choice& choice = choices[row];
                  switch (column) {
                      case 0: return setText(out, choice.ideaId);
                      case 1: return setText(out, choice.group);
                      case 2: return setText(out, choice.id);
                      default: return sqlite3_result_null(out);
                  }
              }});

    struct Line {
        std::string_view ideaId;
        std::int64_t position;
        const BudgetLine* line;
    };
    std::vector<Line> lines;
    for (const PlanRow& row : plans) {
        for (std::size_t i = 0; i < row.plan->budget.size(); ++i)
            lines.push_back({row.ideaId, static_cast<std::int64_t>(i), &row.plan->budget[i]});
    }
    sql.bulk("INSERT INTO initiative_budget_lines (idea_id, position, description, amount_cents) "
             "SELECT c0, c1, c2, c3 FROM bulk_rows(?)")
        .run({lines.size(), [&lines](std::size_t row, int column, sqlite3_context* out) {
                  const Line& line = lines[row];
                  switch (column) {
                      case 0: return setText(out, line.ideaId);
                      case 1: return setInt(out, line.position);
                      case 2: return setText(out, line.line->description);
                      case 3: return setInt(out, line.line->amountCents);
                      default: return sqlite3_result_null(out);
                  }
              }});
}

}  // namespace buurtstem::storage
