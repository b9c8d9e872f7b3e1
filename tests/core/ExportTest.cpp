// The export's writers: CSV for Dutch Excel (BOM, separators, CRLF, RFC 4180 quotes, formulas
// neutralised) and JSON (the documented envelope, escaping), money and decimals as plain numbers.
#include "app/core/Export.h"

#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;
using namespace buurtstem::exporting;

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

Table oneColumn(ColumnType type, std::vector<Cell> cells) {
    Table table;
    table.what = "ideas";
    table.columns = {{"value", type}};
    for (Cell& cell : cells) table.rows.push_back({std::move(cell)});
    return table;
}

std::string body(const std::string& csv) { return csv.substr(kBom.size()); }

}  // namespace

TEST_CASE("money and averages are plain decimals with two places", "[core][export]") {
    CHECK(formatCents(0) == "0.00");
    CHECK(formatCents(5) == "0.05");
    CHECK(formatCents(125'050) == "1250.50");
    CHECK(formatCents(-5) == "-0.05");
    CHECK(formatCents(10'000'000) == "100000.00");
    CHECK(formatCents(INT64_MIN) == "-92233720368547758.08");
    CHECK(formatDecimal(3.666) == "3.67");
    CHECK(formatDecimal(4.0) == "4.00");
    CHECK(formatDecimal(0.125) == "0.13");  // half away from zero
    CHECK(formatDecimal(-1.5) == "-1.50");
}

TEST_CASE("a CSV starts with a byte-order mark and ends every row with CRLF", "[core][export]") {
    Table table;
    table.what = "pulse";
    table.columns = {{"month", ColumnType::Text}, {"average", ColumnType::Decimal}, {"count", ColumnType::Integer},
                     {"cost", ColumnType::Money}};
    table.rows = {{Cell(std::string("2025-11")), Cell(3.5), Cell(std::int64_t{12}), Cell(std::int64_t{125'050})},
                  {Cell(std::string("2025-12")), Cell(), Cell(std::int64_t{0}), Cell()}};
    const std::string csv = writeCsv(table);
    CHECK(csv.substr(0, 3) == kBom);
    CHECK(body(csv) == "month;average;count;cost\r\n2025-11;3.50;12;1250.50\r\n2025-12;;0;\r\n");
    CHECK(body(writeCsv(table, ',')) == "month,average,count,cost\r\n2025-11,3.50,12,1250.50\r\n2025-12,,0,\r\n");
}

TEST_CASE("CSV cells are quoted as RFC 4180 asks, for the separator in use", "[core][export]") {
    const Table table = oneColumn(ColumnType::Text, {Cell(std::string("Bankjes; en bomen")), Cell(std::string("Zeg \"hoi\"")),
                                                     Cell(std::string("regel 1\nregel 2")), Cell(std::string("a,b")),
                                                     Cell(std::string("Café Ünal")), Cell(std::string(""))});
    CHECK(body(writeCsv(table, ';')) ==
          "value\r\n\"Bankjes; en bomen\"\r\n\"Zeg \"\"hoi\"\"\"\r\n\"regel 1\nregel 2\"\r\na,b\r\nCafé Ünal\r\n\r\n");
    // With commas the comma needs quotes and the semicolon does not.
    CHECK(body(writeCsv(table, ',')) ==
          "value\r\nBankjes; en bomen\r\n\"Zeg \"\"hoi\"\"\"\r\n\"regel 1\nregel 2\"\r\n\"a,b\"\r\nCafé Ünal\r\n\r\n");
}

TEST_CASE("a CSV written row by row in pieces is the same bytes as the whole table's", "[core][export]") {
    Table table;
    table.what = "initiatives";
    table.columns = {{"reference", ColumnType::Text}, {"requested", ColumnType::Money}, {"helpers", ColumnType::Integer},
                     {"note", ColumnType::Text}};
    for (int i = 0; i < 50; ++i)
        table.rows.push_back({Cell("K7P-" + std::to_string(i)), Cell(std::int64_t{1250 * i}), Cell(),
                              Cell(i % 3 == 0 ? std::string("=SUM(A1;\"x\")\r\nnog een regel") : std::string("Zaden, plantjes"))});
    for (char separator : {';', ','}) {
        CsvWriter csv(table.columns, separator);
        std::string pieces;
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            csv.add(table.rows[r]);
            if (r % 7 == 0) {  // handed over now and then, as the export does to its file
                pieces += csv.pending();
                csv.clearPending();
            }
        }
        pieces += csv.pending();
        CHECK(pieces == writeCsv(table, separator));
    }
    CsvWriter empty(table.columns, ';');
    CHECK(std::string(empty.pending()) == writeCsv(Table{"initiatives", table.columns, {}}, ';'));
}

TEST_CASE("a resident's text never runs as a formula in a CSV", "[core][export]") {
    CHECK(csvCell("=1+1", ';') == "'=1+1");
    CHECK(csvCell("+31 6 12345678", ';') == "'+31 6 12345678");
    CHECK(csvCell("-2", ';') == "'-2");
    CHECK(csvCell("-", ';') == "'-");
    CHECK(csvCell("@SUM(A1:A9)", ';') == "'@SUM(A1:A9)");
    CHECK(csvCell("\tindent", ';') == "'\tindent");
    CHECK(csvCell("\r=1", ';') == "\"'\r=1\"");
    CHECK(csvCell("=HYPERLINK(\"http://x\";\"klik\")", ';') == "\"'=HYPERLINK(\"\"http://x\"\";\"\"klik\"\")\"");
    // Only the first character matters; inside the text these are plain characters.
    CHECK(csvCell("1+1=2", ';') == "1+1=2");
    CHECK(csvCell("mail@example.nl", ';') == "mail@example.nl");
    CHECK(csvCell("", ';').empty());
    // Numbers are the export's own and are written as numbers, a text column is neutralised.
    const Table table = oneColumn(ColumnType::Text, {Cell(std::string("-2")), Cell(std::string("=1+1"))});
    CHECK(body(writeCsv(table)) == "value\r\n'-2\r\n'=1+1\r\n");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep UTF-8", "[core][export]") {
    CHECK(jsonString("plain") == "\"plain\"");
    CHECK(jsonString("zeg \"hoi\"") == "\"zeg \\\"hoi\\\"\"");
    CHECK(jsonString("C:\\pad") == "\"C:\\\\pad\"");
    CHECK(jsonString("a\nb\r\tc") == "\"a\\nb\\r\\tc\"");
    CHECK(jsonString(std::string("x\x01y\x1Fz\x7F", 6)) == "\"x\\u0001y\\u001fz\\u007f\"");
    CHECK(jsonString("Café ☕ مرحبا") == "\"Café ☕ مرحبا\"");
    CHECK(jsonString("</script>") == "\"</script>\"");
}

TEST_CASE("the JSON export is the documented envelope with one object per row", "[core][export]") {
    Table table;
    table.what = "initiatives";
    table.columns = {{"reference", ColumnType::Text}, {"supports", ColumnType::Integer}, {"granted", ColumnType::Money},
                     {"average", ColumnType::Decimal}, {"cost_estimate", ColumnType::Money}};
    table.rows = {{Cell(std::string("=K7P")), Cell(std::int64_t{3}), Cell(std::int64_t{125'050}), Cell(2.0), Cell()}};
    CHECK(writeJson(table) ==
          "{\"format\":\"buurtstem-export\",\"version\":1,\"what\":\"initiatives\",\n"
          "\"columns\":[{\"id\":\"reference\",\"type\":\"text\"},{\"id\":\"supports\",\"type\":\"integer\"},"
          "{\"id\":\"granted\",\"type\":\"money\"},{\"id\":\"average\",\"type\":\"decimal\"},"
          "{\"id\":\"cost_estimate\",\"type\":\"money\"}],\n"
          "\"rows\":[\n"
          "{\"reference\":\"=K7P\",\"supports\":3,\"granted\":1250.50,\"average\":2.00,\"cost_estimate\":null}\n"
          "]}\n");
    table.rows.clear();
    CHECK_THAT(writeJson(table), Catch::EndsWith("\"rows\":[\n]}\n"));
}
