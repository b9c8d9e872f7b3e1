// Reads gettext PO files (the subset translators' tools write) and picks the text for a key in
// the resident's language, falling back to Dutch and then to the key itself.
#include "Catalog.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>
#include <set>
#include <system_error>

namespace buurtstem::i18n {

// [SECTION] PO parsing

namespace {

constexpr std::string_view kSpace = " \t";

std::string_view trimSpace(std::string_view text) {
    const std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

Error parseError(std::size_t line, std::string_view what) {
    return makeError(ErrorCode::InvalidInput, "line " + std::to_string(line) + ": " + std::string(what));
}

// Languages written right to left, used when the header does not say so itself.
bool isRightToLeftByDefault(std::string_view code) {
    const std::string_view base = code.substr(0, code.find_first_of("_-"));
    return base == "ar" || base == "fa" || base == "he" || base == "ur";
}

// One "..." string from a PO line, with C escapes resolved. Anything but blanks after the
// closing quote is an error: it usually means an unescaped quote inside the text.
Result<std::string> parseQuoted(std::string_view text, std::size_t line) {
    text = trimSpace(text);
    if (text.empty() || text.front() != '"') return parseError(line, "expected a string in double quotes");
    std::string value;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            if (!trimSpace(text.substr(i + 1)).empty()) return parseError(line, "text after the closing quote");
            return value;
        }
        if (c != '\\') {
            value.push_back(c);
            continue;
        }
        if (++i == text.size()) break;
        switch (text[i]) {
            case 'n': value.push_back('\n'); break;
            case 't': value.push_back('\t'); break;
            case 'r': value.push_back('\r'); break;
            case '"': value.push_back('"'); break;
            case '\\': value.push_back('\\'); break;
            default: return parseError(line, std::string("unknown escape \\") + text[i]);
        }
    }
    return parseError(line, "string has no closing quote");
}

// Which part of the entry a continuation line ("...") extends.
enum class PoField { None, Context, Id, IdPlural, Text, OtherPluralText };

struct PoEntry {
    std::size_t line = 0;  // where its msgid is, for error messages
    bool fuzzy = false;
    bool hasContext = false;
    bool hasId = false;
    bool hasPlural = false;
    bool hasText = false;
    std::string context;
    std::string id;
    std::string text;  // msgstr, or msgstr[0] for a plural entry
};

struct PoHeader {
    std::string languageName;
    std::string language;
    std::string textDirection;
};

PoHeader parseHeader(std::string_view text) {
    PoHeader header;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        const std::string_view key = trimSpace(line.substr(0, colon));
        const std::string value(trimSpace(line.substr(colon + 1)));
        if (equalsIgnoringCase(key, "Language-Name")) header.languageName = value;
        else if (equalsIgnoringCase(key, "Language")) header.language = value;
        else if (equalsIgnoringCase(key, "X-Text-Direction")) header.textDirection = value;
    }
    return header;
}

class PoParser {
public:
    Result<void> parse(std::string_view text) {
        if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM some editors write
        std::size_t lineNumber = 0;
        while (!text.empty()) {
            ++lineNumber;
            const std::size_t end = text.find('\n');
            std::string_view line = text.substr(0, end);
            text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (Result<void> done = parseLine(trimSpace(line), lineNumber); !done) return done;
        }
        return finishEntry();
    }

    std::map<std::string, std::string, std::less<>> entries;
    PoHeader header;

private:
    Result<void> parseLine(std::string_view line, std::size_t lineNumber) {
        if (line.empty()) return {};
        if (line.front() == '#') {
            if (current_.hasText) {
                if (Result<void> done = finishEntry(); !done) return done;
            }
            if (line.substr(0, 2) == "#,") readFlags(line.substr(2));
            return {};  // translator, extracted, reference and obsolete (#~) comments carry no text
        }
        if (line.front() == '"') {
            if (field_ == PoField::None) return parseError(lineNumber, "string outside an entry");
            Result<std::string> value = parseQuoted(line, lineNumber);
            if (!value) return value.error();
            target(field_) += *value;
            return {};
        }
        const std::size_t keywordEnd = line.find_first_of(" \t\"");
        const std::string_view keyword = line.substr(0, keywordEnd);
        const std::string_view rest = keywordEnd == std::string_view::npos ? std::string_view{} : line.substr(keywordEnd);
        Result<PoField> field = startField(keyword, lineNumber);
        if (!field) return field.error();
        Result<std::string> value = parseQuoted(rest, lineNumber);
        if (!value) return value.error();
        field_ = *field;
        target(field_) = std::move(*value);
        return {};
    }

    // Checks that the keyword may come at this point of an entry, and starts the next entry when
    // the previous one is complete.
    Result<PoField> startField(std::string_view keyword, std::size_t lineNumber) {
        if (keyword == "msgctxt" || keyword == "msgid") {
            if (current_.hasText) {
                if (Result<void> done = finishEntry(); !done) return done.error();
            }
            if (current_.hasId) return parseError(current_.line, "msgid without msgstr");
            if (keyword == "msgctxt") {
                if (current_.hasContext) return parseError(lineNumber, "two msgctxt in one entry");
                current_.hasContext = true;
                return PoField::Context;
            }
            current_.hasId = true;
            current_.line = lineNumber;
            return PoField::Id;
        }
        if (!current_.hasId) return parseError(lineNumber, std::string(keyword) + " before msgid");
        if (keyword == "msgid_plural") {
            if (current_.hasPlural || current_.hasText) return parseError(lineNumber, "misplaced msgid_plural");
            current_.hasPlural = true;
            return PoField::IdPlural;
        }
        if (keyword == "msgstr") {
            if (current_.hasText) return parseError(lineNumber, "two msgstr in one entry");
            current_.hasText = true;
            return PoField::Text;
        }
        if (keyword.substr(0, 7) == "msgstr[" && keyword.size() > 8 && keyword.back() == ']') {
            const std::string_view index = keyword.substr(7, keyword.size() - 8);
            if (index.find_first_not_of("0123456789") != std::string_view::npos) {
                return parseError(lineNumber, "bad plural index in " + std::string(keyword));
            }
            // Screens show one form per key, so the first (singular) form is the one kept.
            if (index.find_first_not_of('0') != std::string_view::npos) return PoField::OtherPluralText;
            if (current_.hasText) return parseError(lineNumber, "two msgstr[0] in one entry");
            current_.hasText = true;
            return PoField::Text;
        }
        return parseError(lineNumber, "unknown keyword \"" + std::string(keyword) + "\"");
    }

    std::string& target(PoField field) {
        switch (field) {
            case PoField::Context: return current_.context;
            case PoField::Id: return current_.id;
            case PoField::Text: return current_.text;
            case PoField::None:
            case PoField::IdPlural:
            case PoField::OtherPluralText: break;
        }
        discarded_.clear();
        return discarded_;
    }

    void readFlags(std::string_view flags) {
        while (!flags.empty()) {
            const std::size_t comma = flags.find(',');
            if (trimSpace(flags.substr(0, comma)) == "fuzzy") current_.fuzzy = true;
            flags = comma == std::string_view::npos ? std::string_view{} : flags.substr(comma + 1);
        }
    }

    Result<void> finishEntry() {
        PoEntry entry = std::move(current_);
        current_ = PoEntry{};
        field_ = PoField::None;
        if (!entry.hasId) {
            if (entry.hasContext) return parseError(entry.line, "msgctxt without msgid");
            return {};  // only comments so far
        }
        if (!entry.hasText) return parseError(entry.line, "msgid without msgstr");
        if (entry.id.empty() && !entry.hasContext) {
            // The header is read even when fuzzy: new files from msginit start out that way.
            header = parseHeader(entry.text);
            return {};
        }
        if (!seen_.insert(entry.context + '\x04' + entry.id).second) {
            return parseError(entry.line, "duplicate msgid \"" + entry.id + "\"");
        }
        // Contexts are not used for lookup; the first translation of a msgid wins.
        if (!entry.fuzzy && !entry.text.empty()) entries.emplace(std::move(entry.id), std::move(entry.text));
        return {};
    }

    PoEntry current_;
    PoField field_ = PoField::None;
    std::string discarded_;      // sink for the parts of an entry that are parsed but not kept
    std::set<std::string> seen_;  // context + EOT + msgid, as gettext separates them
};

}  // namespace

Result<Catalog> Catalog::parsePo(std::string_view text, std::string languageCode) {
    PoParser parser;
    if (Result<void> parsed = parser.parse(text); !parsed) return parsed.error();

    Catalog catalog;
    catalog.entries_ = std::move(parser.entries);
    catalog.language_.code = languageCode.empty() ? parser.header.language : std::move(languageCode);
    catalog.language_.nativeName =
        parser.header.languageName.empty() ? catalog.language_.code : parser.header.languageName;
    if (equalsIgnoringCase(parser.header.textDirection, "rtl")) {
        catalog.language_.rightToLeft = true;
    } else if (equalsIgnoringCase(parser.header.textDirection, "ltr")) {
        catalog.language_.rightToLeft = false;
    } else {
        catalog.language_.rightToLeft = isRightToLeftByDefault(catalog.language_.code);
    }
    return catalog;
}

Result<Catalog> Catalog::loadFile(const std::filesystem::path& file, std::string languageCode) {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) return makeError(ErrorCode::MissingAsset, "cannot open " + file.string());
    const std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    if (stream.bad()) return makeError(ErrorCode::MissingAsset, "cannot read " + file.string());

    if (languageCode.empty()) languageCode = file.stem().string();
    Result<Catalog> catalog = parsePo(text, std::move(languageCode));
    if (!catalog) return makeError(catalog.error().code, file.filename().string() + ": " + catalog.error().detail);
    return catalog;
}

const std::string* Catalog::find(std::string_view key) const {
    const auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> result;
    result.reserve(entries_.size());
    for (const auto& [key, text] : entries_) result.push_back(key);
    return result;
}

// [SECTION] Translator

namespace {

// The languages the neighbourhoods served have most speakers of come first in the picker.
constexpr std::array<std::string_view, 6> kPreferredOrder = {"nl", "en", "tr", "pl", "uk", "ar"};

bool comesBefore(const Catalog& a, const Catalog& b) {
    const auto rank = [](const Catalog& catalog) {
        return std::find(kPreferredOrder.begin(), kPreferredOrder.end(), catalog.language().code) -
               kPreferredOrder.begin();
    };
    const auto rankA = rank(a);
    const auto rankB = rank(b);
    if (rankA != rankB) return rankA < rankB;
    return a.language().code < b.language().code;
}

}  // namespace

Result<Translator> Translator::loadFolder(const std::filesystem::path& folder) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        if (it->path().extension() == ".po" && it->is_regular_file(error)) files.push_back(it->path());
    }
    if (error) return makeError(ErrorCode::MissingAsset, "cannot list " + folder.string() + ": " + error.message());
    if (files.empty()) return makeError(ErrorCode::MissingAsset, "no .po files in " + folder.string());

    std::vector<Catalog> catalogs;
    for (const std::filesystem::path& file : files) {
        Result<Catalog> catalog = Catalog::loadFile(file, file.stem().string());
        if (!catalog) return catalog.error();
        catalogs.push_back(std::move(*catalog));
    }
    return fromCatalogs(std::move(catalogs));
}

Translator Translator::fromCatalogs(std::vector<Catalog> catalogs) {
    std::stable_sort(catalogs.begin(), catalogs.end(), comesBefore);
    Translator translator;
    translator.catalogs_ = std::move(catalogs);
    return translator;
}

bool Translator::setLanguage(std::string_view code) {
    for (std::size_t i = 0; i < catalogs_.size(); ++i) {
        if (catalogs_[i].language().code == code) {
            current_ = i;
            return true;
        }
    }
    return false;
}

const Language& Translator::language() const {
    static const Language kNone;
    return catalogs_.empty() ? kNone : catalogs_[current_].language();
}

std::vector<Language> Translator::languages() const {
    std::vector<Language> result;
    result.reserve(catalogs_.size());
    for (const Catalog& catalog : catalogs_) result.push_back(catalog.language());
    return result;
}

const char* Translator::tr(std::string_view key) const {
    if (!catalogs_.empty()) {
        if (const std::string* text = catalogs_[current_].find(key)) return text->c_str();
        if (const std::string* text = catalogs_.front().find(key)) return text->c_str();
    }
    auto missing = missingKeys_.find(key);
    if (missing == missingKeys_.end()) missing = missingKeys_.emplace(key).first;
    return missing->c_str();
}

std::string Translator::format(std::string_view key,
                               std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
    const std::string_view text = tr(key);
    std::string result;
    result.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, close - i - 1);
                const auto value = std::find_if(values.begin(), values.end(),
                                                [&](const auto& pair) { return pair.first == name; });
                if (value != values.end()) {
                    result += value->second;
                    i = close;
                    continue;
                }
            }
        }
        // Unknown placeholders stay visible, so a translator's typo shows up on screen.
        result.push_back(text[i]);
    }
    return result;
}

const Catalog* Translator::catalog(std::string_view code) const {
    for (const Catalog& catalog : catalogs_) {
        if (catalog.language().code == code) return &catalog;
    }
    return nullptr;
}

}  // namespace buurtstem::i18n
