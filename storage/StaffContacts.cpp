// The staff's secret key and opening sealed contacts (see StaffContacts.h).
#include "StaffContacts.h"

#include <sodium.h>

#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace buurtstem::storage {

static_assert(crypto_box_SECRETKEYBYTES == 32 && crypto_box_PUBLICKEYBYTES == 32, "the key sizes above");

StaffSecretKey::~StaffSecretKey() {
    sodium_memzero(secret_.data(), secret_.size());
}

StaffSecretKey::StaffSecretKey(StaffSecretKey&& other) noexcept : secret_(other.secret_), public_(other.public_) {
    sodium_memzero(other.secret_.data(), other.secret_.size());
}

Result<StaffSecretKey> StaffSecretKey::readFile(const std::filesystem::path& file) {
    if (sodium_init() < 0) return makeError(ErrorCode::StorageFailure, "libsodium could not start");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return makeError(ErrorCode::NotFound, "no key file " + file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::StorageFailure, "cannot read " + file.string());
    // One byte more than a key, to tell a longer file from a key.
    std::array<char, 33> bytes{};
    in.read(bytes.data(), bytes.size());
    const std::streamsize got = in.gcount();
    if (in.bad()) return makeError(ErrorCode::StorageFailure, "cannot read " + file.string());
    StaffSecretKey key;
    if (got != 32) {
        sodium_memzero(bytes.data(), bytes.size());
        return makeError(ErrorCode::InvalidInput, file.string() + " is not a staff secret key (32 bytes)");
    }
    std::copy(bytes.begin(), bytes.begin() + 32, key.secret_.begin());
    sodium_memzero(bytes.data(), bytes.size());
    crypto_scalarmult_base(key.public_.data(), key.secret_.data());
    return key;
}

std::optional<StaffSecretKey::Contact> StaffSecretKey::open(std::string_view sealedBase64) const {
    if (sealedBase64.empty()) return std::nullopt;
    std::vector<unsigned char> sealed(sealedBase64.size());
    std::size_t length = 0;
    if (sodium_base642bin(sealed.data(), sealed.size(), sealedBase64.data(), sealedBase64.size(), nullptr, &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length < crypto_box_SEALBYTES)
        return std::nullopt;
    std::string plain(length - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(), length, public_.data(),
                             secret_.data()) != 0)
        return std::nullopt;
    Contact contact;
    const std::size_t lineBreak = plain.find('\n');
    contact.name = plain.substr(0, lineBreak);
    if (lineBreak != std::string::npos) contact.address = plain.substr(lineBreak + 1);
    sodium_memzero(plain.data(), plain.size());
    return contact;
}

}  // namespace buurtstem::storage
