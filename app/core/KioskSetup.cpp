// Kiosk settings and the staff key file (see KioskSetup.h).
#include "KioskSetup.h"

#include "Utf8.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

namespace buurtstem {

namespace fs = std::filesystem;

Result<void> validateNeighbourhoodName(std::string_view name) {
    if (!utf8::isValid(name)) return makeError(ErrorCode::InvalidInput, "the neighbourhood's name is not valid text");
    const std::string trimmed = utf8::trim(name);
    if (trimmed.empty()) return makeError(ErrorCode::InvalidInput, "the neighbourhood has no name");
    if (utf8::hasControlCharacters(trimmed, false))
        return makeError(ErrorCode::InvalidInput, "the neighbourhood's name is one line");
    if (utf8::countCodePoints(trimmed) > kNeighbourhoodNameMax)
        return makeError(ErrorCode::InvalidInput, "the neighbourhood's name is at most 60 characters");
    return {};
}

Result<std::vector<std::string>> normaliseLanguages(const std::vector<std::string>& codes) {
    for (const std::string& code : codes)
        if (std::find(kKioskLanguages.begin(), kKioskLanguages.end(), code) == kKioskLanguages.end())
            return makeError(ErrorCode::InvalidInput, "unknown language \"" + code + "\"");
    std::vector<std::string> out;
    for (const std::string_view known : kKioskLanguages)
        if (known == "nl" || std::find(codes.begin(), codes.end(), known) != codes.end()) out.emplace_back(known);
    return out;
}

std::string joinLanguages(const std::vector<std::string>& codes) {
    std::string joined;
    for (const std::string& code : codes) joined += (joined.empty() ? "" : ",") + code;
    return joined;
}

Result<std::vector<std::string>> parseLanguages(std::string_view joined) {
    std::vector<std::string> codes;
    while (!joined.empty()) {
        const std::size_t comma = joined.find(',');
        codes.emplace_back(joined.substr(0, comma));
        joined = comma == std::string_view::npos ? std::string_view() : joined.substr(comma + 1);
    }
    return normaliseLanguages(codes);
}

bool isIdleAskChoice(int seconds) {
    return std::find(kIdleAskChoices.begin(), kIdleAskChoices.end(), seconds) != kIdleAskChoices.end();
}

bool isIdleStartOverChoice(int seconds) {
    return std::find(kIdleStartOverChoices.begin(), kIdleStartOverChoices.end(), seconds) != kIdleStartOverChoices.end();
}

Result<KioskPreferences> validatePreferences(const KioskPreferences& preferences) {
    Result<std::vector<std::string>> languages = normaliseLanguages(preferences.languages);
    if (!languages) return languages.error();
    if (!isIdleAskChoice(preferences.askAfterSeconds))
        return makeError(ErrorCode::InvalidInput, "\"ask if still there\" is 30, 60 or 120 seconds");
    if (!isIdleStartOverChoice(preferences.startOverSeconds))
        return makeError(ErrorCode::InvalidInput, "\"start over\" is 15, 30 or 60 seconds");
    KioskPreferences valid = preferences;
    valid.languages = std::move(languages).value();
    return valid;
}

std::string describePreferences(const KioskPreferences& preferences) {
    return "languages " + joinLanguages(preferences.languages) + "; ask after " + std::to_string(preferences.askAfterSeconds) +
           " s; start over after " + std::to_string(preferences.startOverSeconds) + " s";
}

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

bool fromHex(std::string_view text, StaffKeyBytes& key) {
    if (text.size() != 2 * kStaffKeyFileBytes) return false;
    for (std::size_t i = 0; i < kStaffKeyFileBytes; ++i) {
        const int high = hexValue(text[2 * i]);
        const int low = hexValue(text[2 * i + 1]);
        if (high < 0 || low < 0) return false;
        key[i] = static_cast<std::uint8_t>(high * 16 + low);
    }
    return true;
}

// 32 bytes are 43 base64 characters and one "=" of padding; the last character carries 2 bits
// of padding that must be zero, so every key has exactly one spelling.
bool fromBase64(std::string_view text, StaffKeyBytes& key) {
    if (text.size() == 44 && text.back() == '=') text.remove_suffix(1);
    if (text.size() != 43) return false;
    std::uint32_t bits = 0;
    int count = 0;
    std::size_t out = 0;
    for (const char c : text) {
        const int value = base64Value(c);
        if (value < 0) return false;
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            if (out == key.size()) return false;
            key[out++] = static_cast<std::uint8_t>((bits >> count) & 0xFF);
        }
    }
    return out == key.size() && (bits & ((1u << count) - 1)) == 0;
}

}  // namespace

ParsedKeyFile parseStaffKeyFile(std::span<const std::uint8_t> contents) {
    ParsedKeyFile parsed;
    if (contents.size() > kStaffKeyFileMaxBytes) {
        parsed.problem = KeyFileProblem::TooLarge;
        return parsed;
    }
    if (contents.size() == kStaffKeyFileBytes) {
        std::copy(contents.begin(), contents.end(), parsed.key.begin());
        return parsed;
    }
    // Text: without any white space, then hex or base64.
    std::string text;
    for (const std::uint8_t byte : contents) {
        if (byte == ' ' || byte == '\t' || byte == '\r' || byte == '\n') continue;
        text += static_cast<char>(byte);
    }
    if (fromHex(text, parsed.key) || fromBase64(text, parsed.key)) return parsed;
    parsed.key = {};
    parsed.problem = KeyFileProblem::NotAKey;
    return parsed;
}

ParsedKeyFile readStaffKeyFile(const fs::path& file) {
    ParsedKeyFile parsed;
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec) {
        parsed.problem = KeyFileProblem::Unreadable;
        return parsed;
    }
    if (size > kStaffKeyFileMaxBytes) {
        parsed.problem = KeyFileProblem::TooLarge;
        return parsed;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in.is_open()) {
        parsed.problem = KeyFileProblem::Unreadable;
        return parsed;
    }
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
        parsed.problem = KeyFileProblem::Unreadable;
        return parsed;
    }
    return parseStaffKeyFile(bytes);
}

std::string keyFingerprint(const StaffKeyBytes& key) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string text;
    for (std::size_t i = 0; i < 8; ++i) {
        if (i > 0 && i % 2 == 0) text += ' ';
        text += kDigits[key[i] >> 4];
        text += kDigits[key[i] & 0xF];
    }
    return text;
}

std::vector<fs::path> defaultKeyFolders(const fs::path& dataDir) {
    std::vector<fs::path> folders;
    if (!dataDir.empty()) folders.push_back(dataDir);
    std::error_code ec;
    // /media/USER/STICK, as desktop automounters make them.
    for (fs::directory_iterator user("/media", ec), end; !ec && user != end; user.increment(ec)) {
        std::error_code inner;
        if (!user->is_directory(inner)) continue;
        for (fs::directory_iterator stick(user->path(), inner); !inner && stick != end; stick.increment(inner))
            if (std::error_code dirEc; stick->is_directory(dirEc)) folders.push_back(stick->path());
    }
    ec.clear();
    for (fs::directory_iterator mount("/mnt", ec), end; !ec && mount != end; mount.increment(ec))
        if (std::error_code dirEc; mount->is_directory(dirEc)) folders.push_back(mount->path());
    return folders;
}

std::vector<fs::path> findKeyFiles(const std::vector<fs::path>& folders) {
    static constexpr std::array<std::string_view, 5> kExtensions = {".key", ".pub", ".txt", ".hex", ".b64"};
    std::vector<fs::path> found;
    for (const fs::path& folder : folders) {
        std::error_code ec;
        for (fs::directory_iterator entry(folder, ec), end; !ec && entry != end; entry.increment(ec)) {
            std::error_code fileEc;
            if (!entry->is_regular_file(fileEc) || entry->file_size(fileEc) > kStaffKeyFileMaxBytes || fileEc) continue;
            std::string name = entry->path().filename().string();
            std::string extension = entry->path().extension().string();
            std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
            std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
            if (std::find(kExtensions.begin(), kExtensions.end(), extension) == kExtensions.end()) continue;
            if (name.find("secret") != std::string::npos || name.find("private") != std::string::npos) continue;
            found.push_back(entry->path());
        }
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

}  // namespace buurtstem
