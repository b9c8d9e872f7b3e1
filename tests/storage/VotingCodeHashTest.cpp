// Keyed hashes of voting codes depend on code and key and reveal neither; batches are unique,
// canonical and refuse sizes outside 1..10,000.
#include "app/core/VotingCode.h"
#include "storage/VotingCodeHash.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

using namespace buurtstem;
using namespace buurtstem::storage;

namespace {

VotingCodeKey keyOf(std::uint8_t fill) {
    VotingCodeKey key{};
    for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(fill + i);
    return key;
}

bool isLowerHex(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

TEST_CASE("the same code and key give the same hash, as 64 lower-case hex digits", "[voting-code-hash]") {
    const VotingCodeKey key = keyOf(1);
    const std::string hash = votingCodeHash(key, "K7PQ-3XMN-ZZ2A");
    CHECK(hash.size() == kVotingCodeHashTextLength);
    CHECK(isLowerHex(hash));
    CHECK(votingCodeHash(key, "K7PQ-3XMN-ZZ2A") == hash);
    // What the kiosk hashes is the normalised typed text, so a sloppily typed code finds its row.
    CHECK(votingCodeHash(key, normaliseVotingCode("k7pq 3xmn zz2a")) == hash);
}

TEST_CASE("another key or another code gives another hash", "[voting-code-hash]") {
    const std::string hash = votingCodeHash(keyOf(1), "K7PQ-3XMN-ZZ2A");
    CHECK(votingCodeHash(keyOf(2), "K7PQ-3XMN-ZZ2A") != hash);
    CHECK(votingCodeHash(keyOf(1), "K7PQ-3XMN-ZZ2C") != hash);
    CHECK(votingCodeHash(keyOf(1), "K7PQ3XMNZZ2A") != hash);  // only the canonical form matches
}

TEST_CASE("the hash is keyed BLAKE2b-256", "[voting-code-hash]") {
    // RFC 7693's BLAKE2b with a 32-byte key 00 01 .. 1f over "abc", 32-byte digest, as computed by
    // Python's hashlib.blake2b(b"abc", key=bytes(range(32)), digest_size=32).
    CHECK(votingCodeHash(keyOf(0), "abc") == "d63a32d3e44738d7907f964316c241adaba0abfeabc32349677578a15a203f7f");
}

TEST_CASE("a batch holds distinct canonical codes and their hashes", "[voting-code-hash]") {
    Result<VotingCodeKey> key = makeVotingCodeKey();
    REQUIRE(key.ok());
    Result<VotingCodeBatch> batch = makeVotingCodeBatch(2000, *key);
    REQUIRE(batch.ok());
    REQUIRE(batch->codes.size() == 2000);
    REQUIRE(batch->hashes.size() == 2000);
    CHECK(std::set<std::string>(batch->codes.begin(), batch->codes.end()).size() == 2000);
    CHECK(std::set<std::string>(batch->hashes.begin(), batch->hashes.end()).size() == 2000);
    for (std::size_t i = 0; i < batch->codes.size(); ++i) {
        const std::string& code = batch->codes[i];
        const std::string& hash = batch->hashes[i];
        REQUIRE(isCanonicalVotingCode(code));
        REQUIRE(hash == votingCodeHash(*key, code));
        // The code shows through in the stored text in no form.
        REQUIRE(isLowerHex(hash));
        REQUIRE(hash.find(code) == std::string::npos);
        std::string letters;
        for (char c : code) {
            if (c != '-') letters.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        }
        REQUIRE(hash.find(letters) == std::string::npos);
    }
}

TEST_CASE("two batches with the same key share no code", "[voting-code-hash]") {
    const VotingCodeKey key = keyOf(9);
    Result<VotingCodeBatch> first = makeVotingCodeBatch(500, key);
    Result<VotingCodeBatch> second = makeVotingCodeBatch(500, key);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    std::set<std::string> all(first->codes.begin(), first->codes.end());
    all.insert(second->codes.begin(), second->codes.end());
    CHECK(all.size() == 1000);
}

TEST_CASE("a batch refuses no codes and more than 10,000", "[voting-code-hash]") {
    const VotingCodeKey key = keyOf(3);
    Result<VotingCodeBatch> none = makeVotingCodeBatch(0, key);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().code == ErrorCode::InvalidInput);
    Result<VotingCodeBatch> tooMany = makeVotingCodeBatch(kMaxVotingCodesPerBatch + 1, key);
    REQUIRE_FALSE(tooMany.ok());
    CHECK(tooMany.error().code == ErrorCode::InvalidInput);
    CHECK(tooMany.error().detail.find("10000") != std::string::npos);
    Result<VotingCodeBatch> most = makeVotingCodeBatch(kMaxVotingCodesPerBatch, key);
    REQUIRE(most.ok());
    CHECK(std::set<std::string>(most->codes.begin(), most->codes.end()).size() == kMaxVotingCodesPerBatch);
}

TEST_CASE("new keys differ", "[voting-code-hash]") {
    Result<VotingCodeKey> a = makeVotingCodeKey();
    Result<VotingCodeKey> b = makeVotingCodeKey();
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a != *b);
}
