// `buurtstem sync`: moving events between kiosks and the staff office on a USB stick.
//   export --out FILE [--all] [--ack FILE]   a kiosk writes its new events as a signed, sealed bundle
//   import FILE... --staff-secret KEY [--trust] [--ack-dir DIR]   the office merges bundles
//   set-staff-key --key FILE                 a kiosk takes the staff's public key
//   resolve --round R --code-hash H --keep BALLOT|--none   staff decide about a code used twice
//   status                                   each kiosk's last news, gaps, quarantined events, codes used twice
//   untrust --kiosk ID [--from-seq N]        the office stops trusting a lost or stolen kiosk
// `buurtstem staff keygen --out DIR` makes the office's key pair (StaffKeyCommand.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct SyncCommandOptions {
    std::filesystem::path dataDir;               // = "" // the kiosk's (or office's) data folder ("" = its default)
    std::filesystem::path out;                   // export: the bundle file to write
    bool all = false;                            // = false // export: every event, not only those after the acknowledged seq
    std::filesystem::path ack;                   // = "" // export: an acknowledgement file to read first
    std::vector<std::filesystem::path> bundles;  // import: the bundle files
    std::filesystem::path staffSecret;           // import: the staff's secret key file
    bool trust = false;                          // = false // import: accept kiosks seen for the first time
    std::filesystem::path ackDir;                // = "" // import: write an acknowledgement per kiosk here
    std::filesystem::path key;                   // set-staff-key: the staff's public key file
    std::string roundId;                         // resolve
    std::string codeHash;                        // resolve
    std::string keep;                            // resolve: the ballot that counts
    bool none = false;                           // = false // resolve: no ballot counts
    std::string kioskId;                         // untrust: the lost kiosk
    std::optional<std::int64_t> fromSeq;         // = nullopt // untrust: set its events from this seq on aside
    std::string by = "staff (command line)";     // untrust: who reports it, for the audit log
};

struct SyncCommands {
    CLI::App* exportBundle = nullptr;
    CLI::App* importBundles = nullptr;
    CLI::App* setStaffKey = nullptr;
    CLI::App* resolve = nullptr;
    CLI::App* status = nullptr;
    CLI::App* untrust = nullptr;
};

CLI::App* addSyncCommand(CLI::App& app, SyncCommandOptions& options, SyncCommands& commands);

// Exit codes (CommandLine.h): 0 done; 2 wrong options, or (export) no staff key set up yet;
// 3 no database in the data folder; 4 the kiosk runs on this folder; 5 as for any database;
// 8 a file cannot be read or written; 9 (import) the staff secret key file is not a key;
// 14 (import) a bundle is refused: nothing imported; (untrust) 2 also for a kiosk not trusted here.
int runSyncExport(const SyncCommandOptions& options);
int runSyncImport(const SyncCommandOptions& options);
int runSyncSetStaffKey(const SyncCommandOptions& options);
int runSyncResolve(const SyncCommandOptions& options);
int runSyncStatus(const SyncCommandOptions& options);
int runSyncUntrust(const SyncCommandOptions& options);

// The name of the acknowledgement file for a kiosk, in --ack-dir and next to an exported bundle.
std::string acknowledgementFileName(const std::string& kioskId);

// The whole file, or nullopt with `problem` set (cannot be read, larger than maxBytes). Also for
// `round receive`.
std::optional<std::string> readWholeFile(const std::filesystem::path& file, std::uintmax_t maxBytes, std::string& problem);
// Written to a temporary name beside `file`, fsynced, renamed over it, the folder fsynced; false
// with `problem` set when any step failed (the temporary file is removed). Also for `round share`.
bool writeDurably(const std::filesystem::path& file, const std::string& bytes, std::string& problem);

}  // namespace buurtstem::cli
