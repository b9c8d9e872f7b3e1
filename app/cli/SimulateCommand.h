// `buurtstem simulate`: fills a kiosk's database with made-up residents' activity (ideas,
// initiatives, supports, pulses, meeting needs, ballots) through the same store writes the screens
// use, for load tests, the staff office's views and demonstrations. The same seed gives the same
// texts, themes, choices and counts (ids and times differ). Plan: app/core/Simulation.h.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct SimulateCommandOptions {
    std::filesystem::path dataDir;     // = "" // the kiosk's data folder ("" = its default)
    long long ideas = 0;               // required
    long long ballots = 0;             // required
    std::uint64_t seed = 1;            // = 1
    std::optional<long long> supports;     // = nullopt (2 per idea and initiative)
    std::optional<long long> pulses;       // = nullopt (1 per 2 ideas)
    std::optional<long long> needs;        // = nullopt (1 per 4 ideas)
    std::optional<long long> initiatives;  // = nullopt (1 per 10 ideas)
    std::string ballotKind = "approval";  // = "approval" // of the round made when none is open
};

CLI::App* addSimulateCommand(CLI::App& app, SimulateCommandOptions& options);

// Exit codes (CommandLine.h): 0 done; 2 wrong options, or nothing to support or vote on (nothing
// changed); 3 the data folder cannot be used; 4 the kiosk runs on this folder; 5 and 8 as for any
// storage problem (what was written before stays: each write is its own transaction).
int runSimulate(const SimulateCommandOptions& options);

}  // namespace buurtstem::cli
