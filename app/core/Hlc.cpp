// Hybrid logical clock rules and the human-readable stamp used in logs, exports and tests.
#include "Hlc.h"

#include <fmt/format.h>

#include <algorithm>

namespace buurtstem {

namespace {

// Only 48 bits of milliseconds fit in a packed stamp (enough for the year 10889).
constexpr std::uint64_t kWallMask = (std::uint64_t{1} << 48) - 1;

// A counter that would pass 0xFFFF borrows one millisecond instead of wrapping, so the
// stamp still grows; 65536 events within one millisecond never happen in practice.
HlcStamp next(std::uint64_t wallMs, std::uint32_t counter) {
    if (counter > 0xFFFF) return HlcStamp::make((wallMs + 1) & kWallMask, 0);
    return HlcStamp::make(wallMs & kWallMask, static_cast<std::uint16_t>(counter));
}

struct CivilDate {
    std::int64_t year;
    unsigned month;  // 1..12
    unsigned day;    // 1..31
};

// Gregorian date of a day count since 1970-01-01, by whole 400-year eras that start on
// 1 March, so the leap day falls at the end of each year. Done by hand rather than with
// gmtime so the result never depends on the kiosk's time zone or C library.
CivilDate civilFromDays(std::int64_t days) {
    const std::int64_t shifted = days + 719468;  // days from 0000-03-01 to 1970-01-01
    const std::int64_t era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
    const auto dayOfEra = static_cast<std::uint64_t>(shifted - era * 146097);  // 0..146096
    const std::uint64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const std::uint64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);  // from 1 March
    const std::uint64_t monthFromMarch = (5 * dayOfYear + 2) / 153;  // 0 = March .. 11 = February
    const auto day = static_cast<unsigned>(dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
    const auto month = static_cast<unsigned>(monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
    const std::int64_t year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
    return {year, month, day};
}

}  // namespace

std::string formatHlc(HlcStamp stamp) {
    constexpr std::uint64_t kMsPerDay = 86'400'000;
    const std::uint64_t wallMs = stamp.wallMs();
    const CivilDate date = civilFromDays(static_cast<std::int64_t>(wallMs / kMsPerDay));
    const std::uint64_t msOfDay = wallMs % kMsPerDay;
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z/{:04x}", date.year, date.month, date.day,
                       msOfDay / 3'600'000, msOfDay / 60'000 % 60, msOfDay / 1000 % 60, msOfDay % 1000,
                       stamp.counter());
}

HlcStamp HlcClock::tick(std::uint64_t physicalMs) {
    physicalMs &= kWallMask;
    if (physicalMs > last_.wallMs()) {
        last_ = HlcStamp::make(physicalMs, 0);
    } else {
        // The wall clock stood still or went back (NTP step, dead RTC battery): keep our time.
        last_ = next(last_.wallMs(), std::uint32_t{last_.counter()} + 1);
    }
    return last_;
}

HlcStamp HlcClock::observe(HlcStamp remote, std::uint64_t physicalMs) {
    physicalMs &= kWallMask;
    const std::uint64_t localWall = last_.wallMs();
    const std::uint64_t remoteWall = remote.wallMs();
    const std::uint64_t wall = std::max({localWall, remoteWall, physicalMs});

    std::uint32_t counter = 0;
    if (wall == localWall && wall == remoteWall) {
        counter = std::uint32_t{std::max(last_.counter(), remote.counter())} + 1;
    } else if (wall == localWall) {
        counter = std::uint32_t{last_.counter()} + 1;
    } else if (wall == remoteWall) {
        counter = std::uint32_t{remote.counter()} + 1;
    }
    // else physical time is ahead of both stamps, so the counter restarts at 0.
    last_ = next(wall, counter);
    return last_;
}

}  // namespace buurtstem
