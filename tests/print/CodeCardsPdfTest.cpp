// The cards PDF: a real PDF with one page per 8 or 10 codes; bad input and failed writes leave
// nothing behind, and an earlier file under the same name stays as it was.
#include "PrintTestSupport.h"

#include "app/print/CodeCardsPdf.h"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

using namespace buurtstem;
using namespace buurtstem::print;
using namespace buurtstem::print::test;

namespace {

// Page objects ("/Type /Page"), not the page tree ("/Type /Pages").
int countPages(const std::string& pdf) {
    static const std::regex page(R"(/Type\s*/Page[^s])");
    return static_cast<int>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

}  // namespace

TEST_CASE("25 codes print on 4 pages of 8 cards, or 3 pages of 10", "[print][pdf]") {
    ScratchDir dir;
    CodeCardSheet sheet = dutchSheet(25);
    const int cardsPerPage = GENERATE(8, 10);
    sheet.cardsPerPage = cardsPerPage;
    const auto out = dir.path() / "stemcodes.pdf";

    const Result<void> written = writeCodeCardsPdf(out, sheet);
    INFO((written.ok() ? std::string() : written.error().detail));
    REQUIRE(written.ok());
    const std::string pdf = readBytes(out);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("%%EOF") != std::string::npos);
    CHECK(countPages(pdf) == (cardsPerPage == 8 ? 4 : 3));
    CHECK(codeCardPageCount(sheet) == (cardsPerPage == 8 ? 4 : 3));
    CHECK(pdf.find("DejaVuSansMono-Bold") != std::string::npos);  // the code's font is embedded
    CHECK(dir.entries() == std::vector<std::string>{"stemcodes.pdf"});  // no temporary file left
    // The cards hold codes that still work: only their owner may read the file.
    using std::filesystem::perms;
    CHECK((std::filesystem::status(out).permissions() & (perms::group_all | perms::others_all)) == perms::none);
}

TEST_CASE("page counts round up", "[print][pdf]") {
    CodeCardSheet sheet = dutchSheet(1);
    CHECK(codeCardPageCount(sheet) == 1);
    sheet = dutchSheet(8);
    CHECK(codeCardPageCount(sheet) == 1);
    sheet = dutchSheet(9);
    CHECK(codeCardPageCount(sheet) == 2);
    sheet.cardsPerPage = 10;
    CHECK(codeCardPageCount(sheet) == 1);
}

TEST_CASE("long and right-to-left texts still print", "[print][pdf]") {
    ScratchDir dir;
    CodeCardSheet sheet = dutchSheet(3);
    sheet.roundName = "Buurtbudget voor de speeltuin, het groen en de ontmoetingsplekken van 2025 en 2026";
    sheet.neighbourhood = "Kastanjebuurt-Noord-Oost-en-omstreken-en-nog-veel-meer-tekst-zonder-spaties";
    sheet.texts.heading = "رمز التصويت الخاص بك";
    sheet.texts.whereToVote = "صوّت في الكشك في المركز المجتمعي";
    sheet.texts.validOnce = "صالح مرة واحدة";
    const auto out = dir.path() / "cards.pdf";
    REQUIRE(writeCodeCardsPdf(out, sheet).ok());
    CHECK(countPages(readBytes(out)) == 1);
}

TEST_CASE("bad sheets are refused before a file is made", "[print][pdf]") {
    ScratchDir dir;
    const auto out = dir.path() / "cards.pdf";
    CodeCardSheet sheet = dutchSheet(5);

    SECTION("cards per page other than 8 or 10") {
        sheet.cardsPerPage = 9;
    }
    SECTION("no codes") {
        sheet.codes.clear();
    }
    SECTION("an empty code") {
        sheet.codes[2].clear();
    }
    SECTION("a code no card could hold") {
        sheet.codes[4] = std::string(200, 'A');
    }
    const Result<void> written = writeCodeCardsPdf(out, sheet);
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::InvalidInput);
    CHECK(dir.entries().empty());
}

TEST_CASE("a missing folder gives a plain error and leaves nothing", "[print][pdf]") {
    ScratchDir dir;
    const auto out = dir.path() / "no-such-folder" / "cards.pdf";
    const Result<void> written = writeCodeCardsPdf(out, dutchSheet(3));
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::StorageFailure);
    CHECK(written.error().detail == "cannot write " + out.string() + ": No such file or directory");
    CHECK(dir.entries().empty());
}

TEST_CASE("a write that fails part-way leaves no half PDF, and the old file stays", "[print][pdf]") {
    ScratchDir dir;
    const auto out = dir.path() / "cards.pdf";
    REQUIRE(writeCodeCardsPdf(out, dutchSheet(3)).ok());
    const std::string before = readBytes(out);
    REQUIRE(before.size() > 4096);

    Result<void> written = Result<void>();
    {
        const FileSizeLimit limit(4096);  // a disk that fills up after 4 KiB
        written = writeCodeCardsPdf(out, dutchSheet(25));
    }
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().code == ErrorCode::StorageFull);
    CHECK(written.error().detail == "cannot write " + out.string() + ": File too large");
    CHECK(readBytes(out) == before);
    CHECK(dir.entries() == std::vector<std::string>{"cards.pdf"});
}

TEST_CASE("a folder in the way of the file name is reported, not replaced", "[print][pdf]") {
    ScratchDir dir;
    const auto out = dir.path() / "cards.pdf";
    std::filesystem::create_directory(out);
    const Result<void> written = writeCodeCardsPdf(out, dutchSheet(3));
    REQUIRE_FALSE(written.ok());
    CHECK(written.error().detail == "cannot write " + out.string() + ": Is a directory");
    CHECK(dir.entries() == std::vector<std::string>{"cards.pdf"});
    CHECK(std::filesystem::is_directory(out));
}
