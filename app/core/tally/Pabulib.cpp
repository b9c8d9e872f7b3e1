// Pabulib .pb files: a record splitter that slices the text without copying (only a quoted field
// with a doubled quote is copied), the three sections on top of it, and the writer.
#include "Pabulib.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <exception>
#include <limits>
#include <new>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace buurtstem::tally {

namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// [SECTION] Text helpers

constexpr std::string_view kBlank = " \t";

std::string_view trim(std::string_view text) {
    const std::size_t first = text.find_first_not_of(kBlank);
    if (first == kNpos) return {};
    return text.substr(first, text.find_last_not_of(kBlank) - first + 1);
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

// A field as an error message shows it: quoted, at most 40 bytes, cut at a character boundary,
// so a fuzzed megabyte field does not end up in a log line.
std::string shown(std::string_view text) {
    constexpr std::size_t kMax = 40;
    std::string out = "\"";
    if (text.size() <= kMax) {
        out.append(text);
    } else {
        std::size_t cut = kMax;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        out.append(text.substr(0, cut)).append("...");
    }
    out += '"';
    return out;
}

Error lineError(std::size_t line, std::string_view what) {
    return makeError(ErrorCode::InvalidInput, "line " + std::to_string(line) + ": " + std::string(what));
}

// [SECTION] Numbers

enum class NumberProblem { None, NotANumber, Negative, TooPrecise, TooLarge };

// A plain decimal ("400000", "1234.5", "-2", "3.") as an exact integer count of 10^-decimals
// units: no exponent, no '+', no thousands separators, no floating point. Non-zero digits beyond
// `decimals` are refused rather than rounded: a cost must not change on import.
NumberProblem parseScaled(std::string_view text, std::size_t decimals, std::int64_t limit, bool allowNegative,
                          std::int64_t& value) {
    text = trim(text);
    const bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    const std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    std::string_view fraction = dot == kNpos ? std::string_view{} : text.substr(dot + 1);
    const auto digitsOnly = [](std::string_view digits) {
        return std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if ((whole.empty() && fraction.empty()) || !digitsOnly(whole) || !digitsOnly(fraction))
        return NumberProblem::NotANumber;
    while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
    while (!whole.empty() && whole.front() == '0') whole.remove_prefix(1);
    if (negative && !allowNegative && !(whole.empty() && fraction.empty())) return NumberProblem::Negative;
    if (fraction.size() > decimals) return NumberProblem::TooPrecise;
    if (whole.size() > 18) return NumberProblem::TooLarge;  // 18 digits always fit, the limit decides

    std::int64_t magnitude = 0;
    for (const char c : whole) magnitude = magnitude * 10 + (c - '0');
    for (std::size_t i = 0; i < decimals; ++i) {
        if (magnitude > limit / 10) return NumberProblem::TooLarge;
        magnitude = magnitude * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
    }
    if (magnitude > limit) return NumberProblem::TooLarge;
    value = negative ? -magnitude : magnitude;
    return NumberProblem::None;
}

// A cost or the budget, in cents. `what` names it in the message ("cost", "META budget").
Result<Money> parseMoney(std::string_view field, std::string_view what, std::size_t line) {
    Money cents = 0;
    const std::string subject = std::string(what) + " " + shown(trim(field));
    switch (parseScaled(field, 2, kPabulibMaxAmount, false, cents)) {
        case NumberProblem::None: return cents;
        case NumberProblem::NotANumber: return lineError(line, subject + " is not a number");
        case NumberProblem::Negative: return lineError(line, subject + " is negative");
        case NumberProblem::TooPrecise: return lineError(line, subject + " has more than 2 decimals");
        case NumberProblem::TooLarge:
            return lineError(line, subject + " is too large (at most " +
                                       std::to_string(kPabulibMaxAmount / kCentsPerUnit) + ")");
    }
    return lineError(line, subject + " is not a number");
}

// [SECTION] Records

// Splits the text into records of fields: one line each, or more when a quoted field holds a line
// break. Fields are views into the text, valid until the next record is read.
class RecordReader {
public:
    enum class Step { Record, End, Failed };

    explicit RecordReader(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
    }

    // The next record that is not blank (blank: every field empty or spaces, none quoted).
    Step next() {
        while (pos_ < text_.size()) {
            if (!readRecord()) return Step::Failed;
            if (!isBlank()) return Step::Record;
        }
        return Step::End;
    }

    const std::vector<std::string_view>& fields() const { return fields_; }
    bool firstQuoted() const { return firstQuoted_; }
    std::size_t line() const { return line_; }  // where the current record starts, from 1
    const Error& error() const { return error_; }

    // The number of the file's last line, for what is missing at its end.
    std::size_t lastLine() const {
        const bool endsWithBreak = !text_.empty() && text_.back() == '\n';
        return std::max<std::size_t>(1, endsWithBreak ? nextLine_ - 1 : nextLine_);
    }

    // Line breaks after the current record: an upper bound for the rows still to come.
    std::size_t lineBreaksLeft() const {
        const std::string_view rest = text_.substr(pos_);
        return static_cast<std::size_t>(std::count(rest.begin(), rest.end(), '\n'));
    }

private:
    bool readRecord() {
        fields_.clear();
        copiesUsed_ = 0;
        firstQuoted_ = false;
        anyQuoted_ = false;
        line_ = nextLine_;
        const std::size_t size = text_.size();
        std::size_t lineEnd = findLineEnd(pos_);
        while (true) {
            if (pos_ < size && text_[pos_] == '"') {
                if (!readQuoted()) return false;
                while (pos_ < size && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
                if (pos_ == size) return true;
                if (text_[pos_] == ';') {
                    ++pos_;
                    if (lineEnd < pos_) lineEnd = findLineEnd(pos_);  // the quoted field held line breaks
                    continue;
                }
                if (text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < size && text_[pos_ + 1] == '\n')) {
                    pos_ += text_[pos_] == '\r' ? 2 : 1;
                    ++nextLine_;
                    return true;
                }
                error_ = lineError(line_, "text after the closing quote of a field");
                return false;
            }
            // Unquoted: up to the next ';' on this line. A '"' inside it is an ordinary character.
            const void* semicolon = std::memchr(text_.data() + pos_, ';', lineEnd - pos_);
            if (semicolon != nullptr) {
                const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(semicolon) - text_.data());
                fields_.push_back(text_.substr(pos_, at - pos_));
                pos_ = at + 1;
                continue;
            }
            std::string_view last = text_.substr(pos_, lineEnd - pos_);
            if (!last.empty() && last.back() == '\r') last.remove_suffix(1);
            fields_.push_back(last);
            if (lineEnd < size) {
                pos_ = lineEnd + 1;
                ++nextLine_;
            } else {
                pos_ = size;
            }
            return true;
        }
    }

    // A field in double quotes, starting at pos_; leaves pos_ after the closing quote.
    bool readQuoted() {
        if (fields_.empty()) firstQuoted_ = true;
        anyQuoted_ = true;
        const std::size_t start = pos_ + 1;
        std::size_t search = start;
        bool doubled = false;
        std::size_t close = kNpos;
        while (true) {
            close = text_.find('"', search);
            if (close == kNpos) {
                error_ = lineError(line_, "a quoted field is not closed");
                return false;
            }
            if (close + 1 < text_.size() && text_[close + 1] == '"') {
                doubled = true;
                search = close + 2;
                continue;
            }
            break;
        }
        const std::string_view raw = text_.substr(start, close - start);
        nextLine_ += static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '\n'));
        fields_.push_back(doubled ? unescape(raw) : raw);
        pos_ = close + 1;
        return true;
    }

    // Every '"' in raw is the first of a doubled pair, as readQuoted found them.
    std::string_view unescape(std::string_view raw) {
        if (copiesUsed_ == copies_.size()) copies_.emplace_back();
        std::string& copy = copies_[copiesUsed_++];
        copy.clear();
        for (std::size_t i = 0; i < raw.size(); ++i) {
            copy.push_back(raw[i]);
            if (raw[i] == '"') ++i;
        }
        return copy;
    }

    std::size_t findLineEnd(std::size_t from) const {
        if (from >= text_.size()) return text_.size();
        const void* end = std::memchr(text_.data() + from, '\n', text_.size() - from);
        return end == nullptr ? text_.size() : static_cast<std::size_t>(static_cast<const char*>(end) - text_.data());
    }

    bool isBlank() const {
        return !anyQuoted_ &&
               std::all_of(fields_.begin(), fields_.end(), [](std::string_view field) { return trim(field).empty(); });
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t nextLine_ = 1;
    std::size_t line_ = 0;
    std::vector<std::string_view> fields_;
    bool firstQuoted_ = false;
    bool anyQuoted_ = false;
    std::deque<std::string> copies_;  // a deque: fields keep pointing into earlier copies as it grows
    std::size_t copiesUsed_ = 0;
    Error error_;
};

// [SECTION] Reading

enum class Section { None, Meta, Projects, Votes };

std::string_view sectionName(Section section) {
    switch (section) {
        case Section::Meta: return "META";
        case Section::Projects: return "PROJECTS";
        case Section::Votes: return "VOTES";
        case Section::None: break;
    }
    return "";
}

// A marker line: META, PROJECTS or VOTES alone (any case), not quoted; trailing ';' allowed.
std::optional<Section> sectionMarker(const RecordReader& records) {
    const auto& fields = records.fields();
    if (records.firstQuoted()) return std::nullopt;
    for (std::size_t i = 1; i < fields.size(); ++i)
        if (!trim(fields[i]).empty()) return std::nullopt;
    const std::string_view word = trim(fields.front());
    for (const Section section : {Section::Meta, Section::Projects, Section::Votes})
        if (equalsIgnoringCase(word, sectionName(section))) return section;
    return std::nullopt;
}

bool isNone(std::string_view trimmed) { return trimmed.empty() || trimmed == "None"; }

class PabulibReader {
public:
    explicit PabulibReader(std::string_view text) : records_(text) {}

    Result<Election> read() {
        while (true) {
            const RecordReader::Step step = records_.next();
            if (step == RecordReader::Step::Failed) return records_.error();
            if (step == RecordReader::Step::End) break;
            if (const std::optional<Section> marker = sectionMarker(records_)) {
                if (Result<void> entered = enterSection(*marker); !entered) return entered.error();
                continue;
            }
            if (Result<void> row = readRow(); !row) return row.error();
        }
        if (section_ != Section::Votes) {
            const Section missing = section_ == Section::None       ? Section::Meta
                                    : section_ == Section::Meta     ? Section::Projects
                                                                    : Section::Votes;
            return lineError(records_.lastLine(), "the file has no " + std::string(sectionName(missing)) + " section");
        }
        if (headerPending_) return lineError(sectionLine_, "VOTES has no header line");
        return std::move(election_);
    }

private:
    static constexpr std::uint32_t kNotSeen = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::size_t kMaxIndex = std::numeric_limits<std::uint32_t>::max() - 1;

    Result<void> enterSection(Section next) {
        const std::size_t line = records_.line();
        const Section expected = section_ == Section::None       ? Section::Meta
                                 : section_ == Section::Meta     ? Section::Projects
                                 : section_ == Section::Projects ? Section::Votes
                                                                 : Section::None;
        if (next != expected) {
            const std::string found = std::string(sectionName(next)) + " ";
            if (expected == Section::None) return lineError(line, found + "again after VOTES");
            return lineError(line, found + "where " + std::string(sectionName(expected)) + " was expected");
        }
        if (section_ == Section::Meta) {
            if (Result<void> meta = finishMeta(); !meta) return meta;
        } else if (section_ == Section::Projects) {
            if (headerPending_) return lineError(sectionLine_, "PROJECTS has no header line");
            finishProjects();
            if (duplicateError_) return *duplicateError_;
        }
        section_ = next;
        headerPending_ = true;
        sectionLine_ = line;
        return {};
    }

    Result<void> readRow() {
        const bool header = headerPending_;
        headerPending_ = false;
        switch (section_) {
            case Section::None: return lineError(records_.line(), "the file does not start with META");
            case Section::Meta:
                if (header && isKeyValueHeader()) return {};
                return metaRow();
            case Section::Projects: return header ? projectsHeader() : projectRow();
            case Section::Votes: return header ? votesHeader() : ballotRow();
        }
        return {};
    }

    // Header and rows must agree, or a value lands under the wrong column.
    Result<void> checkFieldCount(std::string_view section) const {
        const std::size_t count = records_.fields().size();
        if (count == columnCount_) return {};
        return lineError(records_.line(), std::to_string(count) + (count == 1 ? " field" : " fields") + " where the " +
                                              std::string(section) + " header has " + std::to_string(columnCount_));
    }

    // ---- META

    bool isKeyValueHeader() const {
        const auto& fields = records_.fields();
        return fields.size() == 2 && trim(fields[0]) == "key" && trim(fields[1]) == "value";
    }

    Result<void> metaRow() {
        const auto& fields = records_.fields();
        if (fields.size() != 2)
            return lineError(records_.line(), "a META row has " + std::to_string(fields.size()) +
                                                  " fields, expected key;value (quote a value that holds ';')");
        const std::string_view key = trim(fields[0]);
        if (key == "budget" && budgetLine_ == 0) budgetLine_ = records_.line();
        if (key == "vote_type" && voteTypeLine_ == 0) voteTypeLine_ = records_.line();
        election_.meta.emplace_back(std::string(key), std::string(fields[1]));
        return {};
    }

    Result<void> finishMeta() {
        const std::optional<std::string_view> budget = election_.metaValue("budget");
        if (!budget) return lineError(budgetLine_ != 0 ? budgetLine_ : sectionLine_, "META has no budget");
        Result<Money> cents = parseMoney(*budget, "META budget", budgetLine_);
        if (!cents) return cents.error();
        election_.budget = *cents;

        const std::optional<std::string_view> voteType = election_.metaValue("vote_type");
        if (!voteType) return lineError(voteTypeLine_ != 0 ? voteTypeLine_ : sectionLine_, "META has no vote_type");
        const std::optional<VoteType> type = voteTypeFromId(trim(*voteType));
        if (!type)
            return lineError(voteTypeLine_, "META vote_type " + shown(trim(*voteType)) +
                                                " is not approval, choose-1, cumulative, scoring or ordinal");
        election_.voteType = *type;
        return {};
    }

    // ---- PROJECTS

    Result<void> projectsHeader() {
        const auto& fields = records_.fields();
        const std::size_t line = records_.line();
        columnCount_ = fields.size();
        std::unordered_set<std::string_view> names;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string_view name = trim(fields[i]);
            if (!names.insert(name).second)
                return lineError(line, "the PROJECTS header names column " + shown(name) + " twice");
            if (name == "project_id") idColumn_ = i;
            else if (name == "cost") costColumn_ = i;
            else if (name == "name") nameColumn_ = i;
            else if (name == "selected") selectedColumn_ = i;
            else extraColumns_.emplace_back(i, std::string(name));
        }
        if (idColumn_ == kNpos) return lineError(line, "the PROJECTS header has no project_id column");
        if (costColumn_ == kNpos) return lineError(line, "the PROJECTS header has no cost column");
        return {};
    }

    Result<void> projectRow() {
        if (Result<void> count = checkFieldCount("PROJECTS"); !count) return count;
        const auto& fields = records_.fields();
        const std::size_t line = records_.line();
        if (election_.projects.size() >= kMaxIndex) return lineError(line, "too many projects");

        Project project;
        const std::string_view id = trim(fields[idColumn_]);
        if (isNone(id)) return lineError(line, "a project without project_id");
        // Ballots list project ids separated by ',': such an id could never be voted for.
        if (id.find(',') != kNpos) return lineError(line, "project id " + shown(id) + " contains a comma");
        project.id = std::string(id);

        const std::string_view cost = trim(fields[costColumn_]);
        if (isNone(cost)) return lineError(line, "project " + shown(id) + " has no cost");
        Result<Money> cents = parseMoney(cost, "cost", line);
        if (!cents) return cents.error();
        project.cost = *cents;

        if (nameColumn_ != kNpos && !isNone(trim(fields[nameColumn_]))) project.name = std::string(fields[nameColumn_]);

        if (selectedColumn_ != kNpos) {
            const std::string_view selected = trim(fields[selectedColumn_]);
            if (!isNone(selected)) {
                std::int64_t flag = 0;
                if (parseScaled(selected, 0, 1, false, flag) != NumberProblem::None)
                    return lineError(line, "selected " + shown(selected) + " is not 1 or 0");
                project.selected = flag == 1;
            }
        }

        project.extra.reserve(extraColumns_.size());
        for (const auto& [column, name] : extraColumns_) project.extra.emplace_back(name, std::string(fields[column]));
        election_.projects.push_back(std::move(project));
        projectLines_.push_back(line);
        return {};
    }

    // Builds the id index once, over the ids' final home in election_.projects.
    void finishProjects() {
        const std::size_t count = election_.projects.size();
        projectIndex_.reserve(count);
        for (std::size_t i = 0; i < count; ++i) {
            const std::string_view id = election_.projects[i].id;
            if (!projectIndex_.emplace(id, static_cast<std::uint32_t>(i)).second) {
                duplicateError_ = lineError(projectLines_[i], "project id " + shown(id) + " appears twice in PROJECTS");
                return;
            }
        }
        seenInBallot_.assign(count, kNotSeen);
        seenAt_.assign(count, 0);
    }

    // ---- VOTES

    Result<void> votesHeader() {
        const auto& fields = records_.fields();
        const std::size_t line = records_.line();
        columnCount_ = fields.size();
        std::size_t pointsColumn = kNpos;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string_view name = trim(fields[i]);
            std::size_t* column = name == "voter_id"  ? &voterColumn_
                                  : name == "vote"    ? &voteColumn_
                                  : name == "points"  ? &pointsColumn
                                  : name == "channel" ? &channelColumn_
                                                      : nullptr;
            if (column == nullptr) continue;
            if (*column != kNpos) return lineError(line, "the VOTES header names column " + shown(name) + " twice");
            *column = i;
        }
        if (voterColumn_ == kNpos) return lineError(line, "the VOTES header has no voter_id column");
        if (voteColumn_ == kNpos) return lineError(line, "the VOTES header has no vote column");
        // Approval, choose-1 and ordinal ballots carry no points; a points column there is ignored.
        const bool withPoints =
            election_.voteType == VoteType::Cumulative || election_.voteType == VoteType::Scoring;
        if (withPoints) {
            if (pointsColumn == kNpos)
                return lineError(line, std::string(voteTypeId(election_.voteType)) + " ballots need a points column");
            pointsColumn_ = pointsColumn;
        }

        // One ballot per line at most; capped, so that a text of blank lines reserves little.
        constexpr std::size_t kReserveMax = 500'000;
        const std::size_t rows = std::min(records_.lineBreaksLeft() + 1, kReserveMax);
        election_.ballots.ballotStart.reserve(rows + 1);
        election_.ballots.voterIds.reserve(rows);
        return {};
    }

    Result<void> ballotRow() {
        if (Result<void> count = checkFieldCount("VOTES"); !count) return count;
        const auto& fields = records_.fields();
        const std::size_t line = records_.line();
        Ballots& ballots = election_.ballots;
        if (ballots.count() >= kMaxIndex) return lineError(line, "too many ballots");
        const auto ballot = static_cast<std::uint32_t>(ballots.count());
        const bool withPoints = pointsColumn_ != kNpos;

        ballots.voterIds.emplace_back(trim(fields[voterColumn_]));
        if (channelColumn_ != kNpos) ballots.channels.emplace_back(trim(fields[channelColumn_]));
        const std::string_view vote = trim(fields[voteColumn_]);
        const std::string_view points = withPoints ? trim(fields[pointsColumn_]) : std::string_view{};
        if (isNone(vote)) {
            // An empty ballot still counts as a voter (Equal Shares divides the budget by all of them).
            if (!isNone(points)) return lineError(line, "points " + shown(points) + " without a vote");
            ballots.ballotStart.push_back(ballots.ballotStart.back());
            return {};
        }
        if (withPoints && isNone(points)) return lineError(line, "a vote without points");

        std::size_t itemStart = 0;
        std::size_t pointsStart = 0;
        while (true) {
            const std::size_t comma = vote.find(',', itemStart);
            const std::string_view item =
                trim(vote.substr(itemStart, comma == kNpos ? kNpos : comma - itemStart));
            if (item.empty()) return lineError(line, "an empty project id in the vote " + shown(vote));
            const auto found = projectIndex_.find(item);
            if (found == projectIndex_.end())
                return lineError(line, "the vote names project " + shown(item) + ", which PROJECTS does not list");
            const std::uint32_t project = found->second;

            std::int64_t given = 0;
            if (withPoints) {
                if (pointsStart == kNpos) return lineError(line, "fewer points than projects in the vote");
                const std::size_t pointsComma = points.find(',', pointsStart);
                const std::string_view value =
                    points.substr(pointsStart, pointsComma == kNpos ? kNpos : pointsComma - pointsStart);
                pointsStart = pointsComma == kNpos ? kNpos : pointsComma + 1;
                switch (parseScaled(value, 0, kPabulibMaxPoints, true, given)) {
                    case NumberProblem::None: break;
                    case NumberProblem::TooLarge:
                        return lineError(line, "points " + shown(trim(value)) + " are too large (at most " +
                                                   std::to_string(kPabulibMaxPoints) + ")");
                    default: return lineError(line, "points " + shown(trim(value)) + " are not a whole number");
                }
            }

            if (seenInBallot_[project] == ballot) {
                // Named again: points add up; otherwise (ordinal: the first position) the first stands.
                if (withPoints) {
                    std::int64_t& total = ballots.points[seenAt_[project]];
                    total += given;
                    if (total > kPabulibMaxPoints || total < -kPabulibMaxPoints)
                        return lineError(line, "the points for project " + shown(item) + " add up to more than " +
                                                   std::to_string(kPabulibMaxPoints));
                }
            } else {
                if (ballots.projects.size() >= kMaxIndex) return lineError(line, "too many votes");
                seenInBallot_[project] = ballot;
                seenAt_[project] = static_cast<std::uint32_t>(ballots.projects.size());
                ballots.projects.push_back(project);
                if (withPoints) ballots.points.push_back(given);
            }
            if (comma == kNpos) break;
            itemStart = comma + 1;
        }
        if (withPoints && pointsStart != kNpos) return lineError(line, "more points than projects in the vote");
        ballots.ballotStart.push_back(static_cast<std::uint32_t>(ballots.projects.size()));
        return {};
    }

    RecordReader records_;
    Election election_;
    Section section_ = Section::None;
    bool headerPending_ = false;  // the next row is the current section's header
    std::size_t sectionLine_ = 0;
    std::size_t columnCount_ = 0;  // fields in the current section's header

    std::size_t budgetLine_ = 0;  // = 0 // not seen
    std::size_t voteTypeLine_ = 0;

    std::size_t idColumn_ = kNpos;
    std::size_t costColumn_ = kNpos;
    std::size_t nameColumn_ = kNpos;
    std::size_t selectedColumn_ = kNpos;
    std::vector<std::pair<std::size_t, std::string>> extraColumns_;  // column, name
    std::vector<std::size_t> projectLines_;                           // per project, for duplicate ids
    std::optional<Error> duplicateError_;
    std::unordered_map<std::string_view, std::uint32_t> projectIndex_;  // views into election_.projects

    std::size_t voterColumn_ = kNpos;
    std::size_t voteColumn_ = kNpos;
    std::size_t pointsColumn_ = kNpos;  // = kNpos // also when the vote type has no points
    std::size_t channelColumn_ = kNpos;  // = kNpos // how each ballot was cast, when the file says
    // Per project: the last ballot that named it and where, to merge duplicates in O(1).
    std::vector<std::uint32_t> seenInBallot_;
    std::vector<std::uint32_t> seenAt_;
};

// [SECTION] Writing

void appendField(std::string& out, std::string_view field) {
    if (field.find_first_of(";\"\r\n") == kNpos) {
        out.append(field);
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

// The first field of a row is also quoted when, bare, it would read as a section marker or leave
// the row blank.
void appendFirstField(std::string& out, std::string_view field) {
    const std::string_view word = trim(field);
    if (word.empty() || equalsIgnoringCase(word, "META") || equalsIgnoringCase(word, "PROJECTS") ||
        equalsIgnoringCase(word, "VOTES")) {
        out += '"';
        for (const char c : field) {
            if (c == '"') out += '"';
            out += c;
        }
        out += '"';
        return;
    }
    appendField(out, field);
}

void appendInteger(std::string& out, std::int64_t value) {
    char digits[24];
    const auto [end, ec] = std::to_chars(std::begin(digits), std::end(digits), value);
    if (ec == std::errc()) out.append(digits, end);
}

// Whole units when the cents are zero ("400000"), otherwise the shortest exact decimal ("1234.5").
std::string formatMoney(Money cents) {
    std::string out;
    if (cents < 0) {
        out += '-';
        cents = -cents;
    }
    appendInteger(out, cents / kCentsPerUnit);
    const Money fraction = cents % kCentsPerUnit;
    if (fraction != 0) {
        out += '.';
        out += static_cast<char>('0' + fraction / 10);
        if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
    }
    return out;
}

bool sameMoney(std::string_view text, Money cents) {
    Money read = 0;
    return parseScaled(text, 2, kPabulibMaxAmount, false, read) == NumberProblem::None && read == cents;
}

bool sameCount(std::string_view text, std::size_t count) {
    std::int64_t read = 0;
    return parseScaled(text, 0, std::numeric_limits<std::int64_t>::max(), false, read) == NumberProblem::None &&
           static_cast<std::uint64_t>(read) == count;
}

void writeMeta(std::string& out, const Election& election) {
    out += "META\nkey;value\n";
    const std::string budget = formatMoney(election.budget);
    const std::string voteType(voteTypeId(election.voteType));
    const std::string numProjects = std::to_string(election.projects.size());
    const std::string numVotes = std::to_string(election.ballots.count());
    bool budgetDone = false;
    bool voteTypeDone = false;
    bool numProjectsDone = false;
    bool numVotesDone = false;
    // The first occurrence of a key is the one the reader uses; later repeats are written as they are.
    const auto agreed = [](bool& done, const std::string& value, bool agrees,
                           const std::string& own) -> std::string_view {
        done = true;
        return agrees ? std::string_view(value) : std::string_view(own);
    };
    for (const auto& [key, value] : election.meta) {
        std::string_view written = value;
        if (key == "budget" && !budgetDone) {
            written = agreed(budgetDone, value, sameMoney(value, election.budget), budget);
        } else if (key == "vote_type" && !voteTypeDone) {
            written = agreed(voteTypeDone, value, voteTypeFromId(trim(value)) == election.voteType, voteType);
        } else if (key == "num_projects" && !numProjectsDone) {
            written = agreed(numProjectsDone, value, sameCount(value, election.projects.size()), numProjects);
        } else if (key == "num_votes" && !numVotesDone) {
            written = agreed(numVotesDone, value, sameCount(value, election.ballots.count()), numVotes);
        }
        appendFirstField(out, key);
        out += ';';
        appendField(out, written);
        out += '\n';
    }
    if (!numProjectsDone) out += "num_projects;" + numProjects + "\n";
    if (!numVotesDone) out += "num_votes;" + numVotes + "\n";
    if (!budgetDone) out += "budget;" + budget + "\n";
    if (!voteTypeDone) out += "vote_type;" + voteType + "\n";
}

void writeProjects(std::string& out, const Election& election) {
    const auto& projects = election.projects;
    const bool withName =
        std::any_of(projects.begin(), projects.end(), [](const Project& p) { return !p.name.empty(); });
    const bool withSelected =
        std::any_of(projects.begin(), projects.end(), [](const Project& p) { return p.selected.has_value(); });
    // Extra columns in order of first appearance; names the fixed columns use are left out.
    std::vector<std::string_view> extraColumns;
    std::unordered_set<std::string_view> known{"project_id", "cost", "name", "selected"};
    for (const Project& project : projects)
        for (const auto& [name, value] : project.extra)
            if (known.insert(name).second) extraColumns.push_back(name);

    out += "PROJECTS\nproject_id;cost";
    if (withName) out += ";name";
    for (const std::string_view name : extraColumns) {
        out += ';';
        appendField(out, name);
    }
    if (withSelected) out += ";selected";
    out += '\n';

    for (const Project& project : projects) {
        appendFirstField(out, project.id);
        out += ';';
        out += formatMoney(project.cost);
        if (withName) {
            out += ';';
            appendField(out, project.name);
        }
        // Read from a file, every project has the same extra columns in the same order.
        const auto sameName = [](std::string_view column, const auto& pair) { return column == pair.first; };
        const bool sameOrder = project.extra.size() == extraColumns.size() &&
                               std::equal(extraColumns.begin(), extraColumns.end(), project.extra.begin(), sameName);
        for (std::size_t i = 0; i < extraColumns.size(); ++i) {
            out += ';';
            if (sameOrder) {
                appendField(out, project.extra[i].second);
                continue;
            }
            const auto found = std::find_if(project.extra.begin(), project.extra.end(),
                                            [&](const auto& pair) { return pair.first == extraColumns[i]; });
            appendField(out, found == project.extra.end() ? std::string_view("None") : std::string_view(found->second));
        }
        if (withSelected) out += !project.selected ? ";None" : *project.selected ? ";1" : ";0";
        out += '\n';
    }
}

void writeVotes(std::string& out, const Election& election) {
    const Ballots& ballots = election.ballots;
    const bool withPoints = election.voteType == VoteType::Cumulative || election.voteType == VoteType::Scoring;
    const bool withChannel = !ballots.channels.empty();
    out += withPoints ? "VOTES\nvoter_id;vote;points" : "VOTES\nvoter_id;vote";
    out += withChannel ? ";channel\n" : "\n";
    std::string vote;
    std::string points;
    std::string voterNumber;
    for (std::size_t b = 0; b < ballots.count(); ++b) {
        vote.clear();
        points.clear();
        const std::size_t end = std::min<std::size_t>(ballots.ballotStart[b + 1], ballots.projects.size());
        for (std::size_t i = ballots.ballotStart[b]; i < end; ++i) {
            const std::uint32_t project = ballots.projects[i];
            if (project >= election.projects.size()) continue;  // not a valid Election: left out, not crashed on
            if (!vote.empty()) {
                vote += ',';
                if (withPoints) points += ',';
            }
            vote += election.projects[project].id;
            if (withPoints) appendInteger(points, i < ballots.points.size() ? ballots.points[i] : 0);
        }
        if (b < ballots.voterIds.size()) {
            appendFirstField(out, ballots.voterIds[b]);
        } else {
            voterNumber = std::to_string(b + 1);
            appendFirstField(out, voterNumber);
        }
        out += ';';
        appendField(out, vote);
        if (withPoints) {
            out += ';';
            out += points;
        }
        if (withChannel) {
            out += ';';
            appendField(out, b < ballots.channels.size() ? std::string_view(ballots.channels[b]) : std::string_view("None"));
        }
        out += '\n';
    }
}

}  // namespace

Result<Election> readPabulib(std::string_view text) {
    try {
        return PabulibReader(text).read();
    } catch (const std::bad_alloc&) {
        return makeError(ErrorCode::InvalidInput, "not enough memory to read the file");
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidInput, std::string("the file could not be read: ") + e.what());
    }
}

std::string writePabulib(const Election& election) {
    std::string out;
    out.reserve(4096 + election.projects.size() * 128 + election.ballots.projects.size() * 8 +
                election.ballots.count() * 16);
    writeMeta(out, election);
    writeProjects(out, election);
    writeVotes(out, election);
    return out;
}

}  // namespace buurtstem::tally
