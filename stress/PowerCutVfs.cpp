// PowerCutVfs (see PowerCutVfs.h). SQLite calls xSync exactly where it needs data to be durable,
// so holding everything else back until then is the harshest disk the WAL's rules must survive.
#include "PowerCutVfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <iterator>
#include <map>
#include <string>
#include <unistd.h>

namespace buurtstem::stress {

namespace {

constexpr sqlite3_int64 kPageBytes = 4096;      // what the kernel writes back at a time
constexpr std::size_t kLargestWrite = 65536;     // the most one write through to the real file carries

// What this process wrote to one file and did not sync yet. The file as SQLite sees it is the real
// file's first `keepBelow` bytes, zeros up to `size`, with `runs` laid over them.
struct Pending {
    std::map<sqlite3_int64, std::string> runs;  // unsynced bytes by offset; never overlapping
    sqlite3_int64 size = 0;                     // the size SQLite sees
    sqlite3_int64 realSize = 0;                 // the size on disk
    sqlite3_int64 keepBelow = 0;                // real bytes still seen (an unsynced truncation hides the rest)
    bool known = false;                         // = false // sizes read from disk since open or delete
    int openHandles = 0;
    sqlite3_file* anyReal = nullptr;            // an open handle of the file, for the cut
};

struct State {
    sqlite3_vfs* real = nullptr;
    sqlite3_vfs vfs{};
    sqlite3_io_methods methods{};
    PowerCutSettings settings;
    std::uint64_t operations = 0;
    std::map<std::string, Pending> pending;  // by path; entries are never erased, so pointers stay valid
};

State& state() {
    static State s;
    return s;
}

struct ShimFile {
    sqlite3_file base;
    sqlite3_file* real;  // right after this struct, in the same allocation
    Pending* pending;    // nullptr: a temporary file, passed straight through
};

ShimFile* shim(sqlite3_file* file) { return reinterpret_cast<ShimFile*>(file); }

// SplitMix64: the same pages reach the disk for the same seed.
std::uint64_t nextRandom(std::uint64_t& s) {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void put(Pending& p, sqlite3_int64 offset, const char* data, int amount) {
    const sqlite3_int64 end = offset + amount;
    std::string merged(data, static_cast<std::size_t>(amount));
    sqlite3_int64 start = offset;
    auto it = p.runs.upper_bound(offset);
    if (it != p.runs.begin()) {
        auto before = std::prev(it);
        if (before->first + static_cast<sqlite3_int64>(before->second.size()) >= offset) it = before;
    }
    while (it != p.runs.end() && it->first <= end) {
        const sqlite3_int64 runStart = it->first;
        const sqlite3_int64 runEnd = runStart + static_cast<sqlite3_int64>(it->second.size());
        if (runStart < start) {
            merged.insert(0, it->second, 0, static_cast<std::size_t>(start - runStart));
            start = runStart;
        }
        if (runEnd > end) merged.append(it->second, static_cast<std::size_t>(end - runStart));
        it = p.runs.erase(it);
    }
    p.runs.emplace(start, std::move(merged));
    p.size = std::max(p.size, end);
}

void cut(Pending& p, sqlite3_int64 size) {
    for (auto it = p.runs.begin(); it != p.runs.end();) {
        if (it->first >= size) {
            it = p.runs.erase(it);
            continue;
        }
        if (it->first + static_cast<sqlite3_int64>(it->second.size()) > size) it->second.resize(static_cast<std::size_t>(size - it->first));
        ++it;
    }
    if (size < p.size) p.keepBelow = std::min(p.keepBelow, size);
    p.size = size;
}

// Everything pending to the real file, without syncing it.
int writeThrough(Pending& p, sqlite3_file* real) {
    if (p.keepBelow < p.realSize) {
        if (int rc = real->pMethods->xTruncate(real, p.keepBelow); rc != SQLITE_OK) return rc;
    }
    sqlite3_int64 onDisk = std::min(p.keepBelow, p.realSize);
    for (const auto& [offset, bytes] : p.runs) {
        // In pieces: the unix VFS writes at most 128 KiB - 1 at a time (SQLite itself never asks
        // more than a page) and answers SQLITE_FULL to a longer write.
        for (std::size_t done = 0; done < bytes.size(); done += kLargestWrite) {
            const int amount = static_cast<int>(std::min(kLargestWrite, bytes.size() - done));
            if (int rc = real->pMethods->xWrite(real, bytes.data() + done, amount, offset + static_cast<sqlite3_int64>(done));
                rc != SQLITE_OK)
                return rc;
        }
        onDisk = std::max(onDisk, offset + static_cast<sqlite3_int64>(bytes.size()));
    }
    if (onDisk != p.size) {
        if (int rc = real->pMethods->xTruncate(real, p.size); rc != SQLITE_OK) return rc;
    }
    p.runs.clear();
    p.realSize = p.keepBelow = p.size;
    return SQLITE_OK;
}

// The plug is pulled: some of what was never synced has reached the disk, the rest is gone.
[[noreturn]] void cutPower() {
    State& s = state();
    std::uint64_t random = s.settings.seed;
    const std::uint64_t mode = nextRandom(random) % 4;  // 0: nothing, 1: everything, else page by page
    for (auto& [path, p] : s.pending) {
        sqlite3_file* real = p.anyReal;
        if (!real) continue;
        if (p.keepBelow < p.realSize && (mode == 1 || (mode >= 2 && nextRandom(random) % 2)))
            real->pMethods->xTruncate(real, p.keepBelow);
        for (const auto& [offset, bytes] : p.runs) {
            const sqlite3_int64 end = offset + static_cast<sqlite3_int64>(bytes.size());
            for (sqlite3_int64 from = offset; from < end;) {
                const sqlite3_int64 to = std::min(end, (from / kPageBytes + 1) * kPageBytes);
                if (mode == 1 || (mode >= 2 && nextRandom(random) % 2))
                    real->pMethods->xWrite(real, bytes.data() + (from - offset), static_cast<int>(to - from), from);
                from = to;
            }
        }
    }
    std::fprintf(stderr, "power cut at database operation %llu\n", static_cast<unsigned long long>(s.operations));
    ::kill(::getpid(), SIGKILL);
    ::_exit(137);  // not reached
}

void countOperation() {
    State& s = state();
    ++s.operations;
    if (s.settings.cutAtOperation != 0 && s.operations >= s.settings.cutAtOperation) cutPower();
}

// [SECTION] File methods

int shimClose(sqlite3_file* file) {
    ShimFile* f = shim(file);
    int rc = SQLITE_OK;
    if (Pending* p = f->pending) {
        // A closed file's unsynced bytes stay in the kernel's cache and reach the disk unless the
        // power fails first; the writer closes its database only when it ends without a cut.
        rc = writeThrough(*p, f->real);
        if (--p->openHandles == 0 || p->anyReal == f->real) p->anyReal = nullptr;
    }
    const int closed = f->real->pMethods->xClose(f->real);
    return rc != SQLITE_OK ? rc : closed;
}

int shimRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    ShimFile* f = shim(file);
    if (!f->pending) return f->real->pMethods->xRead(f->real, buffer, amount, offset);
    Pending& p = *f->pending;
    auto* out = static_cast<char*>(buffer);
    std::memset(out, 0, static_cast<std::size_t>(amount));
    const sqlite3_int64 end = offset + amount;
    const sqlite3_int64 realEnd = std::min(end, p.keepBelow);
    if (realEnd > offset) {
        const int rc = f->real->pMethods->xRead(f->real, out, static_cast<int>(realEnd - offset), offset);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
    }
    auto it = p.runs.upper_bound(offset);
    if (it != p.runs.begin()) it = std::prev(it);
    for (; it != p.runs.end() && it->first < end; ++it) {
        const sqlite3_int64 from = std::max(offset, it->first);
        const sqlite3_int64 to = std::min(end, it->first + static_cast<sqlite3_int64>(it->second.size()));
        if (from < to) std::memcpy(out + (from - offset), it->second.data() + (from - it->first), static_cast<std::size_t>(to - from));
    }
    return end > p.size ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int shimWrite(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    ShimFile* f = shim(file);
    if (!f->pending) return f->real->pMethods->xWrite(f->real, data, amount, offset);
    countOperation();
    put(*f->pending, offset, static_cast<const char*>(data), amount);
    return SQLITE_OK;
}

int shimTruncate(sqlite3_file* file, sqlite3_int64 size) {
    ShimFile* f = shim(file);
    if (!f->pending) return f->real->pMethods->xTruncate(f->real, size);
    countOperation();
    cut(*f->pending, size);
    return SQLITE_OK;
}

int shimSync(sqlite3_file* file, int flags) {
    ShimFile* f = shim(file);
    if (!f->pending) return f->real->pMethods->xSync(f->real, flags);
    countOperation();
    if (int rc = writeThrough(*f->pending, f->real); rc != SQLITE_OK) return rc;
    return f->real->pMethods->xSync(f->real, flags);
}

int shimFileSize(sqlite3_file* file, sqlite3_int64* size) {
    ShimFile* f = shim(file);
    if (!f->pending) return f->real->pMethods->xFileSize(f->real, size);
    *size = f->pending->size;
    return SQLITE_OK;
}

int shimLock(sqlite3_file* file, int level) { return shim(file)->real->pMethods->xLock(shim(file)->real, level); }
int shimUnlock(sqlite3_file* file, int level) { return shim(file)->real->pMethods->xUnlock(shim(file)->real, level); }
int shimCheckReservedLock(sqlite3_file* file, int* out) {
    return shim(file)->real->pMethods->xCheckReservedLock(shim(file)->real, out);
}

int shimFileControl(sqlite3_file* file, int op, void* arg) {
    ShimFile* f = shim(file);
    if (f->pending) {
        switch (op) {
            // Both would grow or round the real file behind the pending sizes' back; hints only.
            case SQLITE_FCNTL_SIZE_HINT:
            case SQLITE_FCNTL_CHUNK_SIZE: return SQLITE_OK;
            // Memory-mapped pages would bypass xRead; SQLite reads through it when told 0.
            case SQLITE_FCNTL_MMAP_SIZE: *static_cast<sqlite3_int64*>(arg) = 0; return SQLITE_OK;
            default: break;
        }
    }
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

int shimSectorSize(sqlite3_file* file) { return shim(file)->real->pMethods->xSectorSize(shim(file)->real); }
int shimDeviceCharacteristics(sqlite3_file* file) {
    return shim(file)->real->pMethods->xDeviceCharacteristics(shim(file)->real);
}
int shimShmMap(sqlite3_file* file, int page, int pageSize, int extend, void volatile** out) {
    return shim(file)->real->pMethods->xShmMap(shim(file)->real, page, pageSize, extend, out);
}
int shimShmLock(sqlite3_file* file, int offset, int n, int flags) {
    return shim(file)->real->pMethods->xShmLock(shim(file)->real, offset, n, flags);
}
void shimShmBarrier(sqlite3_file* file) { shim(file)->real->pMethods->xShmBarrier(shim(file)->real); }
int shimShmUnmap(sqlite3_file* file, int deleteFlag) { return shim(file)->real->pMethods->xShmUnmap(shim(file)->real, deleteFlag); }
int shimFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    ShimFile* f = shim(file);
    if (f->pending) {
        *out = nullptr;  // no mapping: SQLite falls back to xRead
        return SQLITE_OK;
    }
    return f->real->pMethods->xFetch(f->real, offset, amount, out);
}
int shimUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    ShimFile* f = shim(file);
    if (f->pending) return SQLITE_OK;
    return f->real->pMethods->xUnfetch(f->real, offset, page);
}

// [SECTION] VFS methods

int shimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    State& s = state();
    ShimFile* f = shim(file);
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    f->pending = nullptr;
    f->base.pMethods = nullptr;
    const int rc = s.real->xOpen(s.real, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK) {
        // SQLite closes a file whose pMethods is set even when opening failed.
        if (f->real->pMethods) f->real->pMethods->xClose(f->real);
        return rc;
    }
    const bool durable = (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL | SQLITE_OPEN_MAIN_JOURNAL)) != 0;
    if (durable && name) {
        Pending& p = s.pending[name];
        if (!p.known) {
            sqlite3_int64 size = 0;
            if (int sized = f->real->pMethods->xFileSize(f->real, &size); sized != SQLITE_OK) {
                f->real->pMethods->xClose(f->real);
                return sized;
            }
            p.runs.clear();
            p.size = p.realSize = p.keepBelow = size;
            p.known = true;
        }
        ++p.openHandles;
        p.anyReal = f->real;
        f->pending = &p;
    }
    f->base.pMethods = &s.methods;
    return SQLITE_OK;
}

int shimDelete(sqlite3_vfs*, const char* name, int syncDirectory) {
    State& s = state();
    // Deleting is a change of the folder, which is not modelled: it happens at once.
    if (auto it = s.pending.find(name); it != s.pending.end()) {
        it->second.runs.clear();
        it->second.known = false;
    }
    return s.real->xDelete(s.real, name, syncDirectory);
}

int shimAccess(sqlite3_vfs*, const char* name, int flags, int* out) { return state().real->xAccess(state().real, name, flags, out); }
int shimFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return state().real->xFullPathname(state().real, name, size, out);
}
int shimRandomness(sqlite3_vfs*, int size, char* out) { return state().real->xRandomness(state().real, size, out); }
int shimSleep(sqlite3_vfs*, int microseconds) { return state().real->xSleep(state().real, microseconds); }
int shimCurrentTime(sqlite3_vfs*, double* out) { return state().real->xCurrentTime(state().real, out); }
int shimGetLastError(sqlite3_vfs*, int size, char* out) { return state().real->xGetLastError(state().real, size, out); }
int shimCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) { return state().real->xCurrentTimeInt64(state().real, out); }

}  // namespace

bool installPowerCutVfs(const PowerCutSettings& settings) {
    State& s = state();
    if (sqlite3_initialize() != SQLITE_OK) return false;
    s.real = sqlite3_vfs_find(nullptr);
    if (!s.real || s.real->iVersion < 2) return false;
    s.settings = settings;

    sqlite3_io_methods& m = s.methods;
    m.iVersion = 3;
    m.xClose = shimClose;
    m.xRead = shimRead;
    m.xWrite = shimWrite;
    m.xTruncate = shimTruncate;
    m.xSync = shimSync;
    m.xFileSize = shimFileSize;
    m.xLock = shimLock;
    m.xUnlock = shimUnlock;
    m.xCheckReservedLock = shimCheckReservedLock;
    m.xFileControl = shimFileControl;
    m.xSectorSize = shimSectorSize;
    m.xDeviceCharacteristics = shimDeviceCharacteristics;
    m.xShmMap = shimShmMap;
    m.xShmLock = shimShmLock;
    m.xShmBarrier = shimShmBarrier;
    m.xShmUnmap = shimShmUnmap;
    m.xFetch = shimFetch;
    m.xUnfetch = shimUnfetch;

    sqlite3_vfs& v = s.vfs;
    v.iVersion = 2;
    v.szOsFile = static_cast<int>(sizeof(ShimFile)) + s.real->szOsFile;
    v.mxPathname = s.real->mxPathname;
    v.zName = "buurtstem-power-cut";
    v.xOpen = shimOpen;
    v.xDelete = shimDelete;
    v.xAccess = shimAccess;
    v.xFullPathname = shimFullPathname;
    v.xDlOpen = s.real->xDlOpen;
    v.xDlError = s.real->xDlError;
    v.xDlSym = s.real->xDlSym;
    v.xDlClose = s.real->xDlClose;
    v.xRandomness = shimRandomness;
    v.xSleep = shimSleep;
    v.xCurrentTime = shimCurrentTime;
    v.xGetLastError = shimGetLastError;
    v.xCurrentTimeInt64 = shimCurrentTimeInt64;
    return sqlite3_vfs_register(&v, 1) == SQLITE_OK;
}

std::uint64_t powerCutOperations() { return state().operations; }

void setPowerCut(std::uint64_t atOperation) { state().settings.cutAtOperation = atOperation; }

}  // namespace buurtstem::stress
