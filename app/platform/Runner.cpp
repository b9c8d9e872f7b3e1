// GLFW + OpenGL3 runner: window, DPI in millimetres, the idle-friendly loop and the touch policy.
#include "Runner.h"

#include "GlTextures.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <atomic>
#include <cfloat>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>
#include <thread>

namespace buurtstem::platform {

namespace {

std::atomic<bool> g_stopRequested{false};
std::string g_lastGlfwError;

void onGlfwError(int code, const char* description) {
    g_lastGlfwError = std::to_string(code) + ": " + (description ? description : "");
}

// Plausible screens lie between 50 and 300 dots per inch; outside that the monitor reports
// nonsense (Xvfb, some projectors) and 96 dpi is the better guess.
float pxPerMmFromMonitor(GLFWmonitor* monitor) {
    constexpr float kFallback = 96.0f / 25.4f;
    if (!monitor) return kFallback;
    int widthMm = 0, heightMm = 0;
    glfwGetMonitorPhysicalSize(monitor, &widthMm, &heightMm);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    if (!mode || widthMm <= 0) return kFallback;
    const float pxPerMm = static_cast<float>(mode->width) / static_cast<float>(widthMm);
    if (pxPerMm < 50.0f / 25.4f || pxPerMm > 300.0f / 25.4f) return kFallback;
    return pxPerMm;
}

}  // namespace

void deferStopSignals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

bool displayAvailable() {
    const char* x = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wayland && *wayland);
}

struct Runner::Impl {
    GLFWwindow* window = nullptr;
    RunnerSettings settings;
    bool imguiReady = false;
    bool fontsBuilt = false;
    bool fontsOk = true;
    bool mouseWasDown = false;
    std::atomic<bool> inputSeen{false};
    std::uint64_t frameNumber = 0;
    std::thread signalWatcher;
    sigset_t watchedSignals{};
    std::unique_ptr<GlTextures> textures;  // made once the GL context is current
    // The presenter window: its own GL context and ImGui context (with its own font atlas).
    struct Presenter {
        GLFWwindow* window = nullptr;
        ImGuiContext* context = nullptr;
        bool fontsBuilt = false;
        bool fontsOk = true;
    } presenter;
    ImGuiContext* mainContext = nullptr;
    bool presenterCloseRequested = false;  // its close button: the kiosk goes on
};

namespace {

Runner::Impl* implOf(GLFWwindow* window) { return static_cast<Runner::Impl*>(glfwGetWindowUserPointer(window)); }

// Our callbacks are installed before ImGui's, which chains to them: they only note that input
// arrived so the loop keeps drawing a few frames.
void noteMouseButton(GLFWwindow* w, int, int, int) { implOf(w)->inputSeen = true; }
void noteCursor(GLFWwindow* w, double, double) { implOf(w)->inputSeen = true; }
void noteScroll(GLFWwindow* w, double, double) { implOf(w)->inputSeen = true; }
void noteChar(GLFWwindow* w, unsigned int) { implOf(w)->inputSeen = true; }
void noteKey(GLFWwindow* w, int key, int, int action, int mods) {
    Runner::Impl* impl = implOf(w);
    impl->inputSeen = true;
    const int chord = GLFW_MOD_CONTROL | GLFW_MOD_ALT;
    if (key == GLFW_KEY_Q && action == GLFW_PRESS && (mods & chord) == chord && impl->settings.allowQuit)
        g_stopRequested = true;
}
void onPresenterCloseRequest(GLFWwindow* w) {
    implOf(w)->presenterCloseRequested = true;
    glfwSetWindowShouldClose(w, GLFW_FALSE);
}

void onCloseRequest(GLFWwindow* w) {
    // A resident cannot close the kiosk; only a permitted (facilitator or windowed) close counts.
    if (implOf(w)->settings.allowQuit)
        g_stopRequested = true;
    glfwSetWindowShouldClose(w, GLFW_FALSE);
}

}  // namespace

Result<std::unique_ptr<Runner>> Runner::create(const RunnerSettings& settings) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit())
        return makeError(ErrorCode::NoDisplay, "cannot open a display (" + g_lastGlfwError + ")");

    // OpenGL 3.0 with GLSL 130 runs on Mesa's software renderer and on a Raspberry Pi's V3D alike.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    glfwWindowHint(GLFW_VISIBLE, settings.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);

    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    int width = settings.width, height = settings.height;
    GLFWmonitor* fullscreenOn = nullptr;
    if (settings.fullscreen && monitor) {
        if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) {
            width = mode->width;
            height = mode->height;
            fullscreenOn = monitor;
        }
    }
    GLFWwindow* window = glfwCreateWindow(width, height, settings.title.c_str(), fullscreenOn, nullptr);
    if (!window) {
        glfwTerminate();
        return makeError(ErrorCode::NoDisplay, "cannot open an OpenGL 3 window (" + g_lastGlfwError + ")");
    }

    std::unique_ptr<Runner> runner(new Runner());
    runner->impl_ = std::make_unique<Impl>();
    Impl& impl = *runner->impl_;
    impl.window = window;
    impl.settings = settings;
    runner->pxPerMm_ = settings.pxPerMmOverride > 0 ? settings.pxPerMmOverride : pxPerMmFromMonitor(monitor);

    glfwSetWindowUserPointer(window, &impl);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    glfwSetMouseButtonCallback(window, noteMouseButton);
    glfwSetCursorPosCallback(window, noteCursor);
    glfwSetScrollCallback(window, noteScroll);
    glfwSetCharCallback(window, noteChar);
    glfwSetKeyCallback(window, noteKey);
    glfwSetWindowCloseCallback(window, onCloseRequest);
    if (!settings.showCursor)
        glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);

    IMGUI_CHECKVERSION();
    impl.mainContext = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigInputTextCursorBlink = false;  // blinking would wake the loop twice a second
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    impl.imguiReady = true;
    impl.textures = std::make_unique<GlTextures>();

    // SIGTERM/SIGINT (systemd stopping the kiosk, Ctrl+C in a terminal) end the loop cleanly: a
    // thread waits for them and wakes the loop, since GLFW calls are not signal-safe.
    sigemptyset(&impl.watchedSignals);
    sigaddset(&impl.watchedSignals, SIGTERM);
    sigaddset(&impl.watchedSignals, SIGINT);
    sigaddset(&impl.watchedSignals, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &impl.watchedSignals, nullptr);
    impl.signalWatcher = std::thread([set = impl.watchedSignals] {
        int signal = 0;
        while (sigwait(&set, &signal) == 0) {
            if (signal == SIGUSR1) return;  // our own shutdown
            g_stopRequested = true;
            glfwPostEmptyEvent();
        }
    });
    return runner;
}

Runner::~Runner() {
    if (!impl_) return;
    if (impl_->signalWatcher.joinable()) {
        pthread_kill(impl_->signalWatcher.native_handle(), SIGUSR1);
        impl_->signalWatcher.join();
    }
    closePresenter();
    impl_->textures.reset();  // while the GL context is still there
    if (impl_->imguiReady) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (impl_->window) glfwDestroyWindow(impl_->window);
    glfwTerminate();
}

void Runner::requestStop() { g_stopRequested = true; }

int Runner::framebufferWidth() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(impl_->window, &w, &h);
    return w;
}

int Runner::framebufferHeight() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(impl_->window, &w, &h);
    return h;
}

void Runner::setVsync(bool on) { glfwSwapInterval(on ? 1 : 0); }

bool Runner::ensureFonts(FrameClient& client) {
    if (impl_->fontsBuilt && !client.fontsChanged()) return impl_->fontsOk;
    const bool first = !impl_->fontsBuilt;
    if (!first) ImGui_ImplOpenGL3_DestroyFontsTexture();
    impl_->fontsOk = client.buildFonts(pxPerMm_);
    impl_->fontsBuilt = true;
    if (!impl_->fontsOk) return false;
    // The first time, create the shaders together with the font texture: the backend would
    // otherwise create both in its NewFrame and upload (and leak) the texture a second time.
    if (first)
        ImGui_ImplOpenGL3_CreateDeviceObjects();
    else
        ImGui_ImplOpenGL3_CreateFontsTexture();
    // The GPU has the glyphs now; the atlas's pixel copies (several MB) are no longer needed.
    ImGui::GetIO().Fonts->ClearTexData();
    return true;
}

void Runner::drawOneFrame(FrameClient& client, RgbaImage* capture) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();

    // Touch policy: a finger that lifted leaves no hover behind. The position stays valid on
    // the frame of the release (ImGui needs it to see the click), then it is taken away.
    ImGuiIO& io = ImGui::GetIO();
    const bool down = io.MouseDown[0];
    if (!down && !impl_->mouseWasDown) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    impl_->mouseWasDown = down;

    ImGui::NewFrame();
    client.frame(glfwGetTime());
    ImGui::Render();

    int width = 0, height = 0;
    glfwGetFramebufferSize(impl_->window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(client.clearColour());
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    if (capture) {
        capture->width = width;
        capture->height = height;
        capture->pixels.assign(static_cast<std::size_t>(width) * height * 4, 0);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, capture->pixels.data());
        // OpenGL's rows run bottom to top; images run top to bottom.
        const std::size_t stride = static_cast<std::size_t>(width) * 4;
        for (int y = 0; y < height / 2; ++y)
            std::swap_ranges(capture->pixels.begin() + y * stride, capture->pixels.begin() + (y + 1) * stride,
                             capture->pixels.begin() + (height - 1 - y) * stride);
    }
    glfwSwapBuffers(impl_->window);
    client.afterPresent(++impl_->frameNumber);
}

bool Runner::openPresenter() {
    Impl& impl = *impl_;
    // Full screen on another monitor than the kiosk's when there is one; a window otherwise.
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* target = nullptr;
    if (impl.settings.fullscreen && monitors && count > 1) {
        const int wanted = impl.settings.presenterMonitor;
        if (wanted >= 0 && wanted < count)
            target = monitors[wanted];
        else
            for (int i = 0; i < count && !target; ++i)
                if (monitors[i] != glfwGetPrimaryMonitor()) target = monitors[i];
    }
    int width = impl.settings.presenterWidth, height = impl.settings.presenterHeight;
    if (target)
        if (const GLFWvidmode* mode = glfwGetVideoMode(target)) {
            width = mode->width;
            height = mode->height;
        }
    glfwWindowHint(GLFW_VISIBLE, GLFW_TRUE);
    glfwWindowHint(GLFW_FOCUSED, GLFW_FALSE);  // the kiosk keeps the focus
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(width, height, (impl.settings.title + " presenter").c_str(), target, nullptr);
    glfwWindowHint(GLFW_FOCUSED, GLFW_TRUE);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_TRUE);
    if (!window) {
        std::fprintf(stderr, "buurtstem: cannot open the presenter window (%s)\n", g_lastGlfwError.c_str());
        return false;
    }
    glfwSetWindowUserPointer(window, &impl);
    glfwSetWindowCloseCallback(window, onPresenterCloseRequest);
    if (!impl.settings.showCursor) glfwSetInputMode(window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);  // the kiosk's window waits for the vertical blank; waiting twice would halve its rate

    impl.presenter.context = ImGui::CreateContext();
    ImGui::SetCurrentContext(impl.presenter.context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange | ImGuiConfigFlags_NoMouse;
    // No callbacks: the presenter takes no input, and the kiosk's callbacks stay the only ones.
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    ImGui_ImplOpenGL3_Init("#version 130");
    impl.presenter.window = window;
    impl.presenter.fontsBuilt = false;
    impl.presenter.fontsOk = true;

    ImGui::SetCurrentContext(impl.mainContext);
    glfwMakeContextCurrent(impl.window);
    return true;
}

void Runner::closePresenter() {
    Impl& impl = *impl_;
    if (!impl.presenter.window) return;
    glfwMakeContextCurrent(impl.presenter.window);
    ImGui::SetCurrentContext(impl.presenter.context);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext(impl.presenter.context);
    glfwDestroyWindow(impl.presenter.window);
    impl.presenter = Impl::Presenter{};
    ImGui::SetCurrentContext(impl.mainContext);
    glfwMakeContextCurrent(impl.window);
}

void Runner::syncPresenter(FrameClient& client) {
    Impl& impl = *impl_;
    if (impl.presenterCloseRequested) {
        impl.presenterCloseRequested = false;
        client.setPresenterWanted(false);
    }
    const bool wanted = client.presenterWanted();
    if (wanted && !impl.presenter.window && !openPresenter()) client.setPresenterWanted(false);
    if (!wanted && impl.presenter.window) closePresenter();
}

void Runner::drawPresenterFrame(FrameClient& client) {
    Impl& impl = *impl_;
    if (!impl.presenter.window) return;
    glfwMakeContextCurrent(impl.presenter.window);
    ImGui::SetCurrentContext(impl.presenter.context);
    int width = 0, height = 0;
    glfwGetFramebufferSize(impl.presenter.window, &width, &height);
    bool ok = width > 0 && height > 0;  // a minimised window draws nothing
    if (ok && (!impl.presenter.fontsBuilt || client.presenterFontsChanged(height))) {
        const bool first = !impl.presenter.fontsBuilt;
        if (!first) ImGui_ImplOpenGL3_DestroyFontsTexture();
        impl.presenter.fontsOk = client.buildPresenterFonts(height);
        impl.presenter.fontsBuilt = true;
        if (impl.presenter.fontsOk) {
            if (first)
                ImGui_ImplOpenGL3_CreateDeviceObjects();
            else
                ImGui_ImplOpenGL3_CreateFontsTexture();
            ImGui::GetIO().Fonts->ClearTexData();
        }
    }
    if (ok && impl.presenter.fontsOk) {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        ImGui::NewFrame();
        client.presenterFrame(glfwGetTime());
        ImGui::Render();
        glViewport(0, 0, width, height);
        const ImVec4 clear = ImGui::ColorConvertU32ToFloat4(client.presenterClearColour());
        glClearColor(clear.x, clear.y, clear.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(impl.presenter.window);
    }
    ImGui::SetCurrentContext(impl.mainContext);
    glfwMakeContextCurrent(impl.window);
    if (!impl.presenter.fontsOk) {
        // Without its fonts the presenter cannot show anything; the kiosk goes on without it.
        std::fprintf(stderr, "buurtstem: the presenter window's fonts could not be built; it is closed\n");
        closePresenter();
        client.setPresenterWanted(false);
    }
}

bool Runner::run(FrameClient& client) {
    client.useTextures(impl_->textures.get());
    if (!ensureFonts(client)) return false;
    if (impl_->settings.presenter) client.setPresenterWanted(true);
    int framesLeft = impl_->settings.framesAfterInput;
    while (!g_stopRequested && !client.wantsQuit()) {
        const bool busy = framesLeft > 0 || client.animating() || impl_->mouseWasDown;
        if (busy) {
            glfwPollEvents();
        } else {
            const double wait = client.secondsUntilNextTimer(glfwGetTime());
            if (std::isinf(wait))
                glfwWaitEvents();
            else if (wait > 0)
                glfwWaitEventsTimeout(wait);
            else
                glfwPollEvents();
        }
        if (impl_->inputSeen.exchange(false)) framesLeft = impl_->settings.framesAfterInput;
        if (g_stopRequested) break;
        if (!ensureFonts(client)) return false;
        syncPresenter(client);
        drawOneFrame(client, nullptr);
        drawPresenterFrame(client);
        if (framesLeft > 0) --framesLeft;
    }
    return true;
}

bool Runner::renderFrames(FrameClient& client, int frames, RgbaImage* capture) {
    client.useTextures(impl_->textures.get());
    for (int i = 0; i < frames; ++i) {
        glfwPollEvents();
        if (!ensureFonts(client)) return false;
        drawOneFrame(client, i + 1 == frames ? capture : nullptr);
    }
    return true;
}

}  // namespace buurtstem::platform
