// `buurtstem`: start the kiosk on a data directory, with plain messages for everything that can
// stop it before the first frame.
#include "CommandLine.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../../storage/DataDir.h"
#include "../../storage/KioskStore.h"
#include "../platform/Runner.h"
#include "../ui/EveningReport.h"
#include "../ui/KioskApp.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

namespace buurtstem::cli {

int reportError(const Error& error, const std::filesystem::path& dataDir) {
    const std::string dir = dataDir.string();
    const std::string database = (dataDir / storage::kDatabaseFileName).string();
    switch (error.code) {
        case ErrorCode::DataDirUnusable:
            std::fprintf(stderr,
                         "Buurtstem cannot use the data folder %s: %s.\n"
                         "Choose a folder you can write to with --data-dir.\n",
                         dir.c_str(), error.detail.c_str());
            return kExitDataDir;
        case ErrorCode::AlreadyRunning:
            std::fprintf(stderr,
                         "Buurtstem is already running with the data folder %s.\n"
                         "Close the other Buurtstem first, or give this one its own folder with --data-dir.\n",
                         dir.c_str());
            return kExitAlreadyRunning;
        case ErrorCode::NotADatabase:
            std::fprintf(stderr,
                         "%s is not a Buurtstem database, or it is damaged (%s).\n"
                         "It has not been changed. Move it somewhere safe and ask for help, or use another --data-dir.\n",
                         database.c_str(), error.detail.c_str());
            return kExitDatabase;
        case ErrorCode::NewerSchema:
            std::fprintf(stderr,
                         "%s was made by a newer version of Buurtstem (%s).\n"
                         "This version has not changed it. Install the newer Buurtstem to use it.\n",
                         database.c_str(), error.detail.c_str());
            return kExitDatabase;
        case ErrorCode::NoDisplay:
            std::fprintf(stderr,
                         "Buurtstem found no screen to show the kiosk on (%s).\n"
                         "Start it in a graphical session, or under xvfb-run for tests.\n",
                         error.detail.c_str());
            return kExitNoDisplay;
        case ErrorCode::MissingAsset:
            std::fprintf(stderr, "Buurtstem is missing a file it needs: %s.\n", error.detail.c_str());
            return kExitMissingAsset;
        case ErrorCode::StorageFull:
            std::fprintf(stderr, "The disk with %s is full: Buurtstem cannot save (%s).\n", dir.c_str(), error.detail.c_str());
            return kExitStorage;
        case ErrorCode::StorageReadOnly:
            std::fprintf(stderr, "The data folder %s cannot be written to (%s).\n", dir.c_str(), error.detail.c_str());
            return kExitStorage;
        default: break;
    }
    std::fprintf(stderr, "Buurtstem stopped: %s (%s).\n", error.detail.c_str(), errorCodeName(error.code));
    return kExitStorage;
}

namespace {

// Set during static initialisation, before main: the start-up figure without the dynamic linker.
const std::chrono::steady_clock::time_point g_programStart = std::chrono::steady_clock::now();

// Milliseconds since the kernel started this process (exec, dynamic linking included): the start
// time in /proc/self/stat (field 22, clock ticks since boot) against CLOCK_BOOTTIME. The kernel
// counts in whole ticks (1/100 s), so this can read up to one tick high.
std::optional<double> msSinceProcessStart() {
    std::ifstream file("/proc/self/stat");
    std::string stat;
    if (!std::getline(file, stat)) return std::nullopt;
    // Field 2, the command name, may itself hold spaces and ')': count from the last ')'.
    const std::size_t nameEnd = stat.rfind(')');
    if (nameEnd == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(nameEnd + 1));
    unsigned long long startTicks = 0;
    std::string skipped;
    for (int number = 3; number < 22 && fields >> skipped; ++number) {}
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!(fields >> startTicks) || ticksPerSecond <= 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0) return std::nullopt;
    const double startSeconds = static_cast<double>(startTicks) / static_cast<double>(ticksPerSecond);
    return (static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9 - startSeconds) * 1000.0;
}

// Stops the loop after a set number of frames, for start-up benchmarks (bench/run.sh), and then
// says on stderr how long the first frame took to reach the screen.
class FrameCountingKiosk : public ui::KioskApp {
public:
    using KioskApp::KioskApp;
    int quitAfter = 0;
    std::uint64_t frames = 0;
    void afterPresent(std::uint64_t frameNumber) override {
        KioskApp::afterPresent(frameNumber);
        frames = frameNumber;
        if (frameNumber == 1 && quitAfter > 0) reportFirstFrame();
    }
    bool wantsQuit() const override {
        return KioskApp::wantsQuit() || (quitAfter > 0 && frames >= static_cast<std::uint64_t>(quitAfter));
    }
    bool animating() const override { return quitAfter > 0 || KioskApp::animating(); }

private:
    static void reportFirstFrame() {
        const double sinceInit =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_programStart).count();
        if (const std::optional<double> sinceStart = msSinceProcessStart())
            std::fprintf(stderr, "first frame: %.0f ms after process start, %.1f ms after program initialisation\n",
                         *sinceStart, sinceInit);
        else
            std::fprintf(stderr, "first frame: %.1f ms after program initialisation\n", sinceInit);
    }
};

}  // namespace

int runKiosk(const KioskOptions& options) {
    // A stop request (systemd, Ctrl+C) that comes while starting waits for the loop, which
    // ends cleanly, instead of killing the process half-way through opening the database.
    platform::deferStopSignals();
    const std::filesystem::path dataDir = dataDirOrDefault(options.dataDir);

    // Everything that needs no data folder is checked first, so a mistake creates nothing.
    Result<i18n::Translator> translator = i18n::Translator::loadFolder(assetDir() / "i18n");
    if (!translator) return reportError(translator.error(), dataDir);
    if (!translator->setLanguage(options.language)) {
        std::fprintf(stderr, "buurtstem: unknown language \"%s\"\n", options.language.c_str());
        return kExitUsage;
    }
    ui::KioskSettings settings;
    settings.idle = options.idle;
    settings.startLanguage = options.language;
    settings.widgetDump = options.widgetDump;
    settings.mapFolder = assetDir() / "maps";
    settings.reportFolder = dataDir / ui::kReportsFolderName;  // "Verslag maken" writes here
    settings.moderationFolder = assetDir() / "moderation";
    settings.dataDir = dataDir;  // the set-up looks there (and on USB sticks) for the staff key file
    if (Result<void> fonts = ui::checkFontFiles(settings.fonts); !fonts) return reportError(fonts.error(), dataDir);
    if (!platform::displayAvailable())
        return reportError(makeError(ErrorCode::NoDisplay, "neither DISPLAY nor WAYLAND_DISPLAY is set"), dataDir);

    Result<storage::DataDirLock> lock = storage::DataDirLock::acquire(dataDir);
    if (!lock) return reportError(lock.error(), dataDir);

    Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::open(dataDir / storage::kDatabaseFileName);
    if (!store) return reportError(store.error(), dataDir);

    if (options.demo) {
        Result<int> added = (*store)->addDemoNeighbourhood();
        if (!added) return reportError(added.error(), dataDir);
        if (*added > 0)
            std::fprintf(stderr, "Demo neighbourhood added: %d ideas and initiatives, all marked as demo.\n", *added);
        else
            std::fprintf(stderr, "This kiosk already holds ideas; the demo neighbourhood was not added.\n");
        Result<std::vector<std::string>> codes = (*store)->addDemoRound();
        if (!codes) return reportError(codes.error(), dataDir);
        if (!codes->empty())
            std::fprintf(stderr, "Demo budget round added: voting codes to try are in %s.\n",
                         (dataDir / storage::kDemoVotingCodesFileName).c_str());
        if (Result<std::string> evening = (*store)->addDemoEvening(); !evening) return reportError(evening.error(), dataDir);
        Result<std::string> pin = (*store)->addDemoFacilitator();
        if (!pin) return reportError(pin.error(), dataDir);
        if (!pin->empty())
            std::fprintf(stderr, "Demo facilitator added: a long press in the top left corner asks for the PIN in %s.\n",
                         (dataDir / storage::kDemoFacilitatorPinFileName).c_str());
    }

    platform::RunnerSettings runnerSettings;
    runnerSettings.fullscreen = !options.windowed;
    runnerSettings.width = options.width;
    runnerSettings.height = options.height;
    runnerSettings.allowQuit = options.windowed || options.allowQuit;
    runnerSettings.showCursor = options.showCursor || options.windowed;
    runnerSettings.pxPerMmOverride = options.pxPerMm;
    runnerSettings.presenter = options.presenter;
    Result<std::unique_ptr<platform::Runner>> runner = platform::Runner::create(runnerSettings);
    if (!runner) return reportError(runner.error(), dataDir);

    FrameCountingKiosk kiosk(**store, std::move(*translator), settings);
    kiosk.quitAfter = options.exitAfterFrames;
    if (!(*runner)->run(kiosk)) {
        if (kiosk.fontError()) return reportError(*kiosk.fontError(), dataDir);
        return kExitUnexpected;
    }
    return kExitOk;
}

}  // namespace buurtstem::cli
