// `buurtstem staff` (see StaffCommand.h).
#include "StaffCommand.h"

#include "CommandLine.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../../storage/StaffContacts.h"
#include "../platform/Runner.h"
#include "../ui/staff/StaffApp.h"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace buurtstem::cli {

CLI::App* addStaffCommand(CLI::App& app, StaffCommandOptions& options) {
    CLI::App* staff = nullptr;
    try {
        // `staff keygen` (StaffKeyCommand.cpp) made it first: the view is `staff` on its own.
        staff = app.get_subcommand("staff");
        staff->require_subcommand(0, 1);
    } catch (const CLI::OptionNotFound&) {
        staff = app.add_subcommand("staff", "Open the staff view: every neighbourhood's ideas, initiatives, needs, pulse and rounds");
    }
    staff->add_option("--data-dir", options.dataDir, "The office's data folder (default: $XDG_DATA_HOME/buurtstem)");
    staff->add_option("--staff-secret", options.secretKey, "The staff secret key file, to read residents' contacts");
    staff->add_option("--size", options.size, "Window size, e.g. 1440x900");
    staff->add_option("--language", options.language, "Language of the view (nl, en, tr, pl, uk, ar)");
    staff->add_option("--px-per-mm", options.pxPerMm, "Pixels per millimetre, when the monitor reports its size wrongly")
        ->check(CLI::Range(1.0f, 20.0f));
    staff->add_flag("--demo", options.demo, "Fill an empty data folder with the demo neighbourhood");
    return staff;
}

int runStaff(const StaffCommandOptions& options) {
    platform::deferStopSignals();
    const std::filesystem::path dataDir = dataDirOrDefault(options.dataDir);
    int width = 0, height = 0;
    {
        unsigned w = 0, h = 0;
        char x = 0;
        if (std::sscanf(options.size.c_str(), "%u%c%u", &w, &x, &h) != 3 || (x != 'x' && x != 'X') || w < 640 || h < 480 ||
            w > 7680 || h > 4320) {
            std::fprintf(stderr, "buurtstem staff: --size wants WIDTHxHEIGHT in pixels, at least 640x480, e.g. 1440x900 (got \"%s\")\n",
                         options.size.c_str());
            return kExitUsage;
        }
        width = static_cast<int>(w);
        height = static_cast<int>(h);
    }

    // Everything that needs no data folder is checked first, so a mistake changes nothing.
    Result<i18n::Translator> translator = i18n::Translator::loadFolder(assetDir() / "i18n");
    if (!translator) return reportError(translator.error(), dataDir);
    if (!translator->setLanguage(options.language)) {
        std::fprintf(stderr, "buurtstem staff: unknown language \"%s\"\n", options.language.c_str());
        return kExitUsage;
    }
    if (!options.secretKey.empty()) {
        Result<storage::StaffSecretKey> key = storage::loadStaffSecretKey(options.secretKey);
        if (!key) {
            std::fprintf(stderr,
                         key.error().code == ErrorCode::NotFound
                             ? "buurtstem staff: cannot read the staff secret key file %s.\n"
                             : "buurtstem staff: %s is not a staff secret key (it should hold 32 bytes, 64 hex digits or base64).\n",
                         options.secretKey.c_str());
            return kExitBadFile;
        }
    }
    ui::StaffSettings settings;
    settings.language = options.language;
    settings.secretKeyFile = options.secretKey;
    settings.bundleFolder = dataDir;
    if (Result<void> fonts = ui::checkFontFiles(settings.fonts); !fonts) return reportError(fonts.error(), dataDir);
    if (!platform::displayAvailable())
        return reportError(makeError(ErrorCode::NoDisplay, "neither DISPLAY nor WAYLAND_DISPLAY is set"), dataDir);

    OpenedStore opened;
    if (const int status = openKioskStore(dataDir, options.demo ? StoreAccess::Create : StoreAccess::Change, opened);
        status != kExitOk)
        return status;
    if (options.demo) {
        Result<int> added = opened.store->addDemoNeighbourhood();
        if (!added) return reportError(added.error(), dataDir);
        if (Result<std::vector<std::string>> round = opened.store->addDemoRound(); !round) return reportError(round.error(), dataDir);
        if (*added > 0)
            std::fprintf(stderr, "Demo neighbourhood added; its staff secret key is %s.\n",
                         (dataDir / storage::kDemoStaffSecretKeyFileName).c_str());
    }

    platform::RunnerSettings runnerSettings;
    runnerSettings.fullscreen = false;
    runnerSettings.width = width;
    runnerSettings.height = height;
    runnerSettings.allowQuit = true;
    runnerSettings.showCursor = true;
    runnerSettings.pxPerMmOverride = options.pxPerMm;
    runnerSettings.title = "Buurtstem";
    Result<std::unique_ptr<platform::Runner>> runner = platform::Runner::create(runnerSettings);
    if (!runner) return reportError(runner.error(), dataDir);

    ui::StaffApp staff(*opened.store, std::move(*translator), settings);
    if (!(*runner)->run(staff)) {
        if (staff.fontError()) return reportError(*staff.fontError(), dataDir);
        return kExitUnexpected;
    }
    return kExitOk;
}

}  // namespace buurtstem::cli
