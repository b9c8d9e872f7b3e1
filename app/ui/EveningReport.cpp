// Composing and writing an evening's report and invitation (see EveningReport.h).
#include "EveningReport.h"

#include "ThemeLook.h"
#include "../print/AtomicFile.h"

#include <algorithm>
#include <map>

namespace buurtstem::ui {

namespace {

constexpr const char* kMonthKeys[12] = {"month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
                                        "month.7", "month.8", "month.9", "month.10", "month.11", "month.12"};

print::ReportLine bulletLine(std::string text) {
    print::ReportLine line;
    line.text = std::move(text);
    line.bullet = true;
    return line;
}

const Idea* findIdea(const std::vector<Idea>& ideas, const std::string& id) {
    for (const Idea& idea : ideas)
        if (idea.id == id) return &idea;
    return nullptr;
}

}  // namespace

std::string eveningDate(const i18n::Translator& tr, const CivilDate& date) {
    if (date.month < 1 || date.month > 12) return formatIsoDate(date);
    return tr.format("date.day_month_year",
                     {{"day", std::to_string(date.day)}, {"month", tr.tr(kMonthKeys[date.month - 1])}, {"year", std::to_string(date.year)}});
}

print::EveningReport composeEveningReport(const i18n::Translator& tr, const EveningSummary& s, const std::vector<Idea>& ideas,
                                          const std::string& neighbourhood) {
    print::EveningReport report;
    const Evening& e = s.evening;
    report.title = e.title;
    report.subtitle.push_back(tr.format("evening.report.when", {{"date", eveningDate(tr, e.date)}, {"time", formatClock(e.startMinute)}}));
    report.subtitle.push_back(e.place);
    if (!neighbourhood.empty()) report.subtitle.push_back(neighbourhood);
    report.footer = tr.tr("evening.report.footer");
    report.rightToLeft = tr.language().rightToLeft;
    const std::string nothing = tr.tr("evening.report.nothing");

    print::ReportSection attendance{tr.tr("evening.report.attendance"), {}, nothing};
    print::ReportLine people;
    people.text = tr.format("evening.report.people", {{"count", std::to_string(s.checkInCount)}});
    people.strong = true;
    attendance.lines.push_back(people);
    std::int64_t withPlace = 0;
    const auto reach = [&](const char* headingKey, const std::vector<ReachCount>& counts) {
        if (counts.empty()) return;
        print::ReportLine heading;
        heading.text = tr.tr(headingKey);
        attendance.lines.push_back(heading);
        for (const ReachCount& c : counts) {
            attendance.lines.push_back(bulletLine(tr.format("evening.report.reach_line", {{"place", c.key}, {"count", std::to_string(c.count)}})));
            withPlace += c.count;
        }
    };
    reach("evening.report.by_street", s.byStreet);
    reach("evening.report.by_postcode", s.byPostcode);
    if (withPlace > 0 && s.checkInCount > withPlace)
        attendance.lines.push_back(bulletLine(tr.format("evening.report.not_asked", {{"count", std::to_string(s.checkInCount - withPlace)}})));
    report.sections.push_back(std::move(attendance));

    print::ReportSection agenda{tr.tr("evening.report.agenda"), {}, nothing};
    int minute = e.startMinute;
    for (const AgendaItem& item : e.agenda) {
        agenda.lines.push_back(bulletLine(tr.format("evening.report.item", {{"time", formatClock(minute % (24 * 60))},
                                                                              {"title", item.title},
                                                                              {"minutes", std::to_string(item.minutes)}})));
        minute += item.minutes;
    }
    report.sections.push_back(std::move(agenda));

    print::ReportSection votes{tr.tr("evening.report.dot_votes"), {}, nothing};
    for (const DotVote& vote : s.dotVotes) {
        print::ReportLine question;
        question.text = vote.question;
        question.strong = true;
        votes.lines.push_back(question);
        const std::int64_t most = vote.dots.empty() ? 0 : *std::max_element(vote.dots.begin(), vote.dots.end());
        for (std::size_t i = 0; i < vote.options.size(); ++i) {
            print::ReportLine option = bulletLine(
                tr.format("evening.report.option", {{"option", vote.options[i]}, {"dots", std::to_string(vote.dots[i])}}));
            option.bar = most > 0 ? static_cast<double>(vote.dots[i]) / static_cast<double>(most) : 0.0;
            votes.lines.push_back(option);
        }
    }
    report.sections.push_back(std::move(votes));

    // What we heard: the neighbourhood's approved ideas and initiatives, by theme, most supported first.
    print::ReportSection heard{tr.tr("evening.report.heard"), {}, nothing};
    for (Theme theme : kAllThemes) {
        std::vector<const Idea*> inTheme;
        for (const Idea& idea : ideas)
            if (idea.theme == theme) inTheme.push_back(&idea);
        if (inTheme.empty()) continue;
        std::stable_sort(inTheme.begin(), inTheme.end(), [](const Idea* a, const Idea* b) { return a->supports > b->supports; });
        print::ReportLine heading;
        heading.text = tr.tr(themeLabelKey(theme));
        heading.strong = true;
        heard.lines.push_back(heading);
        for (const Idea* idea : inTheme) {
            const bool initiative = idea->kind == IdeaKind::Initiative;
            // "supported 0 times" says nothing: then the title alone.
            if (idea->supports > 0)
                heard.lines.push_back(bulletLine(tr.format(initiative ? "evening.report.initiative_line" : "evening.report.idea_line",
                                                           {{"title", idea->title}, {"supports", std::to_string(idea->supports)}})));
            else
                heard.lines.push_back(bulletLine(initiative ? tr.format("evening.report.initiative", {{"title", idea->title}}) : idea->title));
        }
    }
    report.sections.push_back(std::move(heard));

    print::ReportSection decisions{tr.tr("evening.report.decisions"), {}, nothing};
    for (const Decision& d : s.minutes.decisions) {
        std::string text = d.text;
        if (const Idea* idea = findIdea(ideas, d.ideaId)) text += "\n" + tr.format("evening.report.about", {{"title", idea->title}});
        decisions.lines.push_back(bulletLine(std::move(text)));
    }
    report.sections.push_back(std::move(decisions));

    print::ReportSection actions{tr.tr("evening.report.actions"), {}, nothing};
    for (const ActionItem& a : s.minutes.actions)
        actions.lines.push_back(bulletLine(a.due ? tr.format("evening.report.action_due", {{"who", a.who}, {"what", a.what}, {"date", eveningDate(tr, *a.due)}})
                                                 : tr.format("evening.report.action", {{"who", a.who}, {"what", a.what}})));
    report.sections.push_back(std::move(actions));

    print::ReportSection next{tr.tr("evening.report.next"), {}, nothing};
    if (const std::optional<NextEvening>& n = s.minutes.next)
        next.lines.push_back(bulletLine(tr.format("evening.report.next_line",
                                                  {{"date", eveningDate(tr, n->date)}, {"time", formatClock(n->startMinute)}, {"place", n->place}})));
    report.sections.push_back(std::move(next));
    return report;
}

std::optional<std::string> nextEveningCalendar(const i18n::Translator& tr, const EveningSummary& s, const std::string& neighbourhood,
                                               std::uint64_t nowMs) {
    if (!s.minutes.next) return std::nullopt;
    const NextEvening& n = *s.minutes.next;
    CalendarInvite invite;
    invite.uid = s.evening.id + "-next@buurtstem";
    invite.summary = s.evening.title;
    invite.location = n.place;
    invite.description = tr.format("evening.ics.description", {{"neighbourhood", neighbourhood}});
    invite.date = n.date;
    invite.startMinute = n.startMinute;
    invite.minutes = n.minutes;
    invite.stampMs = nowMs;
    return writeCalendarInvite(invite);
}

std::filesystem::path reportFileFor(const std::filesystem::path& folder, const Evening& evening, const char* extension) {
    return folder / ("bewonersavond-" + formatIsoDate(evening.date) + extension);
}

Result<EveningReportFiles> writeEveningReport(const storage::KioskStore& store, const i18n::Translator& tr, const std::string& eveningId,
                                              const std::filesystem::path& pdf, const std::optional<std::filesystem::path>& ics) {
    const std::optional<EveningSummary> summary = store.eveningSummary(eveningId);
    if (!summary) {
        if (std::optional<Error> error = store.lastReadError()) return *error;
        return makeError(ErrorCode::NotFound, "no evening " + eveningId);
    }
    const std::string neighbourhood = store.neighbourhoodName();
    EveningReportFiles files;
    files.pdf = pdf;
    Result<int> pages = print::writeEveningReportPdf(pdf, composeEveningReport(tr, *summary, store.visibleIdeas(), neighbourhood));
    if (!pages) return pages.error();
    files.pages = *pages;
    if (ics) {
        if (std::optional<std::string> calendar = nextEveningCalendar(tr, *summary, neighbourhood, store.clockMs())) {
            Result<print::AtomicFile> file = print::AtomicFile::create(*ics);
            if (!file) return file.error();
            file->write(*calendar);
            if (Result<void> committed = file->commit(); !committed) return committed.error();
            files.ics = *ics;
        }
    }
    return files;
}

}  // namespace buurtstem::ui
