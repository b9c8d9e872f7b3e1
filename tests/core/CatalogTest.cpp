// PO parsing and the Translator's language order, fallback and placeholders.
#include "app/core/i18n/Catalog.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <random>

using namespace buurtstem;
using namespace buurtstem::i18n;

namespace {

constexpr std::string_view kDutchPo = R"po(# Buurtstem, Dutch.
msgid ""
msgstr ""
"Project-Id-Version: buurtstem\n"
"Language: nl\n"
"Language-Name: Nederlands\n"
"Content-Type: text/plain; charset=UTF-8\n"

#. The big tile on the home screen.
#: app/ui/screens/Home.cpp:12
msgid "home.tile.idea"
msgstr "Deel een idee"

# A translator's note.
msgid "home.intro"
msgstr ""
"Welkom in de buurt.\n"
"Tik op een tegel."

msgid "escapes"
msgstr "Tab\there, \"quoted\", back\\slash"

#, fuzzy
msgid "fuzzy.key"
msgstr "Nog niet klaar"

#, c-format, fuzzy
msgid "fuzzy.second"
msgstr "Ook niet klaar"

#, c-format
msgid "not.fuzzy"
msgstr "Wel klaar"

msgid "untranslated"
msgstr ""

msgctxt "button"
msgid "with.context"
msgstr "Met context"

msgid "idea.count"
msgid_plural "idea.count.plural"
msgstr[0] "{n} idee"
msgstr[1] "{n} ideeën"

#~ msgid "old.key"
#~ msgstr "Oud"
msgid "last"
msgstr "Laatste"
)po";

Catalog parse(std::string_view text, std::string code) {
    Result<Catalog> catalog = Catalog::parsePo(text, std::move(code));
    if (!catalog) FAIL("parse failed: " << catalog.error().detail);
    return std::move(catalog).value();
}

std::string parseErrorOf(std::string_view text) {
    const Result<Catalog> catalog = Catalog::parsePo(text, "nl");
    if (catalog) return "(no error)";
    CHECK(catalog.error().code == ErrorCode::InvalidInput);
    return catalog.error().detail;
}

std::string header(std::string_view extra) {
    return "msgid \"\"\nmsgstr \"\"\n\"Language-Name: Test\\n\"\n" + std::string(extra) + "\n";
}

// A fresh folder under the system temp directory, removed again when the test ends.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() / ("buurtstem-core-test-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    void write(const std::string& name, std::string_view text) const {
        std::ofstream(path_ / name, std::ios::binary) << text;
    }

private:
    std::filesystem::path path_;
};

std::string po(std::string_view languageName, std::initializer_list<std::pair<std::string_view, std::string_view>> entries) {
    std::string text = "msgid \"\"\nmsgstr \"Language-Name: " + std::string(languageName) + "\\n\"\n\n";
    for (const auto& [key, value] : entries) {
        text += "msgid \"" + std::string(key) + "\"\nmsgstr \"" + std::string(value) + "\"\n\n";
    }
    return text;
}

}  // namespace

TEST_CASE("a PO file with comments, multi-line strings and escapes is read", "[i18n]") {
    const Catalog catalog = parse(kDutchPo, "nl");
    CHECK(catalog.language().code == "nl");
    CHECK(catalog.language().nativeName == "Nederlands");
    CHECK_FALSE(catalog.language().rightToLeft);

    REQUIRE(catalog.find("home.tile.idea"));
    CHECK(*catalog.find("home.tile.idea") == "Deel een idee");
    REQUIRE(catalog.find("home.intro"));
    CHECK(*catalog.find("home.intro") == "Welkom in de buurt.\nTik op een tegel.");
    REQUIRE(catalog.find("escapes"));
    CHECK(*catalog.find("escapes") == "Tab\there, \"quoted\", back\\slash");
    REQUIRE(catalog.find("not.fuzzy"));
    CHECK(*catalog.find("not.fuzzy") == "Wel klaar");
    REQUIRE(catalog.find("with.context"));
    CHECK(*catalog.find("with.context") == "Met context");
    REQUIRE(catalog.find("idea.count"));
    CHECK(*catalog.find("idea.count") == "{n} idee");
    REQUIRE(catalog.find("last"));
    CHECK(*catalog.find("last") == "Laatste");
}

TEST_CASE("fuzzy, empty and obsolete entries count as missing", "[i18n]") {
    const Catalog catalog = parse(kDutchPo, "nl");
    CHECK(catalog.find("fuzzy.key") == nullptr);
    CHECK(catalog.find("fuzzy.second") == nullptr);
    CHECK(catalog.find("untranslated") == nullptr);
    CHECK(catalog.find("old.key") == nullptr);
    CHECK(catalog.find("idea.count.plural") == nullptr);
    CHECK(catalog.find("") == nullptr);
    CHECK(catalog.keys() == std::vector<std::string>{"escapes", "home.intro", "home.tile.idea", "idea.count",
                                                     "last", "not.fuzzy", "with.context"});
    CHECK(catalog.size() == 7);
}

TEST_CASE("Windows line endings and a byte order mark are accepted", "[i18n]") {
    const Catalog catalog =
        parse("\xEF\xBB\xBFmsgid \"a\"\r\nmsgstr \"\"\r\n\"een \"\r\n\"twee\"\r\n", "nl");
    REQUIRE(catalog.find("a"));
    CHECK(*catalog.find("a") == "een twee");
}

TEST_CASE("the header decides name and writing direction", "[i18n]") {
    CHECK(parse(header(""), "ar").language().rightToLeft);
    CHECK_FALSE(parse(header("\"X-Text-Direction: ltr\\n\""), "ar").language().rightToLeft);
    CHECK(parse(header("\"X-Text-Direction: rtl\\n\""), "xx").language().rightToLeft);
    CHECK_FALSE(parse(header(""), "tr").language().rightToLeft);
    CHECK(parse(header(""), "tr").language().nativeName == "Test");
    CHECK(parse("", "pl").language().nativeName == "pl");  // no header: the code stands in
    CHECK(parse(header("\"Language: uk\\n\""), "").language().code == "uk");
}

TEST_CASE("parse errors name the line", "[i18n]") {
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\nmsgstr \"d\"\n"), Catch::Contains("line 4"));
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr \"b\"\nmsgfoo \"c\"\n"), Catch::Contains("line 3"));
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr \"b\"\nmsgfoo \"c\"\n"), Catch::Contains("msgfoo"));
    CHECK_THAT(parseErrorOf("\n\nmsgstr \"b\"\n"), Catch::Contains("line 3"));
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr \"bad \\q escape\"\n"), Catch::Contains("line 2"));
    CHECK_THAT(parseErrorOf("# c\nmsgid \"a\"\n"), Catch::Contains("line 2"));  // msgid without msgstr
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgid \"b\"\nmsgstr \"c\"\n"), Catch::Contains("line 1"));
    CHECK_THAT(parseErrorOf("\"orphan\"\n"), Catch::Contains("line 1"));
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr \"b\" extra\n"), Catch::Contains("line 2"));
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"a\"\nmsgstr \"c\"\n"),
               Catch::Contains("line 4") && Catch::Contains("duplicate"));
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr[x] \"b\"\n"), Catch::Contains("line 2"));
    CHECK_THAT(parseErrorOf("msgid \"a\"\nmsgstr\n"), Catch::Contains("line 2"));
}

TEST_CASE("loadFile reads a file and reports a missing one as MissingAsset", "[i18n]") {
    TempDir dir;
    dir.write("en.po", po("English", {{"home.tile.idea", "Share an idea"}}));
    const Result<Catalog> catalog = Catalog::loadFile(dir.path() / "en.po", "en");
    REQUIRE(catalog.ok());
    CHECK(catalog->language().nativeName == "English");
    CHECK(*catalog->find("home.tile.idea") == "Share an idea");

    const Result<Catalog> missing = Catalog::loadFile(dir.path() / "xx.po", "xx");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::MissingAsset);

    dir.write("bad.po", "msgid \"a\"\nmsgstr \"b\n");
    const Result<Catalog> bad = Catalog::loadFile(dir.path() / "bad.po", "bad");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(bad.error().detail, Catch::Contains("bad.po") && Catch::Contains("line 2"));
}

TEST_CASE("loadFolder orders languages Dutch first and falls back to Dutch, then the key", "[i18n]") {
    TempDir dir;
    dir.write("de.po", po("Deutsch", {{"home.tile.idea", "Idee teilen"}}));
    dir.write("ar.po", po("\xD8\xA7\xD9\x84\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xA9", {{"home.tile.idea", "x"}}));
    dir.write("en.po", po("English", {{"home.tile.idea", "Share an idea"}}));
    dir.write("tr.po", po("T\xC3\xBCrk\xC3\xA7""e", {}));
    dir.write("nl.po", po("Nederlands", {{"home.tile.idea", "Deel een idee"}, {"home.only.dutch", "Alleen NL"}}));
    dir.write("README.txt", "not a catalog");

    Result<Translator> loaded = Translator::loadFolder(dir.path());
    REQUIRE(loaded.ok());
    Translator& translator = *loaded;

    std::vector<std::string> codes;
    for (const Language& language : translator.languages()) codes.push_back(language.code);
    CHECK(codes == std::vector<std::string>{"nl", "en", "tr", "ar", "de"});
    CHECK(translator.languages()[3].rightToLeft);
    CHECK(translator.language().code == "nl");
    CHECK(std::string(translator.tr("home.tile.idea")) == "Deel een idee");

    REQUIRE(translator.setLanguage("en"));
    CHECK(translator.language().nativeName == "English");
    CHECK(std::string(translator.tr("home.tile.idea")) == "Share an idea");
    CHECK(std::string(translator.tr("home.only.dutch")) == "Alleen NL");
    CHECK(std::string(translator.tr("no.such.key")) == "no.such.key");

    CHECK_FALSE(translator.setLanguage("fr"));
    CHECK(translator.language().code == "en");
    REQUIRE(translator.catalog("de"));
    CHECK(translator.catalog("de")->language().nativeName == "Deutsch");
    CHECK(translator.catalog("fr") == nullptr);
}

TEST_CASE("without Dutch the first language in the order is the fallback", "[i18n]") {
    TempDir dir;
    dir.write("pl.po", po("Polski", {{"only.polish", "Tylko PL"}}));
    dir.write("en.po", po("English", {{"both", "Both"}, {"only.english", "Only EN"}}));
    Result<Translator> loaded = Translator::loadFolder(dir.path());
    REQUIRE(loaded.ok());
    CHECK(loaded->language().code == "en");
    REQUIRE(loaded->setLanguage("pl"));
    CHECK(std::string(loaded->tr("only.english")) == "Only EN");
    CHECK(std::string(loaded->tr("only.polish")) == "Tylko PL");
}

TEST_CASE("loadFolder reports an empty or missing folder and broken files", "[i18n]") {
    TempDir dir;
    const Result<Translator> empty = Translator::loadFolder(dir.path());
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().code == ErrorCode::MissingAsset);

    const Result<Translator> missing = Translator::loadFolder(dir.path() / "does-not-exist");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::MissingAsset);

    dir.write("nl.po", "msgid \"a\"\nmsgstr \"b\"\nnonsense\n");
    const Result<Translator> broken = Translator::loadFolder(dir.path());
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().code == ErrorCode::InvalidInput);
    CHECK_THAT(broken.error().detail, Catch::Contains("nl.po") && Catch::Contains("line 3"));
}

TEST_CASE("tr returns a stable NUL-terminated text for a key that is not NUL-terminated", "[i18n]") {
    const Translator translator = Translator::fromCatalogs({});
    const std::string_view longer = "screen.title.extra";
    const char* first = translator.tr(longer.substr(0, 12));
    CHECK(std::string(first) == "screen.title");
    CHECK(translator.tr(longer.substr(0, 12)) == first);
    CHECK(std::string(translator.tr(longer)) == "screen.title.extra");
    CHECK(translator.language().code.empty());
    CHECK(translator.languages().empty());
}

TEST_CASE("format replaces named placeholders", "[i18n]") {
    std::vector<Catalog> catalogs;
    catalogs.push_back(parse(po("English", {{"done", "Thank you! Your code is {code}."}}), "en"));
    catalogs.push_back(parse(po("Nederlands", {{"done", "Dank je! Je code is {code}."},
                                               {"pair", "{a} en {b} en weer {a}"},
                                               {"unknown", "Hallo {naam}, {code}"}}),
                             "nl"));
    Translator translator = Translator::fromCatalogs(std::move(catalogs));
    CHECK(translator.language().code == "nl");  // sorted Dutch first whatever the input order

    CHECK(translator.format("done", {{"code", "K7P-3QX"}}) == "Dank je! Je code is K7P-3QX.");
    CHECK(translator.format("pair", {{"a", "1"}, {"b", "2"}}) == "1 en 2 en weer 1");
    CHECK(translator.format("unknown", {{"code", "X"}}) == "Hallo {naam}, X");
    CHECK(translator.format("missing {code}", {{"code", "X"}}) == "missing X");
    REQUIRE(translator.setLanguage("en"));
    CHECK(translator.format("done", {{"code", "K7P-3QX"}}) == "Thank you! Your code is K7P-3QX.");
}
