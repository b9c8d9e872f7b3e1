// `buurtstem sync` (see SyncCommand.h).
#include "SyncCommand.h"

#include "CommandLine.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "CommandText.h"

#include "../../storage/Bundle.h"
#include "../../storage/StaffContacts.h"
#include "../core/KioskSetup.h"

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <system_error>

namespace buurtstem::cli {

namespace {

namespace fs = std::filesystem;
using storage::StaffKey;

}  // namespace

std::optional<std::string> readWholeFile(const fs::path& file, std::uintmax_t maxBytes, std::string& problem) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec) {
        problem = "cannot read " + file.string() + " (" + ec.message() + ")";
        return std::nullopt;
    }
    if (size > maxBytes) {
        problem = file.string() + " is too large (" + std::to_string(size) + " bytes)";
        return std::nullopt;
    }
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        problem = "cannot read " + file.string();
        return std::nullopt;
    }
    return bytes;
}

// Written beside the target, flushed to the disk and renamed over it, then the folder flushed:
// a stick pulled out at any moment holds the old file or the whole new one, never half of one.
bool writeDurably(const fs::path& file, const std::string& bytes, std::string& problem) {
    std::string temporary = file.string() + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        problem = "cannot create a file next to " + file.string();
        return false;
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    bool ok = written == bytes.size() && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (ok) ok = ::rename(temporary.c_str(), file.c_str()) == 0;
    if (!ok) {
        ::unlink(temporary.c_str());
        problem = "cannot write " + file.string() + " (is the stick full or read-only?)";
        return false;
    }
    fs::path folder = file.parent_path();
    if (folder.empty()) folder = ".";
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

namespace {

std::optional<StaffKey> readKeyFile(const fs::path& file, const char* what) {
    const ParsedKeyFile parsed = readStaffKeyFile(file);
    if (parsed.problem != KeyFileProblem::None) {
        std::fprintf(stderr, "%s is not a usable %s: %s.\n", file.c_str(), what,
                     parsed.problem == KeyFileProblem::Unreadable ? "it cannot be read"
                     : parsed.problem == KeyFileProblem::TooLarge ? "it is far too large for a key"
                                                                  : "it holds no 32-byte key (raw, hex or base64)");
        return std::nullopt;
    }
    StaffKey key{};
    std::copy(parsed.key.begin(), parsed.key.end(), key.begin());
    return key;
}

void printReport(const SyncReport& report) {
    for (const BundleImport& b : report.bundles) {
        if (b.alreadyImported) {
            std::printf("%s: already imported, nothing changed\n", b.file.c_str());
            continue;
        }
        std::printf("%s: kiosk %s%s, seq %lld..%lld, %lld new events, %lld duplicates skipped\n", b.file.c_str(),
                    b.kioskId.c_str(), b.newKiosk ? " (new, trusted now)" : "", static_cast<long long>(b.firstSeq),
                    static_cast<long long>(b.lastSeq), static_cast<long long>(b.newEvents),
                    static_cast<long long>(b.duplicates));
    }
    for (const SeqGap& g : report.gaps) {
        std::printf("gap: kiosk %s misses seq %lld..%lld (a bundle that has not arrived yet)\n", g.kioskId.c_str(),
                    static_cast<long long>(g.fromSeq), static_cast<long long>(g.toSeq));
    }
    for (const QuarantinedEvent& q : report.quarantined) {
        std::printf("quarantined: kiosk %s seq %lld uuid %s (%s): two versions, neither counts\n", q.event.kioskId.c_str(),
                    static_cast<long long>(q.event.seq), q.event.uuid.c_str(), q.reason.c_str());
    }
    for (const CodeConflict& c : report.codeConflicts) {
        std::printf("code used %zu times: round %s code hash %s%s\n", c.ballotIds.size(), c.roundId.c_str(),
                    c.codeHash.c_str(), c.resolved ? " (decided)" : "");
    }
}

// One line per kiosk: where it stands and when the office last heard from it.
void printKiosks(const std::vector<KioskActivity>& kiosks, std::uint64_t now) {
    for (const KioskActivity& k : kiosks) {
        std::string line = "kiosk " + k.kioskId;
        if (!k.neighbourhood.empty()) line += " (" + k.neighbourhood + ")";
        if (k.own) line += " [this database]";
        line += ": " + number(k.events) + " events";
        if (k.lastSeq > 0) line += ", last seq " + std::to_string(k.lastSeq) + " made " + localTimeText(k.lastEventMs);
        line += k.lastImportMs > 0 ? ", last bundle imported " + localTimeText(k.lastImportMs) : std::string(", no bundle imported");
        if (kioskSilent(k, now)) {
            line += k.lastEventMs > 0 ? "; SILENT for " + std::to_string((now - k.lastEventMs) / 86'400'000) + " days"
                                      : std::string("; SILENT: nothing from it yet");
        }
        if (k.withdrawn) {
            line += "; LOST: reported on " + localTimeText(k.withdrawn->withdrawnMs) + " by " + k.withdrawn->by +
                    ", its bundles are refused";
            if (k.withdrawn->fromSeq)
                line += ", " + number(k.withdrawn->setAside) + " events from seq " + std::to_string(*k.withdrawn->fromSeq) +
                        " on set aside";
        }
        std::printf("%s\n", line.c_str());
    }
}

}  // namespace

std::string acknowledgementFileName(const std::string& kioskId) { return "buurtstem-ack-" + kioskId + ".ack"; }

CLI::App* addSyncCommand(CLI::App& app, SyncCommandOptions& options, SyncCommands& commands) {
    CLI::App* group = app.add_subcommand("sync", "Bundles between kiosks and the staff office: export, import, set-staff-key, "
                                                 "resolve, status");
    group->require_subcommand(1);
    const auto dataDir = [&](CLI::App* command) {
        command->add_option("--data-dir", options.dataDir, "The kiosk's (or office's) data folder (default: $XDG_DATA_HOME/buurtstem)");
    };
    commands.exportBundle = group->add_subcommand("export", "Write this kiosk's new events to a bundle file for the office");
    commands.exportBundle->add_option("--out", options.out, "The bundle file to write, e.g. on the USB stick")->required();
    commands.exportBundle->add_flag("--all", options.all, "Every event, also those the office acknowledged");
    commands.exportBundle->add_option("--ack", options.ack, "An acknowledgement file from the office to read first");
    dataDir(commands.exportBundle);

    commands.importBundles = group->add_subcommand("import", "Merge kiosks' bundle files into this (office) database");
    commands.importBundles->add_option("bundles", options.bundles, "Bundle files")->required();
    commands.importBundles->add_option("--staff-secret", options.staffSecret, "The office's staff-secret.key")->required();
    commands.importBundles->add_flag("--trust", options.trust, "Accept kiosks seen for the first time (check their fingerprints)");
    commands.importBundles->add_option("--ack-dir", options.ackDir, "Write an acknowledgement for each kiosk into this folder");
    dataDir(commands.importBundles);

    commands.setStaffKey = group->add_subcommand("set-staff-key", "Give this kiosk the office's public key (staff-public.key)");
    commands.setStaffKey->add_option("--key", options.key, "The key file")->required();
    dataDir(commands.setStaffKey);

    commands.resolve = group->add_subcommand("resolve", "Decide which ballot counts for a voting code used more than once");
    commands.resolve->add_option("--round", options.roundId, "The round's id")->required();
    commands.resolve->add_option("--code-hash", options.codeHash, "The code's hash, as `sync status` shows it")->required();
    CLI::Option* keep = commands.resolve->add_option("--keep", options.keep, "The ballot that counts");
    CLI::Option* none = commands.resolve->add_flag("--none", options.none, "None of them counts");
    keep->excludes(none);
    dataDir(commands.resolve);

    commands.status = group->add_subcommand("status", "Each kiosk's last news, and what merging left open: gaps, quarantined events, "
                                                      "codes used twice");
    dataDir(commands.status);

    commands.untrust = group->add_subcommand("untrust", "Stop trusting a lost or stolen kiosk: its bundles are refused from now on");
    commands.untrust->add_option("--kiosk", options.kioskId, "The kiosk's id, as `sync status` shows it")->required();
    commands.untrust->add_option("--from-seq", options.fromSeq,
                                 "Set its events from this seq on aside (made after the loss); without it all it sent counts");
    commands.untrust->add_option("--by", options.by, "Who reports it, for the audit log (default: staff (command line))");
    dataDir(commands.untrust);
    return group;
}

int runSyncExport(const SyncCommandOptions& options) {
    const fs::path dir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (int rc = openKioskStore(dir, StoreAccess::Change, opened); rc != kExitOk) return rc;
    storage::KioskStore& store = *opened.store;

    // An acknowledgement on the same stick (or given) moves the start of the export on. A bad
    // one is reported and ignored: exporting a little too much is harmless.
    std::vector<fs::path> acks;
    if (!options.ack.empty()) acks.push_back(options.ack);
    const fs::path besideOut = options.out.parent_path() / acknowledgementFileName(store.kioskId());
    std::error_code ec;
    if (fs::exists(besideOut, ec)) acks.push_back(besideOut);
    for (const fs::path& file : acks) {
        std::string problem;
        std::optional<std::string> bytes = readWholeFile(file, 4096, problem);
        if (!bytes) {
            std::fprintf(stderr, "Acknowledgement ignored: %s\n", problem.c_str());
            continue;
        }
        Result<std::int64_t> seq = store.acceptAcknowledgement(*bytes);
        if (!seq) {
            std::fprintf(stderr, "Acknowledgement %s ignored: %s\n", file.c_str(), seq.error().detail.c_str());
            continue;
        }
        std::printf("The office holds this kiosk's events up to seq %lld.\n", static_cast<long long>(*seq));
    }

    Result<storage::KioskStore::Bundle> bundle = store.exportBundle(options.all);
    if (!bundle) {
        if (bundle.error().code == ErrorCode::NotFound) {
            std::fprintf(stderr,
                         "This kiosk has no staff key yet, so nothing can be sealed for the office.\n"
                         "Set it up first: `buurtstem sync set-staff-key --key staff-public.key` (or the kiosk's set-up).\n");
            return kExitUsage;
        }
        return reportError(bundle.error(), dir);
    }
    std::string problem;
    if (!writeDurably(options.out, bundle->bytes, problem)) {
        std::fprintf(stderr, "%s\n", problem.c_str());
        return kExitStorage;
    }
    // Read back what the stick holds now, before saying it is done.
    std::optional<std::string> back = readWholeFile(options.out, storage::kBundleMaxBytes, problem);
    Result<BundleHeader> header = back ? storage::readBundleHeader(*back) : Result<BundleHeader>(makeError(ErrorCode::StorageFailure, problem));
    if (!back || !header || *back != bundle->bytes || *header != bundle->header) {
        std::fprintf(stderr, "%s does not read back as written (%s). Try another stick.\n", options.out.c_str(),
                     header ? "changed" : header.error().detail.c_str());
        return kExitStorage;
    }
    if (Result<void> remembered = store.rememberBundle(*bundle); !remembered) return reportError(remembered.error(), dir);
    const BundleHeader& h = bundle->header;
    std::printf("Done: %lld events (seq %lld..%lld) of kiosk %s in %s, checked.\n", static_cast<long long>(h.eventCount),
                static_cast<long long>(h.firstSeq), static_cast<long long>(h.lastSeq), h.kioskId.c_str(), options.out.c_str());
    return kExitOk;
}

int runSyncImport(const SyncCommandOptions& options) {
    // The office's own reader: the key is wiped when it goes out of scope, on every path.
    Result<storage::StaffSecretKey> secret = storage::loadStaffSecretKey(options.staffSecret);
    if (!secret) {
        std::fprintf(stderr, "--staff-secret: %s. Nothing was imported.\n", secret.error().detail.c_str());
        return kExitBadFile;
    }
    std::vector<storage::KioskStore::NamedBundle> bundles;
    for (const fs::path& file : options.bundles) {
        std::string problem;
        std::optional<std::string> bytes = readWholeFile(file, storage::kBundleMaxBytes, problem);
        if (!bytes) {
            std::fprintf(stderr, "%s. Nothing was imported.\n", problem.c_str());
            return kExitStorage;
        }
        bundles.push_back({file.string(), std::move(bytes).value()});
    }
    const fs::path dir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (int rc = openKioskStore(dir, StoreAccess::Create, opened); rc != kExitOk) return rc;
    Result<SyncReport> report = opened.store->importBundles(std::move(bundles), secret->secretKey(), options.trust);
    if (!report) {
        if (report.error().code == ErrorCode::InvalidInput) {
            std::fprintf(stderr, "Refused: %s\nNothing was imported.\n", report.error().detail.c_str());
            return kExitBundleRefused;
        }
        return reportError(report.error(), dir);
    }
    printReport(*report);
    if (!options.ackDir.empty()) {
        Result<std::vector<std::pair<std::string, std::string>>> acks = opened.store->makeAcknowledgements(secret->secretKey());
        if (!acks) return reportError(acks.error(), dir);
        std::error_code ec;
        fs::create_directories(options.ackDir, ec);
        for (const auto& [kioskId, bytes] : *acks) {
            std::string problem;
            if (!writeDurably(options.ackDir / acknowledgementFileName(kioskId), bytes, problem)) {
                std::fprintf(stderr, "%s\n", problem.c_str());
                return kExitStorage;
            }
        }
        std::printf("Wrote %zu acknowledgements to %s.\n", acks->size(), options.ackDir.c_str());
    }
    return kExitOk;
}

int runSyncSetStaffKey(const SyncCommandOptions& options) {
    std::optional<StaffKey> key = readKeyFile(options.key, "staff public key");
    if (!key) return kExitBadFile;
    const fs::path dir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (int rc = openKioskStore(dir, StoreAccess::Create, opened); rc != kExitOk) return rc;
    if (Result<void> set = opened.store->setStaffPublicKey(*key); !set) return reportError(set.error(), dir);
    StaffKeyBytes bytes{};
    std::copy(key->begin(), key->end(), bytes.begin());
    std::printf("Staff key set. Fingerprint: %s (compare it with the office's letter)\n", keyFingerprint(bytes).c_str());
    return kExitOk;
}

int runSyncResolve(const SyncCommandOptions& options) {
    if (options.keep.empty() && !options.none) {
        std::fprintf(stderr, "buurtstem sync resolve: say which ballot counts with --keep BALLOT, or --none\n");
        return kExitUsage;
    }
    const fs::path dir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (int rc = openKioskStore(dir, StoreAccess::Change, opened); rc != kExitOk) return rc;
    Result<void> resolved = opened.store->resolveCodeConflict(options.roundId, options.codeHash, options.none ? "" : options.keep);
    if (!resolved) {
        if (resolved.error().code == ErrorCode::NotFound) {
            std::fprintf(stderr, "%s. Nothing was changed; `buurtstem sync status` lists the codes used twice.\n",
                         resolved.error().detail.c_str());
            return kExitUsage;
        }
        return reportError(resolved.error(), dir);
    }
    std::printf("Recorded: %s counts for this code.\n", options.none ? "no ballot" : options.keep.c_str());
    return kExitOk;
}

int runSyncStatus(const SyncCommandOptions& options) {
    const fs::path dir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (int rc = openKioskStore(dir, StoreAccess::Read, opened); rc != kExitOk) return rc;
    printKiosks(opened.store->kioskActivity(), opened.store->clockMs());
    SyncReport report;
    report.gaps = opened.store->syncGaps();
    report.quarantined = opened.store->quarantinedEvents();
    report.codeConflicts = opened.store->codeConflicts();
    for (const CodeConflict& c : report.codeConflicts) {
        printReport(SyncReport{{}, {}, {}, {c}, false});
        for (const std::string& ballot : c.ballotIds) std::printf("  ballot %s\n", ballot.c_str());
    }
    report.codeConflicts.clear();
    printReport(report);
    if (report.gaps.empty() && report.quarantined.empty() && opened.store->codeConflicts().empty()) std::printf("Nothing open.\n");
    return kExitOk;
}

int runSyncUntrust(const SyncCommandOptions& options) {
    if (options.fromSeq && *options.fromSeq < 1) {
        std::fprintf(stderr, "buurtstem sync untrust: --from-seq counts from 1, the kiosk's first event. Nothing was changed.\n");
        return kExitUsage;
    }
    const fs::path dir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (int rc = openKioskStore(dir, StoreAccess::Change, opened); rc != kExitOk) return rc;
    Result<WithdrawnKiosk> lost = opened.store->withdrawKioskTrust(options.kioskId, options.fromSeq, options.by);
    if (!lost) {
        if (lost.error().code == ErrorCode::NotFound || lost.error().code == ErrorCode::InvalidInput) {
            std::fprintf(stderr, "buurtstem sync untrust: %s. Nothing was changed; `buurtstem sync status` lists the kiosks.\n",
                         lost.error().detail.c_str());
            return kExitUsage;
        }
        return reportError(lost.error(), dir);
    }
    std::printf("Kiosk %s is no longer trusted (reported lost on %s): its bundles are refused from now on.\n",
                lost->kioskId.c_str(), localTimeText(lost->withdrawnMs).c_str());
    if (lost->fromSeq)
        std::printf("%s of its events, from seq %lld on, are set aside and no longer count; the rest stays.\n",
                    number(lost->setAside).c_str(), static_cast<long long>(*lost->fromSeq));
    else
        std::printf("Everything it sent before stays.\n");
    std::printf("A replacement kiosk has a key of its own: import its first bundle with --trust.\n");
    return kExitOk;
}

}  // namespace buurtstem::cli
