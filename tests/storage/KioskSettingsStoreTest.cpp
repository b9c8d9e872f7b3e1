// The set-up's storage: kiosk settings (languages offered, idle times) round trip as a setting of
// this device, survive a restart and a rebuild, and bad values are refused with nothing changed;
// naming the neighbourhood is an event; a facilitator's PIN changes only with the old one.
#include "StorageTestSupport.h"

#include <SQLiteCpp/SQLiteCpp.h>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

TEST_CASE("kiosk settings round trip, survive a restart and a rebuild, and are not events", "[storage][setup]") {
    ScratchDir dir;
    KioskPreferences chosen;
    chosen.languages = {"ar", "en"};
    chosen.askAfterSeconds = 120;
    chosen.startOverSeconds = 15;
    {
        auto store = openOrFail(dir.database());
        CHECK_FALSE(store->kioskPreferences().has_value());
        const std::int64_t events = store->eventCount();
        REQUIRE(store->setKioskPreferences(chosen).ok());
        CHECK(store->eventCount() == events);  // a setting of this device: nothing travels to other kiosks
        REQUIRE(store->kioskPreferences().has_value());
        CHECK(store->kioskPreferences()->languages == std::vector<std::string>{"nl", "en", "ar"});
        REQUIRE(store->rebuildReadTables().ok());
        CHECK(store->kioskPreferences()->askAfterSeconds == 120);
    }
    auto reopened = openOrFail(dir.database());
    REQUIRE(reopened->kioskPreferences().has_value());
    CHECK(reopened->kioskPreferences()->languages == std::vector<std::string>{"nl", "en", "ar"});
    CHECK(reopened->kioskPreferences()->askAfterSeconds == 120);
    CHECK(reopened->kioskPreferences()->startOverSeconds == 15);

    SECTION("bad values are refused and the stored ones stay") {
        KioskPreferences bad = chosen;
        bad.languages = {"de"};
        CHECK(reopened->setKioskPreferences(bad).error().code == ErrorCode::InvalidInput);
        bad = chosen;
        bad.askAfterSeconds = 45;
        CHECK(reopened->setKioskPreferences(bad).error().code == ErrorCode::InvalidInput);
        bad = chosen;
        bad.startOverSeconds = 0;
        CHECK(reopened->setKioskPreferences(bad).error().code == ErrorCode::InvalidInput);
        CHECK(reopened->kioskPreferences()->askAfterSeconds == 120);
        CHECK(reopened->kioskPreferences()->startOverSeconds == 15);
    }
    SECTION("the table refuses a row without Dutch, and a row changed by hand that breaks the rules reads as none") {
        reopened.reset();
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE);
        CHECK_THROWS(db.exec("UPDATE kiosk_settings SET languages = 'en,ar'"));
        db.exec("UPDATE kiosk_settings SET ask_after_s = 7");
        auto store = openOrFail(dir.database());
        CHECK_FALSE(store->kioskPreferences().has_value());
    }
}

TEST_CASE("naming the neighbourhood is an event that rebuilds", "[storage][setup]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    REQUIRE((*store)->setNeighbourhoodName("  Kastanjebuurt ").ok());
    CHECK((*store)->neighbourhoodName() == "Kastanjebuurt");
    const std::vector<Event> events = (*store)->events();
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().type == kEventNeighbourhoodNamed);
    CHECK((*store)->setNeighbourhoodName("\n").error().code == ErrorCode::InvalidInput);
    CHECK((*store)->setNeighbourhoodName(std::string(61, 'x')).error().code == ErrorCode::InvalidInput);
    REQUIRE((*store)->rebuildReadTables().ok());
    CHECK((*store)->neighbourhoodName() == "Kastanjebuurt");
    // Once named for real, the demo never mixes in.
    CHECK(*(*store)->addDemoNeighbourhood() == 0);
}

TEST_CASE("a facilitator's PIN changes only with the old PIN", "[storage][setup][facilitator]") {
    auto opened = KioskStore::openInMemory();
    REQUIRE(opened.ok());
    KioskStore& store = **opened;
    REQUIRE(store.addFacilitator("Anna", "284615").ok());
    REQUIRE(store.addFacilitator("Kees", "903172").ok());

    CHECK(store.changeFacilitatorPin("Anna", "111222", "590318").error().code == ErrorCode::InvalidInput);  // wrong old PIN
    CHECK(store.changeFacilitatorPin("Anna", "284615", "123456").error().code == ErrorCode::InvalidInput);  // too simple
    CHECK(store.changeFacilitatorPin("Anna", "284615", "903172").error().code == ErrorCode::InvalidInput);  // Kees's
    CHECK(store.changeFacilitatorPin("Bram", "284615", "590318").error().code == ErrorCode::NotFound);
    CHECK(store.tryPin("284615").label == "Anna");  // nothing changed

    REQUIRE(store.changeFacilitatorPin("Anna", "284615", "590318").ok());
    CHECK(store.tryPin("590318").label == "Anna");
    CHECK(store.tryPin("284615").outcome == KioskStore::PinOutcome::Wrong);
    CHECK(store.tryPin("903172").label == "Kees");
}
