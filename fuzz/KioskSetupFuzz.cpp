// The kiosk set-up's parsers on any bytes: the staff key file (raw, hex or base64), the stored
// language list and the neighbourhood's name. None may crash; a key that parses has a fingerprint,
// and a language list that parses reads back the same when joined.
#include "FuzzCheck.h"

#include "app/core/KioskSetup.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

using namespace buurtstem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const ParsedKeyFile key = parseStaffKeyFile(std::span<const std::uint8_t>(data, size));
    if (key.problem == KeyFileProblem::None) {
        FUZZ_CHECK(size <= kStaffKeyFileMaxBytes);
        FUZZ_CHECK(keyFingerprint(key.key).size() == 19);
    }
    if (size > kStaffKeyFileMaxBytes) FUZZ_CHECK(key.problem == KeyFileProblem::TooLarge);

    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const Result<std::vector<std::string>> languages = parseLanguages(text)) {
        FUZZ_CHECK(!languages->empty() && languages->front() == "nl");
        const Result<std::vector<std::string>> again = parseLanguages(joinLanguages(*languages));
        FUZZ_CHECK(again.ok() && *again == *languages);
    }
    (void)validateNeighbourhoodName(text);
    return 0;
}
