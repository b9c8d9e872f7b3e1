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
// Moves the row's string into the cell: 100,000 initiatives are millions of strings.
Cell text(std::string&& value) { return Cell(std::move(value)); }
Cell text(const char* value) { return Cell(std::string(value)); }
Cell whole(std::int64_t value) { return Cell(value); }
Cell optionalCents(const std::optional<std::int64_t>& cents) { return cents ? Cell(*cents) : Cell(); }

// "2025-11-28 14:03" on the local clock: the time a person at the kiosk saw.
std::string localMinute(std::uint64_t ms) {
    const LocalTime t = localTime(ms);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
    return buffer;
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

template <class Item, class IdOf>
std::string joinIds(const std::vector<Item>& items, IdOf&& idOf, std::string_view between = ", ") {
    std::string joined;
    for (const Item& item : items) {
        if (!joined.empty()) joined += between;
        joined += idOf(item);
    }
    return joined;
}

std::string partnerList(const std::vector<Partner>& partners) {
    return joinIds(partners, [](Partner p) { return std::string(partnerId(p)); });
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

// Takes the texts out of the read rows, which are not used again.
void addIdeaCells(std::vector<Cell>& row, Idea& idea, ModerationRecord& m, std::string& mergedIntoReference,
                  std::string& kioskId, std::string& neighbourhood) {
    std::optional<Classification>& c = m.classification;
    // The reference staff can look up; the id when the idea it joined is not in this database.
    std::string& mergedInto = mergedIntoReference.empty() ? m.mergedInto : mergedIntoReference;
    std::array<Cell, 19> cells = {
        text(std::move(idea.reference)),
        text(idea.kind == IdeaKind::Initiative ? "initiative" : "idea"),
        text(statusId(idea.status)),
        text(themeId(idea.theme)),
        text(std::move(idea.title)),
        text(std::move(idea.body)),
        text(std::move(m.originalTitle).value_or("")),
        text(std::move(m.originalBody).value_or("")),
        text(std::move(idea.place)),
        whole(idea.supports),
        text(localMinute(idea.created.wallMs())),
        text(std::move(neighbourhood)),
        text(std::move(kioskId)),
        text(c && c->dimension ? dimensionId(*c->dimension) : ""),
        text(c ? partnerList(c->partners) : ""),
        c ? optionalCents(c->costCents) : Cell(),
        text(c ? std::move(c->feasibility) : std::string()),
        text(m.hiddenReason ? hideReasonId(*m.hiddenReason) : ""),
        text(std::move(mergedInto)),
    };
    row.insert(row.end(), std::make_move_iterator(cells.begin()), std::make_move_iterator(cells.end()));
}

void addContactCells(std::vector<Cell>& row, const storage::StaffSecretKey& key, const std::string& sealed) {
    const std::optional<storage::OpenedContact> contact = storage::openSealedContact(sealed, key);
    // A contact sealed to another key is said as such, never left silently blank.
    const std::string unopened = sealed.empty() ? "" : "(not for this key)";
    row.push_back(text(contact ? contact->name : unopened));
    row.push_back(text(contact ? contact->address : unopened));
}

Table ideasTable(const storage::KioskStore& store, const std::string& neighbourhood, const storage::StaffSecretKey* key,
                 bool initiatives, const RowSink& sink) {
    Table table;
    table.what = initiatives ? "initiatives" : "ideas";
    table.columns = kIdeaColumns;
    if (initiatives) table.columns.insert(table.columns.end(), kInitiativeColumns.begin(), kInitiativeColumns.end());
    if (key) table.columns.insert(table.columns.end(), kContactColumns.begin(), kContactColumns.end());

    const auto keep = [&](const std::string& rowNeighbourhood) { return neighbourhood.empty() || rowNeighbourhood == neighbourhood; };

    if (!initiatives) {
        std::vector<std::string> sealed;
        std::vector<storage::KioskStore::IdeaRow> ideas = store.ideaRows(key ? &sealed : nullptr);
        for (std::size_t i = 0; i < ideas.size(); ++i) {
            storage::KioskStore::IdeaRow& r = ideas[i];
            if (!keep(r.neighbourhood)) continue;
            std::vector<Cell> row;
            row.reserve(table.columns.size());
            addIdeaCells(row, r.idea, r.moderation, r.mergedIntoReference, r.kioskId, r.neighbourhood);
            if (key) addContactCells(row, *key, sealed[i]);
            table.rows.push_back(std::move(row));
        }
        return table;
    }
    // The sealed contacts only when they are to be opened: a second pass over every idea.
    std::unordered_map<std::string, std::string> sealedById;
    if (key) {
        std::vector<std::string> sealed;
        const std::vector<storage::KioskStore::IdeaRow> ideas = store.ideaRows(&sealed);
        for (std::size_t i = 0; i < ideas.size(); ++i)
            if (ideas[i].idea.kind == IdeaKind::Initiative) sealedById.emplace(ideas[i].idea.id, std::move(sealed[i]));
    }
    store.eachInitiative([&](storage::InitiativeRow& r) {
        if (!keep(r.neighbourhood)) return;
        std::vector<Cell> row;
        row.reserve(table.columns.size());
        const std::string ideaId = r.idea.id;
        const std::int64_t requested = r.idea.budgetCents;
        addIdeaCells(row, r.idea, r.moderation, r.mergedIntoReference, r.kioskId, r.neighbourhood);
        InitiativePlan& plan = r.plan;
        InitiativeProgress& p = r.progress;
        std::array<Cell, 13> cells = {
            text(std::move(plan.when)),
            text(joinIds(plan.audience, [](Audience a) { return std::string(audienceId(a)); })),
            whole(plan.helpers),
            // "; " between lines: a line's own text may hold commas ("Zaden, plantjes en aarde").
            text(joinIds(plan.budget, [](const BudgetLine& l) { return l.description + " " + exporting::formatCents(l.amountCents); },
                         "; ")),
            whole(requested),
            whole(plan.ownMoneyCents),
            text(std::move(plan.ownInKind)),
            text(partnerList(plan.partners)),
            text(pipelineStageId(p.stage)),
            whole(p.grantedCents),
            whole(p.spentCents),
            text(std::move(p.note)),
            text(p.updatedMs > 0 ? localMinute(p.updatedMs) : ""),
        };
        row.insert(row.end(), std::make_move_iterator(cells.begin()), std::make_move_iterator(cells.end()));
        if (key) {
            const auto at = sealedById.find(ideaId);
            addContactCells(row, *key, at != sealedById.end() ? at->second : std::string());
        }
        if (sink)
            sink(table, std::move(row));
        else
            table.rows.push_back(std::move(row));
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
    if (what == "initiatives") return ideasTable(store, neighbourhood, staffKey, true, sink);
    Table table = what == "ideas"   ? ideasTable(store, neighbourhood, staffKey, false, {})
                  : what == "needs" ? needsTable(store, neighbourhood)
                  : what == "pulse" ? pulseTable(store, neighbourhood)
                  : what == "rounds" ? roundsTable(store, roundId)
                                     : eveningsTable(store);
    if (sink) {
        for (std::vector<Cell>& row : table.rows) sink(table, std::move(row));
        table.rows.clear();
    }
    return table;
}

}  // namespace buurtstem::cli
