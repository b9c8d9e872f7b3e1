// `buurtstem simulate` (see SimulateCommand.h).
#include "SimulateCommand.h"

#include "CommandLine.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../core/Simulation.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr long long kMostOfOne = 1'000'000;  // per kind of activity: more is a typing error

constexpr const char* kFooter =
    "Every write is one transaction on disk, as at the kiosk: 10,000 ideas take minutes. Progress is\n"
    "printed every few seconds, then the counts and the rate. An empty data folder first gets a made-up\n"
    "neighbourhood name, places and a staff key pair (the secret key in demo-staff-secret.key next to the\n"
    "database, so sealed contacts can be opened). Ballots go to the round open now; when none is open,\n"
    "a round of the most supported ideas and initiatives is made, and voting codes are issued for it.\n"
    "The same seed gives the same texts, themes, choices and counts; ids and times differ.\n"
    "Example: buurtstem simulate --data-dir /tmp/kiosk --ideas 500 --ballots 200 --seed 7";

// Prints "done of total" every few seconds on stderr.
class Progress {
public:
    explicit Progress(std::size_t total) : total_(total), start_(Clock::now()), printed_(start_) {}
    void step(const char* what) {
        ++done_;
        const Clock::time_point now = Clock::now();
        if (now - printed_ < std::chrono::seconds(3)) return;
        printed_ = now;
        std::fprintf(stderr, "simulate: %zu of %zu writes (%s), %.0f s\n", done_, total_, what, seconds());
    }
    double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

private:
    std::size_t total_;
    std::size_t done_ = 0;
    Clock::time_point start_;
    Clock::time_point printed_;
};

bool countOk(const char* name, long long value) {
    if (value >= 0 && value <= kMostOfOne) return true;
    std::fprintf(stderr, "buurtstem simulate: %s wants a count from 0 to %lld (got %lld). Nothing was changed.\n", name,
                 kMostOfOne, value);
    return false;
}

std::size_t orDefault(const std::optional<long long>& given, std::size_t fallback) {
    return given ? static_cast<std::size_t>(*given) : fallback;
}

// A failed write: storage problems by their own message and code; anything else (a plan the store
// refuses) is a fault of this command.
int writeFailed(const Error& error, const fs::path& dataDir, const char* what) {
    if (error.code == ErrorCode::InvalidInput || error.code == ErrorCode::NotFound) {
        std::fprintf(stderr, "buurtstem simulate: the kiosk refused a simulated %s: %s\n", what, error.detail.c_str());
        return kExitUnexpected;
    }
    return reportError(error, dataDir);
}

// Supports need something approved to support, ballots a round or projects to make one of.
// Prints why and returns kExitUsage when the plan cannot be carried out; kExitOk when it can.
int refusal(const Result<ResidentPlan>& planned, bool roundOpen, std::size_t ballots) {
    if (!planned) {
        std::fprintf(stderr, "buurtstem simulate: --supports: %s. Nothing was changed.\n", planned.error().detail.c_str());
        return kExitUsage;
    }
    if (ballots > 0 && !roundOpen && planned->supportTargets() == 0) {
        std::fprintf(stderr,
                     "buurtstem simulate: --ballots needs projects to vote on: no round is open and there is no approved idea or\n"
                     "initiative to make one of. Ask for --ideas or --initiatives too. Nothing was changed.\n");
        return kExitUsage;
    }
    return kExitOk;
}

}  // namespace

CLI::App* addSimulateCommand(CLI::App& app, SimulateCommandOptions& options) {
    CLI::App* command = app.add_subcommand(
        "simulate", "Fill a kiosk with made-up residents' activity (tests, demonstrations): ideas, initiatives, supports, "
                    "pulses, meeting needs and ballots");
    command->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
    command->add_option("--ideas", options.ideas, "Ideas to submit (most are approved, some wait for a facilitator)")
        ->required();
    command->add_option("--ballots", options.ballots, "Ballots to cast in the round open now (0: none)")->required();
    command->add_option("--seed", options.seed, "The same seed gives the same content (default 1)");
    command->add_option("--supports", options.supports, "\"I support this\" taps, a few ideas getting most (default 2 per idea and initiative)");
    command->add_option("--pulses", options.pulses, "Neighbourhood pulses (default 1 per 2 ideas)");
    command->add_option("--needs", options.needs, "Meeting needs (default 1 per 4 ideas)");
    command->add_option("--initiatives", options.initiatives, "Initiatives with a plan and budget (default 1 per 10 ideas)");
    command->add_option("--ballot-kind", options.ballotKind,
                        "Kind of ballot of the round made when none is open: approval, budget, points, ranking (default approval)");
    command->footer(kFooter);
    return command;
}

int runSimulate(const SimulateCommandOptions& options) {
    // Everything that needs no database first: a mistake creates nothing.
    if (!countOk("--ideas", options.ideas) || !countOk("--ballots", options.ballots)) return kExitUsage;
    for (const auto& [name, value] : {std::pair{"--supports", options.supports}, std::pair{"--pulses", options.pulses},
                                      std::pair{"--needs", options.needs}, std::pair{"--initiatives", options.initiatives}})
        if (value && !countOk(name, *value)) return kExitUsage;
    const std::optional<BallotType> ballotKind = ballotTypeFromId(options.ballotKind);
    if (!ballotKind) {
        std::fprintf(stderr,
                     "buurtstem simulate: --ballot-kind is approval, budget, points or ranking (got \"%s\"). Nothing was changed.\n",
                     options.ballotKind.c_str());
        return kExitUsage;
    }
    const std::size_t ideaCount = static_cast<std::size_t>(options.ideas);
    SimulationCounts counts;
    counts.ideas = ideaCount;
    counts.initiatives = orDefault(options.initiatives, ideaCount / 10);
    counts.supports = orDefault(options.supports, 2 * (ideaCount + counts.initiatives));
    counts.pulses = orDefault(options.pulses, ideaCount / 2);
    counts.needs = orDefault(options.needs, ideaCount / 4);
    counts.ballots = static_cast<std::size_t>(options.ballots);

    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    const SimulatedNeighbourhood neighbourhood = simulatedNeighbourhood(options.seed);
    ResidentPlanRequest request;
    request.seed = options.seed;
    request.counts = counts;
    // Without a database the kiosk has nothing to support or vote on yet: refuse before making one.
    std::error_code ec;
    if (!fs::exists(dataDir / storage::kDatabaseFileName, ec)) {
        request.places = neighbourhood.places;
        if (const int refused = refusal(planResidents(request), false, counts.ballots); refused != kExitOk) return refused;
    }
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Create, opened); failed != kExitOk) return failed;
    storage::KioskStore& store = *opened.store;

    // [SECTION] The plan, checked before anything is written
    const bool named = !store.neighbourhoodName().empty();
    std::vector<std::string> places = store.places();
    // Only a kiosk that was never set up gets the made-up places; a named one keeps its own list.
    const bool addPlaces = !named && places.empty();
    if (addPlaces) places = neighbourhood.places;
    const std::vector<Idea> existing = store.visibleIdeas();
    const std::vector<BudgetRound> open = store.openRounds();
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);

    request.places = places;
    request.existingTargets = existing.size();
    request.initiativeMaximumCents = store.initiativeMaximumCents();
    const Result<ResidentPlan> planned = planResidents(request);
    if (const int refused = refusal(planned, !open.empty(), counts.ballots); refused != kExitOk) return refused;
    const ResidentPlan& plan = *planned;
    // A round that is already open decides its own ballots; those are planned before writing too.
    std::optional<std::vector<BallotDraft>> openBallots;
    if (counts.ballots > 0 && !open.empty()) {
        Result<std::vector<BallotDraft>> ballots = planBallots(options.seed, open.front(), counts.ballots);
        if (!ballots) {
            std::fprintf(stderr, "buurtstem simulate: --ballots: the open round \"%s\": %s. Nothing was changed.\n",
                         open.front().name.c_str(), ballots.error().detail.c_str());
            return kExitUsage;
        }
        openBallots = std::move(ballots).value();
        if (open.front().ballot != *ballotKind && options.ballotKind != "approval")
            std::fprintf(stderr, "simulate: the open round \"%s\" has %s ballots; --ballot-kind is for a new round only\n",
                         open.front().name.c_str(), std::string(ballotTypeId(open.front().ballot)).c_str());
    }

    // [SECTION] Writing
    std::size_t approvals = 0;
    for (const SimulatedIdea& idea : plan.ideas) approvals += idea.approved ? 1 : 0;
    for (const SimulatedInitiative& initiative : plan.initiatives) approvals += initiative.approved ? 1 : 0;
    const std::size_t writes = counts.ideas + counts.initiatives + approvals + counts.supports + counts.pulses + counts.needs +
                               (counts.ballots > 0 ? 1 + (counts.ballots + 9'999) / 10'000 + counts.ballots : 0);
    const std::int64_t eventsBefore = store.eventCount();
    Progress progress(writes);

    if (!named) {
        if (Result<void> done = store.setNeighbourhoodName(neighbourhood.name); !done) return writeFailed(done.error(), dataDir, "name");
        std::printf("Neighbourhood: %s\n", neighbourhood.name.c_str());
    }
    if (addPlaces) {
        if (Result<void> done = store.setPlaces(places); !done) return writeFailed(done.error(), dataDir, "list of places");
    }
    Result<bool> key = store.addDemoStaffKey();
    if (!key) return writeFailed(key.error(), dataDir, "staff key");
    if (*key)
        std::printf("Staff key made: the secret key is in %s\n", (dataDir / storage::kDemoStaffSecretKeyFileName).c_str());

    std::vector<std::string> targets;  // what supports name, in the plan's order of targets
    targets.reserve(plan.supportTargets());
    for (const Idea& idea : existing) targets.push_back(idea.id);
    for (const SimulatedIdea& planned : plan.ideas) {
        Result<Idea> idea = store.submitIdea(planned.draft);
        if (!idea) return writeFailed(idea.error(), dataDir, "idea");
        progress.step("ideas");
        if (!planned.approved) continue;
        if (Result<void> done = store.approveIdea(idea->id); !done) return writeFailed(done.error(), dataDir, "approval");
        progress.step("ideas");
        targets.push_back(idea->id);
    }
    for (const SimulatedInitiative& planned : plan.initiatives) {
        Result<Idea> initiative = store.submitInitiative(planned.draft);
        if (!initiative) return writeFailed(initiative.error(), dataDir, "initiative");
        progress.step("initiatives");
        if (!planned.approved) continue;
        if (Result<void> done = store.approveIdea(initiative->id); !done) return writeFailed(done.error(), dataDir, "approval");
        progress.step("initiatives");
        targets.push_back(initiative->id);
    }
    for (std::size_t target : plan.supports) {
        if (Result<Idea> done = store.supportIdea(targets.at(target)); !done) return writeFailed(done.error(), dataDir, "support");
        progress.step("supports");
    }
    for (const PulseDraft& pulse : plan.pulses) {
        if (Result<void> done = store.givePulse(pulse); !done) return writeFailed(done.error(), dataDir, "pulse");
        progress.step("pulses");
    }
    for (const MeetingNeedDraft& need : plan.needs) {
        if (Result<void> done = store.giveMeetingNeed(need); !done) return writeFailed(done.error(), dataDir, "meeting need");
        progress.step("needs");
    }

    std::optional<BudgetRound> round;
    if (counts.ballots > 0) {
        std::vector<BallotDraft> ballots;
        if (openBallots) {
            round = open.front();
            ballots = std::move(*openBallots);
        } else {
            const std::string name = store.neighbourhoodName();
            Result<BudgetRound> made = planRound(options.seed, name, store.visibleIdeas(), *ballotKind, store.clockMs());
            if (!made) return writeFailed(made.error(), dataDir, "round");
            Result<BudgetRound> saved = store.saveRound(*made);
            if (!saved) return writeFailed(saved.error(), dataDir, "round");
            round = *saved;
            Result<std::vector<BallotDraft>> drafts = planBallots(options.seed, *round, counts.ballots);
            if (!drafts) return writeFailed(drafts.error(), dataDir, "ballot");
            ballots = std::move(drafts).value();
            std::printf("Round made: %s (%s, %s ballots)\n", round->name.c_str(), round->id.c_str(),
                        std::string(ballotTypeId(round->ballot)).c_str());
        }
        progress.step("round");
        // Codes as the office prints them, at most 10,000 a batch; an evening's round takes none.
        std::vector<std::string> codes;
        if (round->eligibility == Eligibility::VotingCodes) {
            while (codes.size() < ballots.size()) {
                const std::size_t batch = std::min<std::size_t>(10'000, ballots.size() - codes.size());
                Result<std::vector<std::string>> issued = store.issueVotingCodes(round->id, batch);
                if (!issued) return writeFailed(issued.error(), dataDir, "batch of voting codes");
                codes.insert(codes.end(), issued->begin(), issued->end());
                progress.step("voting codes");
            }
        }
        for (std::size_t i = 0; i < ballots.size(); ++i) {
            Result<std::string> receipt = store.castBallot(round->id, ballots[i], codes.empty() ? std::string() : codes[i]);
            if (!receipt) return writeFailed(receipt.error(), dataDir, "ballot");
            progress.step("ballots");
        }
    }

    // [SECTION] What was done
    const double seconds = progress.seconds();
    const std::int64_t events = store.eventCount() - eventsBefore;
    std::printf("Added to %s (seed %llu):\n", dataDir.c_str(), static_cast<unsigned long long>(options.seed));
    std::size_t approvedIdeas = 0, approvedInitiatives = 0;
    for (const SimulatedIdea& idea : plan.ideas) approvedIdeas += idea.approved ? 1 : 0;
    for (const SimulatedInitiative& initiative : plan.initiatives) approvedInitiatives += initiative.approved ? 1 : 0;
    std::printf("  %zu ideas (%zu approved)\n", counts.ideas, approvedIdeas);
    std::printf("  %zu initiatives (%zu approved)\n", counts.initiatives, approvedInitiatives);
    std::printf("  %zu supports\n  %zu pulses\n  %zu meeting needs\n", counts.supports, counts.pulses, counts.needs);
    if (round) std::printf("  %zu ballots in %s (%s)\n", counts.ballots, round->name.c_str(), round->id.c_str());
    else std::printf("  0 ballots\n");
    std::printf("%lld events in %.1f s: %.0f events/s\n", static_cast<long long>(events), seconds,
                seconds > 0 ? static_cast<double>(events) / seconds : 0.0);
    return kExitOk;
}

}  // namespace buurtstem::cli
