// `buurtstem export` (see ExportCommand.h): every option is checked before anything is read, the
// list is read in a fixed number of queries, turned into one table and written whole or not at
// all. Rows come sorted from storage and nothing depends on the clock, so the same data gives
// the same bytes every time.
#include "ExportCommand.h"

#include "CommandLine.h"
#include "Commands.h"
#include "ExportTables.h"
#include "RoundCommand.h"
#include "StoreAccess.h"

#include "../core/Export.h"
#include "../print/AtomicFile.h"
#include "../print/ExportXlsx.h"
#include "../../storage/StaffContacts.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::cli {

namespace {

namespace fs = std::filesystem;
using exporting::Table;

constexpr std::array<std::string_view, 6> kLists = {"ideas", "initiatives", "needs", "pulse", "rounds", "evenings"};
constexpr std::array<std::string_view, 5> kFormats = {"csv", "xlsx", "json", "pb", "ics"};

int mistake(const std::string& text) {
    std::fprintf(stderr, "buurtstem export: %s\n", text.c_str());
    return kExitUsage;
}

template <std::size_t N>
bool oneOf(const std::array<std::string_view, N>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

int writeFailed(const Error& error) {
    std::fprintf(stderr, "buurtstem export: %s\n", error.detail.c_str());
    return error.code == ErrorCode::InvalidInput ? kExitUsage : kExitStorage;
}

// A CSV goes to its file in pieces of about this size.
constexpr std::size_t kCsvPieceBytes = std::size_t{1} << 20;

int writeText(const fs::path& out, const std::string& bytes) {
    Result<print::AtomicFile> file = print::AtomicFile::create(out);
    if (!file) return writeFailed(file.error());
    file->write(bytes);
    if (Result<void> committed = file->commit(); !committed) return writeFailed(committed.error());
    return kExitOk;
}

}  // namespace

CLI::App* addExportCommand(CLI::App& app, ExportCommandOptions& options) {
    CLI::App* command = app.add_subcommand("export", "Write a list for the staff office: CSV, XLSX or JSON; a round as .pb; evenings as .ics");
    command->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
    command->add_option("--what", options.what, "ideas, initiatives, needs, pulse, rounds or evenings")->required();
    command->add_option("--format", options.format, "csv, xlsx, json; pb for rounds, ics for evenings")->required();
    command->add_option("--out", options.out, "The file to write")->required();
    command->add_option("--separator", options.separator, "csv: ; (Dutch Excel, the default) or ,");
    command->add_option("--staff-secret", options.staffSecret, "The staff's secret key file: adds the residents' contact columns");
    command->add_option("--neighbourhood", options.neighbourhood, "Only rows of kiosks in this neighbourhood (its latest name)");
    command->add_option("--round", options.roundId, "rounds: only this round (required for pb)");
    return command;
}

int runExport(const ExportCommandOptions& options) {
    // [SECTION] Options, before the database is touched
    if (!oneOf(kLists, options.what))
        return mistake("--what \"" + options.what + "\" is not a list: ideas, initiatives, needs, pulse, rounds or evenings");
    if (!oneOf(kFormats, options.format))
        return mistake("--format \"" + options.format + "\" is not a format: csv, xlsx, json, pb or ics");
    if (options.format == "pb" && options.what != "rounds")
        return mistake("--format pb (Pabulib) is for --what rounds only; use csv, xlsx or json for " + options.what);
    if (options.format == "ics" && options.what != "evenings")
        return mistake("--format ics (a calendar) is for --what evenings only; use csv, xlsx or json for " + options.what);
    if (options.format == "pb" && options.roundId.empty())
        return mistake("--format pb writes one round: name it with --round ID (`buurtstem round list` shows the ids)");
    if (options.separator != ";" && options.separator != ",")
        return mistake("--separator is ; or , (got \"" + options.separator + "\")");
    if (options.separator != ";" && options.format != "csv") return mistake("--separator is for --format csv only");
    const bool personal = options.what == "ideas" || options.what == "initiatives";
    if (!options.staffSecret.empty() && !personal)
        return mistake("--staff-secret adds contacts to ideas and initiatives only; " + options.what + " holds none");
    if (!options.neighbourhood.empty() && (options.what == "rounds" || options.what == "evenings"))
        return mistake("--neighbourhood does not apply to " + options.what);
    if (!options.roundId.empty() && options.what != "rounds") return mistake("--round is for --what rounds only");

    std::optional<storage::StaffSecretKey> key;
    if (!options.staffSecret.empty()) {
        Result<storage::StaffSecretKey> read = storage::loadStaffSecretKey(options.staffSecret);
        if (!read) {
            std::fprintf(stderr, "buurtstem export: --staff-secret: %s\n", read.error().detail.c_str());
            return read.error().code == ErrorCode::StorageFailure ? kExitStorage : kExitUsage;
        }
        key.emplace(std::move(read).value());
    }

    // [SECTION] pb: the round export, as `buurtstem round export` writes it
    if (options.format == "pb") {
        RoundCommandOptions round;
        round.action = RoundAction::Export;
        round.dataDir = options.dataDir;
        round.roundId = options.roundId;
        round.out = options.out;
        return runRound(round);
    }

    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Read, opened); failed != kExitOk) return failed;
    const storage::KioskStore& store = *opened.store;
    if (!options.roundId.empty() && !store.round(options.roundId)) {
        if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
        std::fprintf(stderr, "buurtstem export: there is no round %s in %s (`buurtstem round list` shows the rounds)\n",
                     options.roundId.c_str(), dataDir.c_str());
        return kExitNoSuchRound;
    }

    if (options.format == "ics") {
        const std::string calendar = eveningsCalendar(store);
        if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
        if (const int failed = writeText(options.out, calendar); failed != kExitOk) return failed;
        std::printf("Wrote the evenings to %s.\n", options.out.c_str());
        return kExitOk;
    }

    std::size_t rows = 0;
    if (options.format == "csv") {
        // Row by row into the file: the office's lists run to 100,000 initiatives.
        Result<print::AtomicFile> file = print::AtomicFile::create(options.out);
        if (!file) return writeFailed(file.error());
        rows = writeCsvInPieces(store, options.what, options.neighbourhood, options.roundId, key ? &*key : nullptr,
                                options.separator.front(), kCsvPieceBytes, [&](std::string_view piece) { file->write(piece); });
        if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
        if (Result<void> committed = file->commit(); !committed) return writeFailed(committed.error());
    } else {
        const Table table = exportTable(store, options.what, options.neighbourhood, options.roundId, key ? &*key : nullptr);
        if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
        rows = table.rows.size();
        if (options.format == "xlsx") {
            if (Result<void> written = print::writeXlsx(options.out, table, store.newestEventMs()); !written)
                return writeFailed(written.error());
        } else if (const int failed = writeText(options.out, exporting::writeJson(table)); failed != kExitOk) {
            return failed;
        }
    }
    std::printf("Wrote %zu %s to %s%s.\n", rows, rows == 1 ? "row" : "rows", options.out.c_str(),
                key ? ", with the residents' contacts: keep the file safe" : "");
    return kExitOk;
}

}  // namespace buurtstem::cli
