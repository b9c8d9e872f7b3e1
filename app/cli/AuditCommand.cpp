// `buurtstem audit` (see AuditCommand.h). The log's texts come from the database as they are, so
// every cell is made one line of printable text before it reaches the terminal.
#include "AuditCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../core/AuditLog.h"
#include "../core/Utf8.h"

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

constexpr std::size_t kFacilitatorWidth = 24;  // the widest each column may get, in characters
constexpr std::size_t kActionWidth = 24;
constexpr std::size_t kSubjectWidth = 20;
constexpr std::size_t kValueWidth = 28;  // before, and after, each

// At most `width` characters on one line: line breaks and tabs become spaces, runs of spaces one
// space, other control characters (terminal escapes among them) and broken UTF-8 U+FFFD, and a
// longer text ends in "…".
std::string cell(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t count = 0;
    bool space = false;
    for (std::size_t pos = 0; pos < text.size() && count <= width;) {
        char32_t c = utf8::decode(text, pos);
        if (c == U'\n' || c == U'\r' || c == U'\t' || c == U' ') {
            space = count > 0;
            continue;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) c = 0xFFFD;
        if (space) {
            out += ' ';
            ++count;
            space = false;
        }
        utf8::append(out, c);
        ++count;
    }
    if (count <= width) return out;
    for (; count > width - 1; --count) utf8::popBack(out);
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

std::string padded(const std::string& text, std::size_t width) {
    const std::size_t length = utf8::countCodePoints(text);
    return length >= width ? text : text + std::string(width - length, ' ');
}

std::string whenText(std::uint64_t ms) {
    const LocalTime t = localTime(ms);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", t.year, t.month, t.day, t.hour, t.minute, t.second);
    return text;
}

std::string changeText(const AuditEntry& entry) {
    if (entry.before.empty() && entry.after.empty()) return {};
    const std::string before = entry.before.empty() ? "(none)" : cell(entry.before, kValueWidth);
    const std::string after = entry.after.empty() ? "(none)" : cell(entry.after, kValueWidth);
    return before + " → " + after;
}

int printEntries(const storage::KioskStore& store, const AuditCommandOptions& options, const fs::path& dataDir) {
    const std::vector<AuditEntry> entries = store.auditLog(static_cast<std::size_t>(options.last));
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
    if (entries.empty()) {
        std::printf("The audit log in %s has no entries yet.\n", dataDir.c_str());
        return kExitOk;
    }

    struct Row {
        std::string seq, when, facilitator, action, subject, change;
    };
    std::vector<Row> rows;
    Row header{"#", "when", "facilitator", "action", "subject", "before → after"};
    std::array<std::size_t, 5> widths{};
    const auto widen = [&](const Row& row) {
        const std::string* cells[] = {&row.seq, &row.when, &row.facilitator, &row.action, &row.subject};
        for (std::size_t i = 0; i < widths.size(); ++i) widths[i] = std::max(widths[i], utf8::countCodePoints(*cells[i]));
    };
    widen(header);
    for (const AuditEntry& entry : entries) {
        rows.push_back({number(entry.seq), whenText(entry.atMs), cell(entry.facilitator, kFacilitatorWidth),
                        cell(entry.action, kActionWidth), cell(entry.subject, kSubjectWidth), changeText(entry)});
        widen(rows.back());
    }

    std::printf("Audit log of %s, newest first (times are local):\n", dataDir.c_str());
    const auto print = [&](const Row& row) {
        const std::string seq = std::string(widths[0] - utf8::countCodePoints(row.seq), ' ') + row.seq;
        std::string line = seq + "  " + padded(row.when, widths[1]) + "  " + padded(row.facilitator, widths[2]) + "  " +
                           padded(row.action, widths[3]) + "  " + padded(row.subject, widths[4]) + "  " + row.change;
        while (!line.empty() && line.back() == ' ') line.pop_back();
        std::printf("%s\n", line.c_str());
    };
    print(header);
    for (const Row& row : rows) print(row);
    if (const std::int64_t oldest = entries.back().seq; oldest > 1) {
        std::printf("Entries 1 to %s are not shown; --last %s shows more.\n", number(oldest - 1).c_str(),
                    std::to_string(std::min<std::int64_t>(entries.front().seq, 1'000'000)).c_str());
    }
    return kExitOk;
}

int checkChain(const storage::KioskStore& store, const fs::path& dataDir) {
    const AuditCheck check = store.checkAuditLog();
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
    if (check.ok) {
        std::printf("The audit log is whole: %s %s.\n", number(check.entriesChecked).c_str(),
                    check.entriesChecked == 1 ? "entry" : "entries");
        return kExitOk;
    }
    std::fprintf(stderr,
                 "The audit log is broken: %s.\n"
                 "Someone changed it outside Buurtstem, or the file is damaged. Keep a copy of %s as it is now,\n"
                 "and tell the staff.\n",
                 check.reason.c_str(), (dataDir / storage::kDatabaseFileName).c_str());
    return kExitAuditBroken;
}

}  // namespace

CLI::App* addAuditCommand(CLI::App& app, AuditCommandOptions& options) {
    CLI::App* audit =
        app.add_subcommand("audit", "The audit log of facilitator actions: the newest entries, or --check the chain");
    audit->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
    CLI::Option* last = audit->add_option("--last", options.last, "How many of the newest entries to print (default 50)")
                            ->check(CLI::Range(1, 1'000'000));
    audit->add_flag("--check", options.check, "Recompute every entry's hash and link, and say whether the log is whole")
        ->excludes(last);
    return audit;
}

int runAudit(const AuditCommandOptions& options) {
    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Read, opened); failed != kExitOk) return failed;
    return options.check ? checkChain(*opened.store, dataDir) : printEntries(*opened.store, options, dataDir);
}

}  // namespace buurtstem::cli
