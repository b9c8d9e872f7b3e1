// The `buurtstem` command line: the kiosk, screenshots, and the staff commands (tally, round, audit).
// main() only calls runCommandLine(), so tests can drive the same code.
#pragma once

#include <filesystem>

namespace buurtstem::cli {

// Exit codes, also listed in README.md.
enum ExitCode : int {
    kExitOk = 0,
    kExitUnexpected = 1,
    kExitUsage = 2,           // wrong arguments, or (`round`) what the round refuses: nothing changed
    kExitDataDir = 3,         // the data directory cannot be created or written; (staff commands) it has no database
    kExitAlreadyRunning = 4,  // another Buurtstem uses this data directory
    kExitDatabase = 5,        // not a database, or from a newer Buurtstem: left untouched
    kExitNoDisplay = 6,       // no display or no OpenGL 3
    kExitMissingAsset = 7,    // a font or translation file is missing
    kExitStorage = 8,         // any other storage failure, or a file a command writes cannot be written
    kExitBadFile = 9,         // `tally`: the election file (or round) cannot be read or counted
    kExitNoSuchRound = 10,    // `tally --round`, `round ...`: the data folder has no round with that id
    kExitAuditBroken = 11,    // `audit --check`: the audit log's hash chain is broken (an entry changed or missing)
    kExitNoSuchEvening = 12,  // `evening report`: the data folder has no evening with that id (or none at all)
    kExitNoSuchInitiative = 13,  // `initiative progress`: the data folder has no initiative with that id or code
    kExitBundleRefused = 14,  // `sync import`, `round receive`: a bundle or shared round is refused (damaged, foreign, unknown, a lost kiosk's): nothing imported
};

int runCommandLine(int argc, char** argv);

// What runCommandLine does up to the command itself: parsing and checking the arguments, with
// --help and mistakes printed as usual. The exit code a wrong command line gets, else kExitOk;
// nothing touches a data folder, a file or the screen.
int checkCommandLine(int argc, char** argv);

// Where translations and images are: $BUURTSTEM_ASSET_DIR, ../share/buurtstem next to the
// executable (installed), or the source tree's assets/ (built in place).
std::filesystem::path assetDir();

}  // namespace buurtstem::cli
