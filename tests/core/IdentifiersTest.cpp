// UUIDs carry the version-4 and variant bits; reference codes use only the readable alphabet and
// survive the ways people type them.
#include "app/core/Identifiers.h"

#include <catch2/catch.hpp>

#include <set>

using namespace buurtstem;

namespace {

// Fixed pseudo-random bytes, so a failure can be reproduced.
template <std::size_t N>
std::array<std::uint8_t, N> pseudoRandom(std::uint32_t& state) {
    std::array<std::uint8_t, N> bytes{};
    for (auto& byte : bytes) {
        state = state * 1'664'525u + 1'013'904'223u;
        byte = static_cast<std::uint8_t>(state >> 24);
    }
    return bytes;
}

}  // namespace

TEST_CASE("formatUuidV4 sets version and variant bits and writes lower-case hex", "[ids]") {
    CHECK(formatUuidV4({}) == "00000000-0000-4000-8000-000000000000");
    std::array<std::uint8_t, 16> ones{};
    ones.fill(0xFF);
    CHECK(formatUuidV4(ones) == "ffffffff-ffff-4fff-bfff-ffffffffffff");
    CHECK(formatUuidV4({0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e,
                        0x0f}) == "00010203-0405-4607-8809-0a0b0c0d0e0f");
}

TEST_CASE("formatUuidV7 puts the milliseconds first, then version, variant and the random bits", "[ids]") {
    CHECK(formatUuidV7(0, {}) == "00000000-0000-7000-8000-000000000000");
    std::array<std::uint8_t, 16> ones{};
    ones.fill(0xFF);
    // 1,764,316,924,000 ms is 0x019AC97BC860; the time replaces the first six random bytes.
    CHECK(formatUuidV7(1'764'316'924'000, ones) == "019ac97b-c860-7fff-bfff-ffffffffffff");
    CHECK(formatUuidV7(1'764'316'924'000, {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c,
                                          0x0d, 0x0e, 0x0f}) == "019ac97b-c860-7607-8809-0a0b0c0d0e0f");
}

TEST_CASE("version 7 UUIDs sort by their time and stay distinct within one millisecond", "[ids]") {
    std::uint32_t state = 7;
    std::set<std::string> sameMillisecond;
    std::string previous;
    for (std::uint64_t ms = 1'764'316'924'000; ms < 1'764'316'924'000 + 300; ++ms) {
        const std::string uuid = formatUuidV7(ms, pseudoRandom<16>(state));
        REQUIRE(isUuid(uuid));
        REQUIRE(uuid[14] == '7');
        REQUIRE(std::string_view("89ab").find(uuid[19]) != std::string_view::npos);
        REQUIRE(previous < uuid);  // later time, later in every index
        previous = uuid;
        sameMillisecond.insert(formatUuidV7(1'764'316'924'000, pseudoRandom<16>(state)));
    }
    CHECK(sameMillisecond.size() == 300);
}

TEST_CASE("random UUIDs are well formed and distinct", "[ids]") {
    std::uint32_t state = 42;
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const std::string uuid = formatUuidV4(pseudoRandom<16>(state));
        REQUIRE(isUuid(uuid));
        REQUIRE(uuid[14] == '4');
        REQUIRE(std::string_view("89ab").find(uuid[19]) != std::string_view::npos);
        REQUIRE(uuid.find_first_of("ABCDEF") == std::string::npos);
        seen.insert(uuid);
    }
    CHECK(seen.size() == 1000);
}

TEST_CASE("isUuid checks the textual form", "[ids]") {
    CHECK(isUuid("123e4567-e89b-42d3-a456-426614174000"));
    CHECK(isUuid("123E4567-E89B-42D3-A456-426614174000"));
    CHECK_FALSE(isUuid(""));
    CHECK_FALSE(isUuid("123e4567e89b42d3a456426614174000"));
    CHECK_FALSE(isUuid("123e4567-e89b-42d3-a456-42661417400"));
    CHECK_FALSE(isUuid("123e4567-e89b-42d3-a456-4266141740000"));
    CHECK_FALSE(isUuid("123e4567-e89b-42d3-a456-42661417400g"));
    CHECK_FALSE(isUuid("123e456-7e89b-42d3-a456-426614174000"));
    CHECK_FALSE(isUuid("{23e4567-e89b-42d3-a456-426614174000"));
}

TEST_CASE("the readable alphabet has no look-alikes", "[ids]") {
    CHECK(kReadableAlphabet.size() == 28);
    CHECK(std::set<char>(kReadableAlphabet.begin(), kReadableAlphabet.end()).size() == 28);
    CHECK(kReadableAlphabet.find_first_of("01ILOSB8") == std::string_view::npos);  // of 5/S only 5 stays
}

TEST_CASE("formatReferenceCode maps bytes onto the alphabet", "[ids]") {
    CHECK(formatReferenceCode({0, 1, 2, 3, 4, 5}) == "234-567");
    // 27 -> Z, 28 wraps to 2, 255 % 28 = 3 -> 5, 56 -> 2, 83 % 28 = 27 -> Z, 100 % 28 = 16 -> M
    CHECK(formatReferenceCode({27, 28, 255, 56, 83, 100}) == "Z25-2ZM");
}

TEST_CASE("reference codes round-trip through normalisation", "[ids]") {
    std::uint32_t state = 7;
    for (int i = 0; i < 500; ++i) {
        const std::string code = formatReferenceCode(pseudoRandom<6>(state));
        REQUIRE(code.size() == 7);
        REQUIRE(code[3] == '-');
        REQUIRE(std::string(code).erase(3, 1).find_first_not_of(kReadableAlphabet) == std::string::npos);
        REQUIRE(normaliseReferenceCode(code) == code);
        std::string typed = code;
        typed.erase(3, 1);
        for (char& c : typed) c = static_cast<char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
        REQUIRE(normaliseReferenceCode(typed) == code);
    }
}

TEST_CASE("normaliseReferenceCode accepts how people type", "[ids]") {
    CHECK(normaliseReferenceCode("K7P-3QX") == "K7P-3QX");
    CHECK(normaliseReferenceCode("k7p3qx") == "K7P-3QX");
    CHECK(normaliseReferenceCode(" k7p 3qx ") == "K7P-3QX");
    CHECK(normaliseReferenceCode("K-7-P-3-Q-X") == "K7P-3QX");
}

TEST_CASE("normaliseReferenceCode rejects what cannot be a code", "[ids]") {
    CHECK(normaliseReferenceCode("") == "");
    CHECK(normaliseReferenceCode("   ") == "");
    CHECK(normaliseReferenceCode("K7P-3Q") == "");
    CHECK(normaliseReferenceCode("K7P-3QXX") == "");
    CHECK(normaliseReferenceCode("K0P-3QX") == "");  // zero is not in the alphabet
    CHECK(normaliseReferenceCode("K7O-3QX") == "");  // nor is the letter O
    CHECK(normaliseReferenceCode("K1P-3QX") == "");
    CHECK(normaliseReferenceCode("KSP-3QX") == "");  // S is left out in favour of 5
    CHECK(normaliseReferenceCode("K7P_3QX") == "");
    CHECK(normaliseReferenceCode("K7P-3Q\xC3\x89") == "");  // É
}
