// Finding the data directory and holding it: an flock on "buurtstem.lock" keeps a second
// Buurtstem process (a kiosk started twice) away from the same database.
#include "DataDir.h"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

namespace buurtstem::storage {

namespace {

namespace fs = std::filesystem;

constexpr const char* kLockFileName = "buurtstem.lock";

std::string reason(int error) { return std::generic_category().message(error); }

Error unusable(const fs::path& path, const std::string& why) {
    return makeError(ErrorCode::DataDirUnusable, path.string() + ": " + why);
}

fs::path homeDir() {
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return home;
    // Services started without HOME still have an entry in the password database.
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found != nullptr &&
        found->pw_dir != nullptr) {
        return found->pw_dir;
    }
    return {};
}

// Writes all of `text` at offset 0; false with errno set when the disk refuses.
bool writeAllAtStart(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = pwrite(fd, text.data() + done, text.size() - done, static_cast<off_t>(done));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

fs::path defaultDataDir() {
    // XDG Base Directory spec: an empty or relative XDG_DATA_HOME is to be ignored.
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/') {
        return fs::path(xdg) / "buurtstem";
    }
    return homeDir() / ".local" / "share" / "buurtstem";
}

Result<DataDirLock> DataDirLock::acquire(const fs::path& dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return unusable(dir, "cannot create directory: " + ec.message());
    if (!fs::is_directory(dir, ec)) return unusable(dir, "not a directory");

    const fs::path lockPath = dir / kLockFileName;
    // O_CLOEXEC: a program the kiosk starts must not inherit, and so prolong, the lock.
    const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return unusable(lockPath, "cannot open lock file: " + reason(errno));
    DataDirLock lock(dir, fd);  // closes the file on every early return below

    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        if (errno == EWOULDBLOCK) {
            return makeError(ErrorCode::AlreadyRunning,
                             lockPath.string() + " is held by another Buurtstem process");
        }
        return unusable(lockPath, "cannot lock: " + reason(errno));
    }

    // The pid helps whoever wonders which process holds the directory. Only the holder writes it.
    const std::string pid = std::to_string(getpid()) + "\n";
    if (ftruncate(fd, 0) != 0 || !writeAllAtStart(fd, pid)) {
        return unusable(lockPath, "cannot write: " + reason(errno));
    }

    // The lock file may be left from an earlier run, so writing it proves little about the
    // directory; SQLite must be able to create its -wal and -shm files there. Try that now,
    // while the message can still name the directory.
    const fs::path probePath = dir / ("buurtstem.probe." + std::to_string(getpid()));
    const int probe = ::open(probePath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (probe < 0) return unusable(dir, "cannot create files: " + reason(errno));
    ::close(probe);
    ::unlink(probePath.c_str());

    return lock;
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept : dir_(std::move(other.dir_)), fd_(other.fd_) {
    other.fd_ = -1;
}

DataDirLock& DataDirLock::operator=(DataDirLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        dir_ = std::move(other.dir_);
        fd_ = other.fd_;
        other.fd_ = -1;
    }
    return *this;
}

DataDirLock::~DataDirLock() {
    // Closing releases the flock. The file stays: unlinking it could let a process that already
    // opened the old file and a newer one each believe they hold the lock.
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace buurtstem::storage
