// `buurtstem evening report`: the report of a residents' evening as a PDF, and the invitation to
// the next evening as an .ics file, from the kiosk's database. Read-only: works while the kiosk runs.
#pragma once

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct EveningCommandOptions {
    std::filesystem::path dataDir;  // = "" // the kiosk's data folder ("" = its default)
    std::string eveningId;          // = "" // "" = the current evening (today's, else the next, else the last)
    std::filesystem::path pdf;      // the report to write; required
    std::filesystem::path ics;      // = "" // the next evening's invitation; not written when empty
    std::string language = "nl";    // = "nl" // the report's language
};

// Adds `evening` with its `report` subcommand to `app`; returns the `report` subcommand.
CLI::App* addEveningCommand(CLI::App& app, EveningCommandOptions& options);

// Exit codes (CommandLine.h): 0 written; 2 wrong options or an unknown language; 3 no database in
// the data folder; kExitNoSuchEvening no evening with that id (or none at all); 5 as for any
// storage problem; 8 a file cannot be written (nothing half-written is left).
int runEveningReport(const EveningCommandOptions& options);

}  // namespace buurtstem::cli
