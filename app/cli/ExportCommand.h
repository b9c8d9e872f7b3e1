// `buurtstem export`: lists for the staff office from the kiosk's (or the office's merged)
// database: ideas, initiatives, meeting needs, the pulse, rounds and evenings, as CSV, XLSX or
// JSON; a round as Pabulib (.pb) and the evenings as iCalendar (.ics). Read-only: works while the
// kiosk runs. Reference: docs/export.md.
#pragma once

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct ExportCommandOptions {
    std::filesystem::path dataDir;      // = "" // the kiosk's data folder ("" = its default)
    std::string what;                   // ideas, initiatives, needs, pulse, rounds, evenings; required
    std::string format;                 // csv, xlsx, json, pb (rounds), ics (evenings); required
    std::filesystem::path out;          // the file to write; required
    std::string separator = ";";        // = ";" // csv: ";" (Dutch Excel) or ","
    std::filesystem::path staffSecret;  // = "" // the staff's secret key file: adds the contact columns
    std::string neighbourhood;          // = "" // only rows of kiosks whose latest name is this one
    std::string roundId;                // = "" // rounds: only this round (pb: required)
};

// Adds `export` to `app`.
CLI::App* addExportCommand(CLI::App& app, ExportCommandOptions& options);

// Exit codes (CommandLine.h): 0 written; 2 wrong options, a format that does not fit the list, a
// key file that is not a staff secret key; 3 no database in the data folder; 5 as for any storage
// problem; 8 the file cannot be written (nothing half-written is left); kExitNoSuchRound (pb).
int runExport(const ExportCommandOptions& options);

}  // namespace buurtstem::cli
