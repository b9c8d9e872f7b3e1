// `buurtstem facilitator`: for staff who prepare kiosks. `add --label NAME` reads the new PIN
// twice from standard input (without echo on a terminal) and adds the facilitator, so the kiosk
// starts without its set-up wizard; `list` prints the facilitators' names. PINs are never printed.
#pragma once

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct FacilitatorCommandOptions {
    std::filesystem::path dataDir;  // = "" // the kiosk's data folder ("" = its default)
    std::string label;              // `add`: the facilitator's name, as the audit log will show it
};

struct FacilitatorCommands {
    CLI::App* add = nullptr;
    CLI::App* list = nullptr;
};

// Adds the `facilitator` subcommand with `add` and `list` to `app`, filling `options` when used.
CLI::App* addFacilitatorCommand(CLI::App& app, FacilitatorCommandOptions& options, FacilitatorCommands& commands);

// Exit codes (CommandLine.h): 0 added or listed; 2 wrong options, the two PINs differ, or the
// label or PIN is refused (nothing changed); 3 (`list`) no database in the data folder; 4 the
// kiosk runs on this folder (`add`); 5 and 8 as for any storage problem.
int runFacilitatorAdd(const FacilitatorCommandOptions& options);
int runFacilitatorList(const FacilitatorCommandOptions& options);

}  // namespace buurtstem::cli
