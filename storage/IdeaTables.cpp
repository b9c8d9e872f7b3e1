// The ideas read table and an initiative's plan (see IdeaTables.h).
#include "IdeaTables.h"

#include <SQLiteCpp/SQLiteCpp.h>

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
    SQLite::Statement& taken = sql("SELECT 1 FROM ideas WHERE reference = ?");
    std::string candidate = reference;
    for (int n = 2;; ++n) {
        taken.bind(1, candidate);
        if (!taken.executeStep() && !(heldElsewhere && heldElsewhere(candidate))) return candidate;
        taken.reset();
        candidate = reference + "/" + std::to_string(n);
    }
}

void insertIdeaRow(StatementCache& sql, const Event& event, const IdeaSubmitted& payload, const IdeaRowValues& values) {
    // Bound without copying: every value outlives the exec, and the cache clears them before reuse.
    SQLite::Statement& insert = sql("INSERT INTO ideas (idea_id, reference, theme, title, body, created_hlc, "
                                    "status, supports, demo, event_uuid, place, sealed_contact, kind, budget_cents, kiosk_id) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindNoCopy(1, payload.ideaId);
    insert.bindNoCopy(2, values.reference);
    insert.bind(3, std::string(themeId(payload.theme)));
    insert.bindNoCopy(4, payload.title);
    insert.bindNoCopy(5, payload.body);
    insert.bind(6, static_cast<std::int64_t>(event.hlc.packed));
    insert.bind(7, statusId(values.status));
    insert.bind(8, values.supports);
    insert.bind(9, payload.demo ? 1 : 0);
    insert.bindNoCopy(10, event.uuid);
    insert.bindNoCopy(11, payload.place);
    insert.bindNoCopy(12, payload.sealedContact);
    insert.bind(13, kindId(values.kind));
    insert.bind(14, values.budgetCents);
    insert.bindNoCopy(15, event.kioskId);
    insert.exec();
}

void insertInitiativePlan(StatementCache& sql, const std::string& ideaId, const InitiativePlan& plan) {
    SQLite::Statement& insert = sql("INSERT INTO initiative_plans (idea_id, when_text, helpers, own_money_cents, own_in_kind) "
                                    "VALUES (?, ?, ?, ?, ?)");
    insert.bindNoCopy(1, ideaId);
    insert.bindNoCopy(2, plan.when);
    insert.bind(3, plan.helpers);
    insert.bind(4, plan.ownMoneyCents);
    insert.bindNoCopy(5, plan.ownInKind);
    insert.exec();
    SQLite::Statement& choice = sql("INSERT INTO initiative_choices (idea_id, grp, choice) VALUES (?, ?, ?)");
    const auto insertChoice = [&](const char* group, std::string_view id) {
        choice.bindNoCopy(1, ideaId);
        choice.bind(2, group);
        choice.bind(3, std::string(id));
        choice.exec();
        choice.reset();
    };
    for (Audience audience : plan.audience) insertChoice("audience", audienceId(audience));
    for (Partner partner : plan.partners) insertChoice("partner", partnerId(partner));
    SQLite::Statement& line = sql("INSERT INTO initiative_budget_lines (idea_id, position, description, amount_cents) "
                                  "VALUES (?, ?, ?, ?)");
    for (std::size_t i = 0; i < plan.budget.size(); ++i) {
        line.bindNoCopy(1, ideaId);
        line.bind(2, static_cast<std::int64_t>(i));
        line.bindNoCopy(3, plan.budget[i].description);
        line.bind(4, plan.budget[i].amountCents);
        line.exec();
        line.reset();
    }
}

}  // namespace buurtstem::storage
