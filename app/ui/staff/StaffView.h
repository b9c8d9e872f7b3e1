// StaffView: what the staff panels read, filled from KioskStore after each write and never per
// frame. Plain data: the panels draw it and hold no SQL.
#pragma once

#include "../../core/Idea.h"
#include "../../core/Initiative.h"
#include "../../core/InitiativeProgress.h"
#include "../../core/MeetingNeed.h"
#include "../../core/Moderation.h"
#include "../../core/Pulse.h"
#include "../../core/round/BudgetRound.h"
#include "../../core/round/RoundTally.h"
#include "../../../storage/KioskStore.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

using storage::InitiativeRow;
using storage::PulseMonth;

// One idea or initiative with what facilitators decided about it.
struct StaffIdea {
    Idea idea;
    ModerationRecord moderation;
    std::string kioskId;  // the kiosk it was given at
};

struct StaffRound {
    BudgetRound round;
    RoundPhase phase = RoundPhase::Preparing;
    std::int64_t ballots = 0;                 // = 0 // kiosk and agreed paper ballots
    storage::KioskStore::CodeCounts codes;
    std::optional<RoundOutcome> outcome;      // = nullopt // not countable yet (no ballots for Equal Shares)
};

// A bundle file found in the folder the Bundles panel lists, with what its header says.
struct StaffBundleFile {
    std::string path;
    std::optional<BundleHeader> header;  // = nullopt // not a bundle, or damaged: `problem` says why
    std::string problem;                 // technical detail when the header cannot be read
};

// A sealed contact as the staff see it once the key is loaded; kept in memory only.
struct StaffContact {
    std::string ideaId;
    std::string reference;
    std::string title;
    IdeaKind kind = IdeaKind::Idea;
    bool opened = false;   // = false // false: not sealed to the loaded key, or damaged
    std::string name;
    std::string address;
};

struct StaffView {
    // The picker: "" (every neighbourhood) first, then each name a kiosk gave, sorted.
    std::vector<std::string> neighbourhoods;
    std::string neighbourhood;                // = "" // the one shown; "" = every neighbourhood
    std::vector<StaffIdea> ideas;             // ideas and initiatives of the neighbourhood, newest first
    std::vector<InitiativeRow> pipeline;      // initiatives of the neighbourhood, oldest first
    MeetingNeedSummary needs;                 // of the neighbourhood
    std::vector<PulseMonth> pulseMonths;      // of the neighbourhood, oldest first
    std::vector<StaffRound> rounds;           // by opening time (rounds belong to no one kiosk)
    std::vector<KioskActivity> kiosks;        // every kiosk, the neighbourhood's or not: when each was last heard from
    storage::KioskStore::SyncConflicts conflicts;  // what merging left open, every kiosk's
    std::int64_t events = 0;                  // = 0 // events in the log
    std::uint64_t nowMs = 0;                  // = 0 // the store's clock when read
    std::int64_t contactsSealed = 0;          // = 0 // ideas and initiatives of the neighbourhood with a sealed contact

    std::int64_t ideaCount(IdeaKind kind) const;
    std::int64_t ideaCount(IdeaKind kind, IdeaStatus status) const;
    std::int64_t stageCount(PipelineStage stage) const;
    std::int64_t pulseAnswers() const;  // scores given, every aspect and month together
};

struct StaffState;
// The ideas the Ideas panel lists under the state's filters (status, theme, words in the code,
// title or text, folded as core/Similarity folds them), as indexes into view.ideas.
std::vector<std::size_t> filterStaffIdeas(const StaffView& view, const StaffState& state);

// Reads the whole view of `neighbourhood` ("" = every one) from the store.
StaffView readStaffView(const storage::KioskStore& store, const std::string& neighbourhood);

}  // namespace buurtstem::ui
