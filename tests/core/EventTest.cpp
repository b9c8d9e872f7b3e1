// Event payloads: compact, deterministic JSON that reads back exactly, and a clean error for
// anything else.
#include "app/core/Event.h"

#include <catch2/catch.hpp>

#include <set>

using namespace buurtstem;

namespace {

IdeaSubmitted samplePayload(Theme theme) {
    IdeaSubmitted payload;
    payload.ideaId = "123e4567-e89b-42d3-a456-426614174000";
    payload.reference = "K7P-3QX";
    payload.theme = theme;
    payload.title = "Bankje bij de \"speeltuin\" \xE2\x80\x94 graag!";  // quotes and an em dash
    payload.body = "Regel een.\nRegel twee: \\ en \t tab.  Twee spaties.";
    payload.demo = true;
    return payload;
}

}  // namespace

TEST_CASE("IdeaSubmitted is written as compact JSON with named fields", "[event]") {
    IdeaSubmitted payload;
    payload.ideaId = "id-1";
    payload.reference = "K7P-3QX";
    payload.theme = Theme::Green;
    payload.title = "Nieuwe bomen";
    payload.body = "";
    CHECK(encodePayload(payload) ==
          R"({"ideaId":"id-1","reference":"K7P-3QX","theme":"green","title":"Nieuwe bomen","body":"","demo":false})");
}

TEST_CASE("NeighbourhoodNamed is written as compact JSON", "[event]") {
    CHECK(encodePayload(NeighbourhoodNamed{"Demo: De Kastanjebuurt", true}) ==
          R"({"name":"Demo: De Kastanjebuurt","demo":true})");
}

TEST_CASE("encoding is deterministic and one line", "[event]") {
    const std::string first = encodePayload(samplePayload(Theme::Care));
    CHECK(first == encodePayload(samplePayload(Theme::Care)));
    CHECK(first.find('\n') == std::string::npos);
}

TEST_CASE("IdeaSubmitted round-trips for every theme", "[event]") {
    for (Theme theme : kAllThemes) {
        const IdeaSubmitted original = samplePayload(theme);
        const std::string json = encodePayload(original);
        INFO(json);
        CHECK(json.find(std::string("\"theme\":\"") + std::string(themeId(theme)) + "\"") != std::string::npos);
        const Result<IdeaSubmitted> decoded = decodeIdeaSubmitted(json);
        REQUIRE(decoded.ok());
        CHECK(decoded->ideaId == original.ideaId);
        CHECK(decoded->reference == original.reference);
        CHECK(decoded->theme == theme);
        CHECK(decoded->title == original.title);
        CHECK(decoded->body == original.body);
        CHECK(decoded->demo == original.demo);
    }
}

TEST_CASE("NeighbourhoodNamed round-trips", "[event]") {
    const Result<NeighbourhoodNamed> decoded =
        decodeNeighbourhoodNamed(encodePayload(NeighbourhoodNamed{"Schilderswijk  \xC3\xA9\xC3\xA9n", false}));
    REQUIRE(decoded.ok());
    CHECK(decoded->name == "Schilderswijk  \xC3\xA9\xC3\xA9n");
    CHECK_FALSE(decoded->demo);
}

TEST_CASE("decoding accepts any field order and white space", "[event]") {
    const Result<IdeaSubmitted> decoded = decodeIdeaSubmitted(R"(
        { "demo" : false, "body" : "b", "title" : "t t", "theme" : "traffic",
          "reference" : "AAA-222", "ideaId" : "x" })");
    REQUIRE(decoded.ok());
    CHECK(decoded->theme == Theme::Traffic);
    CHECK(decoded->title == "t t");
    CHECK(decoded->reference == "AAA-222");
}

TEST_CASE("decoding rejects garbage with InvalidInput", "[event]") {
    const char* const bad[] = {
        "",
        "   ",
        "garbage",
        "[]",
        R"(["x","AAA-222","green","t","b",false])",
        "{",
        R"({"ideaId":"x"})",
        R"({"ideaId":"x","reference":"AAA-222","theme":"parking","title":"t","body":"b","demo":false})",
        R"({"ideaId":"x","reference":"AAA-222","theme":"green","title":"t","body":"b","demo":"yes"})",
        R"({"ideaId":1,"reference":"AAA-222","theme":"green","title":"t","body":"b","demo":false})",
        R"({"ideaId":"x","reference":"AAA-222","theme":"green","title":"t","body":"b","demo":false} trailing)",
        R"({"ideaId":"x","reference":"AAA-222","theme":"green","title":"t","body":"b","demo":false)",
    };
    for (const char* json : bad) {
        INFO(json);
        const Result<IdeaSubmitted> decoded = decodeIdeaSubmitted(json);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(decoded.error().detail.empty());
    }
    CHECK_FALSE(decodeNeighbourhoodNamed(R"({"name":"x"})").ok());
    CHECK_FALSE(decodeNeighbourhoodNamed("null").ok());
    CHECK_FALSE(decodeNeighbourhoodNamed(R"({"name":["x"],"demo":false})").ok());
}

TEST_CASE("deeply nested JSON is refused before parsing", "[event]") {
    const std::string deep = R"({"ideaId":)" + std::string(100'000, '[');
    const Result<IdeaSubmitted> decoded = decodeIdeaSubmitted(deep);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().code == ErrorCode::InvalidInput);
    // Brackets inside strings are text, not nesting.
    IdeaSubmitted payload;
    payload.ideaId = "x";
    payload.theme = Theme::Play;
    payload.title = std::string(50, '[') + "\\\"{{{";
    const Result<IdeaSubmitted> bracketed = decodeIdeaSubmitted(encodePayload(payload));
    REQUIRE(bracketed.ok());
    CHECK(bracketed->title == payload.title);
}

TEST_CASE("an unknown theme is named in the error", "[event]") {
    const Result<IdeaSubmitted> decoded = decodeIdeaSubmitted(
        R"({"ideaId":"x","reference":"AAA-222","theme":"parking","title":"t","body":"b","demo":false})");
    REQUIRE_FALSE(decoded.ok());
    CHECK_THAT(decoded.error().detail, Catch::Contains("parking"));
}

TEST_CASE("theme ids are stable and read back", "[event][theme]") {
    CHECK(themeId(Theme::Meeting) == "meeting");
    CHECK(themeId(Theme::Care) == "care");
    CHECK(themeId(Theme::LivingWell) == "living_well");
    CHECK(themeId(Theme::Green) == "green");
    CHECK(themeId(Theme::Play) == "play");
    CHECK(themeId(Theme::CleanSafe) == "clean_safe");
    CHECK(themeId(Theme::Traffic) == "traffic");
    CHECK(themeId(Theme::Other) == "other");
    for (Theme theme : kAllThemes) CHECK(themeFromId(themeId(theme)) == theme);
    CHECK_FALSE(themeFromId("Green").has_value());
    CHECK_FALSE(themeFromId("").has_value());
}

TEST_CASE("error code names are distinct", "[result]") {
    const ErrorCode codes[] = {ErrorCode::InvalidInput,   ErrorCode::NotFound,        ErrorCode::DataDirUnusable,
                               ErrorCode::AlreadyRunning, ErrorCode::NotADatabase,    ErrorCode::NewerSchema,
                               ErrorCode::StorageFull,    ErrorCode::StorageReadOnly, ErrorCode::StorageFailure,
                               ErrorCode::MissingAsset,   ErrorCode::NoDisplay};
    std::set<std::string> names;
    for (ErrorCode code : codes) names.insert(errorCodeName(code));
    CHECK(names.size() == std::size(codes));
    CHECK(std::string(errorCodeName(ErrorCode::MissingAsset)) == "missing_asset");
}

TEST_CASE("IdeaApproved and IdeaSupported carry the idea id only and round-trip", "[event]") {
    IdeaApproved approved;
    approved.ideaId = "123e4567-e89b-42d3-a456-426614174000";
    CHECK(encodePayload(approved) == R"({"ideaId":"123e4567-e89b-42d3-a456-426614174000"})");
    Result<IdeaApproved> approvedBack = decodeIdeaApproved(encodePayload(approved));
    REQUIRE(approvedBack.ok());
    CHECK(approvedBack->ideaId == approved.ideaId);

    IdeaSupported supported;
    supported.ideaId = approved.ideaId;
    CHECK(encodePayload(supported) == encodePayload(approved));
    Result<IdeaSupported> supportedBack = decodeIdeaSupported(encodePayload(supported));
    REQUIRE(supportedBack.ok());
    CHECK(supportedBack->ideaId == supported.ideaId);

    // An event that names no idea could never apply to one.
    for (const char* bad : {R"({"ideaId":""})", R"({})", R"(["x"])", "not json"}) {
        INFO(bad);
        Result<IdeaSupported> refused = decodeIdeaSupported(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(decodeIdeaApproved(bad).ok());
    }
}
