// The commands behind the command line, each taking its parsed options.
#pragma once

#include "../core/Result.h"
#include "../ui/widgets/IdleTimer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace buurtstem::cli {

struct KioskOptions {
    std::filesystem::path dataDir;  // empty: the default data directory
    bool windowed = false;
    int width = 1280;               // windowed size
    int height = 800;
    bool demo = false;
    bool allowQuit = false;
    bool showCursor = false;
    std::string language = "nl";
    float pxPerMm = 0;              // 0: from the monitor
    ui::IdleSettings idle;
    std::filesystem::path widgetDump;
    int exitAfterFrames = 0;        // > 0: quit after drawing this many frames
    bool presenter = false;         // open the presenter window (projector) at the start
};

struct ScreenshotOptions {
    std::string screen;
    std::string language = "nl";
    int width = 1920;
    int height = 1080;
    bool largeText = false;
    bool highContrast = false;
    float pxPerMm = 96.0f / 25.4f;
    std::string out;
    bool list = false;
    std::vector<std::string> argv;  // for running again under Xvfb when there is no display
};

int runKiosk(const KioskOptions& options);
int runScreenshot(const ScreenshotOptions& options);

// Prints a plain-language message for an error and returns its exit code.
int reportError(const Error& error, const std::filesystem::path& dataDir);

}  // namespace buurtstem::cli
