// The headless harness: ImGui without a backend, frames and input driven by the test.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <cfloat>

namespace buurtstem::test {

i18n::Translator shippedTranslations() {
    Result<i18n::Translator> translator = i18n::Translator::loadFolder(BUURTSTEM_SOURCE_DIR "/assets/i18n");
    REQUIRE(translator.ok());
    return std::move(translator).value();
}

Harness::Harness(HarnessOptions options) : options_(std::move(options)) {
    storage::StoreOptions storeOptions;
    storeOptions.clock = options_.clock;
    Result<std::unique_ptr<storage::KioskStore>> store = options_.databaseFile.empty()
                                                             ? storage::KioskStore::openInMemory(storeOptions)
                                                             : storage::KioskStore::open(options_.databaseFile, storeOptions);
    REQUIRE(store.ok());
    store_ = std::move(store).value();
    if (options_.demo) {
        REQUIRE(store_->addDemoNeighbourhood().ok());
        Result<std::vector<std::string>> codes = store_->addDemoRound();
        REQUIRE(codes.ok());
        demoVotingCodes_ = std::move(codes).value();
        REQUIRE(store_->addDemoEvening().ok());
    }

    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(options_.width), static_cast<float>(options_.height));

    ui::KioskSettings settings;
    settings.startLanguage = options_.language;
    settings.firstScreen = options_.firstScreen;
    settings.idle = options_.idle;
    settings.moderationFolder = BUURTSTEM_SOURCE_DIR "/assets/moderation";
    settings.firstStartSetUp = options_.firstStartSetUp;
    settings.keyFolders = options_.keyFolders;
    if (settings.keyFolders.empty()) settings.keyFolders = {options_.databaseFile.empty() ? std::filesystem::path("/nonexistent") : options_.databaseFile.parent_path()};
    app_ = std::make_unique<ui::KioskApp>(*store_, shippedTranslations(), settings);
    REQUIRE(app_->buildFonts(options_.pxPerMm));
    frames(2);
}

Harness::~Harness() {
    app_.reset();
    ImGui::DestroyContext(context_);
}

void Harness::frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (app_->fontsChanged()) REQUIRE(app_->buildFonts(options_.pxPerMm));  // as the runner does
    io.DeltaTime = 1.0f / 60.0f;
    now_ += io.DeltaTime;
    ImGui::NewFrame();
    app_->frame(now_);
    ImGui::Render();
    // Characters are consumed by the frame that saw them.
    io.InputQueueCharacters.resize(0);
}

void Harness::frames(int count) {
    for (int i = 0; i < count; ++i) frame();
}

void Harness::wait(double seconds) {
    now_ += seconds;
    frame();
}

void Harness::resize(int width, int height) {
    ImGui::GetIO().DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    frames(2);
}

const ui::WidgetInfo* Harness::find(std::string_view id) const { return app_->ui().widgets.find(id); }

bool Harness::tap(std::string_view id) {
    const ui::WidgetInfo* widget = find(id);
    if (!widget) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(widget->centreX(), widget->centreY());
    io.MouseDown[0] = true;
    frame();
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);  // the finger is gone
    frames(2);  // as the runner keeps drawing after input: popups settle their size
    return true;
}

bool Harness::drag(std::string_view id, float dy, int steps) {
    const ui::WidgetInfo* widget = find(id);
    if (!widget) return false;
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 start(widget->centreX(), widget->centreY());
    io.MousePos = start;
    io.MouseDown[0] = true;
    frame();
    for (int i = 1; i <= steps; ++i) {
        io.MousePos = ImVec2(start.x, start.y + dy * static_cast<float>(i) / static_cast<float>(steps));
        frame();
    }
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frame();
    return true;
}

void Harness::press(float x, float y, double seconds) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = true;
    frame();
    for (double held = 0; held < seconds; held += 0.1) {
        now_ += 0.1 - 1.0 / 60.0;  // frame() adds the rest
        frame();
    }
    io.MouseDown[0] = false;
    frame();
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    frames(2);
}

void Harness::type(std::string_view text) {
    ImGui::GetIO().AddInputCharactersUTF8(std::string(text).c_str());
    frame();
}

}  // namespace buurtstem::test
