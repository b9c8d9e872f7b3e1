// Argument parsing with CLI11 and the dispatch to the kiosk, screenshot, tally, round, audit,
// facilitator, sync, staff, export, initiative and simulate commands.
#include "CommandLine.h"

#include "AuditCommand.h"
#include "Commands.h"
#include "EveningCommand.h"
#include "ExportCommand.h"
#include "FacilitatorCommand.h"
#include "InitiativeCommand.h"
#include "RoundCommand.h"
#include "StaffCommand.h"
#include "SimulateCommand.h"
#include "StaffKeyCommand.h"
#include "SyncCommand.h"
#include "TallyCommand.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace buurtstem::cli {

std::filesystem::path assetDir() {
    if (const char* dir = std::getenv("BUURTSTEM_ASSET_DIR"); dir && *dir) return dir;
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const std::filesystem::path installed = exe.parent_path().parent_path() / "share" / "buurtstem";
        if (std::filesystem::is_directory(installed / "i18n", ec)) return installed;
    }
    return BUURTSTEM_SOURCE_ASSETS;
}

namespace {

bool parseSize(const std::string& text, int& width, int& height) {
    unsigned w = 0, h = 0;
    char x = 0;
    if (std::sscanf(text.c_str(), "%u%c%u", &w, &x, &h) != 3 || (x != 'x' && x != 'X')) return false;
    if (w < 320 || h < 240 || w > 7680 || h > 4320) return false;
    width = static_cast<int>(w);
    height = static_cast<int>(h);
    return true;
}

// run false: everything up to the command itself (parsing, the size checks), for
// checkCommandLine.
int commandLine(int argc, char** argv, bool run) {
    CLI::App app{"Buurtstem: residents share ideas and decide together about their neighbourhood.\n"
                 "Without a command it starts the kiosk."};
    app.set_version_flag("--version", std::string("buurtstem ") + BUURTSTEM_VERSION);
    app.require_subcommand(0, 1);

    KioskOptions kiosk;
    std::string kioskSize;
    app.add_option("--data-dir", kiosk.dataDir, "Folder of the kiosk's database (default: $XDG_DATA_HOME/buurtstem)");
    app.add_flag("--windowed", kiosk.windowed, "Run in a window instead of full screen (development)");
    app.add_option("--size", kioskSize, "Window size in windowed mode, e.g. 1280x800");
    app.add_flag("--demo", kiosk.demo, "Fill an empty data directory with the demo neighbourhood");
    app.add_flag("--allow-quit", kiosk.allowQuit,
                 "Let Ctrl+Alt+Q end the kiosk in full screen too (in a window it always does)");
    app.add_option("--language", kiosk.language, "Language residents see first (nl, en)");
    app.add_option("--px-per-mm", kiosk.pxPerMm, "Pixels per millimetre, when the monitor reports its size wrongly")
        ->check(CLI::Range(1.0f, 20.0f));
    app.add_option("--idle-ask", kiosk.idle.askAfterSeconds, "Seconds without a touch before asking \"Are you still there?\"")
        ->check(CLI::Range(5.0, 3600.0));
    app.add_option("--idle-reset", kiosk.idle.resetAfterSeconds, "Seconds to answer before everything is wiped")
        ->check(CLI::Range(5.0, 600.0));
    app.add_flag("--presenter", kiosk.presenter,
                 "Open the presenter window for a projector: full screen on a second monitor, else in a window");
    app.add_flag("--show-cursor", kiosk.showCursor, "Show the mouse pointer (it is hidden on touch kiosks)");
    app.add_option("--widget-dump", kiosk.widgetDump, "Write the touch targets of every frame to this file (scripted tests)")
        ->group("");
    app.add_option("--exit-after-first-frame", kiosk.exitAfterFrames, "Quit after this many frames (benchmarks)")
        ->group("");

    ScreenshotOptions shot;
    std::string shotSize = "1920x1080";
    CLI::App* screenshot = app.add_subcommand("screenshot", "Render one screen with the real renderer and write a PNG");
    screenshot->add_option("--screen", shot.screen, "Screen name (see --list)");
    screenshot->add_option("--lang", shot.language, "Language code (nl, en)");
    screenshot->add_option("--size", shotSize, "Size in pixels, e.g. 1920x1080");
    screenshot->add_flag("--large-text", shot.largeText, "Large-text mode");
    screenshot->add_flag("--high-contrast", shot.highContrast, "High-contrast mode");
    screenshot->add_option("--px-per-mm", shot.pxPerMm, "Pixels per millimetre (default 96 dpi)")->check(CLI::Range(1.0f, 20.0f));
    screenshot->add_option("--out", shot.out, "PNG file to write");
    screenshot->add_flag("--list", shot.list, "List the screen names and exit");

    TallyCommandOptions tallyOptions;
    CLI::App* tally = addTallyCommand(app, tallyOptions);
    RoundCommandOptions roundOptions;
    CLI::App* round = addRoundCommand(app, roundOptions);
    AuditCommandOptions auditOptions;
    CLI::App* audit = addAuditCommand(app, auditOptions);
    EveningCommandOptions eveningOptions;
    CLI::App* eveningReport = addEveningCommand(app, eveningOptions);
    FacilitatorCommandOptions facilitatorOptions;
    FacilitatorCommands facilitatorCommands;
    addFacilitatorCommand(app, facilitatorOptions, facilitatorCommands);
    SimulateCommandOptions simulateOptions;
    CLI::App* simulate = addSimulateCommand(app, simulateOptions);
    SyncCommandOptions syncOptions;
    SyncCommands syncCommands;
    addSyncCommand(app, syncOptions, syncCommands);
    StaffKeyCommandOptions staffKeyOptions;
    CLI::App* staffKeygen = addStaffKeyCommand(app, staffKeyOptions);
    ExportCommandOptions exportOptions;
    CLI::App* exportCommand = addExportCommand(app, exportOptions);
    InitiativeCommandOptions initiativeOptions;
    CLI::App* initiativeProgress = addInitiativeCommand(app, initiativeOptions);
    StaffCommandOptions staffOptions;
    CLI::App* staff = addStaffCommand(app, staffOptions);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kExitUsage;
    }

    // The kiosk's own options ahead of a command would be ignored by it: `buurtstem --data-dir X
    // sync import ...` would quietly work on the default data folder.
    if (!app.get_subcommands().empty()) {
        std::string command;
        const CLI::App* deepest = &app;
        while (!deepest->get_subcommands().empty()) {
            deepest = deepest->get_subcommands().front();
            command += " " + deepest->get_name();
        }
        for (const CLI::Option* option : app.get_options()) {
            const std::string name = option->get_name();
            if (option->count() == 0 || name == "--help" || name == "--version") continue;
            if (deepest->get_option_no_throw(name) != nullptr) {
                std::fprintf(stderr, "buurtstem: %s goes after the command: buurtstem%s %s ...\n", name.c_str(), command.c_str(),
                             name.c_str());
            } else {
                std::fprintf(stderr, "buurtstem: %s is an option of the kiosk, not of buurtstem%s\n", name.c_str(), command.c_str());
            }
            return kExitUsage;
        }
    }

    const auto runs = [run](const auto& command) { return run ? command() : static_cast<int>(kExitOk); };
    if (tally->parsed()) return runs([&] { return runTally(tallyOptions); });
    if (round->parsed()) return runs([&] { return runRound(roundOptions); });
    if (audit->parsed()) return runs([&] { return runAudit(auditOptions); });
    if (eveningReport->parsed()) return runs([&] { return runEveningReport(eveningOptions); });
    if (exportCommand->parsed()) return runs([&] { return runExport(exportOptions); });
    if (initiativeProgress->parsed()) return runs([&] { return runInitiativeProgress(initiativeOptions); });
    if (facilitatorCommands.add->parsed()) return runs([&] { return runFacilitatorAdd(facilitatorOptions); });
    if (facilitatorCommands.list->parsed()) return runs([&] { return runFacilitatorList(facilitatorOptions); });
    if (simulate->parsed()) return runs([&] { return runSimulate(simulateOptions); });
    if (syncCommands.exportBundle->parsed()) return runs([&] { return runSyncExport(syncOptions); });
    if (syncCommands.importBundles->parsed()) return runs([&] { return runSyncImport(syncOptions); });
    if (syncCommands.setStaffKey->parsed()) return runs([&] { return runSyncSetStaffKey(syncOptions); });
    if (syncCommands.resolve->parsed()) return runs([&] { return runSyncResolve(syncOptions); });
    if (syncCommands.status->parsed()) return runs([&] { return runSyncStatus(syncOptions); });
    if (syncCommands.untrust->parsed()) return runs([&] { return runSyncUntrust(syncOptions); });
    if (staffKeygen->parsed()) return runs([&] { return runStaffKeygen(staffKeyOptions); });
    if (staff->parsed() && staff->get_subcommands().empty()) return runs([&] { return runStaff(staffOptions); });
    if (screenshot->parsed()) {
        if (!parseSize(shotSize, shot.width, shot.height)) {
            std::fprintf(stderr, "buurtstem: --size wants WIDTHxHEIGHT in pixels, e.g. 1920x1080 (got \"%s\")\n", shotSize.c_str());
            return kExitUsage;
        }
        shot.argv.assign(argv, argv + argc);
        return runs([&] { return runScreenshot(shot); });
    }
    if (!kioskSize.empty() && !parseSize(kioskSize, kiosk.width, kiosk.height)) {
        std::fprintf(stderr, "buurtstem: --size wants WIDTHxHEIGHT in pixels, e.g. 1280x800 (got \"%s\")\n", kioskSize.c_str());
        return kExitUsage;
    }
    return runs([&] { return runKiosk(kiosk); });
}

}  // namespace

int runCommandLine(int argc, char** argv) { return commandLine(argc, argv, true); }

int checkCommandLine(int argc, char** argv) { return commandLine(argc, argv, false); }

}  // namespace buurtstem::cli
