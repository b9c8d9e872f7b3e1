// `buurtstem staff keygen` (see StaffKeyCommand.h).
#include "StaffKeyCommand.h"

#include "CommandLine.h"

#include "../core/KioskSetup.h"

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <system_error>

namespace buurtstem::cli {

namespace {

namespace fs = std::filesystem;

// O_EXCL: a key that exists is never replaced, not even by a race with another keygen.
bool writeNew(const fs::path& file, const unsigned char* bytes, std::size_t size, mode_t mode) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return false;
    bool ok = ::fchmod(fd, mode) == 0 && ::write(fd, bytes, size) == static_cast<ssize_t>(size) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok) ::unlink(file.c_str());
    return ok;
}

}  // namespace

CLI::App* addStaffKeyCommand(CLI::App& app, StaffKeyCommandOptions& options) {
    CLI::App* group = app.add_subcommand("staff", "The staff office's keys: keygen");
    group->require_subcommand(1);
    CLI::App* keygen = group->add_subcommand(
        "keygen", "Make the office's key pair: staff-public.key for the kiosks, staff-secret.key to keep at the office");
    keygen->add_option("--out", options.out, "The folder to write both files to")->required();
    return keygen;
}

int runStaffKeygen(const StaffKeyCommandOptions& options) {
    if (sodium_init() < 0) {
        std::fprintf(stderr, "buurtstem: libsodium could not be initialised\n");
        return kExitUnexpected;
    }
    const fs::path publicFile = options.out / kStaffPublicKeyFileName;
    const fs::path secretFile = options.out / kStaffSecretKeyFileName;
    std::error_code ec;
    if (fs::exists(publicFile, ec) || fs::exists(secretFile, ec)) {
        std::fprintf(stderr,
                     "%s already holds a staff key; it has not been changed.\n"
                     "A new key pair would lock the office out of every bundle and contact sealed to the old one.\n"
                     "Choose another folder with --out.\n",
                     options.out.c_str());
        return kExitUsage;
    }
    fs::create_directories(options.out, ec);
    std::array<unsigned char, crypto_box_PUBLICKEYBYTES> publicKey{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secretKey{};
    crypto_box_keypair(publicKey.data(), secretKey.data());
    // The secret first: a public key without its secret would be useless and dangerous to hand out.
    const bool secretOk = writeNew(secretFile, secretKey.data(), secretKey.size(), 0600);
    sodium_memzero(secretKey.data(), secretKey.size());
    if (!secretOk) {
        std::fprintf(stderr, "Cannot write %s. Nothing was written.\n", secretFile.c_str());
        return kExitStorage;
    }
    if (!writeNew(publicFile, publicKey.data(), publicKey.size(), 0644)) {
        ::unlink(secretFile.c_str());
        std::fprintf(stderr, "Cannot write %s. Nothing was written.\n", publicFile.c_str());
        return kExitStorage;
    }
    StaffKeyBytes key{};
    std::copy(publicKey.begin(), publicKey.end(), key.begin());
    std::printf("Wrote %s (for every kiosk) and %s (keep it at the office, never on a kiosk).\n"
                "Fingerprint: %s\n",
                publicFile.c_str(), secretFile.c_str(), keyFingerprint(key).c_str());
    return kExitOk;
}

}  // namespace buurtstem::cli
