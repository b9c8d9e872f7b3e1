// `buurtstem initiative progress`: staff set where an initiative stands (approved, running, done,
// accounted for) with the amounts granted and spent, the command-line form of the staff screen.
// Written to the audit log like a facilitator's step. Reference: docs/export.md.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct InitiativeCommandOptions {
    std::filesystem::path dataDir;  // = "" // the kiosk's data folder ("" = its default)
    std::string ideaId;             // = "" // --id, or
    std::string reference;          // = "" // --reference: the code residents see, "K7P-3QX"
    std::string stage;              // submitted, reviewed, approved, running, done, accounted; required
    std::optional<std::string> granted;  // = nullopt (keep) // euros as typed: "1250", "1.250,50"
    std::optional<std::string> spent;    // = nullopt (keep)
    std::optional<std::string> note;     // = nullopt (keep)
    std::string by = "staff (command line)";  // = "staff (command line)" // who, for the audit log
};

// Adds `initiative` with its `progress` subcommand to `app`; returns `progress`.
CLI::App* addInitiativeCommand(CLI::App& app, InitiativeCommandOptions& options);

// Exit codes (CommandLine.h): 0 recorded; 2 wrong options or progress the rules refuse (nothing
// changed); 3, 4, 5 and 8 as for the data folder; kExitNoSuchInitiative no such initiative.
int runInitiativeProgress(const InitiativeCommandOptions& options);

}  // namespace buurtstem::cli
