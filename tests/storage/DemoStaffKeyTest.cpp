// addDemoStaffKey: a kiosk filled with made-up data (`buurtstem simulate`) gets a staff key pair
// once, its secret half next to the database for its owner only; a kiosk that has a key keeps it.
#include "StorageTestSupport.h"

#include "storage/KioskStore.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <string>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

TEST_CASE("a demo staff key is made once, and its secret half opens the contacts sealed to it", "[storage][contact]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    REQUIRE_FALSE(store->staffPublicKey().has_value());
    const Result<bool> made = store->addDemoStaffKey();
    REQUIRE(made.ok());
    CHECK(*made);
    const std::optional<StaffKey> publicKey = store->staffPublicKey();
    REQUIRE(publicKey.has_value());
    const std::filesystem::path keyFile = dir.path() / kDemoStaffSecretKeyFileName;
    struct stat info {};
    REQUIRE(::stat(keyFile.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const std::string secretKey = readBytes(keyFile);

    IdeaDraft draft = makeDraft("Bankje bij de vijver");
    draft.contactName = "Noor";
    draft.contactAddress = "06 12345678";
    draft.contactConsent = true;
    const Result<Idea> idea = store->submitIdea(draft);
    REQUIRE(idea.ok());
    SQLite::Database db(dir.database().string(), SQLite::OPEN_READONLY);
    SQLite::Statement row(db, "SELECT sealed_contact FROM ideas WHERE idea_id = ?");
    row.bind(1, idea->id);
    REQUIRE(row.executeStep());
    CHECK(openSealed(row.getColumn(0).getString(), *publicKey, secretKey) == std::optional<std::string>("Noor\n06 12345678"));

    // A second call changes nothing: neither the stored key nor the file.
    const Result<bool> again = store->addDemoStaffKey();
    REQUIRE(again.ok());
    CHECK_FALSE(*again);
    CHECK(store->staffPublicKey() == publicKey);
    CHECK(readBytes(keyFile) == secretKey);
}

TEST_CASE("a kiosk with the office's staff key keeps it", "[storage][contact]") {
    ScratchDir dir;
    auto store = openOrFail(dir.database());
    StaffKey office{};
    office.fill(7);
    REQUIRE(store->setStaffPublicKey(office).ok());
    const Result<bool> made = store->addDemoStaffKey();
    REQUIRE(made.ok());
    CHECK_FALSE(*made);
    CHECK(store->staffPublicKey() == std::optional<StaffKey>(office));
    CHECK_FALSE(std::filesystem::exists(dir.path() / kDemoStaffSecretKeyFileName));
}
