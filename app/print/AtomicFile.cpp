// Writing through a temporary file and a rename, with errors that name the file the user asked for.
#include "AtomicFile.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

namespace buurtstem::print {

namespace {

namespace fs = std::filesystem;

ErrorCode codeFor(int error) {
    switch (error) {
        case ENOSPC:
        case EDQUOT:
        case EFBIG: return ErrorCode::StorageFull;
        case EROFS: return ErrorCode::StorageReadOnly;
        default: return ErrorCode::StorageFailure;
    }
}

Error cannotWrite(const fs::path& target, ErrorCode code, std::string_view why) {
    return makeError(code, "cannot write " + target.string() + ": " + std::string(why));
}

Error cannotWrite(const fs::path& target, int error) {
    return cannotWrite(target, codeFor(error), std::generic_category().message(error));
}

// A folder's entry for a renamed file is only durable once the folder itself is synced.
void syncFolder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // the file is written; a folder that cannot be opened only loses durability
    ::fsync(fd);
    ::close(fd);
}

}  // namespace

Result<AtomicFile> AtomicFile::create(const fs::path& target) {
    if (target.filename().empty()) return cannotWrite(target, ErrorCode::InvalidInput, "no file name");
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd < 0) return cannotWrite(target, errno);
    return AtomicFile(target, fs::path(pattern), fd);
}

AtomicFile::AtomicFile(fs::path target, fs::path temporary, int fd)
    : target_(std::move(target)), temporary_(std::move(temporary)), fd_(fd) {}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : target_(std::move(other.target_)),
      temporary_(std::move(other.temporary_)),
      fd_(std::exchange(other.fd_, -1)),
      firstError_(other.firstError_) {
    other.temporary_.clear();
}

AtomicFile::~AtomicFile() { discard(); }

bool AtomicFile::write(const void* data, std::size_t size) {
    if (firstError_ != 0 || fd_ < 0) return false;
    const auto* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd_, bytes, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            firstError_ = errno;
            return false;
        }
        bytes += n;
        size -= static_cast<std::size_t>(n);
    }
    return true;
}

Result<void> AtomicFile::commit() {
    if (fd_ < 0) return cannotWrite(target_, ErrorCode::StorageFailure, "already closed");
    if (firstError_ != 0) return failWithErrno(firstError_);
    // fsync and close can report what the writes did not: on NFS, or a disk filled by delayed
    // allocation, the first sign of a full disk is here.
    if (::fsync(fd_) != 0) return failWithErrno(errno);
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) return failWithErrno(errno);
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) return failWithErrno(errno);
    temporary_.clear();
    syncFolder(target_.has_parent_path() ? target_.parent_path() : fs::path("."));
    return {};
}

Error AtomicFile::fail(ErrorCode code, std::string_view why) {
    discard();
    return cannotWrite(target_, code, why);
}

Error AtomicFile::failWithErrno(int error) {
    discard();
    return cannotWrite(target_, error);
}

void AtomicFile::discard() {
    if (fd_ >= 0) ::close(std::exchange(fd_, -1));
    if (!temporary_.empty()) {
        ::unlink(temporary_.c_str());
        temporary_.clear();
    }
}

}  // namespace buurtstem::print
