// The calendar day of a moment, as the people at the kiosk live it: in the machine's local time
// zone (a kiosk in the Netherlands runs on Europe/Amsterdam), daylight saving included.
#pragma once

#include <cstdint>

namespace buurtstem {

struct CivilDate {
    int year = 1970;  // = 1970
    int month = 1;    // = 1 // 1..12
    int day = 1;      // = 1 // 1..31

    bool operator==(const CivilDate&) const = default;
};

// The local day of `ms` milliseconds since the Unix epoch (UTC).
CivilDate localDate(std::uint64_t ms);

}  // namespace buurtstem
