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
#include <string>

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

// One ideas row, for idea.submitted and initiative.submitted alike, as it stands after its
// submission and whatever approvals and supports followed.
struct IdeaRowValues {
    std::string reference;  // from freeReference
    IdeaStatus status = IdeaStatus::New;
    std::int64_t supports = 0;
    IdeaKind kind = IdeaKind::Idea;
    std::int64_t budgetCents = 0;
};
void insertIdeaRow(StatementCache& sql, const Event& event, const IdeaSubmitted& payload, const IdeaRowValues& values);

// The plan's rows of initiative.submitted; the ideas row must exist already.
void insertInitiativePlan(StatementCache& sql, const std::string& ideaId, const InitiativePlan& plan);

}  // namespace buurtstem::storage
