// Opening the kiosk's database for a staff command (see StoreAccess.h).
#include "StoreAccess.h"

#include "CommandLine.h"
#include "Commands.h"

#include <cstdio>
#include <system_error>

namespace buurtstem::cli {

std::filesystem::path dataDirOrDefault(const std::filesystem::path& given) {
    return given.empty() ? storage::defaultDataDir() : given;
}

int openKioskStore(const std::filesystem::path& dataDir, StoreAccess access, OpenedStore& opened) {
    const std::filesystem::path database = dataDir / storage::kDatabaseFileName;
    std::error_code ec;
    // Checked before taking the lock, which would create the folder: a mistyped --data-dir
    // leaves nothing behind.
    if (access != StoreAccess::Create && !std::filesystem::exists(database, ec)) {
        std::fprintf(stderr,
                     "There is no Buurtstem database in %s.\n"
                     "Give the kiosk's data folder with --data-dir, or make a round there first with `buurtstem round create`.\n",
                     dataDir.c_str());
        return kExitDataDir;
    }
    if (access != StoreAccess::Read) {
        Result<storage::DataDirLock> lock = storage::DataDirLock::acquire(dataDir);
        if (!lock) return reportError(lock.error(), dataDir);
        opened.lock.emplace(std::move(lock).value());
    }
    storage::StoreOptions options;
    // Read-only commands are the office's exports and reports: long lists, read faster mapped.
    options.mapForReading = access == StoreAccess::Read;
    Result<std::unique_ptr<storage::KioskStore>> store = storage::KioskStore::open(database, options);
    if (!store) return reportError(store.error(), dataDir);
    opened.store = std::move(store).value();
    return kExitOk;
}

}  // namespace buurtstem::cli
