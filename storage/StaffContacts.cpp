// Staff key pair and sealed contacts, with libsodium.
#include "StaffContacts.h"

#include "../app/core/KioskSetup.h"

#include <sodium.h>

#include <vector>

namespace buurtstem::storage {

static_assert(kStaffKeyBytes == crypto_box_SECRETKEYBYTES && kStaffKeyBytes == crypto_scalarmult_BYTES);

StaffSecretKey::StaffSecretKey(const StaffKey& secret) : secretKey_(secret) {
    // A crypto_box key pair's public half is the base point times the secret scalar.
    crypto_scalarmult_base(publicKey_.data(), secretKey_.data());
}

StaffSecretKey::~StaffSecretKey() { sodium_memzero(secretKey_.data(), secretKey_.size()); }

StaffSecretKey::StaffSecretKey(const StaffSecretKey& other) = default;
StaffSecretKey& StaffSecretKey::operator=(const StaffSecretKey& other) = default;

Result<StaffSecretKey> loadStaffSecretKey(const std::filesystem::path& file) {
    ParsedKeyFile parsed = readStaffKeyFile(file);
    switch (parsed.problem) {
        case KeyFileProblem::None: break;
        case KeyFileProblem::Unreadable: return makeError(ErrorCode::NotFound, "cannot read " + file.string());
        case KeyFileProblem::TooLarge:
        case KeyFileProblem::NotAKey: return makeError(ErrorCode::InvalidInput, file.string() + " holds no key");
    }
    StaffKey secret{};
    std::copy(parsed.key.begin(), parsed.key.end(), secret.begin());
    sodium_memzero(parsed.key.data(), parsed.key.size());
    StaffSecretKey key(secret);
    sodium_memzero(secret.data(), secret.size());
    return key;
}

std::optional<OpenedContact> openSealedContact(const std::string& sealedBase64, const StaffSecretKey& key) {
    if (sealedBase64.empty()) return std::nullopt;  // no contact given (and no buffer to decode into)
    std::vector<unsigned char> sealed(sealedBase64.size());
    std::size_t length = 0;
    if (sodium_base642bin(sealed.data(), sealed.size(), sealedBase64.data(), sealedBase64.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0 ||
        length < crypto_box_SEALBYTES)
        return std::nullopt;
    std::string plain(length - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(), length,
                             key.publicKey().data(), key.secretKey().data()) != 0)
        return std::nullopt;
    // Sealed as "name\ncontact" (KioskStore::submitIdea).
    OpenedContact contact;
    const std::size_t newline = plain.find('\n');
    contact.name = plain.substr(0, newline);
    if (newline != std::string::npos) contact.address = plain.substr(newline + 1);
    sodium_memzero(plain.data(), plain.size());
    return contact;
}

}  // namespace buurtstem::storage
