// ViewMap (storage/ViewMap.h): the flat map an import keeps its uuids and held ideas in answers
// as a std::map does, through growth and colliding slots.
#include "storage/ViewMap.h"

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

using buurtstem::storage::ViewMap;

TEST_CASE("a view map keeps the first value of each key", "[storage][viewmap]") {
    ViewMap<int> map;
    CHECK(map.empty());
    CHECK(map.find("a") == nullptr);

    const std::string a = "a", b = "b", alsoA = "a";
    auto [first, added] = map.emplace(a, 1);
    CHECK(added);
    CHECK(*first == 1);
    auto [again, addedAgain] = map.emplace(alsoA, 2);  // an equal text, not the same string
    CHECK_FALSE(addedAgain);
    CHECK(*again == 1);
    CHECK(map.emplace(b, 3).second);
    CHECK(map.size() == 2);
    REQUIRE(map.find("b"));
    CHECK(*map.find("b") == 3);
    CHECK(map.contains("a"));
    CHECK_FALSE(map.contains("c"));
    CHECK_FALSE(map.contains(""));

    *map.find("a") = 7;
    CHECK(*map.find(alsoA) == 7);

    map.clear();
    CHECK(map.empty());
    CHECK_FALSE(map.contains("a"));
    CHECK(map.emplace(b, 4).second);
    CHECK(*map.find("b") == 4);
}

TEST_CASE("a view map grows and answers as a std::map for many keys", "[storage][viewmap]") {
    std::mt19937 random(7);
    std::vector<std::string> keys;
    for (int i = 0; i < 20'000; ++i) keys.push_back(std::to_string(random() % 15'000));  // with repeats
    keys.emplace_back();  // the empty text is a key like any other

    for (const std::size_t reserved : {std::size_t{0}, keys.size()}) {
        INFO("reserved " << reserved);
        ViewMap<std::size_t> map(reserved);
        std::map<std::string, std::size_t> expected;
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const bool added = map.emplace(keys[i], i).second;
            CHECK(added == expected.emplace(keys[i], i).second);
        }
        REQUIRE(map.size() == expected.size());
        for (const auto& [key, index] : expected) {
            const std::size_t* found = map.find(key);
            REQUIRE(found);
            CHECK(*found == index);
        }
        for (int i = 15'000; i < 15'100; ++i) CHECK_FALSE(map.contains(std::to_string(i)));

        std::map<std::string, std::size_t> visited;  // every key once, with its value
        map.forEach([&visited](std::string_view key, std::size_t& index) { CHECK(visited.emplace(key, index).second); });
        CHECK(visited == expected);
    }
}
