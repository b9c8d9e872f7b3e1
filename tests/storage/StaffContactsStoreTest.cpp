// The staff secret key file and sealed contacts opened at the office (storage/StaffContacts.h).
#include "StorageTestSupport.h"

#include "storage/KioskStore.h"
#include "storage/StaffContacts.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <string>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

IdeaDraft withContact(std::string name, std::string address) {
    IdeaDraft draft = makeDraft("Lantaarnpaal kapot");
    draft.contactName = std::move(name);
    draft.contactAddress = std::move(address);
    draft.contactConsent = true;
    return draft;
}

}  // namespace

TEST_CASE("the demo's secret key file gives the kiosk's public key and opens every sealed contact", "[storage][contact][staff]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->addDemoNeighbourhood().ok());
    Result<Idea> fatima = store->submitIdea(withContact("Fatima Zoutewelle", "fatima@example.nl"));
    Result<Idea> onlyPhone = store->submitIdea(withContact("", "06 12345678"));
    REQUIRE(fatima.ok());
    REQUIRE(onlyPhone.ok());
    REQUIRE(store->submitIdea(makeDraft("Zonder contact")).ok());

    Result<StaffSecretKey> key = loadStaffSecretKey(dir.path() / kDemoStaffSecretKeyFileName);
    REQUIRE(key.ok());
    CHECK(key->publicKey() == *store->staffPublicKey());

    std::vector<std::string> sealed;
    const std::vector<KioskStore::IdeaRow> rows = store->ideaRows(&sealed);
    REQUIRE(sealed.size() == rows.size());
    std::size_t opened = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(sealed[i].empty() == !rows[i].idea.contactGiven);
        if (sealed[i].empty()) continue;
        const std::optional<OpenedContact> open = openSealedContact(sealed[i], *key);
        REQUIRE(open.has_value());
        ++opened;
        if (rows[i].idea.id == fatima->id) {
            CHECK(open->name == "Fatima Zoutewelle");
            CHECK(open->address == "fatima@example.nl");
        }
        if (rows[i].idea.id == onlyPhone->id) {
            CHECK(open->name.empty());
            CHECK(open->address == "06 12345678");
        }
    }
    CHECK(opened >= 3);  // the two above and the demo's initiatives
}

TEST_CASE("another key, a damaged box, a missing file and a file without a key open nothing", "[storage][contact][staff]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE(store->addDemoNeighbourhood().ok());
    REQUIRE(store->submitIdea(withContact("Piet", "06 12345678")).ok());
    std::vector<std::string> sealedColumn;
    store->ideaRows(&sealedColumn);
    std::vector<std::string> sealed;
    for (std::string& box : sealedColumn)
        if (!box.empty()) sealed.push_back(std::move(box));
    REQUIRE_FALSE(sealed.empty());

    StaffKey otherPublic{};
    StaffKey otherSecret{};
    crypto_box_keypair(otherPublic.data(), otherSecret.data());
    const StaffSecretKey other(otherSecret);
    CHECK(other.publicKey() == otherPublic);
    CHECK_FALSE(openSealedContact(sealed.front(), other).has_value());

    Result<StaffSecretKey> key = loadStaffSecretKey(dir.path() / kDemoStaffSecretKeyFileName);
    REQUIRE(key.ok());
    std::string damaged = sealed.front();
    damaged[10] = damaged[10] == 'A' ? 'B' : 'A';
    CHECK_FALSE(openSealedContact(damaged, *key).has_value());
    CHECK_FALSE(openSealedContact("not base64 at all!", *key).has_value());
    CHECK_FALSE(openSealedContact("", *key).has_value());

    Result<StaffSecretKey> missing = loadStaffSecretKey(dir.path() / "nowhere.key");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    writeBytes(dir.path() / "letter.txt", "Beste medewerker,\n");
    Result<StaffSecretKey> letter = loadStaffSecretKey(dir.path() / "letter.txt");
    REQUIRE_FALSE(letter.ok());
    CHECK(letter.error().code == ErrorCode::InvalidInput);

    // The same key written as 64 hex digits, as a key file may also hold it, loads the same.
    const std::string raw = readBytes(dir.path() / kDemoStaffSecretKeyFileName);
    std::string hex(raw.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    hex.pop_back();
    writeBytes(dir.path() / "hex.key", hex + "\n");
    Result<StaffSecretKey> fromHex = loadStaffSecretKey(dir.path() / "hex.key");
    REQUIRE(fromHex.ok());
    CHECK(fromHex->publicKey() == key->publicKey());
}
