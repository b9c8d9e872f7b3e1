// The moderation word lists: whole folded words of any language's list flag an idea; a listed
// word inside a longer, innocent word does not.
#include "app/core/FlaggedWords.h"
#include "app/core/Moderation.h"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace buurtstem;

namespace {

FlaggedWords lists() {
    FlaggedWords words;
    words.addList("# Nederlands\nklootzak\nkut\n\n  hoer  \n");
    words.addList("# Türkçe\nşerefsiz\norospu çocuğu\n");
    words.addList("сука\n");
    words.addList("ابن الكلب\n");
    return words;
}

}  // namespace

TEST_CASE("listed words match whatever their case, accents and punctuation", "[core][moderation]") {
    const FlaggedWords words = lists();
    CHECK(words.size() == 7);  // comments and blank lines are no entries
    CHECK(words.find("Wat een KLOOTZAK!") == std::vector<std::string>{"klootzak"});
    CHECK(words.find("die buurman is een klootzak, echt") == std::vector<std::string>{"klootzak"});
    CHECK(words.find("Serefsiz komşu") == std::vector<std::string>{"şerefsiz"});  // typed without the cedilla
    CHECK(words.find("ŞEREFSİZ") == std::vector<std::string>{"şerefsiz"});
    CHECK(words.find("Ти СУКА") == std::vector<std::string>{"сука"});
    CHECK(words.find("hoer en kut") == std::vector<std::string>{"kut", "hoer"});  // list order, each once
    CHECK(words.find("kut kut kut").size() == 1);
}

TEST_CASE("a phrase matches only as whole words in a row", "[core][moderation]") {
    const FlaggedWords words = lists();
    CHECK(words.find("Orospu  çocuğu!") == std::vector<std::string>{"orospu çocuğu"});
    CHECK(words.find("çocuğu orospu").empty());
    CHECK(words.find("هذا ابن الكلب") == std::vector<std::string>{"ابن الكلب"});
    CHECK(words.find("ابن الجيران").empty());
}

TEST_CASE("no match inside longer innocent words", "[core][moderation]") {
    const FlaggedWords words = lists();
    CHECK(words.find("Kutsal bir yer").empty());  // Turkish: holy
    CHECK(words.find("De kutterweg is te druk").empty());
    CHECK(words.find("Hoera! De hoek bij de hoeve").empty());
    CHECK(words.find("").empty());
    CHECK(FlaggedWords().find("klootzak").empty());
}

TEST_CASE("the shipped lists load, one per kiosk language", "[core][moderation]") {
    Result<FlaggedWords> shipped = FlaggedWords::loadFolder(BUURTSTEM_SOURCE_DIR "/assets/moderation");
    REQUIRE(shipped.ok());
    CHECK(shipped->size() >= 30);
    for (const char* language : {"nl", "en", "tr", "pl", "uk", "ar"})
        CHECK(std::filesystem::exists(std::filesystem::path(BUURTSTEM_SOURCE_DIR "/assets/moderation") / (std::string(language) + ".txt")));
    CHECK_FALSE(shipped->find("Een bankje bij de speeltuin, graag").size() > 0);
    CHECK_FALSE(FlaggedWords::loadFolder("/no/such/folder").ok());
}

TEST_CASE("moderation payloads round-trip and refuse what they must", "[core][moderation]") {
    IdeaHidden hidden{"id-1", HideReason::Other, "staat er al twee keer"};
    Result<IdeaHidden> hiddenBack = decodeIdeaHidden(encodePayload(hidden));
    REQUIRE(hiddenBack.ok());
    CHECK(hiddenBack->reason == HideReason::Other);
    CHECK(hiddenBack->note == "staat er al twee keer");
    CHECK_FALSE(decodeIdeaHidden(encodePayload(IdeaHidden{"id-1", HideReason::Other, ""})).ok());
    CHECK_FALSE(decodeIdeaHidden(R"({"ideaId":"id-1","reason":"ugly"})").ok());
    CHECK(decodeIdeaHidden(R"({"ideaId":"id-1","reason":"insulting"})").ok());

    Classification c;
    c.theme = Theme::Green;
    c.partners = {Partner::Corporation, Partner::Municipality};
    c.dimension = LiveabilityDimension::PhysicalEnvironment;
    c.costCents = 123456;
    c.feasibility = "Kan in het voorjaar, met de gemeente.";
    Result<IdeaClassified> classified = decodeIdeaClassified(encodePayload(IdeaClassified{"id-2", c}));
    REQUIRE(classified.ok());
    CHECK(classified->classification == c);
    const Classification open;  // nothing chosen: no dimension, no cost
    Result<IdeaClassified> empty = decodeIdeaClassified(encodePayload(IdeaClassified{"id-2", open}));
    REQUIRE(empty.ok());
    CHECK(empty->classification == open);
    CHECK_FALSE(decodeIdeaClassified(R"({"ideaId":"id-2","theme":"green","partners":[],"costCents":-1})").ok());
    CHECK_FALSE(decodeIdeaClassified(R"({"ideaId":"id-2","theme":"green","partners":["police"]})").ok());

    CHECK(decodeIdeaMerged(encodePayload(IdeaMerged{"a", "b"})).ok());
    CHECK_FALSE(decodeIdeaMerged(encodePayload(IdeaMerged{"a", "a"})).ok());
    CHECK(decodeIdeaCorrected(encodePayload(IdeaCorrected{"a", "Titel", "Tekst"})).ok());
    for (LiveabilityDimension d : kAllDimensions) CHECK(dimensionFromId(dimensionId(d)) == d);
}
