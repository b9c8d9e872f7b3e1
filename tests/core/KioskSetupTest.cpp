// The set-up's rules: the languages a kiosk offers, the idle choices, the neighbourhood's name,
// and the staff key file's three formats with their fingerprint.
#include "app/core/KioskSetup.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace buurtstem;

namespace {

std::vector<std::uint8_t> bytes(std::string_view text) { return {text.begin(), text.end()}; }

// The key 00 01 02 ... 1f.
StaffKeyBytes countingKey() {
    StaffKeyBytes key{};
    for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(i);
    return key;
}

}  // namespace

TEST_CASE("a kiosk offers Dutch and any of the other five languages, in one order", "[core][setup]") {
    Result<std::vector<std::string>> some = normaliseLanguages({"ar", "en", "ar"});
    REQUIRE(some.ok());
    CHECK(*some == std::vector<std::string>{"nl", "en", "ar"});
    CHECK(*normaliseLanguages({}) == std::vector<std::string>{"nl"});
    CHECK_FALSE(normaliseLanguages({"de"}).ok());
    CHECK(joinLanguages({"nl", "tr"}) == "nl,tr");
    REQUIRE(parseLanguages("uk,nl").ok());
    CHECK(*parseLanguages("uk,nl") == std::vector<std::string>{"nl", "uk"});
    CHECK_FALSE(parseLanguages("nl,,en").ok());
}

TEST_CASE("idle times are one of a few choices", "[core][setup]") {
    for (const int seconds : {30, 60, 120}) CHECK(isIdleAskChoice(seconds));
    for (const int seconds : {15, 30, 60}) CHECK(isIdleStartOverChoice(seconds));
    CHECK_FALSE(isIdleAskChoice(0));
    CHECK_FALSE(isIdleAskChoice(15));
    CHECK_FALSE(isIdleStartOverChoice(120));

    KioskPreferences preferences;
    preferences.languages = {"en"};
    preferences.askAfterSeconds = 120;
    preferences.startOverSeconds = 15;
    Result<KioskPreferences> valid = validatePreferences(preferences);
    REQUIRE(valid.ok());
    CHECK(valid->languages == std::vector<std::string>{"nl", "en"});
    CHECK(describePreferences(*valid) == "languages nl,en; ask after 120 s; start over after 15 s");
    preferences.startOverSeconds = 45;
    CHECK_FALSE(validatePreferences(preferences).ok());
    preferences.startOverSeconds = 15;
    preferences.askAfterSeconds = -1;
    CHECK_FALSE(validatePreferences(preferences).ok());
}

TEST_CASE("a neighbourhood's name is one line of at most 60 characters", "[core][setup]") {
    CHECK(validateNeighbourhoodName("Kastanjebuurt").ok());
    CHECK(validateNeighbourhoodName("  Çiçekli Mahalle  ").ok());
    CHECK_FALSE(validateNeighbourhoodName("   ").ok());
    CHECK_FALSE(validateNeighbourhoodName("Kastanje\nbuurt").ok());
    CHECK_FALSE(validateNeighbourhoodName(std::string(61, 'a')).ok());
    CHECK(validateNeighbourhoodName(std::string(60, 'a')).ok());
    CHECK_FALSE(validateNeighbourhoodName("\xff\xfe").ok());
}

TEST_CASE("a staff key file is 32 raw bytes, 64 hex digits or base64", "[core][setup]") {
    const StaffKeyBytes key = countingKey();
    const std::vector<std::uint8_t> raw(key.begin(), key.end());
    ParsedKeyFile parsed = parseStaffKeyFile(raw);
    REQUIRE(parsed.problem == KeyFileProblem::None);
    CHECK(parsed.key == key);

    parsed = parseStaffKeyFile(bytes("000102030405060708090A0B0C0D0E0F101112131415161718191a1b1c1d1e1f\n"));
    REQUIRE(parsed.problem == KeyFileProblem::None);
    CHECK(parsed.key == key);
    // Pairs spaced and on two lines, as a letter may print them.
    parsed = parseStaffKeyFile(bytes("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\r\n10 11 12 13 14 15 16 17 18 19 1a 1b 1c 1d 1e 1f\r\n"));
    REQUIRE(parsed.problem == KeyFileProblem::None);
    CHECK(parsed.key == key);

    // `base64` of the same 32 bytes, with and without its padding.
    parsed = parseStaffKeyFile(bytes("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n"));
    REQUIRE(parsed.problem == KeyFileProblem::None);
    CHECK(parsed.key == key);
    CHECK(parseStaffKeyFile(bytes("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")).problem == KeyFileProblem::None);

    SECTION("anything else is not a key") {
        CHECK(parseStaffKeyFile(bytes("")).problem == KeyFileProblem::NotAKey);
        CHECK(parseStaffKeyFile(bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e")).problem == KeyFileProblem::NotAKey);
        CHECK(parseStaffKeyFile(bytes("g00102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1")).problem == KeyFileProblem::NotAKey);
        CHECK(parseStaffKeyFile(bytes("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9=")).problem == KeyFileProblem::NotAKey);  // padding bits set
        CHECK(parseStaffKeyFile(bytes("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8AAAA=")).problem == KeyFileProblem::NotAKey);
        CHECK(parseStaffKeyFile(bytes("Dear staff, here is the key.")).problem == KeyFileProblem::NotAKey);
        CHECK(parseStaffKeyFile(std::vector<std::uint8_t>(33, 0x41)).problem == KeyFileProblem::NotAKey);
        CHECK(parseStaffKeyFile(std::vector<std::uint8_t>(kStaffKeyFileMaxBytes + 1, '0')).problem == KeyFileProblem::TooLarge);
    }
}

TEST_CASE("a key's fingerprint is its first 8 bytes in four groups", "[core][setup]") {
    StaffKeyBytes key = countingKey();
    CHECK(keyFingerprint(key) == "0001 0203 0405 0607");
    key[0] = 0x3f;
    key[1] = 0x1c;
    CHECK(keyFingerprint(key) == "3F1C 0203 0405 0607");
}

TEST_CASE("key files are found by name in the folders given, never a secret key", "[core][setup]") {
    std::string pattern = (std::filesystem::temp_directory_path() / "buurtstem-keys-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    const std::filesystem::path dir = pattern;
    const auto write = [&](const std::string& name, const std::string& text) { std::ofstream(dir / name, std::ios::binary) << text; };
    write("staff.pub", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    write("letter.TXT", "not a key");
    write("demo-staff-secret.key", std::string(32, 'x'));
    write("photo.jpg", "jpeg");
    write("big.key", std::string(kStaffKeyFileMaxBytes + 1, '0'));
    std::filesystem::create_directory(dir / "folder.key");

    const std::vector<std::filesystem::path> found = findKeyFiles({dir, dir / "missing"});
    CHECK(found == std::vector<std::filesystem::path>{dir / "letter.TXT", dir / "staff.pub"});
    CHECK(readStaffKeyFile(dir / "staff.pub").problem == KeyFileProblem::None);
    CHECK(readStaffKeyFile(dir / "letter.TXT").problem == KeyFileProblem::NotAKey);
    CHECK(readStaffKeyFile(dir / "gone.key").problem == KeyFileProblem::Unreadable);
    CHECK(readStaffKeyFile(dir / "big.key").problem == KeyFileProblem::TooLarge);
    if (geteuid() != 0) {  // root reads whatever the mode says
        std::filesystem::permissions(dir / "staff.pub", std::filesystem::perms::none);
        CHECK(readStaffKeyFile(dir / "staff.pub").problem == KeyFileProblem::Unreadable);
    }
    std::filesystem::remove_all(dir);

    const std::vector<std::filesystem::path> defaults = defaultKeyFolders("/var/lib/buurtstem");
    REQUIRE_FALSE(defaults.empty());
    CHECK(defaults.front() == "/var/lib/buurtstem");
}
