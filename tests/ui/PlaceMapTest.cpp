// The place step with the neighbourhood map: a resident taps a marker (or a place in the list, or
// the whole neighbourhood), sees the choice on both, and the idea is stored with that place. A
// map picture that cannot be read leaves the list, and nothing breaks.
#include "Harness.h"

#include "app/platform/Textures.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using namespace buurtstem;
using test::Harness;

namespace {

void toPlaceStep(Harness& h, const char* title) {
    REQUIRE(h.tap("home.tile.idea"));
    REQUIRE(h.tap("theme.green"));
    h.type(title);
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaPlace);
}

std::string marker(std::size_t index) { return "#idea.place.map." + std::to_string(index); }

// Pictures as a GPU would give them, without one: every file "loads", or every file fails.
class FakeTextures : public platform::TextureSource {
public:
    explicit FakeTextures(bool works) : works_(works) {}
    Result<platform::Texture> texture(const std::filesystem::path& file) override {
        requested.push_back(file);
        if (!works_) return makeError(ErrorCode::MissingAsset, file.string());
        return platform::Texture{reinterpret_cast<ImTextureID>(std::uintptr_t{42}), 1200, 900};
    }
    std::vector<std::filesystem::path> requested;

private:
    bool works_;
};

}  // namespace

TEST_CASE("a resident taps a place on the map, and the idea is stored with it", "[ui][idea][map]") {
    Harness h;
    const std::vector<std::string> places = h.store().places();
    REQUIRE(places.size() == 8);
    toPlaceStep(h, "Een bankje aan het water");

    // Every place has its marker, at least a finger wide, and the list has them too.
    const float minimum = h.app().ui().metrics.touchMin() - 0.5f;
    for (std::size_t i = 0; i < places.size(); ++i) {
        INFO(places[i]);
        const ui::WidgetInfo* spot = h.find(marker(i));
        REQUIRE(spot);
        CHECK(spot->width() >= minimum);
        CHECK(spot->height() >= minimum);
        CHECK_FALSE(spot->selected);
    }
    CHECK(h.has("#idea.place.0"));
    CHECK(h.find("idea.place.whole")->selected);  // the whole neighbourhood until a place is tapped

    const std::size_t park = 5;
    REQUIRE(places[park] == "Park bij de vijver");
    REQUIRE(h.tap(marker(park)));
    CHECK(h.app().state().idea.draft.place == "Park bij de vijver");
    CHECK(h.find(marker(park))->selected);
    CHECK_FALSE(h.find("idea.place.whole")->selected);

    // Another place from the list, the whole neighbourhood, and the map again: the last one counts.
    REQUIRE(h.tap("#idea.place.0"));
    CHECK(h.app().state().idea.draft.place == places[0]);
    CHECK(h.find(marker(0))->selected);
    CHECK_FALSE(h.find(marker(park))->selected);
    REQUIRE(h.tap("idea.place.whole"));
    CHECK(h.app().state().idea.draft.place.empty());
    REQUIRE(h.tap(marker(park)));

    REQUIRE(h.tap("idea.place.next"));
    REQUIRE(h.tap("idea.contact.skip"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaReview);
    REQUIRE(h.tap("idea.review.send"));
    REQUIRE(h.app().state().screen == ui::ScreenId::IdeaThanks);
    const std::optional<Idea> stored = h.store().ideaByReference(h.app().state().idea.submittedReference);
    REQUIRE(stored.has_value());
    CHECK(stored->place == "Park bij de vijver");
}

TEST_CASE("a place tapped on the map is brought into view in the list", "[ui][idea][map]") {
    test::HarnessOptions options;
    options.width = 1280;
    options.height = 800;
    Harness h(options);
    h.app().setLargeText(true);
    h.frames(2);
    toPlaceStep(h, "Fietsen langs het spoor");
    const std::size_t last = h.store().places().size() - 1;
    const ui::WidgetInfo* before = h.find("#idea.place." + std::to_string(last));
    const float rowHeight = h.app().ui().metrics.touchMin();
    // In large text the list does not show every place at once.
    CHECK((before == nullptr || before->height() < rowHeight - 0.5f));

    REQUIRE(h.tap(marker(last)));
    h.frames(1);
    const ui::WidgetInfo* row = h.find("#idea.place." + std::to_string(last));
    REQUIRE(row);
    CHECK(row->height() >= rowHeight - 0.5f);  // whole, not cut off by the list's edge
    CHECK(h.app().state().idea.draft.place == h.store().places()[last]);
}

TEST_CASE("the map fits beside the list at both sizes, in large text and right to left", "[ui][idea][map]") {
    struct Case {
        int width, height;
        const char* language;
        bool largeText;
    };
    for (const Case c : {Case{1280, 800, "nl", false}, Case{1280, 800, "nl", true}, Case{1920, 1080, "nl", true},
                         Case{1280, 800, "ar", true}, Case{1920, 1080, "ar", false}}) {
        DYNAMIC_SECTION(c.width << "x" << c.height << " " << c.language << (c.largeText ? " large" : "")) {
            test::HarnessOptions options;
            options.width = c.width;
            options.height = c.height;
            options.language = c.language;
            Harness h(options);
            h.app().setLargeText(c.largeText);
            h.app().showForScreenshot(ui::ScreenId::IdeaPlace);
            h.frames(3);
            const ui::WidgetInfo* next = h.find("idea.place.next");
            const ui::WidgetInfo* whole = h.find("idea.place.whole");
            REQUIRE(next);
            REQUIRE(whole);
            CHECK(next->y1 <= c.height + 0.5f);
            for (std::size_t i = 0; i < h.store().places().size(); ++i) {
                const ui::WidgetInfo* spot = h.find(marker(i));
                REQUIRE(spot);
                INFO(spot->id << " at " << spot->x0 << "," << spot->y0);
                CHECK(spot->x0 >= 0.0f);
                CHECK(spot->x1 <= static_cast<float>(c.width));
                CHECK(spot->y1 <= next->y0);  // the map ends above Next
                // The map is on the reading side's start, the list on the other side.
                if (std::string_view(c.language) == "ar")
                    CHECK(spot->x0 > whole->x1);
                else
                    CHECK(spot->x1 < whole->x0);
            }
        }
    }
}

TEST_CASE("with a picture the map is drawn from it, once loaded from the maps folder", "[ui][idea][map]") {
    Harness h;
    FakeTextures textures(true);
    h.app().useTextures(&textures);
    toPlaceStep(h, "Bloemen bij de vijver");
    CHECK(h.has(marker(0)));
    REQUIRE_FALSE(textures.requested.empty());
    CHECK(textures.requested.front().filename() == "kastanjebuurt.png");
    REQUIRE(h.tap(marker(2)));
    CHECK(h.app().state().idea.draft.place == h.store().places()[2]);
}

TEST_CASE("a map picture that cannot be read leaves the list, and the list works", "[ui][idea][map]") {
    Harness h;
    FakeTextures textures(false);
    h.app().useTextures(&textures);
    toPlaceStep(h, "Bloemen bij de vijver");
    CHECK_FALSE(h.has(marker(0)));
    for (std::size_t i = 0; i < h.store().places().size(); ++i) CHECK(h.has("#idea.place." + std::to_string(i)));
    REQUIRE(h.tap("#idea.place.3"));
    CHECK(h.app().state().idea.draft.place == h.store().places()[3]);
    REQUIRE(h.tap("idea.place.next"));
    CHECK(h.app().state().screen == ui::ScreenId::IdeaContact);
}

TEST_CASE("a neighbourhood without a map shows its places as buttons", "[ui][idea][map]") {
    test::HarnessOptions options;
    options.demo = false;
    Harness h(options);
    REQUIRE(h.store().setPlaces({"Plein", "Speeltuin", "Buurthuis"}).ok());
    h.app().refreshView();
    h.frames(1);
    toPlaceStep(h, "Een bankje op het plein");
    CHECK_FALSE(h.has(marker(0)));
    REQUIRE(h.tap("#idea.place.1"));
    CHECK(h.app().state().idea.draft.place == "Speeltuin");
}

TEST_CASE("map pictures are read from PNG; a missing or damaged file is an error, not a crash", "[ui][map]") {
    const std::filesystem::path maps = std::filesystem::path(BUURTSTEM_SOURCE_DIR) / "assets" / "maps";
    const Result<platform::RgbaImage> demo = platform::readImage(maps / "kastanjebuurt.png");
    REQUIRE(demo.ok());
    CHECK(demo->width == 1200);
    CHECK(demo->height == 900);
    CHECK(demo->pixels.size() == 1200u * 900u * 4u);

    const Result<platform::RgbaImage> missing = platform::readImage(maps / "no-such-map.png");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::MissingAsset);

    const std::filesystem::path damaged = std::filesystem::temp_directory_path() / "buurtstem-damaged-map.png";
    {
        std::ofstream out(damaged, std::ios::binary);
        out << "\x89PNG\r\n\x1a\n this is not really a picture";
    }
    const Result<platform::RgbaImage> broken = platform::readImage(damaged);
    std::filesystem::remove(damaged);
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().code == ErrorCode::InvalidInput);

    const Result<platform::RgbaImage> folder = platform::readImage(maps);
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().code == ErrorCode::MissingAsset);
}
