// The ideas read table and an initiative's plan: the rows idea.submitted and initiative.submitted
// write, shared by applying one event and by applying a run of them (EventRun.h). Internal to
// storage; runs inside the caller's transaction and throws SQLite::Exception.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Idea.h"
#include "../app/core/Initiative.h"

#include "StatementCache.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace buurtstem::storage {

const char* statusId(IdeaStatus status);
const char* kindId(IdeaKind kind);

// The status a newly submitted idea starts with: a resident's waits for a facilitator; a demo idea
// stands for one a facilitator already approved, so the demo shows a filled list at once.
IdeaStatus submittedStatus(const IdeaSubmitted& payload);

// The reference an idea is listed under here. A kiosk never hands out a code twice, but two
// kiosks may each draw the same one; at the office the later idea (in apply order, so the same
// everywhere) is listed as "K7P-3QX/2", and the first keeps the code its resident holds.
// `heldElsewhere` tells of references given out but not yet written (an EventRun's).
std::string freeReference(StatementCache& sql, const std::string& reference,
                          const std::function<bool(const std::string&)>& heldElsewhere = {});
// The same where `taken` alone tells which are taken: a run whose ideas table is empty.
std::string freeReference(const std::string& reference, const std::function<bool(const std::string&)>& taken);

// One ideas row, for idea.submitted and initiative.submitted alike, as it stands after its
// submission and whatever approvals and supports followed.
struct IdeaRowValues {
    std::string reference;  // from freeReference
    IdeaStatus status = IdeaStatus::New;
    std::int64_t supports = 0;
    IdeaKind kind = IdeaKind::Idea;
    std::int64_t budgetCents = 0;
};
// An idea to write: its submission event's uuid, kiosk and stamp, its payload and its values.
struct IdeaRow {
    std::string_view eventUuid;
    std::string_view kioskId;
    HlcStamp hlc;
    const IdeaSubmitted* payload = nullptr;
    const IdeaRowValues* values = nullptr;
};
// In the order given, which sets their row ids; one statement for all (BulkRows.h).
void insertIdeaRows(StatementCache& sql, std::span<const IdeaRow> ideas);

// An initiative's plan to write, under its idea id.
struct PlanRow {
    std::string_view ideaId;
    const InitiativePlan* plan = nullptr;
};
// The plans' rows of initiative.submitted: the plans, then their choices and budget lines. Their
// ideas rows must exist already.
void insertInitiativePlans(StatementCache& sql, std::span<const PlanRow> plans);

}  // namespace buurtstem::storage
