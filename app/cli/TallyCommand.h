// `buurtstem tally FILE.pb` counts a Pabulib election with a chosen rule; `buurtstem tally
// --round ID` counts a budget round of the kiosk's database as the round announced (or, for a
// "what if", with another rule). Both print the winners with, for every project, why it was or
// was not funded — as a table or as one JSON object.
#pragma once

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct TallyCommandOptions {
    std::string file;                  // = "" // the .pb file; either this or roundId
    std::string roundId;               // = "" // a round of the kiosk's database
    std::filesystem::path dataDir;     // = "" // with roundId: the kiosk's data folder ("" = its default)
    std::string rule;                  // = "" // greedy, greedy-no-skip, mes; required with a file, with
                                       //   a round it replaces the announced rule
    std::string utility = "cost";      // = "cost" // mes: cost, cardinality
    std::string completion = "none";   // = "none" // mes: none, add1, add1u
    bool compareWithGreedy = false;    // = false // mes: the comparison step
    std::string rankPoints;            // = "" // ordinal ballots: points per place, "3,2,1"
    bool json = false;                 // = false
    bool utilityGiven = false;         // = false // set by parsing: the option was on the command line
    bool completionGiven = false;      // = false
};

// Adds the `tally` subcommand to `app`, filling `options` when it is used.
CLI::App* addTallyCommand(CLI::App& app, TallyCommandOptions& options);

// Exit codes: 0 counted (also "nobody has voted yet" for a round counted with Equal Shares),
// 2 options that do not go together, kExitBadFile for a file or round that cannot be read or
// counted, kExitNoSuchRound, and those of opening the data folder (CommandLine.h).
int runTally(const TallyCommandOptions& options);

}  // namespace buurtstem::cli
