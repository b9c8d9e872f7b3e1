// The export's CSV and JSON writers (see Export.h).
#include "Export.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace buurtstem::exporting {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kLineEnd = "\r\n";  // RFC 4180

// A number cell's text, appended (Text cells go through csvCell or jsonString instead).
void appendNumber(std::string& out, const Cell& cell, ColumnType type) {
    if (const auto* whole = std::get_if<std::int64_t>(&cell)) {
        if (type == ColumnType::Money) {
            appendCents(out, *whole);
        } else {
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, *whole).ptr;
            out.append(digits, end);
        }
    } else if (const auto* decimal = std::get_if<double>(&cell)) {
        out += formatDecimal(*decimal);
    }
}

}  // namespace

void appendCents(std::string& out, std::int64_t cents) {
    const bool negative = cents < 0;
    // Through unsigned, so even the most negative value has a magnitude.
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, magnitude / 100).ptr;
    const auto hundredths = static_cast<char>(magnitude % 100);
    if (negative) out.push_back('-');
    out.append(digits, end);
    out.push_back('.');
    out.push_back(static_cast<char>('0' + hundredths / 10));
    out.push_back(static_cast<char>('0' + hundredths % 10));
}

std::string formatCents(std::int64_t cents) {
    std::string text;
    appendCents(text, cents);
    return text;
}

std::string formatDecimal(double value) {
    if (!std::isfinite(value)) return "0.00";
    // Whole hundredths first, so the result never depends on printf's rounding mode.
    const double hundredths = std::round(value * 100.0);
    if (std::fabs(hundredths) > 9.0e17) return "0.00";
    return formatCents(static_cast<std::int64_t>(hundredths));
}

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

namespace {

// Appends one cell, without a string of its own: an export is millions of cells.
void appendCsvCell(std::string& out, std::string_view text, char separator) {
    const bool formula = startsLikeFormula(text);
    // One pass over the text: find_first_of looks up each character in the set with memchr.
    const bool quote = std::any_of(text.begin(), text.end(),
                                   [separator](char c) { return c == separator || c == '"' || c == '\r' || c == '\n'; });
    if (quote) out.push_back('"');
    if (formula) out.push_back('\'');
    if (!quote) {
        out.append(text);
        return;
    }
    for (char c : text) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

}  // namespace

std::string csvCell(std::string_view text, char separator) {
    std::string cell;
    appendCsvCell(cell, text, separator);
    return cell;
}

CsvWriter::CsvWriter(std::vector<Column> columns, char separator) : columns_(std::move(columns)), separator_(separator) {
    out_ += kByteOrderMark;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (c > 0) out_.push_back(separator_);
        appendCsvCell(out_, columns_[c].id, separator_);
    }
    out_ += kLineEnd;
}

void CsvWriter::add(const std::vector<Cell>& row) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (c > 0) out_.push_back(separator_);
        if (c >= row.size()) continue;
        if (const auto* text = std::get_if<std::string>(&row[c]))
            appendCsvCell(out_, *text, separator_);
        else
            appendNumber(out_, row[c], columns_[c].type);
    }
    out_ += kLineEnd;
}

std::string writeCsv(const Table& table, char separator) {
    CsvWriter csv(table.columns, separator);
    // Sized once from the texts (plus room for numbers, quotes and separators): growing a string
    // of tens of megabytes copies it over and over.
    std::size_t estimate = csv.pending().size();
    for (const std::vector<Cell>& row : table.rows) {
        estimate += 2 + 4 * row.size();
        for (const Cell& cell : row)
            if (const auto* text = std::get_if<std::string>(&cell)) estimate += text->size();
            else estimate += 20;
    }
    csv.reserve(estimate);
    for (const std::vector<Cell>& row : table.rows) csv.add(row);
    return csv.take();
}

namespace {

void appendJsonString(std::string& out, std::string_view text) {
    out.push_back('"');
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
                    out += escaped;
                } else {
                    out.push_back(ch);
                }
        }
    }
    out.push_back('"');
}

}  // namespace

std::string jsonString(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    appendJsonString(out, text);
    return out;
}

std::string_view columnTypeId(ColumnType type) {
    switch (type) {
        case ColumnType::Text: return "text";
        case ColumnType::Integer: return "integer";
        case ColumnType::Money: return "money";
        case ColumnType::Decimal: return "decimal";
    }
    return "text";
}

std::string writeJson(const Table& table) {
    std::string out = "{\"format\":" + jsonString(kExportFormatName) + ",\"version\":" + std::to_string(kExportFormatVersion) +
                      ",\"what\":" + jsonString(table.what) + ",\n\"columns\":[";
    std::vector<std::string> keys;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        keys.push_back(jsonString(table.columns[c].id));
        if (c > 0) out.push_back(',');
        out += "{\"id\":" + keys.back() + ",\"type\":" + jsonString(columnTypeId(table.columns[c].type)) + "}";
    }
    out += "],\n\"rows\":[";
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out += r == 0 ? "\n{" : ",\n{";
        const std::vector<Cell>& row = table.rows[r];
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            if (c > 0) out.push_back(',');
            out += keys[c];
            out.push_back(':');
            const Cell empty;
            const Cell& cell = c < row.size() ? row[c] : empty;
            if (const auto* text = std::get_if<std::string>(&cell))
                appendJsonString(out, *text);
            else if (std::holds_alternative<std::monostate>(cell))
                out += "null";
            else
                appendNumber(out, cell, table.columns[c].type);
        }
        out.push_back('}');
    }
    out += "\n]}\n";
    return out;
}

}  // namespace buurtstem::exporting
