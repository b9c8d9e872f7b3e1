// Local calendar days (see CivilDate.h).
#include "CivilDate.h"

#include <ctime>

namespace buurtstem {

CivilDate localDate(std::uint64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm local{};
    if (localtime_r(&seconds, &local) == nullptr) return {};
    return CivilDate{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace buurtstem
