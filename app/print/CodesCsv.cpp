// CSV export of a round's voting codes: BOM, semicolons, RFC 4180 quoting, no formulas.
#include "CodesCsv.h"

#include "AtomicFile.h"
#include "../core/Export.h"

#include <string>

namespace buurtstem::print {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr char kSeparator = ';';
constexpr std::string_view kLineEnd = "\r\n";  // RFC 4180

}  // namespace

std::string csvCell(std::string_view text) { return exporting::csvCell(text, kSeparator); }

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
