// Numbers, amounts, dates and JSON for the staff commands (see CommandText.h).
#include "CommandText.h"

#include "../core/Utf8.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace buurtstem::cli {

std::string money(tally::Money cents, bool grouped) {
    const bool negative = cents < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
    std::string whole = std::to_string(magnitude / 100);
    if (grouped)
        for (int at = static_cast<int>(whole.size()) - 3; at > 0; at -= 3) whole.insert(static_cast<std::size_t>(at), 1, ',');
    char fraction[4];
    std::snprintf(fraction, sizeof fraction, "%02u", static_cast<unsigned>(magnitude % 100));
    return (negative ? "-" : "") + whole + "." + fraction;
}

std::string number(std::int64_t value) {
    std::string text = std::to_string(value < 0 ? -value : value);
    for (int at = static_cast<int>(text.size()) - 3; at > 0; at -= 3) text.insert(static_cast<std::size_t>(at), 1, ',');
    return (value < 0 ? "-" : "") + text;
}

std::string jsonString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string shortened(std::string_view text, std::size_t codePoints) {
    std::string out(text);
    if (utf8::countCodePoints(out) <= codePoints) return out;
    while (utf8::countCodePoints(out) > codePoints - 1) utf8::popBack(out);
    return out + "…";
}

// [SECTION] Amounts

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// "1.250.000" with '.' as `group`: digits in groups of three after a first group of one to
// three that does not start with 0; or plain digits without any separator.
std::optional<std::string> ungroup(std::string_view text, char group) {
    if (text.find(group) == std::string_view::npos) {
        for (const char c : text)
            if (!isDigit(c)) return std::nullopt;
        return std::string(text);
    }
    std::string digits;
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        const std::size_t end = text.find(group, start);
        const std::string_view part = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (first ? (part.empty() || part.size() > 3 || part[0] == '0') : part.size() != 3) return std::nullopt;
        for (const char c : part)
            if (!isDigit(c)) return std::nullopt;
        digits += part;
        if (end == std::string_view::npos) return digits;
        start = end + 1;
    }
}

}  // namespace

std::optional<std::int64_t> parseEuros(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    if (text.starts_with("€")) {
        text.remove_prefix(std::string_view("€").size());
        while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    }
    if (text.empty() || !isDigit(text.front()) || !isDigit(text.back())) return std::nullopt;

    std::string_view whole = text;
    std::string_view fraction;
    char group = 0;  // the thousands separator, if any
    const std::size_t last = text.find_last_of(".,");
    if (last != std::string_view::npos) {
        const std::size_t after = text.size() - last - 1;
        if (after == 1 || after == 2) {  // a decimal point, the other mark may group thousands
            whole = text.substr(0, last);
            fraction = text.substr(last + 1);
            group = text[last] == '.' ? ',' : '.';
            if (whole.find(text[last]) != std::string_view::npos) return std::nullopt;
        } else if (after == 3) {  // grouped thousands, no cents
            group = text[last];
            if (text.find(group == '.' ? ',' : '.') != std::string_view::npos) return std::nullopt;
        } else {
            return std::nullopt;
        }
    }
    const std::optional<std::string> digits = group ? ungroup(whole, group) : ungroup(whole, '.');
    if (!digits || digits->empty()) return std::nullopt;
    const std::size_t firstNonZero = digits->find_first_not_of('0');
    if (firstNonZero != std::string::npos && digits->size() - firstNonZero > 13) return std::nullopt;  // above 10^13 euros
    std::int64_t cents = 0;
    for (const char c : *digits) cents = cents * 10 + (c - '0');
    cents *= 100;
    if (!fraction.empty()) cents += (fraction[0] - '0') * 10 + (fraction.size() == 2 ? fraction[1] - '0' : 0);
    return cents;
}

// [SECTION] Dates

std::uint64_t nowMs() {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

std::string_view votingStatus(const BudgetRound& round, std::uint64_t now) {
    if (now < round.opensMs) return "upcoming";
    return now < round.closesMs ? "open" : "closed";
}

std::optional<std::uint64_t> parseLocalTime(std::string_view text) {
    const auto digitsAt = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (i >= text.size() || !isDigit(text[i])) return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    if (text.size() != 10 && text.size() != 16) return std::nullopt;
    if (text[4] != '-' || text[7] != '-') return std::nullopt;
    const std::optional<int> year = digitsAt(0, 4), month = digitsAt(5, 2), day = digitsAt(8, 2);
    std::optional<int> hour = 0, minute = 0;
    if (text.size() == 16) {
        if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':') return std::nullopt;
        hour = digitsAt(11, 2);
        minute = digitsAt(14, 2);
    }
    if (!year || !month || !day || !hour || !minute || *year < 1970) return std::nullopt;
    std::tm fields{};
    fields.tm_year = *year - 1900;
    fields.tm_mon = *month - 1;
    fields.tm_mday = *day;
    fields.tm_hour = *hour;
    fields.tm_min = *minute;
    fields.tm_isdst = -1;
    const std::time_t seconds = std::mktime(&fields);
    // mktime moves 31 June to 1 July and 02:30 in the skipped hour to 03:30: such a time does not exist.
    if (seconds == static_cast<std::time_t>(-1) || seconds < 0 || fields.tm_year != *year - 1900 ||
        fields.tm_mon != *month - 1 || fields.tm_mday != *day || fields.tm_hour != *hour || fields.tm_min != *minute)
        return std::nullopt;
    return static_cast<std::uint64_t>(seconds) * 1000;
}

LocalTime localTime(std::uint64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm fields{};
    if (localtime_r(&seconds, &fields) == nullptr) return {};
    return {fields.tm_year + 1900, fields.tm_mon + 1, fields.tm_mday, fields.tm_hour, fields.tm_min, fields.tm_sec};
}

std::string localTimeText(std::uint64_t ms) {
    const LocalTime t = localTime(ms);
    char text[64];  // room for five ints of any size, so nothing is cut
    if (t.hour == 0 && t.minute == 0)
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", t.year, t.month, t.day);
    else
        std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return text;
}

}  // namespace buurtstem::cli
