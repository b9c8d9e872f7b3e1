// The lists `buurtstem export` writes, as tables of plain cells (app/core/Export.h), read from a
// kiosk's or the office's store. Apart from the command itself so a benchmark can time them
// without the screens.
#pragma once

#include "../core/Export.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::storage {
class KioskStore;
class StaffSecretKey;
}

namespace buurtstem::cli {

// The table of one list: "ideas", "initiatives", "needs", "pulse", "rounds" or "evenings" (any
// other name gives the evenings). `neighbourhood` ("" = all) keeps ideas, initiatives, needs and
// pulses of kiosks whose latest name it is; `roundId` ("" = all) one round; `staffKey`, when
// given, adds the contact columns to ideas and initiatives. Rows are in a stable order. On a
// storage failure the table is short and the store's lastReadError() says why.
// With `sink`, every row goes to it as soon as it is made, after the table's columns are set, and
// the returned table has no rows: the office's lists of 100,000 initiatives and 200,000 ideas are
// then never held whole. A row handed to the sink lasts until the sink returns.
using RowSink = std::function<void(const exporting::Table& table, const std::vector<exporting::Cell>& row)>;
exporting::Table exportTable(const storage::KioskStore& store, const std::string& what, const std::string& neighbourhood,
                             const std::string& roundId, const storage::StaffSecretKey* staffKey, const RowSink& sink = {});

// The list as CSV, writeCsv's bytes (`separator` ; or ,), handed to `write` in pieces of about
// `pieceBytes` while the rows are read: the whole list is never held, as table or as text. The
// number of rows; on a storage failure the pieces stop short and lastReadError() says why.
std::size_t writeCsvInPieces(const storage::KioskStore& store, const std::string& what, const std::string& neighbourhood,
                             const std::string& roundId, const storage::StaffSecretKey* staffKey, char separator,
                             std::size_t pieceBytes, const std::function<void(std::string_view piece)>& write);

// Every evening as one iCalendar file, DTSTAMP the newest event's time (not the clock's).
std::string eveningsCalendar(const storage::KioskStore& store);

}  // namespace buurtstem::cli
