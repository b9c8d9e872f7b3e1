// The report of a residents' evening (verslag van de bewonersavond) as an A4 PDF: a title block,
// then sections of lines that flow over as many pages as they need. The caller composes the
// sections in the facilitator's language (app/ui/EveningReport); this file only lays them out.
#pragma once

#include "../core/Result.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::print {

struct ReportLine {
    std::string text;
    bool bullet = false;        // = false // a list item, with a dot in front
    bool strong = false;        // = false // bold, for a line that names a group
    std::optional<double> bar;  // = nullopt // 0..1: a bar under the text (a dot vote's share)
};

struct ReportSection {
    std::string heading;
    std::vector<ReportLine> lines;  // an empty section shows `emptyText`
    std::string emptyText;          // = "" // "nothing noted"
};

struct EveningReport {
    std::string title;                   // "Bewonersavond Kastanjebuurt"
    std::vector<std::string> subtitle;   // "zaterdag 28 november 2026, 19:30", "Buurtkamer, Kastanjeplein 4"
    std::vector<ReportSection> sections;
    std::string footer;                  // "Buurtstem, {page} / {pages}" is made of this and the numbers
    bool rightToLeft = false;            // = false // lines start at the right (Arabic)
};

// Writes the report with cairo (DejaVu Sans) and returns the number of pages. The file appears
// whole or not at all (AtomicFile). Errors: InvalidInput (no title), StorageFull, StorageReadOnly,
// StorageFailure with detail "cannot write <path>: <reason>".
Result<int> writeEveningReportPdf(const std::filesystem::path& out, const EveningReport& report);

}  // namespace buurtstem::print
