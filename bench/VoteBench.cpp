// vote_bench: how many votes a kiosk confirms per second, next to what SQLite itself can commit on
// the same disk. A vote is confirmed to the resident only when castBallot returns, after its
// transaction is on disk (WAL, synchronous=FULL); so the rate is bounded by the disk's fsyncs, and
// the raw rate (one row per committed transaction, same pragmas, same folder) is its anchor: the
// ratio says how much of the disk's commit rate the kiosk's own work leaves.
//
// Usage: vote_bench [--votes N] [--dir DIR]
//   N = 2000 votes; DIR = a new folder under the current directory (so on the disk the bench runs
//   on, not a tmpfs), removed after.
// Output, one figure per line:
//   votes count=… seconds=… per_s=… median_ms=… p99_ms=…
//   raw_inserts count=… seconds=… per_s=… median_ms=… p99_ms=…
//   ratio votes_to_raw=…
#include "app/core/Simulation.h"
#include "storage/KioskStore.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

namespace {

using namespace buurtstem;
using storage::KioskStore;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point from) { return std::chrono::duration<double, std::milli>(Clock::now() - from).count(); }

struct Timings {
    std::vector<double> ms;  // one per confirmed write
    double totalSeconds = 0;
};

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const std::size_t at = std::min(values.size() - 1, static_cast<std::size_t>(p * static_cast<double>(values.size())));
    return values[at];
}

void print(const char* name, const Timings& t) {
    const double count = static_cast<double>(t.ms.size());
    std::printf("%s count=%zu seconds=%.2f per_s=%.1f median_ms=%.2f p99_ms=%.2f\n", name, t.ms.size(), t.totalSeconds,
                t.totalSeconds > 0 ? count / t.totalSeconds : 0.0, percentile(t.ms, 0.5), percentile(t.ms, 0.99));
}

[[noreturn]] void fail(const std::string& what, const Error& error) {
    std::fprintf(stderr, "vote_bench: %s: %s\n", what.c_str(), error.detail.c_str());
    std::exit(1);
}

// The kiosk's path: the demo neighbourhood, a round of its ideas with voting codes, then one
// castBallot per vote, as the voting screen calls it.
Timings castVotes(const fs::path& dir, std::size_t votes) {
    Result<std::unique_ptr<KioskStore>> opened = KioskStore::open(dir / "kiosk.sqlite");
    if (!opened) fail("opening the kiosk", opened.error());
    KioskStore& store = **opened;
    if (Result<int> demo = store.addDemoNeighbourhood(); !demo) fail("demo neighbourhood", demo.error());
    Result<BudgetRound> planned = planRound(1, "Bench", store.visibleIdeas(), BallotType::Approval, store.clockMs());
    if (!planned) fail("round", planned.error());
    Result<BudgetRound> round = store.saveRound(*planned);
    if (!round) fail("round", round.error());
    Result<std::vector<BallotDraft>> ballots = planBallots(1, *round, votes);
    if (!ballots) fail("ballots", ballots.error());
    std::vector<std::string> codes;
    while (codes.size() < votes) {
        Result<std::vector<std::string>> issued = store.issueVotingCodes(round->id, std::min<std::size_t>(10'000, votes - codes.size()));
        if (!issued) fail("voting codes", issued.error());
        codes.insert(codes.end(), issued->begin(), issued->end());
    }
    Timings t;
    t.ms.reserve(votes);
    const Clock::time_point start = Clock::now();
    for (std::size_t i = 0; i < votes; ++i) {
        const Clock::time_point one = Clock::now();
        if (Result<std::string> receipt = store.castBallot(round->id, (*ballots)[i], codes[i]); !receipt) fail("vote", receipt.error());
        t.ms.push_back(msSince(one));
    }
    t.totalSeconds = msSince(start) / 1000;
    return t;
}

// The anchor: SQLite alone on the same disk with the store's pragmas, one row of about an event's
// size per committed transaction.
Timings rawInserts(const fs::path& dir, std::size_t count) {
    SQLite::Database db((dir / "raw.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.execAndGet("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
    SQLite::Statement insert(db, "INSERT INTO rows (payload) VALUES (?)");
    const std::string payload(300, 'x');
    Timings t;
    t.ms.reserve(count);
    const Clock::time_point start = Clock::now();
    for (std::size_t i = 0; i < count; ++i) {
        const Clock::time_point one = Clock::now();
        insert.bind(1, payload);
        insert.exec();
        insert.reset();
        t.ms.push_back(msSince(one));
    }
    t.totalSeconds = msSince(start) / 1000;
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t votes = 2000;
    fs::path dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string option = argv[i];
        if (option == "--votes") votes = std::strtoull(argv[i + 1], nullptr, 10);
        else if (option == "--dir") dir = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: vote_bench [--votes N] [--dir DIR]\n");
            return 2;
        }
    }
    if (votes == 0) votes = 1;
    const bool ownDir = dir.empty();
    if (ownDir) dir = fs::current_path() / ("vote-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const Timings kiosk = castVotes(dir, votes);
    const Timings raw = rawInserts(dir, votes);
    print("votes", kiosk);
    print("raw_inserts", raw);
    const double kioskRate = kiosk.totalSeconds > 0 ? static_cast<double>(votes) / kiosk.totalSeconds : 0;
    const double rawRate = raw.totalSeconds > 0 ? static_cast<double>(votes) / raw.totalSeconds : 0;
    std::printf("ratio votes_to_raw=%.2f\n", rawRate > 0 ? kioskRate / rawRate : 0.0);
    if (ownDir) fs::remove_all(dir);
    return 0;
}
