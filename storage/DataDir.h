// The data directory: where a kiosk keeps its database. One Buurtstem process at a time may use it.
#pragma once

#include "../app/core/Result.h"

#include <filesystem>

namespace buurtstem::storage {

// $XDG_DATA_HOME/buurtstem, or ~/.local/share/buurtstem when XDG_DATA_HOME is unset.
std::filesystem::path defaultDataDir();

// Exclusive hold on a data directory (flock on "buurtstem.lock" inside it), released on
// destruction. Creating it also creates the directory and proves it can be written.
class DataDirLock {
public:
    // Errors: DataDirUnusable (cannot create or write; detail names the path and the reason),
    // AlreadyRunning (another process holds the lock).
    static Result<DataDirLock> acquire(const std::filesystem::path& dir);

    DataDirLock(DataDirLock&& other) noexcept;
    DataDirLock& operator=(DataDirLock&& other) noexcept;
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    ~DataDirLock();

    const std::filesystem::path& dir() const { return dir_; }

private:
    DataDirLock(std::filesystem::path dir, int fd) : dir_(std::move(dir)), fd_(fd) {}
    std::filesystem::path dir_;
    int fd_ = -1;
};

}  // namespace buurtstem::storage
