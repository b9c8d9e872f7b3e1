// Residents' evenings: validation, postcodes, and the invitation as iCalendar (see Evening.h).
#include "Evening.h"

#include "Utf8.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace buurtstem {

int Evening::totalMinutes() const {
    int total = 0;
    for (const AgendaItem& item : agenda) total += item.minutes;
    return total;
}

const DotVote* EveningSummary::openDotVote() const {
    for (auto it = dotVotes.rbegin(); it != dotVotes.rend(); ++it)
        if (it->open) return &*it;
    return nullptr;
}

namespace {

const char* problemName(EveningProblem problem) {
    switch (problem) {
        case EveningProblem::TitleMissing: return "title missing";
        case EveningProblem::TitleTooLong: return "title too long";
        case EveningProblem::BadDate: return "no such date";
        case EveningProblem::BadTime: return "no such time";
        case EveningProblem::PlaceMissing: return "place missing";
        case EveningProblem::PlaceTooLong: return "place too long";
        case EveningProblem::AgendaEmpty: return "agenda empty";
        case EveningProblem::AgendaTooLong: return "agenda too long";
        case EveningProblem::ItemTitleMissing: return "agenda item title missing";
        case EveningProblem::ItemTitleTooLong: return "agenda item title too long";
        case EveningProblem::ItemMinutes: return "agenda item minutes out of range";
        case EveningProblem::QuestionMissing: return "question missing";
        case EveningProblem::QuestionTooLong: return "question too long";
        case EveningProblem::OptionCount: return "not 2 to 8 options";
        case EveningProblem::OptionMissing: return "option empty";
        case EveningProblem::OptionTooLong: return "option too long";
        case EveningProblem::OptionRepeated: return "option repeated";
        case EveningProblem::TextMissing: return "text missing";
        case EveningProblem::TextTooLong: return "text too long";
        case EveningProblem::WhoMissing: return "who missing";
        case EveningProblem::WhoTooLong: return "who too long";
        case EveningProblem::TooManyItems: return "too many items";
        case EveningProblem::InvalidText: return "invalid text";
    }
    return "invalid";
}

// Missing, too long or not one line of valid text: the first that applies, or nothing.
std::optional<EveningProblem> textProblem(std::string_view text, std::size_t max, EveningProblem missing,
                                          EveningProblem tooLong, bool allowLineBreaks = false) {
    if (!utf8::isValid(text) || utf8::hasControlCharacters(text, allowLineBreaks)) return EveningProblem::InvalidText;
    if (text.empty()) return missing;
    if (utf8::countCodePoints(text) > max) return tooLong;
    return std::nullopt;
}

void check(std::vector<EveningIssue>& issues, std::optional<EveningProblem> problem, std::size_t index = 0) {
    if (problem) issues.push_back({*problem, index});
}

}  // namespace

std::string describeIssues(const std::vector<EveningIssue>& issues) {
    std::string text;
    for (const EveningIssue& issue : issues) {
        if (!text.empty()) text += "; ";
        text += problemName(issue.problem);
        if (issue.index > 0 || issue.problem == EveningProblem::ItemTitleMissing || issue.problem == EveningProblem::ItemMinutes)
            text += " (item " + std::to_string(issue.index + 1) + ")";
    }
    return text;
}

bool isValidDate(const CivilDate& date) {
    if (date.year < 1900 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    const int days = date.month == 2 && leap ? 29 : kDays[date.month - 1];
    return date.day <= days;
}

std::string formatIsoDate(const CivilDate& date) {
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

namespace {

std::optional<int> digits(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

std::optional<CivilDate> parseIsoDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const std::optional<int> y = digits(text.substr(0, 4)), m = digits(text.substr(5, 2)), d = digits(text.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    const CivilDate date{*y, *m, *d};
    if (!isValidDate(date)) return std::nullopt;
    return date;
}

std::string formatClock(int minuteOfDay) {
    minuteOfDay = ((minuteOfDay % 1440) + 1440) % 1440;
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    return text;
}

std::optional<int> parseClock(std::string_view text) {
    std::string compact;
    for (char c : text)
        if (c != ':' && c != '.' && c != ' ') compact.push_back(c);
    if (compact.size() < 3 || compact.size() > 4) return std::nullopt;
    const std::optional<int> value = digits(compact);
    if (!value) return std::nullopt;
    const int hour = *value / 100, minute = *value % 100;
    if (hour > 23 || minute > 59) return std::nullopt;
    return hour * 60 + minute;
}

Evening trimEvening(Evening evening) {
    evening.title = utf8::trim(evening.title);
    evening.place = utf8::trim(evening.place);
    for (AgendaItem& item : evening.agenda) item.title = utf8::trim(item.title);
    return evening;
}

std::vector<EveningIssue> validateEvening(const Evening& evening) {
    std::vector<EveningIssue> issues;
    check(issues, textProblem(evening.title, kEveningTitleMax, EveningProblem::TitleMissing, EveningProblem::TitleTooLong));
    if (!isValidDate(evening.date)) issues.push_back({EveningProblem::BadDate, 0});
    if (evening.startMinute < 0 || evening.startMinute >= 24 * 60) issues.push_back({EveningProblem::BadTime, 0});
    check(issues, textProblem(evening.place, kEveningPlaceMax, EveningProblem::PlaceMissing, EveningProblem::PlaceTooLong));
    if (evening.agenda.empty()) issues.push_back({EveningProblem::AgendaEmpty, 0});
    if (evening.agenda.size() > kAgendaItemsMax) issues.push_back({EveningProblem::AgendaTooLong, 0});
    for (std::size_t i = 0; i < evening.agenda.size() && i < kAgendaItemsMax; ++i) {
        const AgendaItem& item = evening.agenda[i];
        check(issues, textProblem(item.title, kAgendaTitleMax, EveningProblem::ItemTitleMissing, EveningProblem::ItemTitleTooLong), i);
        if (item.minutes < 1 || item.minutes > kAgendaMinutesMax) issues.push_back({EveningProblem::ItemMinutes, i});
    }
    return issues;
}

std::optional<std::string> normalisePostcode(std::string_view typed) {
    const std::string trimmed = utf8::trim(typed);
    if (trimmed.size() != 4) return std::nullopt;
    const std::optional<int> value = digits(trimmed);
    if (!value || *value < 1000 || *value > 9999) return std::nullopt;
    return trimmed;
}

Result<void> validateCheckIn(const CheckIn& checkIn) {
    if (!checkIn.street.empty() && !checkIn.postcode.empty())
        return makeError(ErrorCode::InvalidInput, "a check-in has a street or a postcode, not both");
    if (!checkIn.postcode.empty() && normalisePostcode(checkIn.postcode) != checkIn.postcode)
        return makeError(ErrorCode::InvalidInput, "postcode \"" + checkIn.postcode + "\" is not four digits 1000-9999");
    if (textProblem(checkIn.street, kEveningPlaceMax, EveningProblem::PlaceMissing, EveningProblem::PlaceTooLong) ==
            EveningProblem::InvalidText ||
        utf8::countCodePoints(checkIn.street) > kEveningPlaceMax)
        return makeError(ErrorCode::InvalidInput, "the street is not one line of text");
    return {};
}

std::vector<EveningIssue> validateDotVote(std::string_view question, const std::vector<std::string>& options) {
    std::vector<EveningIssue> issues;
    check(issues, textProblem(question, kDotVoteQuestionMax, EveningProblem::QuestionMissing, EveningProblem::QuestionTooLong));
    if (options.size() < kDotVoteOptionsMin || options.size() > kDotVoteOptionsMax) issues.push_back({EveningProblem::OptionCount, 0});
    for (std::size_t i = 0; i < options.size(); ++i) {
        check(issues, textProblem(options[i], kDotVoteOptionMax, EveningProblem::OptionMissing, EveningProblem::OptionTooLong), i);
        for (std::size_t j = 0; j < i; ++j)
            if (!options[i].empty() && options[j] == options[i]) {
                issues.push_back({EveningProblem::OptionRepeated, i});
                break;
            }
    }
    return issues;
}

std::vector<EveningIssue> validateMinutes(const Minutes& minutes) {
    std::vector<EveningIssue> issues;
    if (minutes.decisions.size() > kMinutesItemsMax || minutes.actions.size() > kMinutesItemsMax)
        issues.push_back({EveningProblem::TooManyItems, 0});
    for (std::size_t i = 0; i < minutes.decisions.size(); ++i) {
        check(issues, textProblem(minutes.decisions[i].text, kMinutesTextMax, EveningProblem::TextMissing, EveningProblem::TextTooLong, true), i);
        if (!utf8::isValid(minutes.decisions[i].ideaId) || utf8::hasControlCharacters(minutes.decisions[i].ideaId, false))
            issues.push_back({EveningProblem::InvalidText, i});
    }
    for (std::size_t i = 0; i < minutes.actions.size(); ++i) {
        const ActionItem& action = minutes.actions[i];
        check(issues, textProblem(action.who, kMinutesWhoMax, EveningProblem::WhoMissing, EveningProblem::WhoTooLong), i);
        check(issues, textProblem(action.what, kMinutesTextMax, EveningProblem::TextMissing, EveningProblem::TextTooLong, true), i);
        if (action.due && !isValidDate(*action.due)) issues.push_back({EveningProblem::BadDate, i});
    }
    if (minutes.next) {
        if (!isValidDate(minutes.next->date)) issues.push_back({EveningProblem::BadDate, 0});
        if (minutes.next->startMinute < 0 || minutes.next->startMinute >= 24 * 60) issues.push_back({EveningProblem::BadTime, 0});
        if (minutes.next->minutes < 1 || minutes.next->minutes > 24 * 60) issues.push_back({EveningProblem::BadTime, 0});
        check(issues, textProblem(minutes.next->place, kEveningPlaceMax, EveningProblem::PlaceMissing, EveningProblem::PlaceTooLong));
    }
    return issues;
}

// [SECTION] iCalendar

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * static_cast<unsigned>(m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// The day of the month of the last Sunday of `month` in `year`.
int lastSunday(int year, int month) {
    const int days = month == 3 || month == 10 ? 31 : 30;
    const std::int64_t last = daysFromCivil(year, month, days);
    const int weekday = static_cast<int>(((last % 7) + 11) % 7);  // 0 = Sunday; 1970-01-01 was a Thursday
    return days - weekday;
}

std::string utcStamp(std::uint64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[24];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

std::string localStamp(const CivilDate& date, int minuteOfDay) {
    char text[64];
    std::snprintf(text, sizeof text, "%04d%02d%02dT%02d%02d00", date.year, date.month, date.day, minuteOfDay / 60, minuteOfDay % 60);
    return text;
}

// The local date and minute `minutes` after the given ones (an evening may end after midnight).
void addMinutes(CivilDate& date, int& minuteOfDay, int minutes) {
    std::int64_t total = daysFromCivil(date.year, date.month, date.day) * 1440 + minuteOfDay + minutes;
    std::int64_t days = total / 1440;
    minuteOfDay = static_cast<int>(total % 1440);
    // civil_from_days
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    date = CivilDate{static_cast<int>(yoe + era * 400 + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

}  // namespace

std::uint64_t amsterdamToUtcMs(const CivilDate& date, int minuteOfDay) {
    const std::int64_t localMinutes = daysFromCivil(date.year, date.month, date.day) * 1440 + minuteOfDay;
    // Summer time from the last Sunday of March, 02:00 CET, to the last Sunday of October, 03:00 CEST.
    const std::int64_t summerFrom = daysFromCivil(date.year, 3, lastSunday(date.year, 3)) * 1440 + 2 * 60;
    const std::int64_t summerUntil = daysFromCivil(date.year, 10, lastSunday(date.year, 10)) * 1440 + 3 * 60;
    const bool summer = localMinutes >= summerFrom && localMinutes < summerUntil;
    return static_cast<std::uint64_t>(localMinutes - (summer ? 120 : 60)) * 60'000ULL;
}

std::string escapeCalendarText(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\\' || c == ';' || c == ',') {
            out += '\\';
            out += c;
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            out += "\\n";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string foldCalendarLine(std::string_view line) {
    constexpr std::size_t kMaxOctets = 75;
    std::string out;
    std::size_t lineOctets = 0;
    for (std::size_t pos = 0; pos < line.size();) {
        // One whole UTF-8 character at a time: its lead byte says how long it is.
        const auto lead = static_cast<unsigned char>(line[pos]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
        length = std::min(length, line.size() - pos);
        if (lineOctets + length > kMaxOctets) {
            out += "\r\n ";
            lineOctets = 1;  // the space that starts a continuation line counts
        }
        out.append(line.substr(pos, length));
        lineOctets += length;
        pos += length;
    }
    return out;
}

std::string writeCalendar(std::span<const CalendarInvite> invites) {
    std::vector<std::string> lines = {
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Buurtstem//Bewonersavond//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Amsterdam",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "TZNAME:CEST",
        "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "TZNAME:CET",
        "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    };
    for (const CalendarInvite& invite : invites) {
        CivilDate endDate = invite.date;
        int endMinute = invite.startMinute;
        addMinutes(endDate, endMinute, invite.minutes);
        lines.insert(lines.end(), {
            "BEGIN:VEVENT",
            "UID:" + invite.uid,
            "DTSTAMP:" + utcStamp(invite.stampMs),
            "DTSTART;TZID=Europe/Amsterdam:" + localStamp(invite.date, invite.startMinute),
            "DTEND;TZID=Europe/Amsterdam:" + localStamp(endDate, endMinute),
            "SUMMARY:" + escapeCalendarText(invite.summary),
            "LOCATION:" + escapeCalendarText(invite.location),
            "DESCRIPTION:" + escapeCalendarText(invite.description),
            "END:VEVENT",
        });
    }
    lines.emplace_back("END:VCALENDAR");
    std::string out;
    for (const std::string& line : lines) {
        if (line == "LOCATION:" || line == "DESCRIPTION:") continue;  // empty: left out
        out += foldCalendarLine(line);
        out += "\r\n";
    }
    return out;
}

std::string writeCalendarInvite(const CalendarInvite& invite) { return writeCalendar(std::span(&invite, 1)); }

}  // namespace buurtstem
