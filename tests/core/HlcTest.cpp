// Hybrid logical clock: local ticks never go backwards, merges order after what was seen, and the
// text form is the same in every time zone.
#include "app/core/Hlc.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <string>

using buurtstem::formatHlc;
using buurtstem::HlcClock;
using buurtstem::HlcStamp;

TEST_CASE("HlcStamp packs milliseconds and counter and sorts as an integer", "[hlc]") {
    const HlcStamp stamp = HlcStamp::make(1'795'851'724'123, 0xBEEF);
    CHECK(stamp.wallMs() == 1'795'851'724'123u);
    CHECK(stamp.counter() == 0xBEEF);
    CHECK(HlcStamp::make(1000, 0xFFFF) < HlcStamp::make(1001, 0));
    CHECK(HlcStamp::make(1000, 1) < HlcStamp::make(1000, 2));
}

TEST_CASE("tick follows physical time when it moves forward", "[hlc]") {
    HlcClock clock;
    CHECK(clock.tick(1000) == HlcStamp::make(1000, 0));
    CHECK(clock.tick(2500) == HlcStamp::make(2500, 0));
    CHECK(clock.last() == HlcStamp::make(2500, 0));
}

TEST_CASE("tick counts up when physical time stands still or goes back", "[hlc]") {
    HlcClock clock(HlcStamp::make(5000, 3));
    CHECK(clock.tick(5000) == HlcStamp::make(5000, 4));
    CHECK(clock.tick(4000) == HlcStamp::make(5000, 5));  // the wall clock was set back
    CHECK(clock.tick(0) == HlcStamp::make(5000, 6));
    CHECK(clock.tick(5001) == HlcStamp::make(5001, 0));
}

TEST_CASE("tick borrows a millisecond instead of wrapping the counter", "[hlc]") {
    HlcClock clock(HlcStamp::make(1000, 0xFFFE));
    const HlcStamp last = clock.tick(1000);
    CHECK(last == HlcStamp::make(1000, 0xFFFF));
    const HlcStamp next = clock.tick(1000);
    CHECK(next == HlcStamp::make(1001, 0));
    CHECK(next > last);
}

TEST_CASE("tick is strictly monotonic under a jumpy wall clock", "[hlc]") {
    HlcClock clock;
    HlcStamp previous = clock.last();
    std::uint64_t physical = 1'700'000'000'000;
    std::uint32_t state = 12345;
    for (int i = 0; i < 10'000; ++i) {
        state = state * 1'103'515'245u + 12345u;  // fixed pseudo-random walk: forward, still, back
        const int step = static_cast<int>((state >> 16) % 7) - 3;
        physical = static_cast<std::uint64_t>(static_cast<std::int64_t>(physical) + step);
        const HlcStamp stamp = clock.tick(physical);
        REQUIRE(stamp > previous);
        REQUIRE(stamp.wallMs() >= physical);
        previous = stamp;
    }
}

TEST_CASE("observe merges a remote stamp", "[hlc]") {
    SECTION("remote ahead of local and physical: continue from the remote counter") {
        HlcClock clock(HlcStamp::make(1000, 5));
        CHECK(clock.observe(HlcStamp::make(3000, 7), 2000) == HlcStamp::make(3000, 8));
    }
    SECTION("physical time ahead of both: counter restarts") {
        HlcClock clock(HlcStamp::make(1000, 5));
        CHECK(clock.observe(HlcStamp::make(3000, 7), 4000) == HlcStamp::make(4000, 0));
    }
    SECTION("local ahead of remote and physical: continue from the local counter") {
        HlcClock clock(HlcStamp::make(5000, 2));
        CHECK(clock.observe(HlcStamp::make(3000, 9), 1000) == HlcStamp::make(5000, 3));
    }
    SECTION("local and remote on the same millisecond: the higher counter plus one") {
        HlcClock clock(HlcStamp::make(4000, 2));
        CHECK(clock.observe(HlcStamp::make(4000, 6), 4000) == HlcStamp::make(4000, 7));
        HlcClock other(HlcStamp::make(4000, 9));
        CHECK(other.observe(HlcStamp::make(4000, 6), 100) == HlcStamp::make(4000, 10));
    }
    SECTION("a remote counter at its maximum borrows a millisecond") {
        HlcClock clock(HlcStamp::make(500, 0));
        CHECK(clock.observe(HlcStamp::make(1000, 0xFFFF), 0) == HlcStamp::make(1001, 0));
    }
}

TEST_CASE("after observe, local stamps sort after both the remote and earlier local stamps", "[hlc]") {
    HlcClock clock;
    const HlcStamp local = clock.tick(10'000);
    const HlcStamp remote = HlcStamp::make(60'000, 4);  // a kiosk whose clock runs a minute ahead
    const HlcStamp merged = clock.observe(remote, 10'001);
    CHECK(merged > remote);
    CHECK(merged > local);
    const HlcStamp after = clock.tick(10'002);
    CHECK(after > merged);
    CHECK(after == HlcStamp::make(60'000, 6));
}

TEST_CASE("formatHlc writes UTC with milliseconds and a hex counter", "[hlc]") {
    CHECK(formatHlc(HlcStamp{}) == "1970-01-01T00:00:00.000Z/0000");
    // 2026-11-28T07:42:04Z is 1795851724 s after the epoch (date -u -d ... +%s).
    CHECK(formatHlc(HlcStamp::make(1'795'851'724'123, 3)) == "2026-11-28T07:42:04.123Z/0003");
    // Leap day, last millisecond, upper counter digits in lower case.
    CHECK(formatHlc(HlcStamp::make(1'709'251'199'999, 0xABCD)) == "2024-02-29T23:59:59.999Z/abcd");
    // Around the 400-year leap day of 2000 and the end of a century year.
    CHECK(formatHlc(HlcStamp::make(951'868'800'000, 0)) == "2000-03-01T00:00:00.000Z/0000");
    CHECK(formatHlc(HlcStamp::make(951'868'799'999, 0)) == "2000-02-29T23:59:59.999Z/0000");
    CHECK(formatHlc(HlcStamp::make(4'102'444'799'000, 0xFFFF)) == "2099-12-31T23:59:59.000Z/ffff");
    CHECK(formatHlc(HlcStamp::make(86'400'000 - 1, 1)) == "1970-01-01T23:59:59.999Z/0001");
}

TEST_CASE("formatHlc does not depend on the time zone", "[hlc]") {
    const HlcStamp stamp = HlcStamp::make(1'795'851'724'123, 3);
    const char* saved = std::getenv("TZ");
    const std::string savedTz = saved ? saved : "";
    ::setenv("TZ", "Pacific/Kiritimati", 1);  // UTC+14, so any local-time slip changes the date
    ::tzset();
    const std::string formatted = formatHlc(stamp);
    if (saved) {
        ::setenv("TZ", savedTz.c_str(), 1);
    } else {
        ::unsetenv("TZ");
    }
    ::tzset();
    CHECK(formatted == "2026-11-28T07:42:04.123Z/0003");
}
