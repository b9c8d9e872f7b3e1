// Residents' evenings, the plain part: the plan's rules, postcodes, dot votes and minutes, their
// event payloads, and the invitation as iCalendar (CRLF, folding at 75 octets, escaping, fields).
#include "app/core/Evening.h"
#include "app/core/EveningEvents.h"
#include "app/core/Utf8.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

using namespace buurtstem;

namespace {

Evening sampleEvening() {
    Evening e;
    e.id = "3f1c";
    e.title = "Bewonersavond Kastanjebuurt";
    e.date = {2026, 11, 28};
    e.startMinute = 19 * 60 + 30;
    e.place = "Buurtkamer, Kastanjeplein 4";
    e.agenda = {{"Welkom", 10}, {"Uitslag begroting", 20}};
    return e;
}

bool hasProblem(const std::vector<EveningIssue>& issues, EveningProblem problem, std::size_t index = 0) {
    for (const EveningIssue& issue : issues)
        if (issue.problem == problem && issue.index == index) return true;
    return false;
}

std::vector<std::string> crlfLines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t at; (at = text.find("\r\n", start)) != std::string::npos; start = at + 2) lines.push_back(text.substr(start, at - start));
    return lines;
}

}  // namespace

TEST_CASE("a plan is checked field by field with readable problems", "[evening]") {
    CHECK(validateEvening(sampleEvening()).empty());
    Evening e = sampleEvening();
    e.title = "";
    e.date = {2026, 2, 30};
    e.startMinute = 24 * 60;
    e.place = "";
    e.agenda = {{"", 0}, {"Rondvraag", 241}};
    const std::vector<EveningIssue> issues = validateEvening(e);
    CHECK(hasProblem(issues, EveningProblem::TitleMissing));
    CHECK(hasProblem(issues, EveningProblem::BadDate));
    CHECK(hasProblem(issues, EveningProblem::BadTime));
    CHECK(hasProblem(issues, EveningProblem::PlaceMissing));
    CHECK(hasProblem(issues, EveningProblem::ItemTitleMissing, 0));
    CHECK(hasProblem(issues, EveningProblem::ItemMinutes, 0));
    CHECK(hasProblem(issues, EveningProblem::ItemMinutes, 1));
    CHECK(describeIssues(issues).find("title missing") != std::string::npos);
    e = sampleEvening();
    e.agenda.clear();
    CHECK(hasProblem(validateEvening(e), EveningProblem::AgendaEmpty));
    e.agenda.assign(kAgendaItemsMax + 1, {"Punt", 5});
    CHECK(hasProblem(validateEvening(e), EveningProblem::AgendaTooLong));
    e = sampleEvening();
    e.title = std::string(kEveningTitleMax + 1, 'a');
    CHECK(hasProblem(validateEvening(e), EveningProblem::TitleTooLong));
    e.title = "Avond\x01";
    CHECK(hasProblem(validateEvening(e), EveningProblem::InvalidText));
    CHECK(sampleEvening().totalMinutes() == 30);
}

TEST_CASE("dates and times are read as typed", "[evening]") {
    CHECK(parseIsoDate("2028-02-29").has_value());
    CHECK_FALSE(parseIsoDate("2027-02-29").has_value());
    CHECK_FALSE(parseIsoDate("2026-13-01").has_value());
    CHECK_FALSE(parseIsoDate("26-11-28").has_value());
    CHECK(formatIsoDate({2026, 1, 5}) == "2026-01-05");
    CHECK(parseClock("19:30") == 1170);
    CHECK(parseClock("1930") == 1170);
    CHECK(parseClock("9:05") == 545);
    CHECK_FALSE(parseClock("24:00").has_value());
    CHECK_FALSE(parseClock("19:60").has_value());
    CHECK_FALSE(parseClock("abc").has_value());
    CHECK(formatClock(1170) == "19:30");
}

TEST_CASE("a postcode is four digits from 1000 to 9999", "[evening]") {
    CHECK(normalisePostcode("1092") == "1092");
    CHECK(normalisePostcode(" 9999 ") == "9999");
    CHECK(normalisePostcode("1000") == "1000");
    CHECK_FALSE(normalisePostcode("0999").has_value());
    CHECK_FALSE(normalisePostcode("999").has_value());
    CHECK_FALSE(normalisePostcode("10000").has_value());
    CHECK_FALSE(normalisePostcode("1092AB").has_value());
    CHECK_FALSE(normalisePostcode("10a2").has_value());
    CHECK_FALSE(normalisePostcode("").has_value());
    CHECK(validateCheckIn({"", ""}).ok());
    CHECK(validateCheckIn({"Kastanjeplein", ""}).ok());
    CHECK(validateCheckIn({"", "1092"}).ok());
    CHECK_FALSE(validateCheckIn({"Kastanjeplein", "1092"}).ok());
    CHECK_FALSE(validateCheckIn({"", "0123"}).ok());
}

TEST_CASE("a dot vote has a question and 2 to 8 different options", "[evening]") {
    CHECK(validateDotVote("Wat eerst?", {"Speeltuin", "Licht"}).empty());
    CHECK(hasProblem(validateDotVote("", {"a", "b"}), EveningProblem::QuestionMissing));
    CHECK(hasProblem(validateDotVote("Wat?", {"a"}), EveningProblem::OptionCount));
    CHECK(hasProblem(validateDotVote("Wat?", std::vector<std::string>(9, "x")), EveningProblem::OptionCount));
    CHECK(hasProblem(validateDotVote("Wat?", {"a", ""}), EveningProblem::OptionMissing, 1));
    CHECK(hasProblem(validateDotVote("Wat?", {"a", "b", "a"}), EveningProblem::OptionRepeated, 2));
}

TEST_CASE("minutes need text, who and real dates", "[evening]") {
    Minutes m;
    m.decisions = {{"Buurtfeest gaat door", "idea-1"}};
    m.actions = {{"Anna", "Offerte tent", CivilDate{2026, 12, 12}}};
    m.next = NextEvening{{2027, 1, 21}, 1170, 120, "Buurtkamer"};
    CHECK(validateMinutes(m).empty());
    m.decisions.push_back({"", ""});
    m.actions.push_back({"", "Iets", std::nullopt});
    m.actions.push_back({"Bo", "Iets", CivilDate{2026, 2, 31}});
    const auto issues = validateMinutes(m);
    CHECK(hasProblem(issues, EveningProblem::TextMissing, 1));
    CHECK(hasProblem(issues, EveningProblem::WhoMissing, 1));
    CHECK(hasProblem(issues, EveningProblem::BadDate, 2));
}

TEST_CASE("evening payloads read back as written, and bad ones are refused", "[evening]") {
    const std::string json = encodePayload(EveningSaved{sampleEvening()});
    CHECK(json.find('\n') == std::string::npos);
    const Result<EveningSaved> saved = decodeEveningSaved(json);
    REQUIRE(saved.ok());
    CHECK(saved->evening == sampleEvening());

    Minutes m;
    m.decisions = {{"Besluit \"één\"", ""}};
    m.actions = {{"Anna", "Bellen", std::nullopt}, {"Bo", "Mailen", CivilDate{2026, 12, 1}}};
    m.next = NextEvening{{2027, 1, 21}, 1170, 90, "Buurtkamer"};
    const Result<MinutesSaved> minutes = decodeMinutesSaved(encodePayload(MinutesSaved{"e1", m}));
    REQUIRE(minutes.ok());
    CHECK(minutes->minutes == m);

    const Result<DotVoteOpened> vote = decodeDotVoteOpened(encodePayload(DotVoteOpened{"e1", "v1", "Wat?", {"a", "b"}}));
    REQUIRE(vote.ok());
    CHECK(vote->options == std::vector<std::string>{"a", "b"});
    CHECK(decodeEveningCheckedIn(encodePayload(EveningCheckedIn{"e1", {"", "1092"}}))->checkIn.postcode == "1092");

    CHECK_FALSE(decodeEveningCheckedIn(R"({"evening":"e1","postcode":"0123"})").ok());
    CHECK_FALSE(decodeEveningCheckedIn(R"({"evening":"e1","street":"a","postcode":"1234"})").ok());
    CHECK_FALSE(decodeDotVoteOpened(R"({"evening":"e1","vote":"v","question":"q","options":["a"]})").ok());
    CHECK_FALSE(decodeDotGiven(R"({"vote":"v","option":-1})").ok());
    CHECK_FALSE(decodeDotGiven(R"({"vote":"v","option":"1"})").ok());
    CHECK_FALSE(decodeEveningSaved(R"([1,2])").ok());
    CHECK_FALSE(decodeEveningSaved("{").ok());
    CHECK_FALSE(decodeEveningItemStarted(R"({"evening":"e1","item":1})").ok());
    // Deep nesting from a damaged bundle is refused without recursion.
    CHECK_FALSE(decodeMinutesSaved(std::string(100000, '[') + std::string(100000, ']')).ok());
}

TEST_CASE("calendar text escapes backslash, semicolon, comma and line breaks", "[evening][ics]") {
    CHECK(escapeCalendarText("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf");
    CHECK(escapeCalendarText("gewoon") == "gewoon");
}

TEST_CASE("calendar lines fold at 75 octets, never inside a UTF-8 character", "[evening][ics]") {
    // Each "ë" is two octets, each "€" three: a fold in the middle would split them.
    std::string title = "SUMMARY:";
    for (int i = 0; i < 30; ++i) title += "Ideeën € ";
    const std::string folded = foldCalendarLine(title);
    const std::vector<std::string> lines = crlfLines(folded + "\r\n");
    REQUIRE(lines.size() > 3);
    std::string unfolded;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO("line " << i << ": " << lines[i]);
        CHECK(lines[i].size() <= 75);
        CHECK(utf8::isValid(lines[i]));
        if (i > 0) {
            REQUIRE(lines[i][0] == ' ');
            unfolded += lines[i].substr(1);
        } else {
            unfolded += lines[i];
        }
    }
    CHECK(unfolded == title);
    CHECK(foldCalendarLine("SHORT:x") == "SHORT:x");
    const std::string exactly75(75, 'a');
    CHECK(foldCalendarLine(exactly75) == exactly75);
    CHECK(foldCalendarLine(exactly75 + "b") == exactly75 + "\r\n b");
}

TEST_CASE("Amsterdam local time to UTC follows the EU summer time rules", "[evening][ics]") {
    // 2026: summer time from 29 March 02:00 to 25 October 03:00.
    CHECK(amsterdamToUtcMs({2026, 11, 28}, 19 * 60 + 30) == 1'795'890'600'000ULL);  // 18:30 UTC
    CHECK(amsterdamToUtcMs({2026, 7, 1}, 12 * 60) == 1'782'900'000'000ULL);         // 10:00 UTC
    CHECK(amsterdamToUtcMs({2026, 3, 29}, 1 * 60 + 59) == amsterdamToUtcMs({2026, 3, 29}, 0) + 119 * 60'000ULL);
    CHECK(amsterdamToUtcMs({2026, 3, 29}, 3 * 60) - amsterdamToUtcMs({2026, 3, 29}, 1 * 60) == 60 * 60'000ULL);
}

TEST_CASE("an invitation is a whole VCALENDAR with CRLF lines and the expected fields", "[evening][ics]") {
    CalendarInvite invite;
    invite.uid = "3f1c-next@buurtstem";
    invite.summary = "Bewonersavond Kastanjebuurt; met koffie, thee en ideeën uit de buurt voor iedereen die wil komen";
    invite.location = "Buurtkamer, Kastanjeplein 4";
    invite.description = "Iedereen is welkom.\nTot dan!";
    invite.date = {2027, 1, 21};
    invite.startMinute = 23 * 60;
    invite.minutes = 120;
    invite.stampMs = 1'795'890'600'000ULL;
    const std::string ics = writeCalendarInvite(invite);
    // Every line ends in CRLF, no bare LF anywhere.
    REQUIRE(ics.size() > 2);
    CHECK(ics.substr(ics.size() - 2) == "\r\n");
    for (std::size_t i = 0; i < ics.size(); ++i)
        if (ics[i] == '\n') REQUIRE((i > 0 && ics[i - 1] == '\r'));
    const std::vector<std::string> lines = crlfLines(ics);
    for (const std::string& line : lines) CHECK(line.size() <= 75);
    // Unfolded, the fields are as expected.
    std::vector<std::string> fields;
    for (const std::string& line : lines) {
        if (!line.empty() && line[0] == ' ')
            fields.back() += line.substr(1);
        else
            fields.push_back(line);
    }
    const auto has = [&](const std::string& field) { return std::find(fields.begin(), fields.end(), field) != fields.end(); };
    CHECK(fields.front() == "BEGIN:VCALENDAR");
    CHECK(fields.back() == "END:VCALENDAR");
    CHECK(has("VERSION:2.0"));
    CHECK(has("BEGIN:VTIMEZONE"));
    CHECK(has("TZID:Europe/Amsterdam"));
    CHECK(has("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    CHECK(has("UID:3f1c-next@buurtstem"));
    CHECK(has("DTSTAMP:20261128T183000Z"));
    CHECK(has("DTSTART;TZID=Europe/Amsterdam:20270121T230000"));
    CHECK(has("DTEND;TZID=Europe/Amsterdam:20270122T010000"));  // past midnight: the next day
    CHECK(has("SUMMARY:Bewonersavond Kastanjebuurt\\; met koffie\\, thee en ideeën uit de buurt voor iedereen die wil komen"));
    CHECK(has("LOCATION:Buurtkamer\\, Kastanjeplein 4"));
    CHECK(has("DESCRIPTION:Iedereen is welkom.\\nTot dan!"));
    CHECK(std::count(fields.begin(), fields.end(), "BEGIN:VEVENT") == 1);
}
