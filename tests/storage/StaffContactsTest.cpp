// Opening sealed contacts at the office: the staff's key file is read strictly (32 bytes), the
// demo's key opens the demo's contacts as ideaRows hands them out, and another key opens none.
#include "StorageTestSupport.h"

#include "storage/KioskStore.h"
#include "storage/StaffContacts.h"

#include <catch2/catch.hpp>
#include <sodium.h>

#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

TEST_CASE("a staff key file is exactly 32 bytes", "[storage][contacts]") {
    ScratchDir dir;
    const Result<StaffSecretKey> missing = StaffSecretKey::readFile(dir.path() / "none.key");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().code == ErrorCode::NotFound);
    for (std::size_t size : {std::size_t{0}, std::size_t{31}, std::size_t{33}, std::size_t{64}}) {
        INFO(size);
        writeBytes(dir.path() / "wrong.key", std::string(size, 'k'));
        const Result<StaffSecretKey> wrong = StaffSecretKey::readFile(dir.path() / "wrong.key");
        REQUIRE_FALSE(wrong.ok());
        CHECK(wrong.error().code == ErrorCode::InvalidInput);
    }
    const Result<StaffSecretKey> folder = StaffSecretKey::readFile(dir.path());
    CHECK_FALSE(folder.ok());
}

TEST_CASE("the demo's staff key opens the demo's contacts, another key none", "[storage][contacts]") {
    ScratchDir dir;
    {
        auto store = KioskStore::open(dir.database());
        REQUIRE(store.ok());
        REQUIRE((*store)->addDemoNeighbourhood().ok());
    }
    auto store = KioskStore::open(dir.database());
    REQUIRE(store.ok());
    Result<StaffSecretKey> key = StaffSecretKey::readFile(dir.path() / kDemoStaffSecretKeyFileName);
    REQUIRE(key.ok());

    std::vector<std::string> sealed;
    const std::vector<KioskStore::IdeaRow> rows = (*store)->ideaRows(&sealed);
    REQUIRE(sealed.size() == rows.size());
    std::vector<std::string> opened;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(sealed[i].empty() == !rows[i].idea.contactGiven);
        if (const auto contact = key->open(sealed[i])) opened.push_back(contact->name + " / " + contact->address);
    }
    CHECK_THAT(opened, Catch::VectorContains(std::string("Ans de Wit / ans.dewit@example.nl")));
    CHECK_THAT(opened, Catch::VectorContains(std::string("Henk Bakker / 06-12345678")));
    CHECK(rows.size() == (*store)->ideaRows().size());  // without the list, the same rows

    std::string otherSecret(crypto_box_SECRETKEYBYTES, '\0');
    StaffKey otherPublic{};
    crypto_box_keypair(otherPublic.data(), reinterpret_cast<unsigned char*>(otherSecret.data()));
    writeBytes(dir.path() / "other.key", otherSecret);
    Result<StaffSecretKey> other = StaffSecretKey::readFile(dir.path() / "other.key");
    REQUIRE(other.ok());
    for (const std::string& box : sealed) CHECK_FALSE(other->open(box).has_value());
    CHECK_FALSE(key->open("not base64 !").has_value());
    CHECK_FALSE(key->open("").has_value());
}
