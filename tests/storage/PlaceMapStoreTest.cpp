// The neighbourhood map in storage: places with their spots and the map image, replaced as a
// whole by the next list, rebuilt from the events alone, and a version 5 database that upgrades
// and shows the spots its log already held.
#include "StorageTestSupport.h"

#include "app/core/DemoNeighbourhood.h"
#include "app/core/Hlc.h"
#include "storage/Migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

std::vector<Place> threePlaces() {
    return {{"Kastanjeplein", MapPoint{550, 600}}, {"Buurtkamer", std::nullopt}, {"Speeltuin", MapPoint{0, 1000}}};
}

}  // namespace

TEST_CASE("places keep their spots on the map and the map its image", "[storage][place]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    CHECK(store->placesWithPositions().empty());
    CHECK(store->mapImage().empty());

    REQUIRE(store->setPlacesOnMap(threePlaces(), "kastanjebuurt.png").ok());
    CHECK(store->placesWithPositions() == threePlaces());
    CHECK(store->places() == std::vector<std::string>{"Kastanjeplein", "Buurtkamer", "Speeltuin"});
    CHECK(store->mapImage() == "kastanjebuurt.png");

    // The event says it all: the read tables come back the same from the log alone, and after reopening.
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->placesWithPositions() == threePlaces());
    CHECK(store->mapImage() == "kastanjebuurt.png");
    store.reset();
    store = openOrFail(dir.database());
    CHECK(store->placesWithPositions() == threePlaces());
    CHECK(store->mapImage() == "kastanjebuurt.png");

    // Names are trimmed as for setPlaces, and their spots stay with them.
    REQUIRE(store->setPlacesOnMap({{"  Vijver ", MapPoint{100, 200}}}, "wijk-2.png").ok());
    CHECK(store->placesWithPositions() == std::vector<Place>{{"Vijver", MapPoint{100, 200}}});
    CHECK(store->mapImage() == "wijk-2.png");

    // A list without a map replaces the map too: spots mean nothing without their picture.
    REQUIRE(store->setPlaces({"Kastanjeplein", "Buurtkamer"}).ok());
    CHECK(store->mapImage().empty());
    for (const Place& place : store->placesWithPositions()) CHECK_FALSE(place.onMap.has_value());
    REQUIRE(store->rebuildReadTables().ok());
    CHECK(store->mapImage().empty());
    CHECK(store->places() == std::vector<std::string>{"Kastanjeplein", "Buurtkamer"});
}

TEST_CASE("a bad map or spot is refused and nothing is stored", "[storage][place]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    KioskStore& kiosk = **store;
    REQUIRE(kiosk.setPlacesOnMap(threePlaces(), "kastanjebuurt.png").ok());
    const std::int64_t events = kiosk.eventCount();

    const auto refused = [&](const std::vector<Place>& places, const std::string& map) {
        const Result<void> result = kiosk.setPlacesOnMap(places, map);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidInput);
    };
    refused(threePlaces(), "");                                   // spots without a map
    refused(threePlaces(), "../kaart.png");                        // a path, not a name
    refused(threePlaces(), "kaart.jpg");
    refused({{"Plein", MapPoint{1001, 5}}}, "kaart.png");          // off the map
    refused({{"Plein", MapPoint{5, -1}}}, "kaart.png");
    refused({{"Plein", MapPoint{5, 5}}, {" Plein", MapPoint{6, 6}}}, "kaart.png");  // the same place twice
    refused({{"  ", MapPoint{5, 5}}}, "kaart.png");
    CHECK(kiosk.eventCount() == events);
    CHECK(kiosk.placesWithPositions() == threePlaces());
    CHECK(kiosk.mapImage() == "kastanjebuurt.png");

    // A map with no spots yet is fine: the places are in the list, the picture already shows.
    REQUIRE(kiosk.setPlacesOnMap({{"Plein", std::nullopt}}, "kaart.png").ok());
    CHECK(kiosk.mapImage() == "kaart.png");
}

TEST_CASE("the demo neighbourhood has its map with every place on it", "[storage][place][demo]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    REQUIRE((*store)->addDemoNeighbourhood().ok());
    const DemoNeighbourhood& demo = demoNeighbourhood();
    CHECK((*store)->mapImage() == demo.map);
    const std::vector<Place> places = (*store)->placesWithPositions();
    REQUIRE(places.size() == demo.places.size());
    for (std::size_t i = 0; i < places.size(); ++i) {
        INFO(places[i].name);
        CHECK(places[i].name == demo.places[i]);
        REQUIRE(places[i].onMap.has_value());
        const auto spot = std::find_if(demo.positions.begin(), demo.positions.end(),
                                       [&](const PlacePosition& p) { return p.place == places[i].name; });
        REQUIRE(spot != demo.positions.end());
        CHECK(*places[i].onMap == spot->at);
    }
}

TEST_CASE("a version 5 database upgrades and shows the spots its log already held", "[storage][place][migrations]") {
    ScratchDir dir;
    const std::string kioskId = "5d2e6b8c-3e4f-4b7c-9d0e-1f2a3b4c5d6e";
    // A list with a map that a newer kiosk recorded; a version 5 build applied only the names.
    PlacesSet places;
    places.places = {"Kastanjeplein", "Buurtkamer"};
    places.map = "kastanjebuurt.png";
    places.positions = {{"Buurtkamer", MapPoint{780, 560}}};
    const std::int64_t hlc = static_cast<std::int64_t>(HlcStamp::make(1'764'316'924'000, 0).packed);
    {
        SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        const Result<int> v5 = migrate(db, schemaMigrations().first(5));
        REQUIRE(v5.ok());
        REQUIRE(v5.value() == 5);
        REQUIRE_FALSE(db.tableExists("neighbourhood_map"));
        SQLite::Statement kiosk(db, "INSERT INTO kiosk (id, kiosk_id, created_ms, last_hlc) VALUES (1, ?, 0, ?)");
        kiosk.bind(1, kioskId);
        kiosk.bind(2, hlc);
        kiosk.exec();
        SQLite::Statement event(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, 1, ?, ?, ?, ?)");
        event.bind(1, kioskId);
        event.bind(2, "21111111-2222-4333-8444-555555555555");
        event.bind(3, hlc);
        event.bind(4, std::string(kEventPlacesSet));
        event.bind(5, encodePayload(places));
        event.exec();
        db.exec("INSERT INTO places (position, name) VALUES (0, 'Kastanjeplein'), (1, 'Buurtkamer')");
    }

    auto store = openOrFail(dir.database());
    CHECK(store->schemaVersion() == kSchemaVersion);
    CHECK(store->mapImage() == "kastanjebuurt.png");
    CHECK(store->placesWithPositions() ==
          std::vector<Place>{{"Kastanjeplein", std::nullopt}, {"Buurtkamer", MapPoint{780, 560}}});
}

TEST_CASE("the places table holds a spot only whole and on the map", "[storage][place]") {
    ScratchDir dir;
    openOrFail(dir.database()).reset();
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO places (position, name, map_x, map_y) VALUES (0, 'Plein', 10, 20)");
    CHECK_THROWS_AS(db.exec("INSERT INTO places (position, name, map_x, map_y) VALUES (1, 'Half', 10, NULL)"),
                    SQLite::Exception);
    CHECK_THROWS_AS(db.exec("INSERT INTO places (position, name, map_x, map_y) VALUES (2, 'Half', NULL, 10)"),
                    SQLite::Exception);
    CHECK_THROWS_AS(db.exec("INSERT INTO places (position, name, map_x, map_y) VALUES (3, 'Weg', 1200, 10)"),
                    SQLite::Exception);
}
