// Translations: every user-visible string is a key ("home.tile.idea") looked up in one gettext PO
// file per language under assets/i18n. Keys are the msgid; the text is the msgstr. Loaded at run
// time without system locales, so a kiosk needs no locale packages.
#pragma once

#include "../Result.h"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::i18n {

struct Language {
    std::string code;        // "nl", "en", ...
    std::string nativeName;  // the language in its own name: "Nederlands", "English"
    bool rightToLeft = false;
};

class Catalog {
public:
    // Parses PO text: msgid/msgstr pairs, multi-line strings, C escapes, comments, a header
    // entry (empty msgid) whose "Language-Name:" gives the native name. Entries marked fuzzy
    // or with an empty msgstr count as missing.
    static Result<Catalog> parsePo(std::string_view text, std::string languageCode);
    static Result<Catalog> loadFile(const std::filesystem::path& file, std::string languageCode);

    const Language& language() const { return language_; }
    // nullptr when the key has no translation here.
    const std::string* find(std::string_view key) const;
    std::vector<std::string> keys() const;
    std::size_t size() const { return entries_.size(); }

private:
    Language language_;
    std::map<std::string, std::string, std::less<>> entries_;
};

// All languages found in a folder (one <code>.po each), Dutch first, then in a fixed order.
class Translator {
public:
    static Result<Translator> loadFolder(const std::filesystem::path& folder);
    static Translator fromCatalogs(std::vector<Catalog> catalogs);

    // Switches language; unknown codes are ignored and false is returned.
    bool setLanguage(std::string_view code);
    const Language& language() const;
    std::vector<Language> languages() const;

    // Text for a key in the current language; falls back to Dutch, then to the key itself, so a
    // missing translation shows as a readable key instead of crashing. Never returns nullptr.
    const char* tr(std::string_view key) const;
    // tr() with "{name}" placeholders replaced by values, e.g. {{"code", "K7P-3QX"}}.
    std::string format(std::string_view key, std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;

    const Catalog* catalog(std::string_view code) const;

private:
    std::vector<Catalog> catalogs_;  // catalogs_[0] is the fallback (Dutch when present)
    std::size_t current_ = 0;
    // Keys tr() found nowhere, kept so the returned pointer stays valid and NUL-terminated
    // (a string_view key need not be). Set nodes never move. Not thread-safe: UI thread only.
    mutable std::set<std::string, std::less<>> missingKeys_;
};

}  // namespace buurtstem::i18n
