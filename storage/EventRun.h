// Applying a long run of events in apply order (an import at the office, a rebuild) with the
// same result as applying them one by one, but with the ideas, ballots and issued voting codes the
// run brings held in memory: approvals and supports, most of what a merged log holds, are counted
// there, each idea is written once with its final status and count instead of updated row by row,
// so is each code with its final state, and the rows keyed by random ids (plans, ballot choices,
// codes) are written in key order, which walks each index once instead of jumping about it.
// Internal to storage; runs inside the caller's transaction.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Result.h"

#include "IdeaTables.h"
#include "StatementCache.h"

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

namespace buurtstem::storage {

// The one function that turns an event into read-table rows, used both when an event is recorded
// and when the read tables are rebuilt. It looks only at the event itself, never at this kiosk's
// state, so events imported from other kiosks apply the same way. Throws SQLite::Exception; runs
// inside the caller's transaction. (KioskStore.cpp)
Result<void> applyEvent(StatementCache& sql, const Event& event);

class EventRun {
public:
    // `applyOne` applies any event the run does not hold (applyEvent).
    using ApplyOne = std::function<Result<void>(const Event&)>;
    EventRun(StatementCache& sql, ApplyOne applyOne);
    EventRun(const EventRun&) = delete;
    EventRun& operator=(const EventRun&) = delete;

    // The next event in apply order. Throws SQLite::Exception, as applyEvent.
    Result<void> apply(const Event& event);
    // apply() for each in turn, the payloads it holds decoded ahead on a second core. The events
    // stay where they are (an import's in their bundles).
    Result<void> applyAll(std::span<const Event* const> events);
    // Writes the held ideas; before anything else reads the read tables. Throws SQLite::Exception.
    void finish();

private:
    struct HeldIdea {
        std::string eventUuid;
        std::string kioskId;
        HlcStamp hlc;
        IdeaSubmitted payload;
        std::optional<InitiativePlan> plan;
        IdeaRowValues values;
    };

    struct HeldBallot {
        std::string eventUuid;
        HlcStamp hlc;
        BallotCast ballot;
        bool usedHeldCode = false;  // its code was held, and is marked used there, not in the table
    };

    // A payload of the types the run holds, decoded; monostate when not (yet) or not readable.
    using Decoded = std::variant<std::monostate, IdeaSubmitted, InitiativeSubmitted, IdeaApproved, IdeaSupported, BallotCast,
                                 VotingCodesIssued>;
    static Decoded decode(const Event& event);
    Result<void> apply(const Event& event, Decoded&& decoded);
    Result<bool> holdSubmission(const Event& event, Decoded&& decoded);
    bool holdBallot(const Event& event, Decoded&& decoded);
    bool holdCodes(Decoded&& decoded);
    HeldIdea* held(const std::string& ideaId);
    bool anyMerged();
    bool merged(const std::string& ideaId);

    StatementCache& sql_;
    ApplyOne applyOne_;
    // A deque: a run holds hundreds of thousands, and growing never moves those held.
    std::deque<HeldIdea> ideas_;                               // in submission order: their row ids follow it
    std::unordered_map<std::string, std::size_t> byId_;        // into ideas_
    std::unordered_set<std::string> references_;               // ideas_' references
    std::optional<bool> anyMerged_;                            // known until an event the run does not hold
    std::deque<HeldBallot> ballots_;                           // in apply order: their row ids follow it
    // Issued codes by round, then by hash: whether a held ballot used it.
    std::map<std::string, std::unordered_map<std::string, bool>> codes_;
};

}  // namespace buurtstem::storage
