// frame_bench: how long the kiosk takes to draw one frame at 1920x1080 on its busiest screens,
// with the real renderer and vsync off. bench/run.sh runs it under Xvfb and reads its output.
//
// Output, one figure per line, so a script can pick lines with awk:
//   renderer <GL_RENDERER>        gl_version <GL_VERSION>
//   frame <screen> median_ms=… p99_ms=… max_ms=… cpu_median_ms=… cpu_p99_ms=… vertices=… draw_calls=…
//   peak_memory_kb <VmHWM>
#include "app/platform/Runner.h"
#include "app/ui/KioskApp.h"
#include "storage/KioskStore.h"

#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

namespace {

using namespace buurtstem;
using Clock = std::chrono::steady_clock;

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;
constexpr float kPxPerMm = 96.0f / 25.4f;  // what the runner assumes for a monitor that reports no size
// The first frames of a screen settle ImGui's layout and let llvmpipe compile its shaders;
// they are not what a resident sees while touching the screen.
constexpr int kWarmUpFrames = 30;
constexpr int kTimedFrames = 600;  // p99 is then the 6th slowest frame, not a single outlier

// The screens with the most on them: the idea list (cards with wrapped text), the idea form
// (two text fields and the on-screen keyboard, about 40 buttons) and the theme picker (tiles).
constexpr ui::ScreenId kBusyScreens[] = {ui::ScreenId::IdeaList, ui::ScreenId::IdeaText, ui::ScreenId::IdeaTheme};

struct Spread {
    double median = 0;
    double p99 = 0;
    double max = 0;
};

Spread spreadOf(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    Spread spread;
    spread.median = n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2;
    // Nearest rank: the smallest value that at least 99% of the frames do not exceed.
    spread.p99 = ms[static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(n))) - 1];
    spread.max = ms.back();
    return spread;
}

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

long peakMemoryKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

std::filesystem::path assetDir() {
    if (const char* dir = std::getenv("BUURTSTEM_ASSET_DIR"); dir && *dir) return dir;
    return BUURTSTEM_SOURCE_ASSETS;
}

int fail(const char* what, const Error& error) {
    std::fprintf(stderr, "frame_bench: %s: %s (%s)\n", what, error.detail.c_str(), errorCodeName(error.code));
    return 1;
}

}  // namespace

int main() {
    Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::openInMemory();
    if (!store) return fail("cannot open an in-memory store", store.error());
    if (Result<int> demo = (*store)->addDemoNeighbourhood(); !demo) return fail("cannot add the demo neighbourhood", demo.error());
    Result<i18n::Translator> translator = i18n::Translator::loadFolder(assetDir() / "i18n");
    if (!translator) return fail("cannot load the translations", translator.error());

    ui::KioskSettings settings;
    // The idle question must not appear halfway through a slow run and change what is measured.
    settings.idle.askAfterSeconds = 1e6;
    if (Result<void> fonts = ui::checkFontFiles(settings.fonts); !fonts) return fail("missing font", fonts.error());

    platform::RunnerSettings runnerSettings;
    runnerSettings.fullscreen = false;
    runnerSettings.width = kWidth;
    runnerSettings.height = kHeight;
    runnerSettings.pxPerMmOverride = kPxPerMm;
    runnerSettings.title = "Buurtstem frame benchmark";
    Result<std::unique_ptr<platform::Runner>> created = platform::Runner::create(runnerSettings);
    if (!created) return fail("cannot open a window", created.error());
    platform::Runner& runner = **created;
    runner.setVsync(false);

    std::printf("renderer %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
    std::printf("gl_version %s\n", reinterpret_cast<const char*>(glGetString(GL_VERSION)));
    std::printf("framebuffer %dx%d\n", runner.framebufferWidth(), runner.framebufferHeight());

    ui::KioskApp app(**store, std::move(*translator), settings);
    for (const ui::ScreenId screen : kBusyScreens) {
        app.showForScreenshot(screen);
        if (!runner.renderFrames(app, kWarmUpFrames)) return fail("cannot build the fonts", app.fontError().value_or(Error{}));
        glFinish();

        // Whole frames: input, ImGui, OpenGL drawing and the swap, finished (glFinish) so that a
        // renderer working behind the CPU's back is not left out.
        std::vector<double> whole;
        whole.reserve(kTimedFrames);
        for (int i = 0; i < kTimedFrames; ++i) {
            const Clock::time_point start = Clock::now();
            runner.renderFrames(app, 1);
            glFinish();
            whole.push_back(msSince(start));
        }
        const ImDrawData* drawn = ImGui::GetDrawData();
        int drawCalls = 0;
        for (int i = 0; drawn && i < drawn->CmdListsCount; ++i) drawCalls += drawn->CmdLists[i]->CmdBuffer.Size;
        const int vertices = drawn ? drawn->TotalVtxCount : 0;

        // The CPU side alone: ImGui building the frame's draw lists, with nothing drawn. The
        // window size and the font atlas stay as the runner left them.
        std::vector<double> cpu;
        cpu.reserve(kTimedFrames);
        for (int i = 0; i < kTimedFrames; ++i) {
            const Clock::time_point start = Clock::now();
            ImGui::NewFrame();
            app.frame(glfwGetTime());
            ImGui::Render();
            cpu.push_back(msSince(start));
        }

        const Spread w = spreadOf(std::move(whole));
        const Spread c = spreadOf(std::move(cpu));
        std::printf("frame %s median_ms=%.2f p99_ms=%.2f max_ms=%.2f cpu_median_ms=%.3f cpu_p99_ms=%.3f vertices=%d draw_calls=%d\n",
                    ui::screenInfo(screen).name, w.median, w.p99, w.max, c.median, c.p99, vertices, drawCalls);
        std::fflush(stdout);
    }
    std::printf("peak_memory_kb %ld\n", peakMemoryKb());
    return 0;
}
