// `buurtstem audit`: the kiosk's audit log from the command line, read-only. Without --check it
// prints the newest entries as a table (who, what, when, before → after); with --check it
// recomputes the whole hash chain and says whether it is whole or where it first breaks.
#pragma once

#include <filesystem>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct AuditCommandOptions {
    std::filesystem::path dataDir;  // = "" // the kiosk's data folder ("" = its default)
    int last = 50;                  // = 50 // how many of the newest entries to print
    bool check = false;             // = false // check the chain instead of printing entries
};

// Adds the `audit` subcommand to `app`, filling `options` when it is used.
CLI::App* addAuditCommand(CLI::App& app, AuditCommandOptions& options);

// Exit codes (CommandLine.h): 0 printed, or (--check) the chain is whole; kExitAuditBroken the
// chain is broken, with the first break on standard error; 2 wrong options; 3 no database in the
// data folder; 5 and 8 as for any storage problem. Takes no lock: works while the kiosk runs.
int runAudit(const AuditCommandOptions& options);

}  // namespace buurtstem::cli
