// PowerCutVfs: a SQLite VFS over the default one that behaves like a disk with a volatile write
// cache, for the power-loss runs of stress/crash_writer. Writes, truncations and file sizes of the
// database, its WAL and its journal stay in this process's memory (reads see them) until SQLite
// syncs the file; only then do they reach the real file, followed by a real fsync. At the chosen
// moment the power is cut: a random part of what was never synced reaches the disk (none, all, or
// some of its 4 KiB pages, as the kernel's write-back may have got to them), and the process kills
// itself with SIGKILL. What is left on disk is what a kiosk finds after its plug was pulled.
//
// Test code only: the product opens SQLite's own VFS. Not thread-safe (the writer is one thread).
#pragma once

#include <cstdint>

namespace buurtstem::stress {

struct PowerCutSettings {
    std::uint64_t cutAtOperation = 0;  // = 0 (never) // cut the power before the Nth write, truncate
                                       // or sync of a database file (counted from 1 in this process)
    std::uint64_t seed = 1;            // = 1 // which unsynced pages reach the disk at the cut
};

// Registers the VFS as SQLite's default, so every connection this process opens goes through it.
// Returns false when SQLite has no default VFS to wrap or refuses the registration.
bool installPowerCutVfs(const PowerCutSettings& settings);

// Writes, truncations and syncs of database files counted so far (the clock of cutAtOperation).
std::uint64_t powerCutOperations();
// Moves the cut to before operation `atOperation` (0: never), e.g. some operations from now.
void setPowerCut(std::uint64_t atOperation);

}  // namespace buurtstem::stress
