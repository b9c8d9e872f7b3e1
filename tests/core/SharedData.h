// The real Pabulib elections live beside the checkout, in ../shared/data/pabulib. A checkout
// without them skips the tests that read them and says so, rather than failing on a missing file.
#pragma once

#include <catch2/catch.hpp>

#include <filesystem>

namespace buurtstem::test {

inline bool pabulibDataPresent() {
    return std::filesystem::is_directory(std::filesystem::path(BUURTSTEM_SHARED_DATA_DIR) / "pabulib");
}

}  // namespace buurtstem::test

// At the start of a test case that reads the real files.
#define SKIP_WITHOUT_PABULIB_DATA()                                                                   \
    do {                                                                                              \
        if (!buurtstem::test::pabulibDataPresent()) {                                                 \
            WARN("skipped: no Pabulib files in " BUURTSTEM_SHARED_DATA_DIR "/pabulib beside this checkout"); \
            return;                                                                                   \
        }                                                                                             \
    } while (false)
