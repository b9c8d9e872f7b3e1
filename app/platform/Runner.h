// Runner: owns the GLFW window, the OpenGL context and the frame loop, and nothing else.
// The kiosk (or a screenshot, or a benchmark) plugs in as a FrameClient. The loop sleeps on
// events when nothing moves, so an idle kiosk costs next to no CPU.
#pragma once

#include "../core/Result.h"

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace buurtstem::platform {

struct RunnerSettings {
    bool fullscreen = true;          // = true  // kiosk: the whole primary monitor, no decorations
    int width = 1280;                // = 1280  // window size when not full screen (pixels)
    int height = 800;                // = 800
    bool visible = true;             // = true  // false: an off-screen window for screenshots
    bool allowQuit = false;          // = false // true: Ctrl+Alt+Q and the close button end the app
    bool showCursor = false;         // = false // touch kiosks show no pointer
    float pxPerMmOverride = 0.0f;    // = 0     // > 0: use this instead of the monitor's DPI
    int framesAfterInput = 4;        // = 4     // frames drawn after any input, so fast taps land
    std::string title = "Buurtstem"; // window title (seen only in windowed mode)
    // The presenter window (a projector at a residents' evening): shown, large, takes no input.
    bool presenter = false;          // = false // open it at the start (the client may open and close it later)
    int presenterMonitor = -1;       // = -1    // full screen on this monitor (glfwGetMonitors order); -1: the first one that is not the kiosk's
    int presenterWidth = 1280;       // = 1280  // its size in a window: when the kiosk is windowed, or there is only one monitor
    int presenterHeight = 720;       // = 720
};

class TextureSource;  // Textures.h

// What the runner asks of whoever draws the frames.
class FrameClient {
public:
    virtual ~FrameClient() = default;
    // Builds the font atlas into ImGui's io.Fonts for the given scale; called before the first
    // frame and whenever fontsChanged() says so. Returns false when a font cannot be loaded.
    virtual bool buildFonts(float pxPerMm) = 0;
    virtual bool fontsChanged() const = 0;
    // Builds one frame of UI between ImGui::NewFrame and ImGui::Render.
    virtual void frame(double nowSeconds) = 0;
    // Seconds until something on screen changes by itself (a countdown); infinity when none.
    virtual double secondsUntilNextTimer(double nowSeconds) const = 0;
    // True while something moves (inertia, a transition): the loop then draws every frame.
    virtual bool animating() const = 0;
    // Colour the frame is cleared to (0xAABBGGRR): the screen's background, so no full-screen
    // window background has to be drawn on top of it (each such layer costs a software
    // renderer several milliseconds at 1920x1080).
    virtual std::uint32_t clearColour() const { return 0xFF000000u; }
    // True when a facilitator action asked to leave the kiosk.
    virtual bool wantsQuit() const { return false; }
    // Called after each frame is shown (for tests and benchmarks).
    virtual void afterPresent(std::uint64_t /*frameNumber*/) {}
    // Hands over the runner's pictures-as-textures before the first frame; the source lives as
    // long as the runner. A client that draws no pictures ignores it.
    virtual void useTextures(TextureSource* /*textures*/) {}

    // [SECTION] The presenter window: optional, a second ImGui context that takes no input
    // True while the client wants the presenter window open; the runner opens and closes it to match.
    virtual bool presenterWanted() const { return false; }
    // The runner says so when the window opened at the start, was closed on its own, or could not open.
    virtual void setPresenterWanted(bool /*on*/) {}
    // Builds the presenter's fonts into the current ImGui context's io.Fonts for a window this
    // many pixels high; called before its first frame and when presenterFontsChanged() says so.
    virtual bool buildPresenterFonts(int /*heightPx*/) { return false; }
    virtual bool presenterFontsChanged(int /*heightPx*/) const { return false; }
    // Builds one frame of the presenter window between ImGui::NewFrame and ImGui::Render.
    virtual void presenterFrame(double /*nowSeconds*/) {}
    virtual std::uint32_t presenterClearColour() const { return 0xFF000000u; }
};

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // rows top to bottom, 4 bytes per pixel
};

class Runner {
public:
    // Opens the window and the GL context and sets up Dear ImGui with its GLFW and OpenGL3
    // backends. Errors: NoDisplay (no X/Wayland display or no OpenGL 3).
    static Result<std::unique_ptr<Runner>> create(const RunnerSettings& settings);
    ~Runner();

    float pxPerMm() const { return pxPerMm_; }
    int framebufferWidth() const;
    int framebufferHeight() const;

    // Runs until the client wants to quit (or a permitted close). Returns false when fonts failed.
    bool run(FrameClient& client);
    // Draws exactly `frames` frames without waiting for events (screenshots, benchmarks), and
    // returns the last one as pixels when `capture` is set. Returns false when fonts failed.
    bool renderFrames(FrameClient& client, int frames, RgbaImage* capture = nullptr);
    // Turns vertical sync off, so benchmarks measure the frame itself.
    void setVsync(bool on);

    // Asks the loop to leave at the next opportunity (signal handler safe flag).
    static void requestStop();

    struct Impl;  // window and loop state, private to Runner.cpp and its GLFW callbacks

private:
    Runner() = default;
    bool ensureFonts(FrameClient& client);
    void drawOneFrame(FrameClient& client, RgbaImage* capture);
    // Opens or closes the presenter window to match the client, and draws it when open.
    void syncPresenter(FrameClient& client);
    bool openPresenter();
    void closePresenter();
    void drawPresenterFrame(FrameClient& client);

    std::unique_ptr<Impl> impl_;
    float pxPerMm_ = 3.78f;
};

// Blocks SIGTERM and SIGINT in this thread (and threads it starts later) until a Runner's
// watcher takes them: call it first thing, so a stop during start-up ends the loop cleanly.
void deferStopSignals();
// True when DISPLAY or WAYLAND_DISPLAY names a display to connect to.
bool displayAvailable();

// Writes an RGBA image as PNG. Errors: StorageFailure with the path.
Result<void> writePng(const RgbaImage& image, const std::string& path);

}  // namespace buurtstem::platform
