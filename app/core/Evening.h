// Evening (bewonersavond): a residents' evening a facilitator prepares and runs. The plan (title,
// day, start, place, agenda), the check-ins at the door (a count, each with an optional street or
// postcode for reach figures, nothing personal), quick dot votes (stippenstemmen) and the minutes
// (notulen: decisions, action items, the next evening). Also the invitation to the next evening as
// iCalendar text (RFC 5545). Plain C++: storage keeps these as events, screens and print read them.
#pragma once

#include "CivilDate.h"
#include "Result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

inline constexpr std::size_t kEveningTitleMax = 120;    // code points
inline constexpr std::size_t kEveningPlaceMax = 120;
inline constexpr std::size_t kAgendaTitleMax = 100;
inline constexpr std::size_t kAgendaItemsMax = 20;
inline constexpr int kAgendaMinutesMax = 240;           // one item; an evening of more is split up
inline constexpr std::size_t kDotVoteQuestionMax = 140;
inline constexpr std::size_t kDotVoteOptionMax = 60;
inline constexpr std::size_t kDotVoteOptionsMin = 2;
inline constexpr std::size_t kDotVoteOptionsMax = 8;
inline constexpr std::size_t kMinutesTextMax = 400;     // a decision, or what an action item is
inline constexpr std::size_t kMinutesWhoMax = 80;
inline constexpr std::size_t kMinutesItemsMax = 40;     // decisions, and action items, each

// One point on the agenda: "Uitslag begroting", 20 minutes.
struct AgendaItem {
    std::string title;
    int minutes = 10;  // = 10 // 1..kAgendaMinutesMax

    bool operator==(const AgendaItem&) const = default;
};

struct Evening {
    std::string id;             // UUID; "" until stored
    std::string title;          // "Bewonersavond Kastanjebuurt"
    CivilDate date;             // the local day
    int startMinute = 19 * 60;  // = 19:30 is 1170 // minutes after local midnight, 0..1439
    std::string place;          // "Buurtkamer, Kastanjeplein 4"
    std::vector<AgendaItem> agenda;

    int totalMinutes() const;  // the agenda's minutes added up
    bool operator==(const Evening&) const = default;
};

// What is wrong with a plan, a vote or minutes, one issue per problem, in the order of the fields.
enum class EveningProblem {
    TitleMissing,
    TitleTooLong,
    BadDate,          // no such day
    BadTime,          // not 00:00..23:59
    PlaceMissing,
    PlaceTooLong,
    AgendaEmpty,
    AgendaTooLong,    // more than kAgendaItemsMax items
    ItemTitleMissing,
    ItemTitleTooLong,
    ItemMinutes,      // not 1..kAgendaMinutesMax
    QuestionMissing,
    QuestionTooLong,
    OptionCount,      // not 2..8 options
    OptionMissing,
    OptionTooLong,
    OptionRepeated,
    TextMissing,      // a decision or action item without its text
    TextTooLong,
    WhoMissing,
    WhoTooLong,
    TooManyItems,
    InvalidText,      // not UTF-8, or control characters
};

struct EveningIssue {
    EveningProblem problem;
    std::size_t index = 0;  // = 0 // the agenda item, option, decision or action item it is about
};

// The issues in English for logs and errors: "title missing; agenda item 2: minutes".
std::string describeIssues(const std::vector<EveningIssue>& issues);

// Every problem of the plan (texts are judged as given: trim them first, see trimEvening).
std::vector<EveningIssue> validateEvening(const Evening& evening);
// Trimmed titles and place. The id is kept.
Evening trimEvening(Evening evening);
// A day that exists in the Gregorian calendar (1900..9999).
bool isValidDate(const CivilDate& date);
// "2026-11-28"; and back from the same form (nullopt when it is not a real day).
std::string formatIsoDate(const CivilDate& date);
std::optional<CivilDate> parseIsoDate(std::string_view text);
// "19:30" from 1170; and back from "19:30" or "1930" (nullopt when not a time of day).
std::string formatClock(int minuteOfDay);
std::optional<int> parseClock(std::string_view text);

// [SECTION] Check-ins
// A Dutch postcode's four digits, 1000..9999 ("1234"; spaces around are dropped, letters are
// not accepted: the figures are by the digits only). nullopt when it is not one.
std::optional<std::string> normalisePostcode(std::string_view typed);

// One person in at the door: nothing but, when the facilitator asked, their street (one of the
// neighbourhood's places) or their postcode's digits. Never both, never a name.
struct CheckIn {
    std::string street;    // = "" // a name from the neighbourhood's places
    std::string postcode;  // = "" // four digits

    bool operator==(const CheckIn&) const = default;
};
// InvalidInput when both are given, the postcode is not four digits 1000..9999, or the street is
// not valid one-line text.
Result<void> validateCheckIn(const CheckIn& checkIn);

// How many came from a street or postcode; the check-ins without either under "".
struct ReachCount {
    std::string key;        // a street, a postcode, or "" for not asked
    std::int64_t count = 0;

    bool operator==(const ReachCount&) const = default;
};

// [SECTION] Dot vote (stippenstem)
struct DotVote {
    std::string id;                    // UUID
    std::string question;              // "Wat pakken we eerst aan?"
    std::vector<std::string> options;  // 2..8, as the facilitator typed them
    std::vector<std::int64_t> dots;    // parallel to options
    bool open = true;                  // = true // dots can still be given
};
// Problems of a new vote's question and options (trimmed first by the caller).
std::vector<EveningIssue> validateDotVote(std::string_view question, const std::vector<std::string>& options);

// [SECTION] Minutes (notulen)
struct Decision {
    std::string text;    // "Het buurtfeest gaat door op 12 september"
    std::string ideaId;  // = "" // the idea or initiative it is about, if any

    bool operator==(const Decision&) const = default;
};

struct ActionItem {
    std::string who;   // "Anna en Mehmet"
    std::string what;  // "Offerte tent opvragen"
    std::optional<CivilDate> due;  // = nullopt // by when

    bool operator==(const ActionItem&) const = default;
};

struct NextEvening {
    CivilDate date;
    int startMinute = 19 * 60 + 30;  // = 19:30
    int minutes = 120;               // = 120 // how long, for the calendar
    std::string place;

    bool operator==(const NextEvening&) const = default;
};

struct Minutes {
    std::vector<Decision> decisions;
    std::vector<ActionItem> actions;
    std::optional<NextEvening> next;  // = nullopt // not agreed yet

    bool operator==(const Minutes&) const = default;
};
std::vector<EveningIssue> validateMinutes(const Minutes& minutes);

// [SECTION] The evening as it stands, for the screens, the presenter and the report
struct EveningSummary {
    Evening evening;
    std::int64_t checkInCount = 0;             // = 0 // people in
    std::vector<ReachCount> byStreet;          // most first; the check-ins with a street
    std::vector<ReachCount> byPostcode;        // most first; the check-ins with a postcode
    std::optional<std::size_t> runningItem;    // = nullopt // the agenda item that runs now
    std::uint64_t runningSinceMs = 0;          // = 0 // since when (the store's clock, ms since the epoch)
    std::vector<DotVote> dotVotes;             // in the order they were opened
    Minutes minutes;

    const DotVote* openDotVote() const;  // the vote dots go to now, or nullptr
};

// [SECTION] iCalendar (RFC 5545)
struct CalendarInvite {
    std::string uid;          // stable per evening: "<evening id>-next@buurtstem"
    std::string summary;      // the title
    std::string location;
    std::string description;  // may hold line breaks
    CivilDate date;           // local (Europe/Amsterdam)
    int startMinute = 0;      // = 0 // minutes after local midnight
    int minutes = 120;        // = 120
    std::uint64_t stampMs = 0;  // = 0 // DTSTAMP: when the file was made, ms since the epoch (UTC)
};
// A VCALENDAR with one VEVENT: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
// character), TEXT escaped, DTSTART/DTEND with TZID=Europe/Amsterdam and its VTIMEZONE (CET/CEST,
// the EU rules), DTSTAMP in UTC.
std::string writeCalendarInvite(const CalendarInvite& invite);
// The same with one VEVENT per invite, in the order given (the staff's export of every evening).
std::string writeCalendar(std::span<const CalendarInvite> invites);
// TEXT escaping: backslash, semicolon, comma and line breaks (as \n).
std::string escapeCalendarText(std::string_view text);
// Folds one content line (without its CRLF) into lines of at most 75 octets joined by CRLF + space.
std::string foldCalendarLine(std::string_view line);
// The UTC moment of a local time in Europe/Amsterdam (last Sunday of March 02:00 to last Sunday of
// October 03:00 is CEST, UTC+2; else CET, UTC+1), in ms since the epoch.
std::uint64_t amsterdamToUtcMs(const CivilDate& date, int minuteOfDay);

}  // namespace buurtstem
