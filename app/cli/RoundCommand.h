// `buurtstem round ...`: the facilitator's budget rounds from the command line, on the kiosk's
// own database: list them, create one, issue and print its voting codes, void a lost card's code,
// end voting, export a round with its ballots as Pabulib, and share a round with a second kiosk
// (kiosk-key, share, receive). Reference: docs/rounds.md, docs/sync.md.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace buurtstem::cli {

enum class RoundAction { List, Create, Codes, Void, Proposals, Open, Close, Publish, Export, KioskKey, Share, Receive };

struct RoundCommandOptions {
    RoundAction action = RoundAction::List;  // = List // set by parsing: the subcommand used
    std::filesystem::path dataDir;           // = "" // the kiosk's data folder ("" = its default)
    std::string roundId;                     // = "" // codes, void, close, export

    // create (amounts and dates as typed: runRound parses them, naming the option in its message)
    std::string name;                        // = ""
    std::string budget;                      // = "" // euros: "250", "1250.50", "1.250,50"
    std::string ballot;                      // = "" // approval, budget, points, ranking
    int maxChoices = -1;                     // = -1 (not given: no limit) // approval, ranking
    int points = 0;                          // = 0 (not given: 10) // points: N to divide
    int maxPoints = 0;                       // = 0 (not given: 3) // points: at most M on one project
    std::string opens;                       // = "" // "2025-06-02" (local midnight) or "2025-06-02T09:00"
    std::string closes;                      // = "" // the same; voting ends at this moment
    std::string rule;                        // = "" (mes; greedy for rankings) // greedy, greedy-no-skip, mes
    std::string utility;                     // = "" (cost) // mes: cost, cardinality
    std::string completion;                  // = "" (add1) // mes: none, add1, add1u
    bool compareGreedy = false;              // = false // mes: the comparison step
    bool evening = false;                    // = false // voted at an evening, without codes
    std::string sameCode;                    // = "" (earliest) // a code used at two kiosks: earliest, void, review
    std::vector<std::string> projects;       // = {} // "Title;cost[;theme]"
    bool approvedInitiatives = false;        // = false // add every approved initiative with a budget

    // codes
    int count = 0;                           // = 0 // how many codes to issue (1..10,000)
    std::filesystem::path pdf;               // = "" // cut-out cards
    std::filesystem::path csv;               // = "" // the list, for a mail merge
    int cardsPerPage = 8;                    // = 8 // 8 or 10

    // void
    std::string code;                        // = "" // as typed, any case, dashes optional
    // proposals
    bool proposalsOpen = false;              // = false // --open (true) or --close

    // export, share, kiosk-key
    std::filesystem::path out;               // = "" // the .pb file; the shared round's file; the kiosk's key file

    // share, receive
    std::filesystem::path to;                // = "" // share: the receiving kiosk's key file (from its `round kiosk-key`)
    std::filesystem::path file;              // = "" // receive: the file `round share` wrote
    std::string by = "facilitator (command line)";  // = "facilitator (command line)" // who, for the audit log
};

// Adds the `round` command group to `app`, filling `options` when it is used.
CLI::App* addRoundCommand(CLI::App& app, RoundCommandOptions& options);

// Exit codes (CommandLine.h): 0 done, 2 a mistake in the options or something the round refuses
// (nothing is changed), 3 to 5 and 8 as for the kiosk's data folder (4: the kiosk is running on
// it), kExitNoSuchRound, kExitBadFile (receive: the file is refused; nothing is stored).
int runRound(const RoundCommandOptions& options);

}  // namespace buurtstem::cli
