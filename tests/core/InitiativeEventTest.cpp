// The initiative events' payloads: initiative.submitted and neighbourhood.initiative_maximum_set
// read back exactly, and anything no kiosk could have recorded is refused with InvalidInput.
#include "app/core/Event.h"

#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;

namespace {

InitiativeSubmitted samplePayload() {
    InitiativeSubmitted payload;
    payload.idea.ideaId = "123e4567-e89b-42d3-a456-426614174000";
    payload.idea.reference = "K7P-3QX";
    payload.idea.theme = Theme::Meeting;
    payload.idea.title = "Zomerfeest \"op\" het plein \xE2\x80\x94 voor iedereen";
    payload.idea.body = "Regel een.\nRegel twee: \\ en \t tab.";
    payload.idea.place = "Kastanjeplein";
    payload.idea.sealedContact = "c2VhbGVkIGJveA==";
    payload.idea.demo = true;
    payload.plan.when = "zaterdag 13 juni";
    payload.plan.audience = {Audience::Children, Audience::Elderly};
    payload.plan.helpers = 8;
    payload.plan.budget = {{"Springkussen [groot]", 65'000}, {"Koffie, thee {en} limonade", 18'000}};
    payload.plan.ownMoneyCents = 15'000;
    payload.plan.ownInKind = "Hapjes";
    payload.plan.partners = {Partner::Corporation, Partner::TenantsOrganisation};
    return payload;
}

// samplePayload's JSON with one piece of text replaced, for the refusals below.
std::string sampleWith(const std::string& from, const std::string& to) {
    std::string json = encodePayload(samplePayload());
    const std::size_t at = json.find(from);
    REQUIRE(at != std::string::npos);
    return json.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("InitiativeSubmitted is written as one flat object with named fields", "[event][initiative]") {
    InitiativeSubmitted payload;
    payload.idea.ideaId = "id-1";
    payload.idea.reference = "K7P-3QX";
    payload.idea.theme = Theme::Green;
    payload.idea.title = "Moestuin";
    payload.idea.sealedContact = "box";
    payload.plan.when = "april";
    payload.plan.audience = {Audience::Everyone};
    payload.plan.budget = {{"Aarde", 600}};
    CHECK(encodePayload(payload) ==
          R"({"ideaId":"id-1","reference":"K7P-3QX","theme":"green","title":"Moestuin","body":"","demo":false,)"
          R"("place":"","sealedContact":"box","when":"april","audience":["everyone"],"helpers":0,)"
          R"("budget":[{"description":"Aarde","amountCents":600}],"ownMoneyCents":0,"ownInKind":"","partners":[]})");
}

TEST_CASE("InitiativeSubmitted round-trips every field", "[event][initiative]") {
    const InitiativeSubmitted original = samplePayload();
    const std::string json = encodePayload(original);
    INFO(json);
    CHECK(json.find('\n') == std::string::npos);
    CHECK(json == encodePayload(samplePayload()));
    const Result<InitiativeSubmitted> decoded = decodeInitiativeSubmitted(json);
    REQUIRE(decoded.ok());
    CHECK(decoded->idea.ideaId == original.idea.ideaId);
    CHECK(decoded->idea.reference == original.idea.reference);
    CHECK(decoded->idea.theme == original.idea.theme);
    CHECK(decoded->idea.title == original.idea.title);
    CHECK(decoded->idea.body == original.idea.body);
    CHECK(decoded->idea.place == original.idea.place);
    CHECK(decoded->idea.sealedContact == original.idea.sealedContact);
    CHECK(decoded->idea.demo == original.idea.demo);
    CHECK(decoded->plan.when == original.plan.when);
    CHECK(decoded->plan.audience == original.plan.audience);
    CHECK(decoded->plan.helpers == original.plan.helpers);
    REQUIRE(decoded->plan.budget.size() == original.plan.budget.size());
    for (std::size_t i = 0; i < original.plan.budget.size(); ++i) {
        CHECK(decoded->plan.budget[i].description == original.plan.budget[i].description);
        CHECK(decoded->plan.budget[i].amountCents == original.plan.budget[i].amountCents);
    }
    CHECK(decoded->plan.ownMoneyCents == original.plan.ownMoneyCents);
    CHECK(decoded->plan.ownInKind == original.plan.ownInKind);
    CHECK(decoded->plan.partners == original.plan.partners);
}

TEST_CASE("every audience and partner id reads back; their order is the list's", "[event][initiative]") {
    InitiativeSubmitted all = samplePayload();
    all.plan.audience.assign(kAllAudiences.begin(), kAllAudiences.end());
    all.plan.partners.assign(kAllPartners.begin(), kAllPartners.end());
    const Result<InitiativeSubmitted> decoded = decodeInitiativeSubmitted(encodePayload(all));
    REQUIRE(decoded.ok());
    CHECK(decoded->plan.audience == all.plan.audience);
    CHECK(decoded->plan.partners == all.plan.partners);

    const Result<InitiativeSubmitted> reordered =
        decodeInitiativeSubmitted(sampleWith(R"("audience":["children","elderly"])", R"("audience":["elderly","children"])"));
    REQUIRE(reordered.ok());
    CHECK(reordered->plan.audience == std::vector<Audience>{Audience::Children, Audience::Elderly});
}

TEST_CASE("large amounts survive as 64-bit integers", "[event][initiative]") {
    InitiativeSubmitted payload = samplePayload();
    payload.plan.budget = {{"Veel", 9'000'000'000'000}};
    payload.plan.ownMoneyCents = 8'000'000'000'000;
    const Result<InitiativeSubmitted> decoded = decodeInitiativeSubmitted(encodePayload(payload));
    REQUIRE(decoded.ok());
    CHECK(decoded->plan.budget[0].amountCents == 9'000'000'000'000);
    CHECK(decoded->plan.ownMoneyCents == 8'000'000'000'000);
}

TEST_CASE("InitiativeSubmitted refuses what no kiosk records", "[event][initiative]") {
    const std::string refused[] = {
        sampleWith(R"("ideaId":"123e4567-e89b-42d3-a456-426614174000")", R"("ideaId":"")"),
        sampleWith(R"("reference":"K7P-3QX")", R"("reference":"")"),
        sampleWith(R"("sealedContact":"c2VhbGVkIGJveA==")", R"("sealedContact":"")"),
        sampleWith(R"("theme":"meeting")", R"("theme":"parking")"),
        sampleWith(R"("audience":["children","elderly"])", R"("audience":["children","pensioners"])"),
        sampleWith(R"("audience":["children","elderly"])", R"("audience":["children","children"])"),
        sampleWith(R"("audience":["children","elderly"])", R"("audience":"children")"),
        sampleWith(R"("partners":["corporation","tenants_organisation"])", R"("partners":["police"])"),
        sampleWith(R"("partners":["corporation","tenants_organisation"])", R"("partners":["school","school"])"),
        sampleWith(R"("helpers":8)", R"("helpers":-1)"),
        sampleWith(R"("helpers":8)", R"("helpers":"8")"),
        sampleWith(R"("amountCents":65000)", R"("amountCents":-65000)"),
        sampleWith(R"("amountCents":65000)", R"("amountCents":650.5)"),
        sampleWith(R"("amountCents":65000)", R"("amountCents":"65000")"),
        sampleWith(R"("ownMoneyCents":15000)", R"("ownMoneyCents":-1)"),
        sampleWith(R"("budget":[)", R"("budget":[[],)"),
        // Every field is required: this event has had the same ones from the start.
        sampleWith(R"("when":"zaterdag 13 juni",)", ""),
        sampleWith(R"(,"partners":["corporation","tenants_organisation"])", ""),
        sampleWith(R"("place":"Kastanjeplein",)", ""),
        sampleWith(R"("description":"Springkussen [groot]",)", ""),
        "[]",
        "not json",
        "",
    };
    for (const std::string& json : refused) {
        INFO(json);
        const Result<InitiativeSubmitted> decoded = decodeInitiativeSubmitted(json);
        REQUIRE_FALSE(decoded.ok());
        CHECK(decoded.error().code == ErrorCode::InvalidInput);
        CHECK_FALSE(decoded.error().detail.empty());
    }
    // The reason names the culprit.
    CHECK_THAT(decodeInitiativeSubmitted(sampleWith(R"("partners":["corporation","tenants_organisation"])",
                                                    R"("partners":["police"])"))
                   .error()
                   .detail,
               Catch::Contains("police"));
    // The sample itself reads: each refusal above is caused by its one change.
    CHECK(decodeInitiativeSubmitted(encodePayload(samplePayload())).ok());
}

TEST_CASE("InitiativeMaximumSet round-trips and refuses a maximum out of range", "[event][initiative]") {
    InitiativeMaximumSet payload;
    payload.cents = 250'000;
    CHECK(encodePayload(payload) == R"({"cents":250000})");
    const Result<InitiativeMaximumSet> decoded = decodeInitiativeMaximumSet(encodePayload(payload));
    REQUIRE(decoded.ok());
    CHECK(decoded->cents == 250'000);

    CHECK(decodeInitiativeMaximumSet(R"({"cents":1})").ok());
    CHECK(decodeInitiativeMaximumSet(R"({"cents":10000000})").ok());  // exactly the ceiling
    for (const char* bad : {R"({"cents":0})", R"({"cents":-500})", R"({"cents":10000001})", R"({"cents":"5000"})",
                            R"({})", R"([500000])", "null"}) {
        INFO(bad);
        const Result<InitiativeMaximumSet> refused = decodeInitiativeMaximumSet(bad);
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == ErrorCode::InvalidInput);
    }
}
