// frame_bench: how long the kiosk takes to draw one frame at 1920x1080 on its busiest screens,
// with the real renderer and vsync off. bench/run.sh runs it under Xvfb and reads its output.
//
// Output, one figure per line, so a script can pick lines with awk:
//   renderer <GL_RENDERER>        gl_version <GL_VERSION>        framebuffer <width>x<height>
//   frame <screen> median_ms=… p99_ms=… max_ms=… cpu_median_ms=… cpu_p99_ms=… vertices=… draw_calls=…
//   font_atlas <width>x<height>   peak_memory_kb <VmHWM>
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
#include <limits>
#include <optional>
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
// The attract screen, shown whenever nobody is at the kiosk, comes first for comparison.
constexpr ui::ScreenId kScreens[] = {ui::ScreenId::Attract, ui::ScreenId::IdeaList, ui::ScreenId::IdeaText,
                                     ui::ScreenId::IdeaTheme};

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

// Runs another client through the runner's own loop (the kiosk's, not a benchmark's copy of it)
// for a set number of frames, and times each whole frame: events, ImGui, OpenGL drawing and the
// swap, finished with glFinish so that a renderer still working after the swap is not left out.
// Going through Runner::run also lets Ctrl+C stop the benchmark.
class TimedFrames : public platform::FrameClient {
public:
    TimedFrames(platform::FrameClient& inner, int warmUp, int timed) : inner_(inner), warmUp_(warmUp), total_(warmUp + timed) {}

    bool buildFonts(float pxPerMm) override { return inner_.buildFonts(pxPerMm); }
    bool fontsChanged() const override { return inner_.fontsChanged(); }
    void frame(double now) override { inner_.frame(now); }
    double secondsUntilNextTimer(double now) const override { return inner_.secondsUntilNextTimer(now); }
    bool animating() const override { return true; }  // draw back to back, never wait for input
    bool wantsQuit() const override { return drawn_ >= total_; }
    void afterPresent(std::uint64_t frameNumber) override {
        inner_.afterPresent(frameNumber);
        glFinish();
        if (++drawn_ > warmUp_) ms_.push_back(msSince(frameStart_));
        frameStart_ = Clock::now();
    }

    // Returns the times of the timed frames, or nothing when the loop was stopped early.
    std::optional<std::vector<double>> run(platform::Runner& runner) {
        frameStart_ = Clock::now();
        if (!runner.run(*this) || drawn_ < total_) return std::nullopt;
        return std::move(ms_);
    }

private:
    platform::FrameClient& inner_;
    int warmUp_;
    int total_;
    int drawn_ = 0;
    Clock::time_point frameStart_;
    std::vector<double> ms_;
};

// Draws nothing; the fonts the kiosk built stay in place, so the runner never asks for them.
class EmptyFrame : public platform::FrameClient {
public:
    bool buildFonts(float) override { return true; }
    bool fontsChanged() const override { return false; }
    void frame(double) override {}
    double secondsUntilNextTimer(double) const override { return std::numeric_limits<double>::infinity(); }
    bool animating() const override { return false; }
};

int fail(const char* what, const Error& error) {
    std::fprintf(stderr, "frame_bench: %s: %s (%s)\n", what, error.detail.c_str(), errorCodeName(error.code));
    return 1;
}

int stopped() {
    std::fprintf(stderr, "frame_bench: stopped before the end\n");
    return 130;
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
    std::fflush(stdout);

    ui::KioskApp app(**store, std::move(*translator), settings);
    for (const ui::ScreenId screen : kScreens) {
        app.showForScreenshot(screen);
        TimedFrames timed(app, kWarmUpFrames, kTimedFrames);
        std::optional<std::vector<double>> frames = timed.run(runner);
        if (app.fontError()) return fail("cannot build the fonts", *app.fontError());
        if (!frames) return stopped();
        const Spread whole = spreadOf(std::move(*frames));
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
        const Spread imgui = spreadOf(std::move(cpu));
        std::printf("frame %s median_ms=%.2f p99_ms=%.2f max_ms=%.2f cpu_median_ms=%.3f cpu_p99_ms=%.3f vertices=%d draw_calls=%d\n",
                    ui::screenInfo(screen).name, whole.median, whole.p99, whole.max, imgui.median, imgui.p99, vertices,
                    drawCalls);
        std::fflush(stdout);
    }

    // The floor under every screen: clearing and presenting 1920x1080 with no UI at all.
    EmptyFrame empty;
    TimedFrames timedEmpty(empty, kWarmUpFrames, kTimedFrames);
    std::optional<std::vector<double>> emptyFrames = timedEmpty.run(runner);
    if (!emptyFrames) return stopped();
    const Spread floor = spreadOf(std::move(*emptyFrames));
    std::printf("frame empty median_ms=%.2f p99_ms=%.2f max_ms=%.2f cpu_median_ms=0 cpu_p99_ms=0 vertices=0 draw_calls=0\n",
                floor.median, floor.p99, floor.max);

    // The font atlas stays in memory twice (alpha and RGBA) besides its texture: a large part
    // of what the kiosk allocates itself.
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    std::printf("font_atlas %dx%d\n", atlas.TexWidth, atlas.TexHeight);
    std::printf("peak_memory_kb %ld\n", peakMemoryKb());
    return 0;
}
