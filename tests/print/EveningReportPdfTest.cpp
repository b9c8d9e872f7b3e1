// The evening report PDF: a real PDF whose sections flow over as many pages as they need, that
// says so in its page count; Arabic prints; a folder that cannot be written leaves nothing.
#include "PrintTestSupport.h"

#include "app/print/EveningReportPdf.h"

#include <catch2/catch.hpp>

#include <regex>
#include <string>

using namespace buurtstem;
using namespace buurtstem::print;
using namespace buurtstem::print::test;

namespace {

int countPages(const std::string& pdf) {
    static const std::regex page(R"(/Type\s*/Page[^s])");
    return static_cast<int>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

EveningReport report(int lines) {
    EveningReport r;
    r.title = "Bewonersavond Kastanjebuurt";
    r.subtitle = {"28 november 2026, 19:30", "Buurtkamer, Kastanjeplein 4"};
    r.footer = "Buurtstem";
    ReportSection votes{"Stippenstem", {}, "Niets genoteerd."};
    votes.lines.push_back({"Wat pakken we eerst aan?", false, true, std::nullopt});
    votes.lines.push_back({"Speeltuin: 12 stippen", true, false, 1.0});
    votes.lines.push_back({"Licht: 3 stippen", true, false, 0.25});
    r.sections.push_back(votes);
    ReportSection heard{"Wat we hoorden", {}, "Niets genoteerd."};
    for (int i = 0; i < lines; ++i) heard.lines.push_back({"Idee " + std::to_string(i + 1) + ": meer bankjes en bomen langs het water, en een plek om samen te zitten", true, false, std::nullopt});
    r.sections.push_back(heard);
    r.sections.push_back({"Besluiten", {}, "Niets genoteerd."});
    return r;
}

}  // namespace

TEST_CASE("a short report is one page, a long one flows on and counts its pages", "[print][evening]") {
    ScratchDir dir;
    const auto out = dir.path() / "verslag.pdf";
    const Result<int> one = writeEveningReportPdf(out, report(5));
    REQUIRE(one.ok());
    CHECK(*one == 1);
    std::string pdf = readBytes(out);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf.find("%%EOF") != std::string::npos);
    CHECK(countPages(pdf) == 1);

    const Result<int> many = writeEveningReportPdf(out, report(150));
    REQUIRE(many.ok());
    CHECK(*many >= 3);
    CHECK(countPages(readBytes(out)) == *many);
    CHECK(dir.entries() == std::vector<std::string>{"verslag.pdf"});  // no temporary file left
}

TEST_CASE("a right-to-left report prints", "[print][evening]") {
    ScratchDir dir;
    EveningReport r = report(3);
    r.rightToLeft = true;
    r.title = "أمسية السكان";
    r.sections.front().heading = "التصويت بالنقاط";
    const Result<int> pages = writeEveningReportPdf(dir.path() / "ar.pdf", r);
    REQUIRE(pages.ok());
    CHECK(countPages(readBytes(dir.path() / "ar.pdf")) == *pages);
}

TEST_CASE("a report without a title or in a missing folder is refused and leaves nothing", "[print][evening]") {
    ScratchDir dir;
    EveningReport untitled = report(1);
    untitled.title.clear();
    CHECK(writeEveningReportPdf(dir.path() / "x.pdf", untitled).error().code == ErrorCode::InvalidInput);
    const Result<int> missing = writeEveningReportPdf(dir.path() / "no" / "such" / "x.pdf", report(1));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().detail.rfind("cannot write", 0) == 0);
    CHECK(dir.entries().empty());
}
