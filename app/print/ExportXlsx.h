// An export table (app/core/Export.h) as an Excel workbook, through libxlsxwriter: one sheet, the
// header row bold and frozen, columns as wide as their text, money as numbers in euros, and every
// text cell written as a string, never as a formula.
#pragma once

#include "../core/Export.h"
#include "../core/Result.h"

#include <cstdint>
#include <filesystem>

namespace buurtstem::print {

// Writes `table` to `out` whole or not at all (AtomicFile). `createdMs` is the document's creation
// time (ms since the epoch): the caller passes a moment from the data, so the same data gives the
// same bytes. Errors: those of AtomicFile, and StorageFailure naming the file when libxlsxwriter
// gives up.
Result<void> writeXlsx(const std::filesystem::path& out, const exporting::Table& table, std::uint64_t createdMs);

}  // namespace buurtstem::print
