// A round's voting codes as a PDF of cut-out cards: A4 pages of 8 or 10 cards between dashed cut
// lines, each card with the code in large monospaced letters and as a QR code.
#pragma once

#include "../core/Result.h"
#include "CodeCardSheet.h"

#include <filesystem>

namespace buurtstem::print {

// Pages the sheet prints on: its codes divided by cardsPerPage, rounded up.
int codeCardPageCount(const CodeCardSheet& sheet);

// Writes the cards with cairo (fonts: DejaVu Sans and DejaVu Sans Mono, from fonts-dejavu-core)
// and libqrencode (each QR code holds the code's text, error correction level Q). The file
// appears whole or not at all (AtomicFile). Errors: InvalidInput (no codes, an empty or overlong
// code, cardsPerPage other than 8 or 10), StorageFull, StorageReadOnly, StorageFailure with
// detail "cannot write <path>: <reason>".
Result<void> writeCodeCardsPdf(const std::filesystem::path& out, const CodeCardSheet& sheet);

}  // namespace buurtstem::print
