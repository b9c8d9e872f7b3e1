// A file that appears whole or not at all: bytes go to a hidden temporary file next to the
// target, which is synced and renamed over the target only when everything was written. A full
// disk or a failed export never leaves half a PDF or CSV under the name a facilitator opens.
#pragma once

#include "../core/Result.h"

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace buurtstem::print {

class AtomicFile {
public:
    // Creates ".<name>.XXXXXX" in the target's folder, readable by its owner only (0600): the
    // files written here hold codes that still work.
    // Errors: StorageFailure, StorageFull or StorageReadOnly by errno, InvalidInput when the path
    // names no file; detail "cannot write <target>: <reason>".
    static Result<AtomicFile> create(const std::filesystem::path& target);

    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) = delete;
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    // Removes the temporary file unless commit() succeeded.
    ~AtomicFile();

    // Appends bytes; false once any write failed (the reason is kept for commit()).
    bool write(const void* data, std::size_t size);
    bool write(std::string_view text) { return write(text.data(), text.size()); }

    // fsync, close and rename over the target, then fsync the folder so the new name survives a
    // power cut. After the first failed write it reports that failure and removes the temporary
    // file. Errors as for create().
    Result<void> commit();

    // The error for a failure that is not about the disk (say, the PDF library gave up): removes
    // the temporary file and names the target, so every message reads the same.
    Error fail(ErrorCode code, std::string_view why);

private:
    AtomicFile(std::filesystem::path target, std::filesystem::path temporary, int fd);
    Error failWithErrno(int error);
    void discard();

    std::filesystem::path target_;
    std::filesystem::path temporary_;
    int fd_ = -1;
    int firstError_ = 0;  // = 0 // errno of the first failed write
};

}  // namespace buurtstem::print
