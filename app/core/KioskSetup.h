// First-start set-up (instellingen): the settings of this kiosk that are not about the
// neighbourhood (the languages residents are offered, the idle times), and the staff's public
// key file the facilitator brings on a USB stick: its formats, a short fingerprint to compare
// with the corporation's letter, and where the kiosk looks for it.
#pragma once

#include "Result.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

// [SECTION] The neighbourhood's name (an event: neighbourhood.named)

inline constexpr std::size_t kNeighbourhoodNameMax = 60;  // code points: "Kastanjebuurt, Utrecht-Oost"
// 1 to kNeighbourhoodNameMax code points of valid UTF-8 on one line, after trimming.
Result<void> validateNeighbourhoodName(std::string_view name);

// The set-up's limits for the places residents choose from (neighbourhood.places_set).
inline constexpr std::size_t kPlaceNameMax = 60;  // code points: "Speeltuin Lindeplein (achter de school)"
inline constexpr std::size_t kMaxPlaces = 100;

// [SECTION] Kiosk settings (per device, not events)

// Languages a kiosk can offer residents; Dutch is always offered and comes first.
inline constexpr std::array<std::string_view, 6> kKioskLanguages = {"nl", "en", "tr", "pl", "uk", "ar"};
// The choices for "ask if still there after" and "start over after", in seconds.
inline constexpr std::array<int, 3> kIdleAskChoices = {30, 60, 120};
inline constexpr std::array<int, 3> kIdleStartOverChoices = {15, 30, 60};

struct KioskPreferences {
    std::vector<std::string> languages = {"nl", "en", "tr", "pl", "uk", "ar"};  // = all six // offered to residents, in kKioskLanguages order
    int askAfterSeconds = 60;      // = 60 // quiet time before "Are you still there?" (one of kIdleAskChoices)
    int startOverSeconds = 30;     // = 30 // time to answer before everything is wiped (one of kIdleStartOverChoices)
    bool operator==(const KioskPreferences&) const = default;
};

// The languages in kKioskLanguages order, Dutch added when missing, repeats dropped.
// InvalidInput for a code that is not one of kKioskLanguages.
Result<std::vector<std::string>> normaliseLanguages(const std::vector<std::string>& codes);
// "nl,en,ar" and back, for the settings table; parsing normalises as above.
std::string joinLanguages(const std::vector<std::string>& codes);
Result<std::vector<std::string>> parseLanguages(std::string_view joined);
bool isIdleAskChoice(int seconds);
bool isIdleStartOverChoice(int seconds);
// The languages normalised; InvalidInput for an unknown language or an idle time not among the choices.
Result<KioskPreferences> validatePreferences(const KioskPreferences& preferences);
// One line for the audit log: "languages nl,en; ask after 60 s; start over after 30 s".
std::string describePreferences(const KioskPreferences& preferences);

// [SECTION] The staff's public key file

inline constexpr std::size_t kStaffKeyFileBytes = 32;  // a libsodium crypto_box public key
// A key file is one of (docs/kiosk-setup.md):
//   - exactly 32 bytes, the raw key;
//   - text: 64 hexadecimal digits (either case);
//   - text: the key in standard base64 (44 characters with its "=" padding, or 43 without).
// Text may have spaces and line breaks around it (and between hex pairs). Anything longer than
// kStaffKeyFileMaxBytes is not a key file.
inline constexpr std::size_t kStaffKeyFileMaxBytes = 4096;
using StaffKeyBytes = std::array<std::uint8_t, kStaffKeyFileBytes>;

enum class KeyFileProblem {
    None,
    Unreadable,  // the file could not be read
    TooLarge,    // more than kStaffKeyFileMaxBytes
    NotAKey,     // neither 32 raw bytes, nor 64 hex digits, nor base64 of 32 bytes
};
struct ParsedKeyFile {
    KeyFileProblem problem = KeyFileProblem::None;  // = None
    StaffKeyBytes key{};                             // when problem is None
};
ParsedKeyFile parseStaffKeyFile(std::span<const std::uint8_t> contents);
ParsedKeyFile readStaffKeyFile(const std::filesystem::path& file);

// A short fingerprint to read aloud and compare with the corporation's letter: the first 8
// bytes of the key in upper-case hex, in four groups ("3F1C 9A02 77B4 0E11"). Staff print it
// with `xxd -p -c 32 KEY | cut -c1-16` (docs/kiosk-setup.md).
std::string keyFingerprint(const StaffKeyBytes& key);

// Where a key file may be: the data folder, every mounted USB stick (/media/USER/STICK) and
// everything mounted under /mnt. Only files directly in those folders are looked at.
std::vector<std::filesystem::path> defaultKeyFolders(const std::filesystem::path& dataDir);
// Regular files of at most kStaffKeyFileMaxBytes in `folders`, named *.key, *.pub, *.txt, *.hex
// or *.b64, sorted by path; files whose name says "secret" or "private" are left out (the
// office's half of the key pair never belongs on a kiosk). Unreadable folders are skipped.
std::vector<std::filesystem::path> findKeyFiles(const std::vector<std::filesystem::path>& folders);

}  // namespace buurtstem
