// `buurtstem screenshot`: one screen, drawn by the real renderer, written as PNG. Uses an
// in-memory kiosk with the demo neighbourhood, so it never touches a real data directory.
#include "CommandLine.h"
#include "Commands.h"

#include "../../storage/KioskStore.h"
#include "../platform/Runner.h"
#include "../ui/KioskApp.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <vector>

namespace buurtstem::cli {

namespace {

// Overlays that are shown over the home screen; listed with the screens.
constexpr const char* kLanguageOverlay = "language-picker";
constexpr const char* kIdleOverlay = "idle-question";

// Without a display, run the same command again inside a private Xvfb server.
int runUnderXvfb(const ScreenshotOptions& options) {
    if (std::getenv("BUURTSTEM_UNDER_XVFB")) return -1;  // already tried: avoid a loop
    setenv("BUURTSTEM_UNDER_XVFB", "1", 1);
    const std::string screen = "-screen 0 " + std::to_string(options.width) + "x" + std::to_string(options.height) + "x24";
    std::vector<std::string> args = {"xvfb-run", "-a", "-s", screen};
    args.insert(args.end(), options.argv.begin(), options.argv.end());
    std::vector<char*> raw;
    for (std::string& arg : args) raw.push_back(arg.data());
    raw.push_back(nullptr);
    execvp("xvfb-run", raw.data());
    return -1;  // xvfb-run is not installed
}

}  // namespace

int runScreenshot(const ScreenshotOptions& options) {
    if (options.list) {
        for (const ui::ScreenInfo& info : ui::kScreens) std::printf("%s\n", info.name);
        std::printf("%s\n%s\n", kLanguageOverlay, kIdleOverlay);
        return kExitOk;
    }
    const bool languageOverlay = options.screen == kLanguageOverlay;
    const bool idleOverlay = options.screen == kIdleOverlay;
    const std::optional<ui::ScreenId> screen =
        languageOverlay ? std::optional(ui::ScreenId::Home)
        : idleOverlay   ? std::optional(ui::ScreenId::IdeaText)
                        : ui::screenByName(options.screen);
    if (!screen) {
        std::fprintf(stderr, "buurtstem screenshot: unknown screen \"%s\"; `buurtstem screenshot --list` names them all\n",
                     options.screen.c_str());
        return kExitUsage;
    }
    if (options.out.empty()) {
        std::fprintf(stderr, "buurtstem screenshot: say where to write the PNG with --out FILE.png\n");
        return kExitUsage;
    }
    if (!platform::displayAvailable()) {
        runUnderXvfb(options);
        std::fprintf(stderr, "buurtstem screenshot: no display, and xvfb-run (Debian package xvfb) could not start one\n");
        return kExitNoDisplay;
    }

    Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::openInMemory();
    if (!store) return reportError(store.error(), {});
    if (Result<int> demo = (*store)->addDemoNeighbourhood(); !demo) return reportError(demo.error(), {});
    if (Result<std::vector<std::string>> round = (*store)->addDemoRound(); !round) return reportError(round.error(), {});

    Result<i18n::Translator> translator = i18n::Translator::loadFolder(assetDir() / "i18n");
    if (!translator) return reportError(translator.error(), {});
    if (!translator->setLanguage(options.language)) {
        std::fprintf(stderr, "buurtstem screenshot: unknown language \"%s\"\n", options.language.c_str());
        return kExitUsage;
    }

    ui::KioskSettings settings;
    settings.startLanguage = options.language;
    settings.mapFolder = assetDir() / "maps";
    settings.moderationFolder = assetDir() / "moderation";
    if (Result<void> fonts = ui::checkFontFiles(settings.fonts); !fonts) return reportError(fonts.error(), {});

    platform::RunnerSettings runnerSettings;
    runnerSettings.fullscreen = false;
    runnerSettings.width = options.width;
    runnerSettings.height = options.height;
    runnerSettings.pxPerMmOverride = options.pxPerMm;
    runnerSettings.title = "Buurtstem screenshot";
    Result<std::unique_ptr<platform::Runner>> runner = platform::Runner::create(runnerSettings);
    if (!runner) return reportError(runner.error(), {});

    ui::KioskApp kiosk(**store, std::move(*translator), settings);
    kiosk.setLargeText(options.largeText);
    kiosk.setHighContrast(options.highContrast);
    kiosk.showForScreenshot(*screen);
    if (languageOverlay) kiosk.openLanguagePicker();
    if (idleOverlay) kiosk.askIfStillThere(0.0);  // shown over a half-typed idea: that is when it matters

    platform::RgbaImage image;
    // A few frames: ImGui settles window sizes and popups over the first two.
    if (!(*runner)->renderFrames(kiosk, 4, &image)) {
        if (kiosk.fontError()) return reportError(*kiosk.fontError(), {});
        return kExitUnexpected;
    }
    if (Result<void> written = platform::writePng(image, options.out); !written) {
        std::fprintf(stderr, "buurtstem screenshot: cannot write %s\n", options.out.c_str());
        return kExitStorage;
    }
    std::printf("%s: %s, %dx%d\n", options.out.c_str(), options.screen.c_str(), image.width, image.height);
    return kExitOk;
}

}  // namespace buurtstem::cli
