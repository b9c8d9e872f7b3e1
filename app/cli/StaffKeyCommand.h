// `buurtstem staff keygen --out DIR`: the office's key pair. staff-public.key (32 raw bytes,
// 0644) goes to every kiosk; staff-secret.key (0600) stays at the office and opens bundles and
// sealed contacts. Existing files are never overwritten.
#pragma once

#include <filesystem>

namespace CLI {
class App;
}

namespace buurtstem::cli {

struct StaffKeyCommandOptions {
    std::filesystem::path out;  // the folder for the two files
};

CLI::App* addStaffKeyCommand(CLI::App& app, StaffKeyCommandOptions& options);

// Exit codes: 0 written; 2 a key file is already there (nothing written); 8 a file cannot be written.
int runStaffKeygen(const StaffKeyCommandOptions& options);

inline constexpr const char* kStaffPublicKeyFileName = "staff-public.key";
inline constexpr const char* kStaffSecretKeyFileName = "staff-secret.key";

}  // namespace buurtstem::cli
