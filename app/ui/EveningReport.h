// The outputs of a residents' evening: its report as a PDF and the next evening as an iCalendar
// invitation. Composes the report's texts in the translator's language from the stored evening
// and the neighbourhood's ideas; used by the facilitator's "Make report" and `buurtstem evening report`.
#pragma once

#include "../core/Evening.h"
#include "../core/Idea.h"
#include "../core/i18n/Catalog.h"
#include "../print/EveningReportPdf.h"
#include "../../storage/KioskStore.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

// The folder in the data folder where the screen writes reports.
inline constexpr const char* kReportsFolderName = "reports";

// "28 november 2026" in the translator's language.
std::string eveningDate(const i18n::Translator& tr, const CivilDate& date);

// The report's title block and sections: attendance with reach, agenda, dot votes, what we heard
// (approved ideas and initiatives by theme, most supported first), decisions, action items, next evening.
print::EveningReport composeEveningReport(const i18n::Translator& tr, const EveningSummary& evening, const std::vector<Idea>& ideas,
                                          const std::string& neighbourhood);

// The invitation to the next evening, or nullopt when the minutes name none.
std::optional<std::string> nextEveningCalendar(const i18n::Translator& tr, const EveningSummary& evening,
                                               const std::string& neighbourhood, std::uint64_t nowMs);

struct EveningReportFiles {
    std::filesystem::path pdf;
    std::optional<std::filesystem::path> ics;  // = nullopt // not written: no next evening, or not asked for
    int pages = 0;                             // = 0
};

// Writes the PDF to `pdf` and, when `ics` is given and the minutes name a next evening, the
// invitation to `ics`; each appears whole or not at all. Errors: NotFound (no such evening),
// StorageFull, StorageReadOnly, StorageFailure, InvalidInput (a path that names no file).
Result<EveningReportFiles> writeEveningReport(const storage::KioskStore& store, const i18n::Translator& tr,
                                              const std::string& eveningId, const std::filesystem::path& pdf,
                                              const std::optional<std::filesystem::path>& ics);

// "bewonersavond-2026-11-28.pdf" / ".ics" in `folder`.
std::filesystem::path reportFileFor(const std::filesystem::path& folder, const Evening& evening, const char* extension);

}  // namespace buurtstem::ui
