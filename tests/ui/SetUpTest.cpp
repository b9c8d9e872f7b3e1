// The first-start set-up: a kiosk without a facilitator shows it instead of the attract screen;
// a facilitator walks every step in Dutch (a PIN typed differently twice and a too simple PIN on
// the way), finishes, and the kiosk is ready: the attract screen, only the chosen languages, the
// idle times in force, the new PIN behind the long press, the set-up in the audit log. Opened
// again later as Instellingen it shows what was stored.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr const char* kPin = "284615";

class KeyFolder {
public:
    KeyFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "buurtstem-setup-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
        // 00 01 02 ... 1f in hex, as a corporation's file may hold it; and a letter that is no key.
        std::ofstream(path_ / "corporatie.pub") << "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n";
        std::ofstream(path_ / "brief.txt") << "Beste opbouwwerker,\n";
    }
    ~KeyFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

void typePadPin(Harness& h, std::string_view pin) {
    for (const char digit : pin) REQUIRE(h.tap(std::string("#setup.pin.") + digit));
    REQUIRE(h.tap("#setup.pin.ok"));
}

ui::ScreenId screen(Harness& h) { return h.app().state().screen; }

std::string problem(Harness& h) {
    const char* key = h.app().state().setUp.problemKey;
    return key ? key : "";
}

}  // namespace

TEST_CASE("a kiosk without a facilitator is set up step by step, and is then ready for residents", "[ui][setup]") {
    KeyFolder keys;
    test::HarnessOptions options;
    options.demo = false;
    options.firstScreen = ui::ScreenId::Attract;
    options.firstStartSetUp = true;
    options.keyFolders = {keys.path()};
    Harness h(options);

    // [Welcome] Instead of the attract screen; nothing to go back or home to.
    REQUIRE(screen(h) == ui::ScreenId::SetUpWelcome);
    CHECK_FALSE(h.has("nav.home"));
    CHECK_FALSE(h.find("setup.back")->enabled);
    h.wait(600.0);  // nobody locks or resets the set-up of a kiosk that has nobody yet
    REQUIRE(screen(h) == ui::ScreenId::SetUpWelcome);
    REQUIRE(h.tap("#setup.language.en"));
    CHECK(h.app().state().setUp.firstStart);
    REQUIRE(h.tap("#setup.language.nl"));  // the steps in Dutch
    REQUIRE(h.tap("setup.next"));

    // [Name]
    REQUIRE(screen(h) == ui::ScreenId::SetUpName);
    REQUIRE(h.tap("#osk.done"));  // nothing typed
    CHECK(problem(h) == "setup.name.problem");
    h.type("Lindebuurt");
    REQUIRE(h.tap("#osk.done"));

    // [Places] Two typed, the second moved up, a third added and removed again.
    REQUIRE(screen(h) == ui::ScreenId::SetUpPlaces);
    REQUIRE(h.tap("#setup.place.new"));
    h.type("Lindeplein");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#setup.place.new"));
    h.type("Speeltuin");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#setup.place.new"));
    h.type("Lindeplein");
    REQUIRE(h.tap("#osk.done"));
    CHECK(problem(h) == "setup.places.problem");  // already there
    for (int i = 0; i < 10; ++i) REQUIRE(h.tap("#osk.backspace"));
    CHECK(h.app().state().setUp.placeTyped.empty());
    h.type("Bushalte");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("#setup.place.1"));
    REQUIRE(h.tap("setup.places.up"));
    REQUIRE(h.tap("#setup.place.2"));
    REQUIRE(h.tap("setup.places.remove"));
    REQUIRE(h.app().state().setUp.places.size() == 2);
    CHECK(h.app().state().setUp.places[0].name == "Speeltuin");
    CHECK(h.app().state().setUp.places[1].name == "Lindeplein");
    REQUIRE(h.tap("setup.next"));

    // [Languages] Dutch always; English and Arabic on.
    REQUIRE(screen(h) == ui::ScreenId::SetUpLanguages);
    REQUIRE(h.tap("#setup.offer.nl"));  // Dutch stays
    for (const char* off : {"#setup.offer.en", "#setup.offer.tr", "#setup.offer.pl", "#setup.offer.uk", "#setup.offer.ar"})
        REQUIRE(h.tap(off));  // all six were on: now only Dutch
    REQUIRE(h.tap("#setup.offer.ar"));
    REQUIRE(h.tap("#setup.offer.en"));
    CHECK(h.app().state().setUp.preferences.languages == std::vector<std::string>{"nl", "en", "ar"});
    REQUIRE(h.tap("setup.next"));

    // [Idle times]
    REQUIRE(screen(h) == ui::ScreenId::SetUpIdle);
    REQUIRE(h.tap("#setup.ask.30"));
    REQUIRE(h.tap("#setup.over.15"));
    REQUIRE(h.tap("setup.next"));

    // [Maximum] € 2.500 on the pad.
    REQUIRE(screen(h) == ui::ScreenId::SetUpMaximum);
    REQUIRE(h.tap("#pad.clear"));
    REQUIRE(h.tap("#pad.done"));
    CHECK(problem(h) == "setup.maximum.problem");
    for (const char* key : {"#pad.2", "#pad.5", "#pad.00"}) REQUIRE(h.tap(key));
    REQUIRE(h.tap("#pad.done"));

    // [Staff key] The letter is no key; the corporation's file shows its fingerprint.
    REQUIRE(screen(h) == ui::ScreenId::SetUpStaffKey);
    REQUIRE(h.app().state().setUp.keyFiles.size() == 2);
    CHECK_FALSE(h.find("setup.next")->enabled);
    REQUIRE(h.tap("#setup.key.file.0"));  // brief.txt
    CHECK(std::string(h.app().state().setUp.keyProblemKey) == "setup.key.not_a_key");
    REQUIRE(h.tap("#setup.key.file.1"));
    REQUIRE(h.app().state().setUp.key.has_value());
    CHECK(keyFingerprint(*h.app().state().setUp.key) == "0001 0203 0405 0607");
    REQUIRE(h.tap("setup.next"));

    // [Facilitator] A name, then a PIN twice: not the same, too simple, then right.
    REQUIRE(screen(h) == ui::ScreenId::SetUpFacilitator);
    h.type("Anna");
    REQUIRE(h.tap("#osk.done"));
    typePadPin(h, kPin);
    typePadPin(h, "284616");
    CHECK(problem(h) == "setup.pin.mismatch");
    CHECK(h.app().state().setUp.stage == ui::SetUpPinStage::NewPin);
    typePadPin(h, "123456");
    CHECK(problem(h) == "setup.pin.too_simple");
    typePadPin(h, kPin);
    typePadPin(h, kPin);
    REQUIRE(h.app().state().setUp.stage == ui::SetUpPinStage::Done);
    CHECK_FALSE(h.store().hasFacilitator());  // nothing is stored before Finish
    REQUIRE(h.tap("setup.next"));

    // [Summary and Finish]
    REQUIRE(screen(h) == ui::ScreenId::SetUpSummary);
    REQUIRE(h.tap("setup.finish"));
    REQUIRE(screen(h) == ui::ScreenId::Attract);
    CHECK(h.app().state().setUp.pin.empty());
    CHECK(h.store().facilitatorLabels() == std::vector<std::string>{"Anna"});
    CHECK(h.store().neighbourhoodName() == "Lindebuurt");
    CHECK(h.store().places() == std::vector<std::string>{"Speeltuin", "Lindeplein"});
    CHECK(h.store().initiativeMaximumCents() == 250000);
    REQUIRE(h.store().staffPublicKey().has_value());
    CHECK((*h.store().staffPublicKey())[31] == 0x1f);

    // Only the chosen languages are offered to residents.
    REQUIRE(h.tap("#attract.start"));
    REQUIRE(screen(h) == ui::ScreenId::Home);
    REQUIRE(h.tap("#nav.language"));
    CHECK(h.has("#language.nl"));
    CHECK(h.has("#language.en"));
    CHECK(h.has("#language.ar"));
    CHECK_FALSE(h.has("#language.tr"));
    CHECK_FALSE(h.has("#language.uk"));
    REQUIRE(h.tap("#language.en"));

    // The idle times apply at once: asked after 30 s, wiped 15 s later.
    REQUIRE(h.tap("home.tile.idea"));
    h.wait(29.0);
    REQUIRE_FALSE(h.has("idle.stay"));
    h.wait(2.0);
    CHECK(h.has("idle.stay"));
    h.wait(16.0);
    CHECK(screen(h) == ui::ScreenId::Attract);

    // The long press and the new PIN open the facilitator's screens.
    h.press(20.0f, 20.0f, 2.5);
    REQUIRE(screen(h) == ui::ScreenId::FacilitatorPin);
    for (const char digit : std::string(kPin)) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
    REQUIRE(screen(h) == ui::ScreenId::FacilitatorHome);
    CHECK(h.app().state().facilitator.label == "Anna");

    // The audit log has the set-up, by Anna, with the settings before (none) and after.
    const std::vector<AuditEntry> log = h.store().auditLog(10);
    const auto setUp = std::find_if(log.begin(), log.end(), [](const AuditEntry& e) { return e.action == kAuditKioskSetUp; });
    REQUIRE(setUp != log.end());
    CHECK(setUp->facilitator == "Anna");
    CHECK(setUp->before.empty());
    CHECK(setUp->after.find("name: Lindebuurt") != std::string::npos);
    CHECK(setUp->after.find("languages nl,en,ar; ask after 30 s; start over after 15 s") != std::string::npos);
    CHECK(setUp->after.find("staff key: 0001 0203 0405 0607") != std::string::npos);
    CHECK(setUp->after.find(kPin) == std::string::npos);

    // [Instellingen] Opened later, it shows what was stored; nothing changed is nothing lost.
    REQUIRE(h.tap("facilitator.setup"));
    REQUIRE(screen(h) == ui::ScreenId::SetUpWelcome);
    const ui::SetUpFlow& flow = h.app().state().setUp;
    CHECK_FALSE(flow.firstStart);
    CHECK(flow.name == "Lindebuurt");
    REQUIRE(flow.places.size() == 2);
    CHECK(flow.places[0].name == "Speeltuin");
    CHECK(flow.preferences.languages == std::vector<std::string>{"nl", "en", "ar"});
    CHECK(flow.preferences.askAfterSeconds == 30);
    CHECK(flow.preferences.startOverSeconds == 15);
    CHECK(flow.maximumText == "2500");
    CHECK(flow.plan == ui::SetUpFacilitatorPlan::Keep);
    REQUIRE(h.tap("setup.next"));
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(screen(h) == ui::ScreenId::SetUpPlaces);
    for (int i = 0; i < 3; ++i) REQUIRE(h.tap("setup.next"));
    REQUIRE(screen(h) == ui::ScreenId::SetUpMaximum);
    REQUIRE(h.tap("#pad.done"));
    REQUIRE(screen(h) == ui::ScreenId::SetUpStaffKey);
    CHECK(h.find("setup.next")->enabled);  // the stored key stays
    REQUIRE(h.tap("setup.next"));
    REQUIRE(screen(h) == ui::ScreenId::SetUpFacilitator);
    REQUIRE(h.tap("setup.next"));
    const std::int64_t events = h.store().eventCount();
    REQUIRE(h.tap("setup.finish"));
    CHECK(screen(h) == ui::ScreenId::FacilitatorHome);
    CHECK(std::string(h.app().state().facilitator.doneKey) == "setup.saved");
    CHECK(h.store().eventCount() == events);  // nothing changed, no event
    CHECK(h.store().auditLog(1).front().action == kAuditKioskSetUp);
}

TEST_CASE("Instellingen adds a facilitator or changes the signed-in one's PIN with the old PIN", "[ui][setup]") {
    test::HarnessOptions options;
    options.firstScreen = ui::ScreenId::Attract;
    options.firstStartSetUp = true;
    Harness h(options);  // the demo neighbourhood, and a facilitator added below
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    h.app().resetForNextResident();
    h.frames(1);
    REQUIRE(screen(h) == ui::ScreenId::Attract);  // with a facilitator, no set-up

    h.press(20.0f, 20.0f, 2.5);
    for (const char digit : std::string(kPin)) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
    REQUIRE(h.tap("facilitator.setup"));
    // The demo's map and spots are kept when the places keep their names.
    CHECK_FALSE(h.app().state().setUp.map.empty());
    const std::vector<Place> spotsBefore = h.store().placesWithPositions();
    while (screen(h) != ui::ScreenId::SetUpFacilitator) {
        if (screen(h) == ui::ScreenId::SetUpName)
            REQUIRE(h.tap("#osk.done"));
        else if (screen(h) == ui::ScreenId::SetUpMaximum)
            REQUIRE(h.tap("#pad.done"));
        else
            REQUIRE(h.tap("setup.next"));
    }
    REQUIRE(h.tap("setup.facilitator.change"));
    typePadPin(h, "111000");  // not Anna's old PIN: said at Finish
    typePadPin(h, "590318");
    typePadPin(h, "590318");
    REQUIRE(h.tap("setup.next"));
    REQUIRE(h.tap("setup.finish"));
    CHECK(problem(h) == "setup.pin.old_wrong");
    REQUIRE(h.tap("setup.back"));
    REQUIRE(screen(h) == ui::ScreenId::SetUpFacilitator);
    typePadPin(h, kPin);
    typePadPin(h, "590318");
    typePadPin(h, "590318");
    REQUIRE(h.tap("setup.next"));
    REQUIRE(h.tap("setup.finish"));
    REQUIRE(screen(h) == ui::ScreenId::FacilitatorHome);
    CHECK(h.store().tryPin("590318").label == "Anna");
    CHECK(h.store().placesWithPositions() == spotsBefore);
}

TEST_CASE("a kiosk set up without the corporation's key says so on the contact step, and the step still fits", "[ui][setup]") {
    for (const bool large : {false, true}) {
        for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
            test::HarnessOptions options;
            options.demo = false;  // no key
            options.width = width;
            options.height = height;
            Harness h(options);
            h.app().setLargeText(large);
            REQUIRE(h.tap("home.tile.idea"));
            REQUIRE(h.tap("theme.traffic"));
            h.type("Drempel");
            REQUIRE(h.tap("#osk.done"));
            REQUIRE(h.tap("#osk.done"));
            REQUIRE(h.tap("idea.place.next"));
            REQUIRE(screen(h) == ui::ScreenId::IdeaContact);
            CHECK_FALSE(h.app().view().staffKey.has_value());
            for (const ui::WidgetInfo& w : h.app().ui().widgets.widgets()) {
                INFO(w.id << (large ? " large " : " ") << width << "x" << height);
                CHECK(w.y1 <= static_cast<float>(height) + 0.5f);
                CHECK(w.height() >= h.app().ui().metrics.touchMin() - 0.5f);
            }
            CHECK(h.has("idea.contact.skip"));
        }
    }
}
