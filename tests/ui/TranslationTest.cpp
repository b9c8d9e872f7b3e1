// Every translation key the screens use exists in every language, and every language has only
// keys the code uses. Keys are the string literals of key shape ("home.tile.idea") in app/ui
// and app/cli; widget ids that are not keys start with '#'.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace buurtstem;

namespace {

std::set<std::string> keysUsedInCode() {
    const std::regex literal("\"([a-z][a-z0-9_]*(\\.[a-z0-9_]+)+)\"");
    std::set<std::string> keys;
    for (const char* folder : {"/app/ui", "/app/cli"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(BUURTSTEM_SOURCE_DIR) + folder)) {
            if (!entry.is_regular_file()) continue;
            const std::string ext = entry.path().extension().string();
            if (ext != ".cpp" && ext != ".h") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            const std::string source = text.str();
            for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
                const std::string key = (*it)[1];
                // File names and font paths are not keys.
                // (By their ending: "ballot.points.on" is a key, though it holds ".po".)
                const auto endsWith = [&key](std::string_view end) {
                    return key.size() >= end.size() && key.compare(key.size() - end.size(), end.size(), end) == 0;
                };
                if (endsWith(".ttf") || endsWith(".po") || endsWith(".sqlite") || endsWith(".png") || endsWith(".txt") ||
                    endsWith(".key"))
                    continue;
                keys.insert(key);
            }
        }
    }
    return keys;
}

}  // namespace

TEST_CASE("every key used by the screens is translated in every language", "[i18n]") {
    const std::set<std::string> used = keysUsedInCode();
    REQUIRE(used.size() > 50);
    const i18n::Translator translations = test::shippedTranslations();
    for (const i18n::Language& language : translations.languages()) {
        const i18n::Catalog* catalog = translations.catalog(language.code);
        REQUIRE(catalog);
        for (const std::string& key : used) {
            INFO(language.code << ": " << key);
            CHECK(catalog->find(key) != nullptr);
        }
        for (const std::string& key : catalog->keys()) {
            INFO(language.code << " has a key no code uses: " << key);
            CHECK(used.count(key) == 1);
        }
    }
}

TEST_CASE("placeholders survive translation", "[i18n]") {
    const std::regex placeholder("\\{[a-z_]+\\}");
    const i18n::Translator translations = test::shippedTranslations();
    const i18n::Catalog* dutch = translations.catalog("nl");
    REQUIRE(dutch);
    for (const i18n::Language& language : translations.languages()) {
        const i18n::Catalog* catalog = translations.catalog(language.code);
        for (const std::string& key : dutch->keys()) {
            const std::string* nl = dutch->find(key);
            const std::string* other = catalog->find(key);
            if (!nl || !other) continue;
            std::multiset<std::string> a, b;
            for (std::sregex_iterator it(nl->begin(), nl->end(), placeholder), end; it != end; ++it) a.insert(it->str());
            for (std::sregex_iterator it(other->begin(), other->end(), placeholder), end; it != end; ++it) b.insert(it->str());
            INFO(language.code << ": " << key);
            CHECK(a == b);
        }
    }
}
