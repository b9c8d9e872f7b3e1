// How a staff command reaches the kiosk's database: the folder the kiosk itself uses, and the
// kiosk's lock for every command that changes something, so a running kiosk and a command never
// write at the same time.
#pragma once

#include "../../storage/DataDir.h"
#include "../../storage/KioskStore.h"

#include <filesystem>
#include <memory>
#include <optional>

namespace buurtstem::cli {

// The given folder, or the kiosk's default (storage::defaultDataDir()) when none was given.
std::filesystem::path dataDirOrDefault(const std::filesystem::path& given);

enum class StoreAccess {
    Read,    // no lock: reading works while the kiosk runs; the database must exist
    Change,  // the lock; the database must exist
    Create,  // the lock; the folder and database are made when missing
};

struct OpenedStore {
    std::optional<storage::DataDirLock> lock;     // = nullopt // held until the command ends (Change, Create)
    std::unique_ptr<storage::KioskStore> store;   // = nullptr until opened
};

// Opens the database in `dataDir` (already resolved). On failure prints a plain message on
// stderr ("already running", "no database here", ...) and returns its exit code; kExitOk when
// `opened` holds the store.
int openKioskStore(const std::filesystem::path& dataDir, StoreAccess access, OpenedStore& opened);

}  // namespace buurtstem::cli
