// The export's tables (see ExportTables.h): one function per list, each reading its rows in a
// fixed number of queries, in a stable order, with nothing taken from the clock but a round's
// status.
#include "ExportTables.h"

#include "CommandText.h"

#include "../core/Evening.h"
#include "../core/round/RoundTally.h"
#include "../../storage/KioskStore.h"
#include "../../storage/StaffContacts.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace buurtstem::cli {

namespace {

using exporting::Cell;
using exporting::Column;
using exporting::ColumnType;
using exporting::Table;

// [SECTION] Cells

Cell text(std::string_view value) { return Cell(std::string(value)); }
// Takes a string made for the cell (a formatted time) without a copy.
Cell text(std::string&& value) { return Cell(std::move(value)); }
Cell text(const char* value) { return Cell(std::string(value)); }
Cell whole(std::int64_t value) { return Cell(value); }
Cell optionalCents(const std::optional<std::int64_t>& cents) { return cents ? Cell(*cents) : Cell(); }

// "2025-11-28 14:03" on the local clock: the time a person at the kiosk saw, written in `buffer`.
std::string_view localMinute(std::uint64_t ms, std::array<char, 32>& buffer) {
    const LocalTime t = localTime(ms);
    const int length =
        std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return {buffer.data(), static_cast<std::size_t>(std::clamp(length, 0, static_cast<int>(buffer.size()) - 1))};
}
std::string localMinute(std::uint64_t ms) {
    std::array<char, 32> buffer;
    return std::string(localMinute(ms, buffer));
}

std::string dateText(const CivilDate& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::string minuteText(int minuteOfDay) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minuteOfDay / 60 % 24, minuteOfDay % 60);
    return buffer;
}

std::string_view statusId(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::New: return "new";
        case IdeaStatus::Approved: return "approved";
        case IdeaStatus::Hidden: return "hidden";
    }
    return "new";
}

// [SECTION] Ideas and initiatives

// The columns ideas and initiatives share, then what an initiative adds, then the contact.
const std::vector<Column> kIdeaColumns = {
    {"reference", ColumnType::Text},     {"kind", ColumnType::Text},          {"status", ColumnType::Text},
    {"theme", ColumnType::Text},         {"title", ColumnType::Text},         {"body", ColumnType::Text},
    {"original_title", ColumnType::Text}, {"original_body", ColumnType::Text}, {"place", ColumnType::Text},
    {"supports", ColumnType::Integer},   {"created", ColumnType::Text},       {"neighbourhood", ColumnType::Text},
    {"kiosk", ColumnType::Text},         {"dimension", ColumnType::Text},     {"partners", ColumnType::Text},
    {"cost_estimate", ColumnType::Money}, {"feasibility", ColumnType::Text},  {"hidden_reason", ColumnType::Text},
    {"merged_into", ColumnType::Text},
};
const std::vector<Column> kInitiativeColumns = {
    {"when", ColumnType::Text},          {"audience", ColumnType::Text},      {"helpers", ColumnType::Integer},
    {"budget_lines", ColumnType::Text},  {"requested", ColumnType::Money},    {"own_money", ColumnType::Money},
    {"own_in_kind", ColumnType::Text},   {"wanted_partners", ColumnType::Text}, {"stage", ColumnType::Text},
    {"granted", ColumnType::Money},      {"spent", ColumnType::Money},        {"progress_note", ColumnType::Text},
    {"progress_updated", ColumnType::Text},
};
const std::vector<Column> kContactColumns = {{"contact_name", ColumnType::Text}, {"contact_address", ColumnType::Text}};

// [SUBSECTION] Cells written in place
// The ideas and initiatives are written into one row of cells, again for each row: a text cell
// keeps its string's memory, so 100,000 rows need no new memory for their texts.

// The cell's string, emptied.
std::string& textCell(Cell& cell) {
    if (std::string* held = std::get_if<std::string>(&cell)) {
        held->clear();
        return *held;
    }
    return cell.emplace<std::string>();
}
void setText(Cell& cell, std::string_view value) { textCell(cell).assign(value); }

void setLocalMinute(Cell& cell, std::uint64_t ms) {
    std::array<char, 32> buffer;
    setText(cell, localMinute(ms, buffer));
}

template <class Item, class IdOf>
void setIds(Cell& cell, const std::vector<Item>& items, IdOf&& idOf) {
    std::string& joined = textCell(cell);
    for (const Item& item : items) {
        if (!joined.empty()) joined += ", ";
        joined += idOf(item);
    }
}

constexpr std::size_t kIdeaCellCount = 19;

// Cells 0 to 18 of `row`, which is at least that long.
void setIdeaCells(std::vector<Cell>& row, const Idea& idea, const ModerationRecord& m, const std::string& mergedIntoReference,
                  const std::string& kioskId, const std::string& neighbourhood) {
    const std::optional<Classification>& c = m.classification;
    setText(row[0], idea.reference);
    setText(row[1], idea.kind == IdeaKind::Initiative ? "initiative" : "idea");
    setText(row[2], statusId(idea.status));
    setText(row[3], themeId(idea.theme));
    setText(row[4], idea.title);
    setText(row[5], idea.body);
    setText(row[6], m.originalTitle ? std::string_view(*m.originalTitle) : "");
    setText(row[7], m.originalBody ? std::string_view(*m.originalBody) : "");
    setText(row[8], idea.place);
    row[9] = whole(idea.supports);
    setLocalMinute(row[10], idea.created.wallMs());
    setText(row[11], neighbourhood);
    setText(row[12], kioskId);
    setText(row[13], c && c->dimension ? dimensionId(*c->dimension) : "");
    if (c)
        setIds(row[14], c->partners, partnerId);
    else
        setText(row[14], "");
    row[15] = c ? optionalCents(c->costCents) : Cell();
    setText(row[16], c ? std::string_view(c->feasibility) : "");
    setText(row[17], m.hiddenReason ? hideReasonId(*m.hiddenReason) : "");
    // The reference staff can look up; the id when the idea it joined is not in this database.
    setText(row[18], mergedIntoReference.empty() ? m.mergedInto : mergedIntoReference);
}

// Cells 19 to 31 of `row`: what an initiative adds.
void setInitiativeCells(std::vector<Cell>& row, const storage::InitiativeRow& r) {
    const InitiativePlan& plan = r.plan;
    const InitiativeProgress& p = r.progress;
    const std::size_t at = kIdeaCellCount;
    setText(row[at], plan.when);
    setIds(row[at + 1], plan.audience, audienceId);
    row[at + 2] = whole(plan.helpers);
    // "; " between lines: a line's own text may hold commas ("Zaden, plantjes en aarde").
    std::string& lines = textCell(row[at + 3]);
    for (const BudgetLine& line : plan.budget) {
        if (!lines.empty()) lines += "; ";
        lines += line.description;
        lines += ' ';
        exporting::appendCents(lines, line.amountCents);
    }
    row[at + 4] = whole(r.idea.budgetCents);
    row[at + 5] = whole(plan.ownMoneyCents);
    setText(row[at + 6], plan.ownInKind);
    setIds(row[at + 7], plan.partners, partnerId);
    setText(row[at + 8], pipelineStageId(p.stage));
    row[at + 9] = whole(p.grantedCents);
    row[at + 10] = whole(p.spentCents);
    setText(row[at + 11], p.note);
    if (p.updatedMs > 0)
        setLocalMinute(row[at + 12], p.updatedMs);
    else
        setText(row[at + 12], "");
}

// The last two cells of `row`.
void setContactCells(std::vector<Cell>& row, const storage::StaffSecretKey& key, const std::string& sealed) {
    const std::optional<storage::OpenedContact> contact = storage::openSealedContact(sealed, key);
    // A contact sealed to another key is said as such, never left silently blank.
    const std::string_view unopened = sealed.empty() ? "" : "(not for this key)";
    setText(row[row.size() - 2], contact ? std::string_view(contact->name) : unopened);
    setText(row[row.size() - 1], contact ? std::string_view(contact->address) : unopened);
}

Table ideasTable(const storage::KioskStore& store, const std::string& neighbourhood, const storage::StaffSecretKey* key,
                 bool initiatives, const RowSink& sink) {
    Table table;
    table.what = initiatives ? "initiatives" : "ideas";
    table.columns = kIdeaColumns;
    if (initiatives) table.columns.insert(table.columns.end(), kInitiativeColumns.begin(), kInitiativeColumns.end());
    if (key) table.columns.insert(table.columns.end(), kContactColumns.begin(), kContactColumns.end());

    const auto keep = [&](const std::string& rowNeighbourhood) { return neighbourhood.empty() || rowNeighbourhood == neighbourhood; };
    std::vector<Cell> row(table.columns.size());
    const auto hand = [&] {
        if (sink)
            sink(table, row);
        else
            table.rows.push_back(row);
    };

    if (!initiatives) {
        store.eachIdeaRow(
            [&](storage::KioskStore::IdeaRow& r, const std::string& sealed) {
                if (!keep(r.neighbourhood)) return;
                setIdeaCells(row, r.idea, r.moderation, r.mergedIntoReference, r.kioskId, r.neighbourhood);
                if (key) setContactCells(row, *key, sealed);
                hand();
            },
            key != nullptr);
        return table;
    }
    // The sealed contacts only when they are to be opened: a second pass over every idea. When it
    // fails, nothing more is read: a later read that works would clear lastReadError().
    std::unordered_map<std::string, std::string> sealedById;
    if (key) {
        const bool read = store.eachIdeaRow(
            [&](storage::KioskStore::IdeaRow& r, std::string& sealed) {
                if (r.idea.kind == IdeaKind::Initiative) sealedById.emplace(std::move(r.idea.id), std::move(sealed));
            },
            true);
        if (!read) return table;
    }
    store.eachInitiative([&](storage::InitiativeRow& r) {
        if (!keep(r.neighbourhood)) return;
        setIdeaCells(row, r.idea, r.moderation, r.mergedIntoReference, r.kioskId, r.neighbourhood);
        setInitiativeCells(row, r);
        if (key) {
            const auto at = sealedById.find(r.idea.id);
            setContactCells(row, *key, at != sealedById.end() ? at->second : std::string());
        }
        hand();
    });
    return table;
}

// [SECTION] Needs, pulse, rounds, evenings

Table needsTable(const storage::KioskStore& store, const std::string& neighbourhood) {
    Table table;
    table.what = "needs";
    table.columns = {{"row", ColumnType::Text}, {"group", ColumnType::Text}, {"option", ColumnType::Text},
                     {"count", ColumnType::Integer}, {"note", ColumnType::Text}};
    const MeetingNeedSummary summary = store.meetingNeedSummary(neighbourhood);
    table.rows.push_back({text("total"), text(""), text(""), whole(summary.needs), text("")});
    for (NeedGroup group : kAllNeedGroups) {
        const std::span<const char* const> options = needOptions(group);
        for (std::size_t o = 0; o < options.size(); ++o)
            table.rows.push_back({text("count"), text(needGroupId(group)), text(options[o]),
                                  whole(summary.counts[needGroupIndex(group)][o]), text("")});
    }
    for (const MeetingNeedNote& note : summary.notes)
        table.rows.push_back({text("note"), text(needGroupId(note.question)), text(""), Cell(), text(note.text)});
    return table;
}

Table pulseTable(const storage::KioskStore& store, const std::string& neighbourhood) {
    Table table;
    table.what = "pulse";
    table.columns = {{"month", ColumnType::Text}, {"aspect", ColumnType::Text}, {"average", ColumnType::Decimal},
                     {"count", ColumnType::Integer}};
    for (const storage::PulseMonth& month : store.pulseByMonth(neighbourhood)) {
        char label[16];
        std::snprintf(label, sizeof label, "%04d-%02d", month.year, month.month);
        for (PulseAspect aspect : kAllPulseAspects) {
            const std::size_t i = pulseIndex(aspect);
            table.rows.push_back({text(label), text(pulseAspectId(aspect)),
                                  month.count[i] > 0 ? Cell(month.average[i]) : Cell(), whole(month.count[i])});
        }
    }
    return table;
}

Table roundsTable(const storage::KioskStore& store, const std::string& roundId) {
    Table table;
    table.what = "rounds";
    table.columns = {{"round_id", ColumnType::Text},   {"round", ColumnType::Text},       {"budget", ColumnType::Money},
                     {"closes", ColumnType::Text},     {"status", ColumnType::Text},      {"ballots", ColumnType::Integer},
                     {"project_id", ColumnType::Text}, {"project", ColumnType::Text},     {"theme", ColumnType::Text},
                     {"cost", ColumnType::Money},      {"votes", ColumnType::Integer},    {"selected", ColumnType::Text}};
    const std::uint64_t now = nowMs();
    for (const BudgetRound& round : store.rounds()) {
        if (!roundId.empty() && round.id != roundId) continue;
        const std::vector<BallotDraft> ballots = store.roundBallots(round.id);
        // Only a round whose voting ended has an outcome; an open one shows its projects.
        std::optional<RoundOutcome> outcome;
        if (now >= round.closesMs && !ballots.empty()) {
            Result<RoundOutcome> counted = tallyRound(round, ballots, store.neighbourhoodName());
            if (counted) outcome = std::move(counted).value();
        }
        for (std::size_t p = 0; p < round.projects.size(); ++p) {
            const RoundProject& project = round.projects[p];
            const bool known = outcome && p < outcome->result.projects.size();
            table.rows.push_back({text(round.id), text(round.name), whole(round.budgetCents), text(localMinute(round.closesMs)),
                                  text(votingStatus(round, now)), whole(static_cast<std::int64_t>(ballots.size())),
                                  text(project.id), text(project.title), text(themeId(project.theme)), whole(project.costCents),
                                  known ? whole(outcome->result.projects[p].support) : Cell(),
                                  known ? text(outcome->result.projects[p].funded ? "yes" : "no") : Cell()});
        }
    }
    return table;
}

Table eveningsTable(const storage::KioskStore& store) {
    Table table;
    table.what = "evenings";
    table.columns = {{"evening_id", ColumnType::Text}, {"date", ColumnType::Text},    {"start", ColumnType::Text},
                     {"minutes", ColumnType::Integer}, {"title", ColumnType::Text},   {"place", ColumnType::Text},
                     {"checked_in", ColumnType::Integer}, {"decisions", ColumnType::Integer},
                     {"action_items", ColumnType::Integer}};
    for (const Evening& evening : store.evenings()) {
        const std::optional<EveningSummary> summary = store.eveningSummary(evening.id);
        table.rows.push_back({text(evening.id), text(dateText(evening.date)), text(minuteText(evening.startMinute)),
                              whole(evening.totalMinutes()), text(evening.title), text(evening.place),
                              summary ? whole(summary->checkInCount) : Cell(),
                              summary ? whole(static_cast<std::int64_t>(summary->minutes.decisions.size())) : Cell(),
                              summary ? whole(static_cast<std::int64_t>(summary->minutes.actions.size())) : Cell()});
    }
    return table;
}

}  // namespace

std::string eveningsCalendar(const storage::KioskStore& store) {
    std::vector<CalendarInvite> invites;
    for (const Evening& evening : store.evenings()) {
        CalendarInvite invite;
        invite.uid = evening.id + "@buurtstem";
        invite.summary = evening.title;
        invite.location = evening.place;
        std::string agenda;
        for (const AgendaItem& item : evening.agenda) agenda += item.title + " (" + std::to_string(item.minutes) + " min)\n";
        invite.description = agenda;
        invite.date = evening.date;
        invite.startMinute = evening.startMinute;
        invite.minutes = std::max(evening.totalMinutes(), 30);
        // From the data, not the clock: the same evenings give the same file.
        invite.stampMs = store.newestEventMs();
        invites.push_back(std::move(invite));
    }
    return writeCalendar(invites);
}

Table exportTable(const storage::KioskStore& store, const std::string& what, const std::string& neighbourhood,
                  const std::string& roundId, const storage::StaffSecretKey* staffKey, const RowSink& sink) {
    // Ideas and initiatives go to the sink as they are read; the short lists after.
    if (what == "ideas" || what == "initiatives") return ideasTable(store, neighbourhood, staffKey, what == "initiatives", sink);
    Table table = what == "needs"   ? needsTable(store, neighbourhood)
                  : what == "pulse" ? pulseTable(store, neighbourhood)
                  : what == "rounds" ? roundsTable(store, roundId)
                                     : eveningsTable(store);
    if (sink) {
        for (const std::vector<Cell>& row : table.rows) sink(table, row);
        table.rows.clear();
    }
    return table;
}

std::size_t writeCsvInPieces(const storage::KioskStore& store, const std::string& what, const std::string& neighbourhood,
                             const std::string& roundId, const storage::StaffSecretKey* staffKey, char separator,
                             std::size_t pieceBytes, const std::function<void(std::string_view piece)>& write) {
    std::optional<exporting::CsvWriter> csv;
    std::size_t rows = 0;
    const RowSink sink = [&](const Table& table, const std::vector<Cell>& row) {
        if (!csv) csv.emplace(table.columns, separator);
        csv->add(row);
        ++rows;
        if (csv->pending().size() >= pieceBytes) {
            write(csv->pending());
            csv->clearPending();
        }
    };
    const Table table = exportTable(store, what, neighbourhood, roundId, staffKey, sink);
    if (!csv) csv.emplace(table.columns, separator);  // no rows: the header alone
    write(csv->pending());
    return rows;
}

}  // namespace buurtstem::cli
