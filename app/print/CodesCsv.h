// The voting codes of a round as CSV, for a mail merge in a spreadsheet or word processor.
#pragma once

#include "../core/Result.h"
#include "CodeCardSheet.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace buurtstem::print {

// Writes a header row and one row per code: number (from 1), code, round, valid until. The
// file is UTF-8 with a byte-order mark (so Excel reads the accents), `;`-separated (what Excel
// expects with Dutch regional settings), CRLF line ends, quoted per RFC 4180. It appears whole
// or not at all (AtomicFile). Errors: InvalidInput (no codes), StorageFull, StorageReadOnly,
// StorageFailure with detail "cannot write <path>: <reason>".
Result<void> writeCodesCsv(const std::filesystem::path& out, const CodeCardSheet& sheet);

// One cell: a text a spreadsheet would run as a formula (starting with = + - @, tab or carriage
// return) gets a leading apostrophe; a cell with `;`, `"`, CR or LF is put in double quotes,
// its quotes doubled.
std::string csvCell(std::string_view text);

}  // namespace buurtstem::print
