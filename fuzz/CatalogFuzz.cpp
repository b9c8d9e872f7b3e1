// The PO catalog parser on any bytes: it never crashes or throws, every key it accepts is found
// again with a translation, and the translator fills that translation's placeholders.
#include "FuzzCheck.h"

#include "app/core/i18n/Catalog.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace buurtstem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Result<i18n::Catalog> catalog = i18n::Catalog::parsePo(text, "nl");
    if (!catalog) return 0;
    std::size_t found = 0;
    for (const std::string& key : catalog->keys()) {
        FUZZ_CHECK(catalog->find(key) != nullptr);
        ++found;
    }
    FUZZ_CHECK(found == catalog->size());
    i18n::Translator translator = i18n::Translator::fromCatalogs({*catalog});
    for (const std::string& key : catalog->keys()) FUZZ_CHECK(translator.tr(key) != nullptr);
    FUZZ_CHECK(translator.tr(text) != nullptr);
    // Placeholders in the translations themselves, filled or left standing.
    for (const std::string& key : catalog->keys()) (void)translator.format(key, {{"count", "3"}, {"name", ""}});
    return 0;
}
