// Export (lijsten voor de staf): a table of plain cells and the two text formats staff open it in,
// CSV for Dutch Excel and JSON with a documented schema (docs/export-schema.json). The writers
// are pure: the same table gives the same bytes, and a resident's text never runs as a formula.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace buurtstem::exporting {

inline constexpr std::string_view kExportFormatName = "buurtstem-export";  // the JSON's "format"
inline constexpr int kExportFormatVersion = 1;                            // the JSON's "version"

enum class ColumnType {
    Text,     // a string; may be anything a resident typed
    Integer,  // a count
    Money,    // euro cents, written as euros with two decimals: 1250.50
    Decimal,  // an average, written with two decimals: 3.67
};

struct Column {
    std::string id;                     // stable snake_case header: "reference", "granted"
    ColumnType type = ColumnType::Text; // = Text
};

// Empty (std::monostate: no value, e.g. never estimated), text, a whole number (Integer and Money
// columns: Money in cents), or a decimal (Decimal columns).
using Cell = std::variant<std::monostate, std::string, std::int64_t, double>;

struct Table {
    std::string what;  // "ideas", "initiatives", "needs", "pulse", "rounds", "evenings"
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;  // each as long as columns
};

// 125050 -> "1250.50", -5 -> "-0.05": plain, no grouping, a point as decimal separator.
std::string formatCents(std::int64_t cents);
// formatCents's text added to the end of `out`, without a string of its own.
void appendCents(std::string& out, std::int64_t cents);
// 3.666 -> "3.67" (rounded half away from zero, the same on every machine).
std::string formatDecimal(double value);

// True when a spreadsheet would read the text as a formula or a command: it starts with = + - @,
// a tab or a carriage return.
bool startsLikeFormula(std::string_view text);
// One CSV cell: a leading apostrophe when startsLikeFormula, then RFC 4180 quotes when it holds
// the separator, a quote, CR or LF (quotes doubled).
std::string csvCell(std::string_view text, char separator);

// UTF-8 with a byte-order mark (Excel then reads the accents right), the header row of column
// ids, CRLF after every row. `separator` is ';' (Dutch Excel) or ','. Text cells are neutralised
// (csvCell); numbers are written plain (formatCents, formatDecimal); empty cells stay empty.
std::string writeCsv(const Table& table, char separator = ';');

// writeCsv's bytes made row by row, for lists too long to hold as one Table: what is pending
// (the byte-order mark and the header first) can go to a file in pieces, and clearing it keeps
// the memory for the next rows.
class CsvWriter {
public:
    CsvWriter(std::vector<Column> columns, char separator);
    void reserve(std::size_t bytes) { out_.reserve(bytes); }
    void add(const std::vector<Cell>& row);
    std::string_view pending() const { return out_; }
    void clearPending() { out_.clear(); }
    std::string take() { return std::move(out_); }

private:
    std::vector<Column> columns_;
    char separator_;
    std::string out_;
};

// A JSON string literal, quotes included: " \ and control characters escaped (\n, \r, \t, \u00XX),
// everything else as its UTF-8 bytes.
std::string jsonString(std::string_view text);
// {"format":"buurtstem-export","version":1,"what":"ideas","columns":[{"id":..,"type":..}],
//  "rows":[{"reference":"K7P-3QX",...}]}: one row per line, keys in column order, empty cells
// null, money and decimals as numbers with two decimals. Ends with a line break.
std::string writeJson(const Table& table);

// The type's id in the JSON's column list: text, integer, money, decimal.
std::string_view columnTypeId(ColumnType type);

}  // namespace buurtstem::exporting
