// Opening residents' sealed contacts at the office: the staff's secret key from its file, and a
// sealed box (crypto_box_seal, base64 as stored) back to the name and the address. Only staff
// hold the secret key; the kiosk never does.
#pragma once

#include "../app/core/Result.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace buurtstem::storage {

// The 32 bytes of a staff secret key, wiped when it goes out of scope.
class StaffSecretKey {
public:
    StaffSecretKey() = default;
    ~StaffSecretKey();
    StaffSecretKey(const StaffSecretKey&) = delete;
    StaffSecretKey& operator=(const StaffSecretKey&) = delete;
    StaffSecretKey(StaffSecretKey&& other) noexcept;
    StaffSecretKey& operator=(StaffSecretKey&&) = delete;

    // Reads a key file as the demo writes it (demo-staff-secret.key): exactly 32 raw bytes.
    // Errors: NotFound (no such file), InvalidInput (not 32 bytes), StorageFailure (unreadable).
    static Result<StaffSecretKey> readFile(const std::filesystem::path& file);

    // A sealed contact opened: "name\naddress" split at the first line break. Nullopt when the
    // text is empty, not base64, or not sealed to this key (another corporation's kiosk).
    struct Contact {
        std::string name;
        std::string address;
    };
    std::optional<Contact> open(std::string_view sealedBase64) const;

private:
    std::array<std::uint8_t, 32> secret_{};
    std::array<std::uint8_t, 32> public_{};
};

}  // namespace buurtstem::storage
