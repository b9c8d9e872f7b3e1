// sync_bench: the staff office's side of sync at full size. Builds the bundles of many kiosks in
// memory (the simulation's ideas, initiatives, supports and ballots, encoded with the core's
// payload encoders and written with the kiosks' own bundle writer, not through a million fsynced
// transactions), imports them into a fresh hub database on disk (synchronous=FULL, as every
// store), imports them again, and exports the initiatives with `buurtstem export`'s code path.
// Prints figures with their targets; it passes or fails nothing. bench/run.sh runs it.
//
// Usage: sync_bench [--events N] [--kiosks K] [--dir DIR]
//   N = 1000000 events in all, K = 100 kiosks; DIR = a new folder under $TMPDIR, removed after.
// Output, one figure per line, so a script can pick lines with awk:
//   build events=… kiosks=… bundle_megabytes=… seconds=…
//   import seconds=… cpu_seconds=… events_per_s=… target_s=10
//   reimport seconds=… cpu_seconds=… new_events=… target_s=1
//   export initiatives=… seconds=… cpu_seconds=… target_s=1       (or: export skipped reason=…)
//   anchor seconds=… rows=…   SQLite alone copying the imported rows into a fresh hub
//   database megabytes=…
//   peak_memory_kb <VmHWM>
#include "app/core/Event.h"
#include "app/core/Identifiers.h"
#include "app/core/Simulation.h"
#include "storage/Bundle.h"
#include "storage/KioskStore.h"

#if __has_include("app/cli/ExportCommand.h")
#include "app/cli/ExportCommand.h"
#define BUURTSTEM_BENCH_HAS_EXPORT 1
#endif

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

using namespace buurtstem;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point from) { return std::chrono::duration<double>(Clock::now() - from).count(); }

// CPU time of this process (user and system), in seconds. On a shared machine the wall time of a
// phase depends on what else runs; its CPU time much less.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::string randomUuid() {
    std::array<std::uint8_t, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    return formatUuidV4(bytes);
}

// Reference codes are drawn at random on each kiosk; the bench keeps them unique across the hub
// so the figures measure the merge, not what the hub does with two ideas of one code.
std::string uniqueReference(std::set<std::string>& used) {
    for (;;) {
        std::array<std::uint8_t, 6> bytes{};
        randombytes_buf(bytes.data(), bytes.size());
        std::string code = formatReferenceCode(bytes);
        if (used.insert(code).second) return code;
    }
}

std::string fakeCodeHash(std::uint64_t n) {
    // A stand-in for a keyed code hash: 64 hex characters, different for every n.
    SimulationRandom random(n);
    char text[65];
    for (int i = 0; i < 4; ++i) std::snprintf(text + 16 * i, 17, "%016llx", static_cast<unsigned long long>(random.next()));
    return std::string(text, 64);
}

std::string sealed(const std::string& name, const std::string& address, const storage::StaffKey& staffPublic) {
    const std::string plain = name + "\n" + address;
    std::vector<unsigned char> box(crypto_box_SEALBYTES + plain.size());
    crypto_box_seal(box.data(), reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), staffPublic.data());
    std::string text(sodium_base64_ENCODED_LEN(box.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(text.data(), text.size(), box.data(), box.size(), sodium_base64_VARIANT_ORIGINAL);
    text.resize(text.size() - 1);
    return text;
}

// One kiosk's events in seq order, its stamps a millisecond apart from `startMs`.
class KioskLog {
public:
    KioskLog(std::string kioskId, std::uint64_t startMs) : kioskId_(std::move(kioskId)), wallMs_(startMs) {}
    void add(std::string_view type, std::string payload) {
        Event event;
        event.kioskId = kioskId_;
        event.seq = static_cast<std::int64_t>(events_.size()) + 1;
        event.hlc = HlcStamp::make(++wallMs_, 0);
        std::array<std::uint8_t, 16> random{};
        randombytes_buf(random.data(), random.size());
        event.uuid = formatUuidV7(wallMs_, random);  // as a kiosk makes them (KioskStore's record)
        event.type = std::string(type);
        event.payload = std::move(payload);
        events_.push_back(std::move(event));
    }
    const std::string& kioskId() const { return kioskId_; }
    std::vector<Event>& events() { return events_; }

private:
    std::string kioskId_;
    std::uint64_t wallMs_;
    std::vector<Event> events_;
};

IdeaSubmitted ideaPayload(const IdeaDraft& draft, std::set<std::string>& references, const storage::StaffKey& staffPublic) {
    IdeaSubmitted payload;
    payload.ideaId = randomUuid();
    payload.reference = uniqueReference(references);
    payload.theme = draft.theme;
    payload.title = draft.title;
    payload.body = draft.body;
    payload.place = draft.place;
    if (draft.hasContact()) payload.sealedContact = sealed(draft.contactName, draft.contactAddress, staffPublic);
    return payload;
}

long peakMemoryKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
    return 0;
}

std::uintmax_t databaseBytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const std::uintmax_t size = fs::file_size(dir / (std::string(storage::kDatabaseFileName) + suffix), ec);
        if (!ec) total += size;
    }
    return total;
}

// The anchor the import is read against: SQLite alone writing the same rows into a fresh hub
// (the schema of KioskStore::open) in one transaction, with the import's pragmas, journal (the
// rollback journal of a large merge) and page cache, each table's rows in the hub's order and
// the foreign keys checked. What the import adds on top
// is reading and checking the bundles, deciding what is new, and deriving the read tables.
// Returns the rows written, or -1 when the copy failed; `took` is the transaction's wall time.
long long copyWithSqliteAlone(const fs::path& hubFile, const fs::path& freshDir, double& took) {
    fs::create_directories(freshDir);
    const fs::path freshFile = freshDir / storage::kDatabaseFileName;
    if (!storage::KioskStore::open(freshFile)) return -1;  // the schema, closed again
    try {
        SQLite::Database db(freshFile.string(), SQLite::OPEN_READWRITE);
        db.execAndGet("PRAGMA journal_mode = DELETE");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
        db.exec("PRAGMA cache_size = -65536");
        SQLite::Statement attach(db, "ATTACH DATABASE ? AS hub");
        attach.bind(1, hubFile.string());
        attach.exec();
        // The tables the import filled and a fresh hub leaves empty, each after those it refers to.
        std::vector<std::string> tables;
        std::map<std::string, std::set<std::string>> parents;
        SQLite::Statement names(db, "SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        while (names.executeStep()) {
            const std::string table = names.getColumn(0).getString();
            if (db.execAndGet("SELECT EXISTS (SELECT 1 FROM main.\"" + table + "\")").getInt() != 0) continue;
            if (db.execAndGet("SELECT EXISTS (SELECT 1 FROM hub.\"" + table + "\")").getInt() == 0) continue;
            tables.push_back(table);
            SQLite::Statement keys(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
            keys.bind(1, table);
            while (keys.executeStep()) parents[table].insert(keys.getColumn(0).getString());
        }
        const std::set<std::string> copied(tables.begin(), tables.end());
        std::set<std::string> done;
        long long rows = 0;
        const Clock::time_point start = Clock::now();
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        while (done.size() < tables.size()) {
            const std::size_t before = done.size();
            for (const std::string& table : tables) {
                if (done.count(table) > 0) continue;
                const auto waiting = [&](const std::string& parent) {
                    return parent != table && copied.count(parent) > 0 && done.count(parent) == 0;
                };
                if (std::any_of(parents[table].begin(), parents[table].end(), waiting)) continue;
                // WHERE 1: a bare SELECT * would let SQLite copy records and index entries as they
                // lie, each index in its own order, which no import of new rows can do.
                rows += db.exec("INSERT INTO main.\"" + table + "\" SELECT * FROM hub.\"" + table + "\" WHERE 1");
                done.insert(table);
            }
            if (done.size() == before) return -1;  // a cycle: not in this schema
        }
        tx.commit();
        took = seconds(start);
        return rows;
    } catch (const SQLite::Exception& e) {
        std::fprintf(stderr, "sync_bench: the anchor copy failed: %s\n", e.what());
        return -1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t totalEvents = 1'000'000;
    std::size_t kiosks = 100;
    fs::path dir;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--events" && i + 1 < argc) totalEvents = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--kiosks" && i + 1 < argc) kiosks = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--dir" && i + 1 < argc) dir = argv[++i];
        else {
            std::fprintf(stderr, "usage: sync_bench [--events N] [--kiosks K] [--dir DIR]\n");
            return 2;
        }
    }
    if (kiosks == 0 || totalEvents < 100 * kiosks) {
        std::fprintf(stderr, "sync_bench: at least 100 events per kiosk\n");
        return 2;
    }
    if (sodium_init() < 0) return 1;
    const bool ownDir = dir.empty();
    if (ownDir) {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/buurtstem-sync-bench.XXXXXX";
        if (!mkdtemp(pattern.data())) return 1;
        dir = pattern;
    }
    const fs::path hubDir = dir / "hub";
    fs::create_directories(hubDir);

    storage::StaffKey staffPublic{};
    storage::StaffKey staffSecret{};
    crypto_box_keypair(staffPublic.data(), staffSecret.data());

    // [SECTION] The kiosks' bundles
    // Of every 10 events: 1 initiative and its approval, 1 idea and its approval, 4 supports, 2
    // ballots. The first kiosk also holds the round and its voting codes (the office's laptop).
    const Clock::time_point buildStart = Clock::now();
    const std::size_t perKiosk = totalEvents / kiosks;
    const std::size_t initiativesPerKiosk = perKiosk / 10;
    const std::size_t ideasPerKiosk = perKiosk / 10;
    const std::size_t ballotsPerKiosk = perKiosk * 2 / 10;
    const std::size_t supportsPerKiosk = perKiosk - 2 * initiativesPerKiosk - 2 * ideasPerKiosk - ballotsPerKiosk;
    const std::uint64_t nowMs =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    const std::uint64_t startMs = nowMs - 30ULL * 86'400'000;

    // The round: projects with ids p1.., as the simulation makes them.
    std::vector<Idea> candidates;
    for (int i = 0; i < 8; ++i) {
        Idea idea;
        idea.id = randomUuid();
        idea.title = "Project " + std::to_string(i + 1);
        idea.body = "Een project voor de buurt.";
        idea.supports = 8 - i;
        candidates.push_back(idea);
    }
    Result<BudgetRound> round = planRound(1, "Bankbuurt", candidates, BallotType::Approval, startMs);
    if (!round) return 1;
    round->id = randomUuid();
    round->closesMs = nowMs + 86'400'000;
    Result<std::vector<BallotDraft>> ballotPlan = planBallots(1, *round, ballotsPerKiosk);
    if (!ballotPlan) return 1;

    std::set<std::string> references;
    std::vector<storage::KioskStore::NamedBundle> bundles;
    std::size_t bundleBytes = 0;
    std::size_t eventCount = 0;
    std::uint64_t codeNumber = 0;
    for (std::size_t k = 0; k < kiosks; ++k) {
        const storage::KioskIdentity identity = storage::makeKioskIdentity();
        KioskLog log(randomUuid(), startMs + k);
        if (k == 0) {
            log.add(kEventRoundSaved, encodePayload(RoundSaved{*round}));
            const std::size_t codes = ballotsPerKiosk * kiosks;
            for (std::size_t first = 0; first < codes; first += 10'000) {
                VotingCodesIssued issued;
                issued.roundId = round->id;
                for (std::size_t c = first; c < std::min(codes, first + 10'000); ++c) issued.hashes.push_back(fakeCodeHash(c));
                log.add(kEventVotingCodesIssued, encodePayload(issued));
            }
        }
        ResidentPlanRequest request;
        request.seed = k + 1;
        request.counts.ideas = ideasPerKiosk;
        request.counts.initiatives = initiativesPerKiosk;
        request.counts.supports = supportsPerKiosk;
        request.places = {"Bankplein", "Speeltuin Eikenlaan", "Buurthuis De Linden"};
        Result<ResidentPlan> plan = planResidents(request);
        if (!plan) return 1;
        std::vector<std::string> targets;
        for (const SimulatedIdea& idea : plan->ideas) {
            IdeaSubmitted payload = ideaPayload(idea.draft, references, staffPublic);
            log.add(kEventIdeaSubmitted, encodePayload(payload));
            // Every one approved here, so each kiosk's share of events is exact.
            log.add(kEventIdeaApproved, encodePayload(IdeaApproved{payload.ideaId}));
            targets.push_back(payload.ideaId);
        }
        for (const SimulatedInitiative& initiative : plan->initiatives) {
            InitiativeSubmitted payload;
            payload.idea = ideaPayload(initiative.draft.idea, references, staffPublic);
            payload.plan = initiative.draft.plan;
            log.add(kEventInitiativeSubmitted, encodePayload(payload));
            log.add(kEventIdeaApproved, encodePayload(IdeaApproved{payload.idea.ideaId}));
            targets.push_back(payload.idea.ideaId);
        }
        for (std::size_t target : plan->supports) log.add(kEventIdeaSupported, encodePayload(IdeaSupported{targets.at(target % targets.size())}));
        for (const BallotDraft& draft : *ballotPlan) {
            BallotCast ballot;
            ballot.roundId = round->id;
            ballot.ballotId = randomUuid();
            std::array<std::uint8_t, 6> receipt{};
            randombytes_buf(receipt.data(), receipt.size());
            ballot.receipt = formatReferenceCode(receipt);
            ballot.codeHash = fakeCodeHash(codeNumber++);
            for (std::uint32_t project : draft.projects) ballot.projectIds.push_back(round->projects[project].id);
            log.add(kEventBallotCast, encodePayload(ballot));
        }
        BundleHeader header;
        header.kioskId = log.kioskId();
        header.schemaVersion = storage::kSchemaVersion;
        header.kioskHlc = log.events().back().hlc.packed;
        header.createdMs = nowMs;
        Result<std::string> bytes = storage::writeBundle(log.events(), header, identity, staffPublic);
        if (!bytes) {
            std::fprintf(stderr, "sync_bench: writing a bundle failed: %s\n", bytes.error().detail.c_str());
            return 1;
        }
        eventCount += log.events().size();
        bundleBytes += bytes->size();
        bundles.push_back({"kiosk-" + std::to_string(k + 1) + ".bundle", std::move(bytes).value()});
    }
    std::printf("build events=%zu kiosks=%zu bundle_megabytes=%.1f seconds=%.1f\n", eventCount, kiosks,
                static_cast<double>(bundleBytes) / 1e6, seconds(buildStart));
    std::fflush(stdout);

    // [SECTION] Import into a fresh hub, then the same bundles again
    {
        Result<std::unique_ptr<storage::KioskStore>> hub = storage::KioskStore::open(hubDir / storage::kDatabaseFileName);
        if (!hub) {
            std::fprintf(stderr, "sync_bench: cannot open the hub: %s\n", hub.error().detail.c_str());
            return 1;
        }
        // The import opens the bundles where they lie, as the command line's files read from
        // disk: it gets a copy, made before the clock starts, and the re-import the originals.
        std::vector<storage::KioskStore::NamedBundle> read = bundles;
        const Clock::time_point importStart = Clock::now();
        const double importCpuStart = cpuSeconds();
        Result<SyncReport> imported = (*hub)->importBundles(std::move(read), staffSecret, true);
        const double importSeconds = seconds(importStart);
        const double importCpu = cpuSeconds() - importCpuStart;
        if (!imported) {
            std::fprintf(stderr, "sync_bench: the import failed: %s\n", imported.error().detail.c_str());
            return 1;
        }
        std::printf("import seconds=%.2f cpu_seconds=%.2f events_per_s=%.0f target_s=10\n", importSeconds, importCpu,
                    static_cast<double>(eventCount) / importSeconds);
        std::fflush(stdout);
        const Clock::time_point againStart = Clock::now();
        const double againCpuStart = cpuSeconds();
        Result<SyncReport> again = (*hub)->importBundles(std::move(bundles), staffSecret, true);
        const double againSeconds = seconds(againStart);
        const double againCpu = cpuSeconds() - againCpuStart;
        if (!again) {
            std::fprintf(stderr, "sync_bench: the second import failed: %s\n", again.error().detail.c_str());
            return 1;
        }
        std::int64_t newAgain = 0;
        for (const BundleImport& bundle : again->bundles) newAgain += bundle.newEvents;
        std::printf("reimport seconds=%.2f cpu_seconds=%.2f new_events=%lld target_s=1\n", againSeconds, againCpu,
                    static_cast<long long>(newAgain));
        std::fflush(stdout);
    }
    bundles.clear();

    // [SECTION] Export
#ifdef BUURTSTEM_BENCH_HAS_EXPORT
    {
        cli::ExportCommandOptions options;
        options.dataDir = hubDir;
        options.what = "initiatives";
        options.format = "csv";
        options.out = dir / "initiatives.csv";
        const Clock::time_point exportStart = Clock::now();
        const double exportCpuStart = cpuSeconds();
        const int exitCode = cli::runExport(options);
        const double exportSeconds = seconds(exportStart);
        const double exportCpu = cpuSeconds() - exportCpuStart;
        if (exitCode != 0) {
            std::fprintf(stderr, "sync_bench: the export failed with exit code %d\n", exitCode);
            return 1;
        }
        std::printf("export initiatives=%zu seconds=%.2f cpu_seconds=%.2f target_s=1\n", initiativesPerKiosk * kiosks,
                    exportSeconds, exportCpu);
    }
#else
    std::printf("export skipped reason=no_export_command\n");
#endif
    {
        double anchorSeconds = 0;
        const long long rows = copyWithSqliteAlone(hubDir / storage::kDatabaseFileName, dir / "anchor", anchorSeconds);
        if (rows < 0) return 1;
        std::printf("anchor seconds=%.2f rows=%lld\n", anchorSeconds, rows);
        fs::remove_all(dir / "anchor");
    }
    std::printf("database megabytes=%.1f\n", static_cast<double>(databaseBytes(hubDir)) / 1e6);
    std::printf("peak_memory_kb %ld\n", peakMemoryKb());
    if (ownDir) fs::remove_all(dir);
    return 0;
}
