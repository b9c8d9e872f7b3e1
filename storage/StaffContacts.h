// Opening residents' sealed contacts at the office with the staff's secret key (libsodium's
// crypto_box_seal_open). Only the staff view uses it, and nothing it opens is written anywhere.
#pragma once

#include "../app/core/Result.h"
#include "KioskStore.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace buurtstem::storage {

// The staff's key pair, read from the secret key file. The secret half is wiped when destroyed.
class StaffSecretKey {
public:
    explicit StaffSecretKey(const StaffKey& secret);
    ~StaffSecretKey();
    StaffSecretKey(const StaffSecretKey& other);
    StaffSecretKey& operator=(const StaffSecretKey& other);

    const StaffKey& publicKey() const { return publicKey_; }  // derived from the secret key
    const StaffKey& secretKey() const { return secretKey_; }

private:
    StaffKey publicKey_{};
    StaffKey secretKey_{};
};

// Reads a secret key file in any form a staff key file may take (app/core/KioskSetup.h: 32 raw
// bytes, 64 hex digits or base64), as `buurtstem staff keygen` and the demo write it. Errors:
// NotFound (the file is missing or cannot be read), InvalidInput (it holds no key).
Result<StaffSecretKey> loadStaffSecretKey(const std::filesystem::path& file);

struct OpenedContact {
    std::string name;     // may be empty: the resident gave only an address
    std::string address;  // phone number or e-mail address
};

// Opens one sealed contact (base64, as KioskStore::sealedContacts gives it). nullopt when it is
// not sealed to this key or is damaged.
std::optional<OpenedContact> openSealedContact(const std::string& sealedBase64, const StaffSecretKey& key);

}  // namespace buurtstem::storage
