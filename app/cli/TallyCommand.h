// `buurtstem tally FILE.pb`: counts a Pabulib election with a chosen rule and prints the winners
// with, for every project, why it was or was not funded — as a table or as one JSON object.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct TallyCommandOptions {
    std::string file;                  // the .pb file
    std::string rule;                  // greedy, greedy-no-skip, mes
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

// Exit codes: 0 counted, 2 options that do not go together, kExitBadFile for a file that cannot
// be read or counted (CommandLine.h).
int runTally(const TallyCommandOptions& options);

}  // namespace buurtstem::cli
