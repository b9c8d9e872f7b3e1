// CSV export of a round's voting codes: BOM, semicolons, RFC 4180 quoting, no formulas.
#include "CodesCsv.h"

#include "AtomicFile.h"

#include <string>

namespace buurtstem::print {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr char kSeparator = ';';
constexpr std::string_view kLineEnd = "\r\n";  // RFC 4180

bool startsLikeFormula(std::string_view text) {
    if (text.empty()) return false;
    switch (text.front()) {
        case '=':
        case '+':
        case '-':
        case '@':
        case '\t':
        case '\r': return true;
        default: return false;
    }
}

}  // namespace

std::string csvCell(std::string_view text) {
    std::string cell;
    if (startsLikeFormula(text)) cell.push_back('\'');
    cell.append(text);
    if (cell.find_first_of(";\"\r\n") == std::string::npos) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted.push_back('"');
        quoted.push_back(c);
    }
    quoted.push_back('"');
    return quoted;
}

Result<void> writeCodesCsv(const std::filesystem::path& out, const CodeCardSheet& sheet) {
    if (sheet.codes.empty()) return makeError(ErrorCode::InvalidInput, "no voting codes to export");

    auto addRow = [](std::string& text, std::initializer_list<std::string_view> cells) {
        bool first = true;
        for (std::string_view cell : cells) {
            if (!first) text.push_back(kSeparator);
            text += csvCell(cell);
            first = false;
        }
        text += kLineEnd;
    };

    std::string text(kByteOrderMark);
    const CodeCardTexts& t = sheet.texts;
    addRow(text, {t.columnNumber, t.columnCode, t.columnRound, t.columnValidUntil});
    for (std::size_t i = 0; i < sheet.codes.size(); ++i) {
        addRow(text, {std::to_string(i + 1), sheet.codes[i], sheet.roundName, sheet.validUntil});
    }

    Result<AtomicFile> file = AtomicFile::create(out);
    if (!file) return file.error();
    file->write(text);
    return file->commit();
}

}  // namespace buurtstem::print
