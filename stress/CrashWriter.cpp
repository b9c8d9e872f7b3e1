// crash_writer: a kiosk that never stops writing, for the crash and power-loss runs
// (stress/crash_harness.sh, docs/crash-safety.md). It opens a data folder as the kiosk does (the
// folder's lock, KioskStore::open) and, in a seeded random loop, makes the calls the screens make:
// ideas and initiatives (some with a sealed contact), "I support this", a facilitator's approval
// with its audit entry (as the moderation screen: two calls), pulses, meeting needs, and ballots
// with real voting codes in an open round, which it makes and issues codes for when it needs one.
// After each call returns success it appends a line to the confirmed log (ConfirmedLog.h) and
// fdatasyncs it: what the resident was told is saved. Plain codes go to the codes file the same way,
// as a facilitator's printed cards.
//
// Usage: crash_writer --data-dir DIR --confirmed FILE --codes FILE --seed S [--writes N]
//                     [--power-cut-at OP [--cut-seed C] [--cut-after-first-write]]
//                     [--synchronous full|normal|off]
//   --writes N        stop after N confirmed writes (default: write until killed)
//   --power-cut-at OP open SQLite through PowerCutVfs and cut the power before database operation OP
//                     of this process, or with --cut-after-first-write OP operations after the first
//                     write of this run was confirmed (the first write after a cut may checkpoint a
//                     long WAL first; counting from there reaches the writes after it)
//   --synchronous     test only: change the store's setting after it opened (default full, which
//                     is what the store sets and is checked to be so)
// Exit codes: 0 after N writes, 1 the kiosk cannot go on (opening or a write failed; stderr says
// why), 2 wrong arguments. Killed: by the harness (SIGKILL) or by its own power cut.
#include "ConfirmedLog.h"
#include "PowerCutVfs.h"

#include "app/core/AuditLog.h"
#include "app/core/Simulation.h"
#include "storage/DataDir.h"
#include "storage/KioskStore.h"

#include <sqlite3.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace buurtstem;
namespace fs = std::filesystem;

struct Options {
    fs::path dataDir;
    fs::path confirmed;
    fs::path codes;
    std::uint64_t seed = 1;
    std::uint64_t writes = 0;       // = 0 (until killed)
    std::uint64_t powerCutAt = 0;   // = 0 (no power-cut VFS)
    std::uint64_t cutSeed = 1;
    bool cutAfterFirstWrite = false;
    std::string synchronous = "full";
};

[[noreturn]] void fail(const std::string& what) {
    std::fprintf(stderr, "crash_writer: %s\n", what.c_str());
    std::exit(1);
}

// A file only ever appended to, each line on disk (fdatasync) before the next call.
class AppendFile {
public:
    explicit AppendFile(const fs::path& path) : fd_(::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600)) {
        if (fd_ < 0) fail("cannot open " + path.string() + ": " + std::strerror(errno));
    }
    ~AppendFile() { ::close(fd_); }
    AppendFile(const AppendFile&) = delete;
    AppendFile& operator=(const AppendFile&) = delete;
    void append(const std::string& line) {
        const std::string text = line + "\n";
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) fail(std::string("cannot append a line: ") + std::strerror(errno));
            done += static_cast<std::size_t>(n);
        }
        if (::fdatasync(fd_) != 0) fail(std::string("fdatasync: ") + std::strerror(errno));
    }

private:
    int fd_;
};

// The store's connection, caught as SQLite opens it, so the test-only --synchronous can reach it.
sqlite3* storeConnection = nullptr;
int catchConnection(sqlite3* db, char**, const sqlite3_api_routines*) {
    storeConnection = db;
    return SQLITE_OK;
}

std::string pragmaText(const char* sql) {
    std::string value;
    sqlite3_exec(storeConnection, sql,
                 [](void* out, int, char** columns, char**) {
                     *static_cast<std::string*>(out) = columns[0] ? columns[0] : "";
                     return 0;
                 },
                 &value, nullptr);
    return value;
}

class Writer {
public:
    Writer(storage::KioskStore& store, const Options& options)
        : store_(store), confirmed_(options.confirmed), codesFile_(options.codes), codesPath_(options.codes),
          random_(options.seed), lastSeq_(store.eventCount()) {}

    void setUp() {
        if (store_.neighbourhoodName().empty()) {
            check(store_.setNeighbourhoodName(simulatedNeighbourhood(random_.next()).name), "name the neighbourhood");
            confirm("kind=setup what=name");
        }
        if (store_.places().empty()) {
            check(store_.setPlaces(simulatedNeighbourhood(random_.next()).places), "set the places");
            confirm("kind=setup what=places");
        }
        if (!store_.staffPublicKey()) {
            Result<bool> key = store_.addDemoStaffKey();
            check(key, "add a staff key");
            confirm("kind=setup what=staff-key");
        }
        loadCodes();
    }

    // One write the screens could make, chosen at random among those that fit now.
    void step() {
        if (std::optional<Error> error = store_.lastReadError()) fail("a read failed: " + error->detail);
        ensureRound();
        const int pick = random_.between(0, 99);
        if (pick < 25) return submitIdea();
        if (pick < 35) return approveOldest();
        if (pick < 55) return support();
        if (pick < 80) return castBallot();
        if (pick < 90) return givePulse();
        return giveNeed();
    }

    std::uint64_t confirmedCount() const { return confirmedCount_; }

private:
    void check(const Result<void>& result, const char* what) {
        if (!result) fail(std::string(what) + ": " + result.error().detail);
    }
    template <typename T>
    void check(const Result<T>& result, const char* what) {
        if (!result) fail(std::string(what) + ": " + result.error().detail);
    }

    // The line for a write that returned success, with the events it recorded.
    void confirm(std::string line) {
        for (const Event& event : store_.events(lastSeq_)) {
            line += " event=" + std::to_string(event.seq) + "/" + event.uuid + "/" + event.type;
            lastSeq_ = event.seq;
        }
        confirmed_.append(line);
        ++confirmedCount_;
    }

    ResidentPlan plan(SimulationCounts counts) {
        ResidentPlanRequest request;
        request.seed = random_.next();
        request.counts = counts;
        request.places = store_.places();
        request.initiativeMaximumCents = store_.initiativeMaximumCents();
        Result<ResidentPlan> planned = planResidents(request);
        check(planned, "plan a resident");
        return std::move(planned).value();
    }

    void submitIdea() {
        if (random_.percent(15)) {
            ResidentPlan p = plan({.initiatives = 1});
            Result<Idea> idea = store_.submitInitiative(p.initiatives.front().draft);
            check(idea, "submit an initiative");
            return confirm("kind=idea id=" + idea->id + " ref=" + idea->reference);
        }
        ResidentPlan p = plan({.ideas = 1});
        Result<Idea> idea = store_.submitIdea(p.ideas.front().draft);
        check(idea, "submit an idea");
        confirm("kind=idea id=" + idea->id + " ref=" + idea->reference);
    }

    void approveOldest() {
        const std::vector<Idea> queue = store_.moderationQueue();
        if (queue.empty()) return submitIdea();
        const Idea& item = queue.front();
        // As the moderation screen does: the approval and its audit entry in one transaction.
        std::optional<AuditEntry> entry;
        check(store_.inOneTransaction("approve an idea",
                                      [&]() -> Result<void> {
                                          if (Result<void> approved = store_.approveIdea(item.id); !approved) return approved;
                                          Result<AuditEntry> logged = store_.appendAudit(
                                              {"Crashtest", kAuditIdeaApproved, item.id, item.reference + ": new", item.reference + ": approved"});
                                          if (!logged) return logged.error();
                                          entry = *logged;
                                          return {};
                                      }),
              "approve an idea and write it to the audit log");
        confirm("kind=approve idea=" + item.id);
        confirm("kind=audit seq=" + std::to_string(entry->seq) + " hash=" + entry->hash + " subject=" + item.id);
    }

    void support() {
        const std::vector<Idea> visible = store_.visibleIdeas();
        if (visible.empty()) return submitIdea();
        const Idea& idea = visible[random_.below(visible.size())];
        Result<Idea> supported = store_.supportIdea(idea.id);
        check(supported, "support an idea");
        confirm("kind=support idea=" + idea.id + " supports=" + std::to_string(supported->supports));
    }

    void givePulse() {
        ResidentPlan p = plan({.ideas = 0, .pulses = 1});
        check(store_.givePulse(p.pulses.front()), "give a pulse");
        confirm("kind=pulse");
    }

    void giveNeed() {
        ResidentPlan p = plan({.needs = 1});
        check(store_.giveMeetingNeed(p.needs.front()), "give a meeting need");
        confirm("kind=need");
    }

    // A round open now with codes left, as a facilitator keeps one: made from the approved ideas
    // once there are three, and more codes issued (and written down) when few are left.
    void ensureRound() {
        const std::vector<BudgetRound> open = store_.openRounds();
        if (open.empty()) {
            const std::vector<Idea> visible = store_.visibleIdeas();
            if (visible.size() < 3) return;
            Result<BudgetRound> made =
                planRound(random_.next(), store_.neighbourhoodName(), visible, BallotType::Approval, store_.clockMs());
            check(made, "plan a round");
            Result<BudgetRound> saved = store_.saveRound(*made);
            check(saved, "save a round");
            round_ = *saved;
            codes_.clear();
            confirm("kind=round id=" + round_->id);
        } else if (!round_ || round_->id != open.front().id) {
            round_ = open.front();
            loadCodes();
        }
        if (codes_.size() >= 3) return;
        Result<std::vector<std::string>> issued = store_.issueVotingCodes(round_->id, 20);
        check(issued, "issue voting codes");
        std::string lines;
        for (const std::string& code : *issued) lines += (lines.empty() ? "" : "\n") + ("round=" + round_->id + " code=" + code);
        codesFile_.append(lines);
        codes_.insert(codes_.end(), issued->begin(), issued->end());
        confirm("kind=codes round=" + round_->id + " count=" + std::to_string(issued->size()));
    }

    // The written-down codes of the open round that can still vote. A code that was used by a
    // ballot the resident never saw confirmed, or that a power cut took back, is left out.
    void loadCodes() {
        codes_.clear();
        const std::vector<BudgetRound> open = store_.openRounds();
        if (open.empty()) return;
        round_ = open.front();
        std::ifstream in(codesPath_);
        std::stringstream text;
        text << in.rdbuf();
        for (const stress::ConfirmedWrite& line : stress::parseConfirmedLog(text.str())) {
            if (line.get("round") != round_->id) continue;
            const std::string code = line.get("code");
            if (store_.votingCodeState(round_->id, code) == storage::KioskStore::CodeState::Valid) codes_.push_back(code);
        }
    }

    void castBallot() {
        if (!round_ || codes_.empty()) return givePulse();
        const std::string code = codes_.back();
        codes_.pop_back();
        Result<std::vector<BallotDraft>> drafts = planBallots(random_.next(), *round_, 1);
        check(drafts, "plan a ballot");
        Result<std::string> receipt = store_.castBallot(round_->id, drafts->front(), code);
        check(receipt, "cast a ballot");
        confirm("kind=ballot round=" + round_->id + " receipt=" + *receipt + " code=" + code);
    }

    storage::KioskStore& store_;
    AppendFile confirmed_;
    AppendFile codesFile_;
    fs::path codesPath_;
    SimulationRandom random_;
    std::int64_t lastSeq_;
    std::optional<BudgetRound> round_;
    std::vector<std::string> codes_;  // usable codes of round_
    std::uint64_t confirmedCount_ = 0;
};

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--cut-after-first-write") {
            options.cutAfterFirstWrite = true;
            continue;
        }
        if (i + 1 >= argc) return false;
        const char* value = argv[++i];
        if (arg == "--data-dir") options.dataDir = value;
        else if (arg == "--confirmed") options.confirmed = value;
        else if (arg == "--codes") options.codes = value;
        else if (arg == "--seed") options.seed = std::strtoull(value, nullptr, 10);
        else if (arg == "--writes") options.writes = std::strtoull(value, nullptr, 10);
        else if (arg == "--power-cut-at") options.powerCutAt = std::strtoull(value, nullptr, 10);
        else if (arg == "--cut-seed") options.cutSeed = std::strtoull(value, nullptr, 10);
        else if (arg == "--synchronous") options.synchronous = value;
        else return false;
    }
    return !options.dataDir.empty() && !options.confirmed.empty() && !options.codes.empty() &&
           (options.synchronous == "full" || options.synchronous == "normal" || options.synchronous == "off");
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::fprintf(stderr,
                     "usage: crash_writer --data-dir DIR --confirmed FILE --codes FILE --seed S [--writes N]\n"
                     "                    [--power-cut-at OP [--cut-seed C] [--cut-after-first-write]]\n"
                     "                    [--synchronous full|normal|off]\n");
        return 2;
    }
    if (options.powerCutAt > 0 &&
        !stress::installPowerCutVfs({options.cutAfterFirstWrite ? 0 : options.powerCutAt, options.cutSeed}))
        fail("cannot install the power-cut VFS");
    // The cast through void(*)(void) is SQLite's documented way to pass an entry point.
    sqlite3_auto_extension(reinterpret_cast<void (*)(void)>(catchConnection));

    Result<storage::DataDirLock> lock = storage::DataDirLock::acquire(options.dataDir);
    if (!lock) fail("the data folder: " + lock.error().detail);
    Result<std::unique_ptr<storage::KioskStore>> opened = storage::KioskStore::open(options.dataDir / storage::kDatabaseFileName);
    if (!opened) fail("the kiosk cannot open its database after the cut: " + opened.error().detail);
    storage::KioskStore& store = **opened;

    // The experiment is only worth something while the store keeps these; say so when it stops.
    if (pragmaText("PRAGMA journal_mode") != "wal") fail("the store no longer opens its database in WAL mode");
    if (pragmaText("PRAGMA synchronous") != "2") fail("the store no longer opens its database with synchronous=FULL");
    if (options.synchronous != "full") {
        const std::string sql = "PRAGMA synchronous = " + options.synchronous;
        if (sqlite3_exec(storeConnection, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("cannot set " + sql);
    }

    Writer writer(store, options);
    writer.setUp();
    bool armed = !options.cutAfterFirstWrite;
    while (options.writes == 0 || writer.confirmedCount() < options.writes) {
        writer.step();
        if (!armed && options.powerCutAt > 0) {
            stress::setPowerCut(stress::powerCutOperations() + options.powerCutAt);
            armed = true;
        }
    }
    if (options.powerCutAt > 0)
        std::fprintf(stderr, "crash_writer: %llu database operations, no power cut\n",
                     static_cast<unsigned long long>(stress::powerCutOperations()));
    return 0;
}
