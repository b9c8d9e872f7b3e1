// The numeric pad driven by taps, outside any screen: digits, comma, limits, clear, backspace.
#include "Harness.h"

#include "app/ui/widgets/NumericPad.h"

#include <catch2/catch.hpp>

#include <cfloat>

using namespace buurtstem;

namespace {

// A bare ImGui context with the real fonts and one window holding the pad.
struct PadFixture {
    i18n::Translator translator = test::shippedTranslations();
    ui::Ui ui;
    ImGuiContext* context = ImGui::CreateContext();
    std::string typed;
    ui::NumericPadOptions options;
    ui::PadEvent last = ui::PadEvent::None;

    PadFixture() {
        ImGui::GetIO().IniFilename = nullptr;
        ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
        ui.translator = &translator;
        Result<ui::FontSet> fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui.metrics, ui::FontFiles::fromEnvironment());
        REQUIRE(fonts.ok());
        ui.fonts = fonts.value();
        frame();
    }
    ~PadFixture() { ImGui::DestroyContext(context); }

    void frame() {
        ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        ui.widgets.beginFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("pad", nullptr, ImGuiWindowFlags_NoDecoration);
        const ui::PadEvent event = ui::numericPad(ui, typed, options, 600);
        if (event != ui::PadEvent::None) last = event;
        ImGui::End();
        ImGui::Render();
    }
    void tap(const char* id) {
        const ui::WidgetInfo* w = ui.widgets.find(id);
        REQUIRE(w);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(w->centreX(), w->centreY());
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        frame();
    }
};

}  // namespace

TEST_CASE("the numeric pad types an amount in euros", "[ui][numericpad]") {
    PadFixture pad;
    pad.tap("#pad.1");
    pad.tap("#pad.2");
    pad.tap("#pad.,");
    pad.tap("#pad.5");
    CHECK(pad.typed == "12,5");
    CHECK(ui::parseEuroCents(pad.typed) == 1250);
    pad.tap("#pad.0");
    pad.tap("#pad.0");  // a third decimal is refused
    CHECK(pad.typed == "12,50");
    pad.tap("#pad.back");
    CHECK(pad.typed == "12,5");
    pad.tap("#pad.clear");
    CHECK(pad.typed.empty());
    pad.tap("#pad.done");
    CHECK(pad.last == ui::PadEvent::Done);
}

TEST_CASE("the numeric pad refuses amounts above its maximum", "[ui][numericpad]") {
    PadFixture pad;
    pad.options.maxCents = 500000;  // € 5.000
    pad.tap("#pad.5");
    pad.tap("#pad.00");
    pad.tap("#pad.0");
    CHECK(pad.typed == "5000");
    pad.tap("#pad.1");
    CHECK(pad.typed == "5000");
}
