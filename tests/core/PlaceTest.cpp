// Places on the neighbourhood map: the neighbourhood.places_set payload with and without a map,
// payloads of older builds, and what a payload may not carry.
#include "app/core/DemoNeighbourhood.h"
#include "app/core/Event.h"
#include "app/core/Place.h"

#include <catch2/catch.hpp>

#include <set>

using namespace buurtstem;

TEST_CASE("a places_set payload of a build before the map still reads", "[event][place]") {
    const Result<PlacesSet> old = decodePlacesSet(R"({"places":["Kastanjeplein","Buurtkamer"]})");
    REQUIRE(old.ok());
    CHECK(old->places == std::vector<std::string>{"Kastanjeplein", "Buurtkamer"});
    CHECK(old->map.empty());
    CHECK(old->positions.empty());
}

TEST_CASE("a list without a map is written as before", "[event][place]") {
    PlacesSet payload;
    payload.places = {"Kastanjeplein", "Buurtkamer"};
    CHECK(encodePayload(payload) == R"({"places":["Kastanjeplein","Buurtkamer"]})");
}

TEST_CASE("the map and the positions go and come back", "[event][place]") {
    PlacesSet payload;
    payload.places = {"Kastanjeplein", "Buurtkamer", "Speeltuin"};
    payload.map = "kastanjebuurt.png";
    payload.positions = {{"Buurtkamer", {250, 700}}, {"Kastanjeplein", {480, 395}}};  // the speeltuin only in the list
    const std::string json = encodePayload(payload);
    CHECK(json ==
          R"({"places":["Kastanjeplein","Buurtkamer","Speeltuin"],"map":"kastanjebuurt.png",)"
          R"("positions":[{"place":"Buurtkamer","x":250,"y":700},{"place":"Kastanjeplein","x":480,"y":395}]})");
    const Result<PlacesSet> back = decodePlacesSet(json);
    REQUIRE(back.ok());
    CHECK(back->places == payload.places);
    CHECK(back->map == payload.map);
    REQUIRE(back->positions.size() == 2);
    CHECK(back->positions[0].place == "Buurtkamer");
    CHECK(back->positions[0].at == MapPoint{250, 700});
    CHECK(back->positions[1].at == MapPoint{480, 395});
    // The edges of the map are on it.
    payload.positions = {{"Speeltuin", {0, 1000}}};
    CHECK(decodePlacesSet(encodePayload(payload)).ok());
}

TEST_CASE("a places_set payload with a bad map or position is refused", "[event][place]") {
    const char* refused[] = {
        R"({"places":["A"],"positions":[{"place":"A","x":1,"y":1}]})",                          // positions, no map
        R"({"places":["A"],"map":"m.png","positions":[{"place":"B","x":1,"y":1}]})",            // not a listed place
        R"({"places":["A"],"map":"m.png","positions":[{"place":"A","x":1001,"y":1}]})",         // off the map
        R"({"places":["A"],"map":"m.png","positions":[{"place":"A","x":5,"y":-1}]})",           // off the map
        R"({"places":["A"],"map":"m.png","positions":[{"place":"A","x":1,"y":1},{"place":"A","x":2,"y":2}]})",
        R"({"places":["A"],"map":"m.png","positions":[{"place":"A","x":1}]})",                  // no y
        R"({"places":["A"],"map":"../../etc/passwd.png"})",                                     // a path, not a name
        R"({"places":["A"],"map":"kaart.svg"})",
        R"({"places":["A"],"map":".png"})",
        R"({"places":["A"],"map":"kaart.png","positions":"A"})",
    };
    for (const char* json : refused) {
        INFO(json);
        const Result<PlacesSet> decoded = decodePlacesSet(json);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::InvalidInput);
    }
}

TEST_CASE("map image names are plain png file names", "[place]") {
    CHECK(isValidMapImageName("kastanjebuurt.png"));
    CHECK(isValidMapImageName("Wijk_Noord-2.png"));
    CHECK_FALSE(isValidMapImageName(""));
    CHECK_FALSE(isValidMapImageName("maps/kastanjebuurt.png"));
    CHECK_FALSE(isValidMapImageName("..\\kaart.png"));
    CHECK_FALSE(isValidMapImageName(".verborgen.png"));
    CHECK_FALSE(isValidMapImageName("kaart.PNG.txt"));
    CHECK_FALSE(isValidMapImageName("kaart met spatie.png"));
    CHECK_FALSE(isValidMapImageName(std::string(120, 'a') + ".png"));
}

TEST_CASE("the demo neighbourhood puts every place on its map, apart from each other", "[place][demo]") {
    const DemoNeighbourhood& demo = demoNeighbourhood();
    REQUIRE(isValidMapImageName(demo.map));
    REQUIRE(demo.positions.size() == demo.places.size());
    std::set<std::string> named;
    for (const PlacePosition& position : demo.positions) {
        INFO(position.place);
        CHECK(std::find(demo.places.begin(), demo.places.end(), position.place) != demo.places.end());
        CHECK(isOnMap(position.at));
        // Markers and their names must stay on the map: not on its very edge.
        CHECK(position.at.x >= 50);
        CHECK(position.at.x <= 950);
        CHECK(position.at.y >= 50);
        CHECK(position.at.y <= 950);
        named.insert(position.place);
    }
    CHECK(named.size() == demo.places.size());
    // Far enough apart for two fingers' targets on a small map.
    for (std::size_t i = 0; i < demo.positions.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const MapPoint a = demo.positions[i].at, b = demo.positions[j].at;
            INFO(demo.positions[i].place << " and " << demo.positions[j].place);
            CHECK((std::abs(a.x - b.x) >= 150 || std::abs(a.y - b.y) >= 100));
        }
    PlacesSet payload;
    payload.places = demo.places;
    payload.map = demo.map;
    payload.positions = demo.positions;
    CHECK(decodePlacesSet(encodePayload(payload)).ok());
}
