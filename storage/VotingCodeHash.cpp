// Keyed hashes of voting codes and new batches of codes, with libsodium's BLAKE2b and random bytes.
#include "VotingCodeHash.h"

#include "../app/core/VotingCode.h"

#include <sodium.h>

#include <string>
#include <unordered_set>

namespace buurtstem::storage {

static_assert(kVotingCodeKeyBytes == crypto_generichash_KEYBYTES);
static_assert(kVotingCodeHashTextLength == 2 * crypto_generichash_BYTES);

Result<VotingCodeKey> makeVotingCodeKey() {
    if (sodium_init() < 0) return makeError(ErrorCode::StorageFailure, "libsodium could not be initialised");
    VotingCodeKey key{};
    crypto_generichash_keygen(key.data());
    return key;
}

std::string votingCodeHash(std::span<const std::uint8_t, kVotingCodeKeyBytes> key, std::string_view canonicalCode) {
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(canonicalCode.data()),
                       canonicalCode.size(), key.data(), key.size());
    std::string text(kVotingCodeHashTextLength + 1, '\0');  // sodium_bin2hex writes a terminating zero
    sodium_bin2hex(text.data(), text.size(), digest.data(), digest.size());
    text.pop_back();
    return text;
}

Result<VotingCodeBatch> makeVotingCodeBatch(std::size_t count, std::span<const std::uint8_t, kVotingCodeKeyBytes> key) {
    if (count == 0) return makeError(ErrorCode::InvalidInput, "a batch needs at least one voting code");
    if (count > kMaxVotingCodesPerBatch) {
        return makeError(ErrorCode::InvalidInput, "at most " + std::to_string(kMaxVotingCodesPerBatch) +
                                                      " voting codes in one batch, asked for " +
                                                      std::to_string(count));
    }
    if (sodium_init() < 0) return makeError(ErrorCode::StorageFailure, "libsodium could not be initialised");

    VotingCodeBatch batch;
    batch.codes.reserve(count);
    batch.hashes.reserve(count);
    std::unordered_set<std::string> drawn;
    std::array<std::uint8_t, kVotingCodeRandomBytes> random{};
    while (batch.codes.size() < count) {
        randombytes_buf(random.data(), random.size());
        std::string code = formatVotingCode(random);
        if (code.empty() || !drawn.insert(code).second) continue;  // too many skipped bytes, or a repeat
        batch.hashes.push_back(votingCodeHash(key, code));
        batch.codes.push_back(std::move(code));
    }
    sodium_memzero(random.data(), random.size());
    return batch;
}

}  // namespace buurtstem::storage
