// The codes CSV: BOM, header, semicolons, CRLF, RFC 4180 quoting and no cell a spreadsheet would
// run as a formula; failed writes leave nothing behind.
#include "PrintTestSupport.h"

#include "app/print/CodesCsv.h"

#include <catch2/catch.hpp>

#include <string>

using namespace buurtstem;
using namespace buurtstem::print;
using namespace buurtstem::print::test;

TEST_CASE("csvCell quotes what needs quoting and nothing else", "[print][csv]") {
    CHECK(csvCell("K7PQ-3XMN-ZZ2A") == "K7PQ-3XMN-ZZ2A");
    CHECK(csvCell("") == "");
    CHECK(csvCell("Buurtbudget 2025") == "Buurtbudget 2025");
    CHECK(csvCell("Groen, spelen") == "Groen, spelen");  // the separator is ';', not ','
    CHECK(csvCell("Groen; spelen") == "\"Groen; spelen\"");
    CHECK(csvCell("De \"Kastanje\"") == "\"De \"\"Kastanje\"\"\"");
    CHECK(csvCell("twee\nregels") == "\"twee\nregels\"");
    CHECK(csvCell("twee\r\nregels") == "\"twee\r\nregels\"");
    CHECK(csvCell("Eén keer") == "Eén keer");
}

TEST_CASE("csvCell neutralises cells a spreadsheet would run", "[print][csv]") {
    CHECK(csvCell("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csvCell("=1+1") == "'=1+1");
    CHECK(csvCell("+31 6 1234") == "'+31 6 1234");
    CHECK(csvCell("-2 plus 3") == "'-2 plus 3");
    CHECK(csvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvCell("\tTAB") == "'\tTAB");
    CHECK(csvCell("\rCR") == "\"'\rCR\"");
    CHECK(csvCell("a=b") == "a=b");  // only the first character counts
}

TEST_CASE("the CSV has a BOM, a header and one row per code", "[print][csv]") {
    ScratchDir dir;
    CodeCardSheet sheet = dutchSheet(3);
    sheet.roundName = "=Buurtbudget; \"groen\"";
    const auto out = dir.path() / "stemcodes.csv";
    REQUIRE(writeCodesCsv(out, sheet).ok());

    const std::string round = "\"'=Buurtbudget; \"\"groen\"\"\"";
    const std::string expected = "\xEF\xBB\xBF"
                                 "Nummer;Code;Ronde;Geldig tot\r\n"
                                 "1;" + sheet.codes[0] + ";" + round + ";16-06-2025\r\n"
                                 "2;" + sheet.codes[1] + ";" + round + ";16-06-2025\r\n"
                                 "3;" + sheet.codes[2] + ";" + round + ";16-06-2025\r\n";
    CHECK(readBytes(out) == expected);
    CHECK(dir.entries() == std::vector<std::string>{"stemcodes.csv"});
}

TEST_CASE("the CSV header is neutralised and quoted too", "[print][csv]") {
    ScratchDir dir;
    CodeCardSheet sheet = dutchSheet(1);
    sheet.texts.columnNumber = "-nr";
    sheet.texts.columnRound = "Ronde;naam";
    const auto out = dir.path() / "codes.csv";
    REQUIRE(writeCodesCsv(out, sheet).ok());
    CHECK(readBytes(out).rfind("\xEF\xBB\xBF'-nr;Code;\"Ronde;naam\";Geldig tot\r\n", 0) == 0);
}

TEST_CASE("a CSV without codes is refused", "[print][csv]") {
    ScratchDir dir;
    const Result<void> written = writeCodesCsv(dir.path() / "codes.csv", dutchSheet(0));
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::InvalidInput);
    CHECK(dir.entries().empty());
}

TEST_CASE("a CSV into a missing folder gives a plain error and leaves nothing", "[print][csv]") {
    ScratchDir dir;
    const auto out = dir.path() / "no-such-folder" / "codes.csv";
    const Result<void> written = writeCodesCsv(out, dutchSheet(3));
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::StorageFailure);
    CHECK(written.error().detail == "cannot write " + out.string() + ": No such file or directory");
    CHECK(dir.entries().empty());
}

TEST_CASE("a CSV write that fails part-way leaves the old file as it was", "[print][csv]") {
    ScratchDir dir;
    const auto out = dir.path() / "codes.csv";
    REQUIRE(writeCodesCsv(out, dutchSheet(2)).ok());
    const std::string before = readBytes(out);

    Result<void> written = Result<void>();
    {
        const FileSizeLimit limit(1024);
        written = writeCodesCsv(out, dutchSheet(200));
    }
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::StorageFull);
    CHECK(written.error().detail == "cannot write " + out.string() + ": File too large");
    CHECK(readBytes(out) == before);
    CHECK(dir.entries() == std::vector<std::string>{"codes.csv"});
}
