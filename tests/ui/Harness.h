// Headless UI harness: a Dear ImGui context with the real fonts, no window and no GPU. Frames
// are driven at a chosen display size; taps, drags and typing are injected; widgets are found
// by their id in the WidgetRegistry.
#pragma once

#include "app/core/i18n/Catalog.h"
#include "app/ui/KioskApp.h"
#include "storage/KioskStore.h"

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::test {

// The translations shipped in assets/i18n.
i18n::Translator shippedTranslations();

struct HarnessOptions {
    int width = 1280;
    int height = 800;
    float pxPerMm = 96.0f / 25.4f;
    std::string language = "nl";
    bool demo = true;  // = true // start with the demo neighbourhood
    ui::ScreenId firstScreen = ui::ScreenId::Home;
    ui::IdleSettings idle;
    std::filesystem::path databaseFile;  // = empty // a private in-memory database when empty; a file lets
                                         // a test reach the database from the side (to make writes fail)
    storage::WallClock clock;            // = system clock when empty // the store's clock: rounds open and close by it
    bool firstStartSetUp = false;        // = false // the set-up shows while there is no facilitator (the real kiosk's way);
                                         // off for tests of other screens, whose stores mostly have none
    std::vector<std::filesystem::path> keyFolders;  // = {} // where the set-up looks for the staff key file
};

class Harness {
public:
    explicit Harness(HarnessOptions options = {});
    ~Harness();
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    storage::KioskStore& store() { return *store_; }
    ui::KioskApp& app() { return *app_; }
    // The demo round's voting codes (empty without the demo), to vote with in tests.
    const std::vector<std::string>& demoVotingCodes() const { return demoVotingCodes_; }
    double now() const { return now_; }

    // Draws `count` frames, 1/60 s apart.
    void frames(int count = 1);
    // Lets time pass without input, then draws one frame.
    void wait(double seconds);
    void resize(int width, int height);

    const ui::WidgetInfo* find(std::string_view id) const;
    bool has(std::string_view id) const { return find(id) != nullptr; }
    // A finger down on the widget's centre and up again. False when the widget is not there.
    bool tap(std::string_view id);
    // A finger down at the widget's centre, moved by dy pixels over `steps` frames, lifted.
    bool drag(std::string_view id, float dy, int steps);
    // A finger resting at (x, y) for `seconds` (frames 1/10 s apart), then lifted.
    void press(float x, float y, double seconds);
    // Types text as a hardware keyboard would (the on-screen keyboard takes it too).
    void type(std::string_view text);

private:
    void frame();

    HarnessOptions options_;
    std::unique_ptr<storage::KioskStore> store_;
    std::unique_ptr<ui::KioskApp> app_;
    ImGuiContext* context_ = nullptr;
    double now_ = 1000.0;
    std::vector<std::string> demoVotingCodes_;
};

}  // namespace buurtstem::test
