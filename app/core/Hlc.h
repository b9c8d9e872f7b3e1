// Hybrid logical clock: a timestamp that follows wall time but never runs backwards and orders
// events across kiosks whose clocks disagree. Packed as 48 bits of milliseconds since the Unix
// epoch and a 16-bit counter, so it sorts as a plain integer.
#pragma once

#include <cstdint>
#include <string>

namespace buurtstem {

struct HlcStamp {
    std::uint64_t packed = 0;  // (wallMs << 16) | counter

    std::uint64_t wallMs() const { return packed >> 16; }
    std::uint16_t counter() const { return static_cast<std::uint16_t>(packed & 0xFFFF); }
    static HlcStamp make(std::uint64_t wallMs, std::uint16_t counter) { return {(wallMs << 16) | counter}; }

    auto operator<=>(const HlcStamp&) const = default;
};

// ISO-8601 UTC with milliseconds plus the counter, e.g. "2026-11-28T07:42:04.123Z/0003".
std::string formatHlc(HlcStamp stamp);

class HlcClock {
public:
    explicit HlcClock(HlcStamp last = {}) : last_(last) {}

    // Stamp for a local event, given the current physical time.
    HlcStamp tick(std::uint64_t physicalMs);
    // Merge a stamp seen on an event from elsewhere, so later local stamps sort after it.
    HlcStamp observe(HlcStamp remote, std::uint64_t physicalMs);

    HlcStamp last() const { return last_; }

private:
    HlcStamp last_;
};

}  // namespace buurtstem
