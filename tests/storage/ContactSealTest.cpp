// Places and sealed contacts (schema 4): the neighbourhood's places come from an event; a
// resident's name and contact reach the disk only inside a sealed box to the staff's key.
#include "StorageTestSupport.h"

#include "app/core/DemoNeighbourhood.h"
#include "app/core/Event.h"
#include "storage/KioskStore.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sodium.h>
#include <sys/stat.h>

#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

IdeaDraft withContact(std::string name, std::string address) {
    IdeaDraft draft = makeDraft("Lantaarnpaal kapot");
    draft.place = "Bushalte Lindenweg";
    draft.contactName = std::move(name);
    draft.contactAddress = std::move(address);
    draft.contactConsent = true;
    return draft;
}

}  // namespace

TEST_CASE("the demo sets the neighbourhood's places through an event", "[storage][places]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    CHECK((*store)->places().empty());
    REQUIRE((*store)->addDemoNeighbourhood().ok());
    CHECK((*store)->places() == demoNeighbourhood().places);
    CHECK((*store)->places().size() >= 8);

    // A later list replaces the earlier one, and survives a rebuild from the events.
    REQUIRE((*store)->setPlaces({"Kastanjeplein", " Buurtkamer "}).ok());
    CHECK((*store)->places() == std::vector<std::string>{"Kastanjeplein", "Buurtkamer"});
    REQUIRE((*store)->rebuildReadTables().ok());
    CHECK((*store)->places() == std::vector<std::string>{"Kastanjeplein", "Buurtkamer"});

    const std::int64_t events = (*store)->eventCount();
    CHECK((*store)->setPlaces({"Kastanjeplein", "Kastanjeplein"}).error().code == ErrorCode::InvalidInput);
    CHECK((*store)->setPlaces({"  "}).error().code == ErrorCode::InvalidInput);
    CHECK((*store)->eventCount() == events);
}

TEST_CASE("an idea keeps its place; old payloads without one still read", "[storage][places]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    IdeaDraft draft = makeDraft("Bankje op het plein");
    draft.place = "Kastanjeplein";
    Result<Idea> idea = (*store)->submitIdea(draft);
    REQUIRE(idea.ok());
    CHECK(idea->place == "Kastanjeplein");
    CHECK_FALSE(idea->contactGiven);

    Result<IdeaSubmitted> old = decodeIdeaSubmitted(
        R"({"ideaId":"a","reference":"K7P-3QX","theme":"green","title":"Boom","body":"","demo":false})");
    REQUIRE(old.ok());
    CHECK(old->place.empty());
    CHECK(old->sealedContact.empty());
    // Without place or contact the payload is written exactly as before schema 4.
    CHECK(encodePayload(*old).find("place") == std::string::npos);
}

TEST_CASE("a contact is stored only sealed to the staff key", "[storage][contact]") {
    ScratchDir dir;
    const std::string name = "Fatima Zoutewelle";
    const std::string address = "fatima.zoutewelle@example.nl";
    std::string reference;
    {
        auto store = openOrFail(dir.database());
        REQUIRE(store->addDemoNeighbourhood().ok());
        REQUIRE(store->staffPublicKey().has_value());
        Result<Idea> idea = store->submitIdea(withContact(name, address));
        REQUIRE(idea.ok());
        CHECK(idea->contactGiven);
        CHECK(idea->place == "Bushalte Lindenweg");
        reference = idea->reference;

        // Checked while the store is open, so the WAL still holds the newest pages.
        for (const std::filesystem::path& file : {dir.database(), std::filesystem::path(dir.database().string() + "-wal")}) {
            const std::string bytes = readBytes(file);
            INFO(file.string());
            CHECK(bytes.find(name) == std::string::npos);
            CHECK(bytes.find(address) == std::string::npos);
            CHECK(bytes.find("Zoutewelle") == std::string::npos);
        }
    }
    // After closing, everything is checkpointed into the one file.
    const std::string bytes = readBytes(dir.database());
    CHECK(bytes.find(name) == std::string::npos);
    CHECK(bytes.find(address) == std::string::npos);
    CHECK(bytes.find("Lantaarnpaal kapot") != std::string::npos);  // the check can see plain text at all

    // The demo secret key, readable by its owner only, opens the sealed box in the event and the table.
    const std::filesystem::path keyFile = dir.path() / kDemoStaffSecretKeyFileName;
    struct stat info {};
    REQUIRE(::stat(keyFile.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const std::string secretKey = readBytes(keyFile);

    auto store = openOrFail(dir.database());
    const StaffKey publicKey = *store->staffPublicKey();
    std::string sealedInEvent;
    for (const Event& event : store->events())
        if (event.type == kEventIdeaSubmitted) {
            Result<IdeaSubmitted> payload = decodeIdeaSubmitted(event.payload);
            REQUIRE(payload.ok());
            if (payload->reference == reference) sealedInEvent = payload->sealedContact;
        }
    REQUIRE_FALSE(sealedInEvent.empty());
    CHECK(openSealed(sealedInEvent, publicKey, secretKey) == std::optional<std::string>(name + "\n" + address));

    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    SQLite::Statement row(db, "SELECT sealed_contact FROM ideas WHERE reference = ?");
    row.bind(1, reference);
    REQUIRE(row.executeStep());
    CHECK(row.getColumn(0).getString() == sealedInEvent);
    // Another key does not open it.
    std::string otherSecret(crypto_box_SECRETKEYBYTES, '\0');
    StaffKey otherPublic{};
    crypto_box_keypair(otherPublic.data(), reinterpret_cast<unsigned char*>(otherSecret.data()));
    CHECK_FALSE(openSealed(sealedInEvent, otherPublic, otherSecret).has_value());
}

TEST_CASE("without a staff key a contact is refused and nothing is stored", "[storage][contact]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    CHECK_FALSE((*store)->staffPublicKey().has_value());
    const std::int64_t events = (*store)->eventCount();
    Result<Idea> refused = (*store)->submitIdea(withContact("Piet", "06 12345678"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == ErrorCode::InvalidInput);
    CHECK(refused.error().detail.find("no staff key") != std::string::npos);
    CHECK((*store)->eventCount() == events);
    CHECK((*store)->submitIdea(makeDraft("Zonder contact gaat het wel")).ok());

    StaffKey key{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secret{};
    crypto_box_keypair(key.data(), secret.data());
    REQUIRE((*store)->setStaffPublicKey(key).ok());
    CHECK((*store)->staffPublicKey() == std::optional<StaffKey>(key));
    CHECK((*store)->submitIdea(withContact("Piet", "06 12345678")).ok());
}

TEST_CASE("contact rules: consent and a way to reach the resident go together", "[storage][contact]") {
    auto store = KioskStore::openInMemory();
    REQUIRE(store.ok());
    REQUIRE((*store)->addDemoNeighbourhood().ok());
    IdeaDraft noConsent = withContact("Piet", "06 12345678");
    noConsent.contactConsent = false;
    CHECK((*store)->submitIdea(noConsent).error().code == ErrorCode::InvalidInput);
    IdeaDraft nothingToReach = withContact("Piet", "");
    CHECK((*store)->submitIdea(nothingToReach).error().code == ErrorCode::InvalidInput);
    IdeaDraft consentOnly = makeDraft("Alleen een vinkje");
    consentOnly.contactConsent = true;
    CHECK((*store)->submitIdea(consentOnly).error().code == ErrorCode::InvalidInput);
    IdeaDraft addressOnly = withContact("", "06 12345678");
    CHECK((*store)->submitIdea(addressOnly).ok());
}
