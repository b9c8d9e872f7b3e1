// Simulation (simulatie): a seeded random plan of residents' activity at a kiosk — ideas and
// initiatives in plain Dutch, supports that favour a few popular ideas, pulses, meeting needs and
// ballots that fit the round's kind of ballot. `buurtstem simulate` carries the plan out through
// the store's own writes; load tests and the sync bench use it too. Pure: no clock, no storage.
#pragma once

#include "Idea.h"
#include "Initiative.h"
#include "MeetingNeed.h"
#include "Pulse.h"
#include "Result.h"
#include "round/BudgetRound.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace buurtstem {

// SplitMix64, written out here so that one seed gives the same plan with every compiler and
// standard library (std::uniform_int_distribution may differ between them).
class SimulationRandom {
public:
    explicit SimulationRandom(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next();
    std::size_t below(std::size_t n);   // 0..n-1; 0 when n is 0
    int between(int low, int high);     // low..high, both included
    bool percent(int chance);           // true in `chance` of 100 draws

private:
    std::uint64_t state_;
};

struct SimulationCounts {
    std::size_t ideas = 0;        // = 0 // ideas submitted
    std::size_t initiatives = 0;  // = 0 // initiatives submitted
    std::size_t supports = 0;     // = 0 // "I support this" taps, on approved ideas and initiatives
    std::size_t pulses = 0;       // = 0
    std::size_t needs = 0;        // = 0 // meeting needs
    std::size_t ballots = 0;      // = 0 // ballots cast in one open round
};

// A name and named places for a kiosk that has none yet.
struct SimulatedNeighbourhood {
    std::string name;                 // e.g. "Wilgenbuurt"
    std::vector<std::string> places;  // 6 to 8 places, all different
};
SimulatedNeighbourhood simulatedNeighbourhood(std::uint64_t seed);

struct SimulatedIdea {
    IdeaDraft draft;        // passes validateIdea
    bool approved = false;  // = false // a facilitator approves it; the rest stays in the moderation queue
};

struct SimulatedInitiative {
    InitiativeDraft draft;  // passes validateInitiative with the request's maximum
    bool approved = false;  // = false
};

struct ResidentPlanRequest {
    std::uint64_t seed = 0;                 // = 0
    SimulationCounts counts;                // ballots are planned apart (planBallots)
    std::vector<std::string> places;        // the kiosk's places; ideas name one of them or none
    std::size_t existingTargets = 0;        // = 0 // approved ideas the kiosk already shows, which may be supported too
    std::int64_t initiativeMaximumCents = kInitiativeDefaultMaximumCents;  // the kiosk's maximum per initiative
};

// What residents do, in the order the kiosk stores it: ideas, initiatives, then supports, pulses
// and needs.
struct ResidentPlan {
    std::vector<SimulatedIdea> ideas;
    std::vector<SimulatedInitiative> initiatives;
    // Each support is an index into the support targets: first the kiosk's existing approved ideas
    // (request.existingTargets of them, in the order the caller lists them), then the plan's
    // approved ideas, then its approved initiatives, each in plan order. A few targets get most.
    std::vector<std::size_t> supports;
    std::vector<PulseDraft> pulses;     // each passes validatePulse
    std::vector<MeetingNeedDraft> needs;  // each passes validateMeetingNeed
    std::size_t supportTargets() const;  // existing + approved ideas + approved initiatives
    std::size_t existingTargets = 0;     // = 0 // copied from the request
};

// The plan for `request.counts`. Same request, same plan. Errors: InvalidInput when supports are
// asked for and nothing could be supported (no existing target and no approved idea planned).
Result<ResidentPlan> planResidents(const ResidentPlanRequest& request);

// A round open at `nowMs` (from a minute before it for 30 days, by voting codes) whose projects
// are the most supported of `candidates` (at most 8; initiatives cost their budget, ideas get a
// cost from the seed; ties go by title), with a budget that at least holds the dearest project.
// Errors: InvalidInput when there are no candidates.
Result<BudgetRound> planRound(std::uint64_t seed, const std::string& neighbourhood, const std::vector<Idea>& candidates,
                              BallotType ballot, std::uint64_t nowMs);

// `count` ballots for `round`, each built tap by tap with tapProject as the ballot screen does, so
// each passes validateBallot. Projects are favoured unevenly, as residents do. Errors:
// InvalidInput when ballots are asked for and none can be filled in (no project, or on a budget
// ballot no project that fits the budget).
Result<std::vector<BallotDraft>> planBallots(std::uint64_t seed, const BudgetRound& round, std::size_t count);

}  // namespace buurtstem
