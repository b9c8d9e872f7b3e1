// The data directory: where it is by default, that one process at a time holds it, and that a
// directory we cannot use is reported with its path and the reason.
#include "StorageTestSupport.h"

#include "storage/DataDir.h"
#include "storage/KioskStore.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <optional>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

// Sets or unsets an environment variable for one test and restores it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

// Tries to acquire `dir` from a separate process; returns the code it got (or nullopt if it got
// the lock). The child exits straight away with _exit so nothing of the test runner runs twice.
std::optional<ErrorCode> acquireInChild(const std::filesystem::path& dir) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto lock = DataDirLock::acquire(dir);
        _exit(lock.ok() ? 100 : static_cast<int>(lock.error().code));
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 100) return std::nullopt;
    return static_cast<ErrorCode>(WEXITSTATUS(status));
}

}  // namespace

TEST_CASE("defaultDataDir follows XDG_DATA_HOME, else ~/.local/share", "[storage][datadir]") {
    ScopedEnv home("HOME", "/home/kiosk");
    SECTION("XDG_DATA_HOME set") {
        ScopedEnv xdg("XDG_DATA_HOME", "/srv/data");
        CHECK(defaultDataDir() == std::filesystem::path("/srv/data/buurtstem"));
    }
    SECTION("XDG_DATA_HOME unset") {
        ScopedEnv xdg("XDG_DATA_HOME", nullptr);
        CHECK(defaultDataDir() == std::filesystem::path("/home/kiosk/.local/share/buurtstem"));
    }
    SECTION("XDG_DATA_HOME empty or relative, which the XDG spec says to ignore") {
        ScopedEnv xdg("XDG_DATA_HOME", GENERATE("", "relative/path"));
        CHECK(defaultDataDir() == std::filesystem::path("/home/kiosk/.local/share/buurtstem"));
    }
}

TEST_CASE("acquiring a data directory creates it and writes our pid into the lock file", "[storage][datadir]") {
    ScratchDir scratch;
    const auto dir = scratch.path() / "nested" / "buurtstem";
    auto lock = DataDirLock::acquire(dir);
    REQUIRE(lock.ok());
    CHECK(lock->dir() == dir);
    CHECK(std::filesystem::is_directory(dir));
    CHECK(readBytes(dir / "buurtstem.lock") == std::to_string(getpid()) + "\n");
    // The write probe cleaned up after itself.
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);

    // The directory is ready for the database.
    auto store = KioskStore::open(dir / kDatabaseFileName);
    CHECK(store.ok());
}

TEST_CASE("a held data directory cannot be acquired again until it is released", "[storage][datadir]") {
    ScratchDir scratch;
    std::optional<DataDirLock> first;
    {
        auto lock = DataDirLock::acquire(scratch.path());
        REQUIRE(lock.ok());
        first.emplace(std::move(lock).value());  // moved: the lock must survive the move
    }

    SECTION("from the same process (flock on a second open file conflicts)") {
        auto second = DataDirLock::acquire(scratch.path());
        REQUIRE_FALSE(second.ok());
        CHECK(second.error().code == ErrorCode::AlreadyRunning);
        CHECK_THAT(second.error().detail, Catch::Contains("buurtstem.lock"));
        // The refused attempt must not have disturbed the holder's lock or pid.
        CHECK(DataDirLock::acquire(scratch.path()).error().code == ErrorCode::AlreadyRunning);
        CHECK(readBytes(scratch.path() / "buurtstem.lock") == std::to_string(getpid()) + "\n");

        first.reset();
        auto third = DataDirLock::acquire(scratch.path());
        CHECK(third.ok());
    }
    SECTION("from another process") {
        CHECK(acquireInChild(scratch.path()) == ErrorCode::AlreadyRunning);
        first.reset();
        CHECK(acquireInChild(scratch.path()) == std::nullopt);
    }
}

TEST_CASE("moving a lock keeps it held; move-assigning releases the old one", "[storage][datadir]") {
    ScratchDir a;
    ScratchDir b;
    auto lockA = DataDirLock::acquire(a.path());
    auto lockB = DataDirLock::acquire(b.path());
    REQUIRE((lockA.ok() && lockB.ok()));

    DataDirLock holder = std::move(lockA).value();
    CHECK(DataDirLock::acquire(a.path()).error().code == ErrorCode::AlreadyRunning);

    holder = std::move(lockB).value();  // gives up a, now holds b
    CHECK(holder.dir() == b.path());
    CHECK(DataDirLock::acquire(a.path()).ok());
    CHECK(DataDirLock::acquire(b.path()).error().code == ErrorCode::AlreadyRunning);
}

TEST_CASE("a data directory that cannot be created is DataDirUnusable, naming path and reason",
          "[storage][datadir]") {
    ScratchDir scratch;
    const auto file = scratch.path() / "a-plain-file";
    writeBytes(file, "in the way");

    SECTION("a path below a regular file") {
        const auto dir = file / "buurtstem";
        auto lock = DataDirLock::acquire(dir);
        REQUIRE_FALSE(lock.ok());
        CHECK(lock.error().code == ErrorCode::DataDirUnusable);
        CHECK_THAT(lock.error().detail, Catch::Contains(dir.string()));
        CHECK_THAT(lock.error().detail, Catch::Contains("Not a directory"));
    }
    SECTION("a path that is a regular file") {
        auto lock = DataDirLock::acquire(file);
        REQUIRE_FALSE(lock.ok());
        CHECK(lock.error().code == ErrorCode::DataDirUnusable);
        CHECK_THAT(lock.error().detail, Catch::Contains(file.string()));
        CHECK(readBytes(file) == "in the way");
    }
}

TEST_CASE("a data directory without write permission is DataDirUnusable", "[storage][datadir]") {
    if (geteuid() == 0) {
        WARN("skipped: permission bits do not bind root");
        return;
    }
    ScratchDir scratch;
    const auto dir = scratch.path() / "readonly";
    std::filesystem::create_directory(dir);
    REQUIRE(chmod(dir.c_str(), 0500) == 0);

    auto lock = DataDirLock::acquire(dir);
    chmod(dir.c_str(), 0700);  // so ScratchDir can remove it
    REQUIRE_FALSE(lock.ok());
    CHECK(lock.error().code == ErrorCode::DataDirUnusable);
    CHECK_THAT(lock.error().detail, Catch::Contains(dir.string()));
    CHECK_THAT(lock.error().detail, Catch::Contains("Permission denied"));
}
