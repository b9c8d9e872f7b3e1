// `buurtstem staff`: the staff view, the same program on an office desktop — a normal window with
// mouse and keyboard over the office's database (the data folder that bundles are imported into).
// `--staff-secret FILE` loads the staff secret key at the start, so the residents' contacts can be
// read; it is held in memory only.
#pragma once

#include <filesystem>
#include <string>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct StaffCommandOptions {
    std::filesystem::path dataDir;       // = "" // the office's data folder ("" = the default one)
    std::filesystem::path secretKey;     // = "" // the staff secret key file; "" = load it later in the view
    std::string size = "1440x900";       // = "1440x900" // the window's size in pixels
    std::string language = "nl";         // = "nl"
    float pxPerMm = 0;                   // = 0 // 0: from the monitor
    bool demo = false;                   // = false // fill an empty data folder with the demo neighbourhood
};

// Adds `staff` to `app`, or takes the `staff` command addStaffKeyCommand added for `staff keygen`
// (call that one first) and lets it run without a subcommand. Returns it; the view runs when it
// is parsed without a subcommand.
CLI::App* addStaffCommand(CLI::App& app, StaffCommandOptions& options);

// Exit codes (CommandLine.h): 0 closed; 2 wrong options; 3 no database in the data folder (without
// --demo); 4 a kiosk runs on this folder; 5 and 8 storage problems; 6 no display; 7 missing fonts;
// 9 the secret key file cannot be read or holds no key (nothing opened).
int runStaff(const StaffCommandOptions& options);

}  // namespace buurtstem::cli
