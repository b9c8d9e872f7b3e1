// Helpers shared by the print tests: a scratch folder that removes itself, file bytes, a file
// size limit that makes writes fail part-way, and a sheet of cards like a facilitator's.
#pragma once

#include "app/print/CodeCardSheet.h"

#include <sys/resource.h>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace buurtstem::print::test {

class ScratchDir {
public:
    ScratchDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "buurtstem-print-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }

    // Names of everything in the folder, hidden files included.
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& entry : std::filesystem::directory_iterator(path_)) {
            names.push_back(entry.path().filename().string());
        }
        return names;
    }

private:
    std::filesystem::path path_;
};

inline std::string readBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// While it lives, no file of this process may grow beyond `bytes`: a write past it fails with
// EFBIG ("File too large"), the way a full disk fails a write part-way through.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);
        getrlimit(RLIMIT_FSIZE, &previous_);
        rlimit limit = previous_;
        limit.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &previous_);
        std::signal(SIGXFSZ, previousHandler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit previous_{};
    void (*previousHandler_)(int) = SIG_DFL;
};

inline CodeCardSheet dutchSheet(std::size_t codeCount) {
    static const std::vector<std::string> kCodes = {
        "K7PQ-3XMN-ZZ2A", "2345-679A-CDEF", "GHJK-MNPQ-RTUV", "WXYZ-2345-679A", "CDEF-GHJK-MNPQ",
        "RTUV-WXYZ-2345", "9A7C-D6E5-F4G3", "H2J3-K4M5-N6P7", "Q9RT-UVWX-YZ23", "4567-9ACD-EFGH",
    };
    CodeCardSheet sheet;
    sheet.roundName = "Buurtbudget 2025";
    sheet.neighbourhood = "Kastanjebuurt";
    sheet.votingWindow = "2 t/m 16 juni 2025";
    sheet.validUntil = "16-06-2025";
    sheet.texts.heading = "Uw stemcode";
    sheet.texts.whereToVote = "Stem bij de kiosk in buurtcentrum De Kastanje";
    sheet.texts.validOnce = "Eén keer geldig";
    sheet.texts.columnNumber = "Nummer";
    sheet.texts.columnCode = "Code";
    sheet.texts.columnRound = "Ronde";
    sheet.texts.columnValidUntil = "Geldig tot";
    for (std::size_t i = 0; i < codeCount; ++i) {
        // Distinct codes: the pattern's last group carries the number in readable characters.
        std::string code = kCodes[i % kCodes.size()];
        code[12] = "2345679ACDEFGHJKMNPQRTUVWXYZ"[(i / kCodes.size()) % 28];
        sheet.codes.push_back(code);
    }
    return sheet;
}

}  // namespace buurtstem::print::test
