// Numbers, amounts, dates and JSON as the staff commands (`tally`, `round`) print them.
#pragma once

#include "../core/round/BudgetRound.h"
#include "../core/tally/Election.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace buurtstem::cli {

// 1234567 cents -> "12,345.67"; `grouped` false -> "12345.67" (for JSON).
std::string money(tally::Money cents, bool grouped = true);
// 1234567 -> "1,234,567".
std::string number(std::int64_t value);
// A JSON string literal, quotes included.
std::string jsonString(std::string_view text);
// At most `codePoints` characters, the last one "…" when shortened.
std::string shortened(std::string_view text, std::size_t codePoints);

// An amount in euros as a person types it, exactly in cents: "250", "1250.50", "1250,5",
// "1.250,50" (Dutch) or "1,250.50" (English). A separator followed by one or two digits is the
// decimal point; followed by three, it groups thousands ("1.250" is 1250 euros). Nullopt for
// anything else, a negative amount, or more than a trillion euros.
std::optional<std::int64_t> parseEuros(std::string_view text);

// A local date "YYYY-MM-DD" (midnight at its start) or date and time "YYYY-MM-DDTHH:MM", in
// milliseconds since the Unix epoch. Nullopt for a malformed or impossible date, and for a time
// the clock skips (the hour summer time begins).
std::optional<std::uint64_t> parseLocalTime(std::string_view text);
// Milliseconds since the Unix epoch by the system clock: the clock the kiosk's store runs on.
std::uint64_t nowMs();
// "upcoming", "open" or "closed" at `now`.
std::string_view votingStatus(const BudgetRound& round, std::uint64_t now);

// A moment on the local clock.
struct LocalTime {
    int year = 1970;  // = 1970
    int month = 1;    // = 1 // 1..12
    int day = 1;      // = 1 // 1..31
    int hour = 0;     // = 0
    int minute = 0;   // = 0
    int second = 0;   // = 0
};
LocalTime localTime(std::uint64_t ms);
// "2025-06-02", and "2025-06-02 14:30" unless it is midnight.
std::string localTimeText(std::uint64_t ms);

}  // namespace buurtstem::cli
