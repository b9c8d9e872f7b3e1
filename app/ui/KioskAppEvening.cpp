// KioskApp's part for residents' evenings: the view of the current evening, and the facilitator's
// actions on it, each written to the audit log. Split from KioskApp.cpp to keep that file about
// the kiosk as a whole.
#include "KioskApp.h"

#include "EveningReport.h"

#include "../../storage/KioskStore.h"

#include <filesystem>
#include <system_error>

namespace buurtstem::ui {

namespace {

// "Welkom en koffie (10 min)", one line per item, for the audit log's before and after.
std::string planText(const Evening& e) {
    std::string text = e.title + "\n" + formatIsoDate(e.date) + " " + formatClock(e.startMinute) + ", " + e.place;
    for (const AgendaItem& item : e.agenda) text += "\n" + item.title + " (" + std::to_string(item.minutes) + " min)";
    return text;
}

std::string checkInText(const CheckIn& c) {
    if (!c.street.empty()) return c.street;
    return c.postcode;
}

}  // namespace

void KioskApp::refreshEvening() {
    view_.currentEvening.reset();
    if (const std::optional<std::string> id = store_.currentEveningId()) view_.currentEvening = store_.eveningSummary(*id);
    std::error_code ec;
    view_.eveningReportFolder =
        (settings_.reportFolder.empty() ? std::filesystem::temp_directory_path(ec) / "buurtstem-reports" : settings_.reportFolder).string();
}

void KioskApp::startEveningPlan() {
    EveningDesk& desk = state_.evening;
    if (view_.currentEvening) {
        desk.plan = view_.currentEvening->evening;
    } else {
        desk.plan = Evening{};
        desk.plan.date = localDate(store_.clockMs());
        desk.plan.startMinute = 19 * 60 + 30;
        desk.plan.agenda = {{"", 10}};
    }
    desk.planDate = formatIsoDate(desk.plan.date);
    desk.planTime = formatClock(desk.plan.startMinute);
    desk.planMinutes.clear();
    for (const AgendaItem& item : desk.plan.agenda) desk.planMinutes.push_back(std::to_string(item.minutes));
    desk.focus = EveningField::None;
    desk.showProblems = false;
    desk.problemKey = nullptr;
    keyboard_.reset();
    go(ScreenId::EveningPlan);
}

void KioskApp::saveEveningPlan() {
    EveningDesk& desk = state_.evening;
    Evening plan = desk.plan;
    const std::optional<CivilDate> date = parseIsoDate(desk.planDate);
    const std::optional<int> time = parseClock(desk.planTime);
    plan.date = date.value_or(CivilDate{0, 0, 0});
    plan.startMinute = time.value_or(-1);
    for (std::size_t i = 0; i < plan.agenda.size(); ++i) {
        const std::string typed = i < desk.planMinutes.size() ? desk.planMinutes[i] : "";
        plan.agenda[i].minutes = typed.empty() || typed.size() > 3 || typed.find_first_not_of("0123456789") != std::string::npos ? 0 : std::stoi(typed);
    }
    desk.showProblems = true;
    if (!validateEvening(trimEvening(plan)).empty()) {
        desk.problemKey = "evening.plan.check";
        return;
    }
    const std::string before = view_.currentEvening && view_.currentEvening->evening.id == plan.id ? planText(view_.currentEvening->evening) : "";
    const Result<Evening> saved = store_.saveEvening(plan);
    if (!saved) {
        desk.problemKey = saveProblemKey(saved.error().code);  // the plan stays on screen as typed
        return;
    }
    audit(kAuditEveningSaved, saved->id, before, planText(*saved));
    desk.showProblems = false;
    desk.problemKey = nullptr;
    desk.doneKey = "evening.plan.saved";
    desk.focus = EveningField::None;
    refreshView();
    // The saved plan is the current one when it is today's or the next; show it either way.
    if (!view_.currentEvening || view_.currentEvening->evening.id != saved->id) view_.currentEvening = store_.eveningSummary(saved->id);
    state_.history.clear();
    state_.history.push_back(ScreenId::FacilitatorHome);
    state_.screen = ScreenId::EveningRun;
    pageScroll_.reset();
}

void KioskApp::saveMinutesWith(Minutes minutes, const char* doneKey) {
    EveningDesk& desk = state_.evening;
    if (!view_.currentEvening) return;
    const std::string id = view_.currentEvening->evening.id;
    const Result<Minutes> saved = store_.saveMinutes(id, minutes);
    if (!saved) {
        desk.problemKey = saved.error().code == ErrorCode::InvalidInput ? "evening.minutes.check" : saveProblemKey(saved.error().code);
        return;
    }
    const auto count = [](const Minutes& m) {
        return std::to_string(m.decisions.size()) + " decisions, " + std::to_string(m.actions.size()) + " action items" +
               (m.next ? ", next " + formatIsoDate(m.next->date) + " " + formatClock(m.next->startMinute) + " " + m.next->place : "");
    };
    audit(kAuditMinutesSaved, id, count(view_.currentEvening->minutes), count(*saved));
    desk.problemKey = nullptr;
    desk.doneKey = doneKey;
    desk.focus = EveningField::None;
    refreshView();
}

void KioskApp::makeEveningReport() {
    EveningDesk& desk = state_.evening;
    if (!view_.currentEvening) return;
    const Evening& evening = view_.currentEvening->evening;
    const std::filesystem::path folder = view_.eveningReportFolder;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
        desk.problemKey = "evening.report.cannot_write";
        return;
    }
    const Result<EveningReportFiles> files =
        writeEveningReport(store_, translator_, evening.id, reportFileFor(folder, evening, ".pdf"), reportFileFor(folder, evening, ".ics"));
    if (!files) {
        desk.problemKey = "evening.report.cannot_write";
        return;
    }
    desk.problemKey = nullptr;
    desk.doneKey = files->ics ? "evening.report.written_both" : "evening.report.written_pdf";
    desk.reportWhere = files->pdf.string() + (files->ics ? "\n" + files->ics->string() : "");
    audit(kAuditEveningReport, evening.id, "", desk.reportWhere);
}

void KioskApp::applyEvening(const Actions& actions) {
    if (state_.facilitator.label.empty()) return;  // locked: nothing of an evening changes
    EveningDesk& desk = state_.evening;
    const bool any = actions.openEvening || actions.editEvening || actions.saveEvening || actions.eveningCheckIn ||
                     actions.startAgendaItem || actions.openDotVote || actions.giveDot || actions.closeDotVote || actions.addDecision ||
                     actions.addAction || actions.saveNextEvening || actions.makeEveningReport;
    if (!any) return;
    desk.doneKey = nullptr;
    if (actions.openEvening) {
        desk.problemKey = nullptr;
        refreshView();
        go(ScreenId::EveningRun);
    }
    if (actions.editEvening) startEveningPlan();
    if (actions.saveEvening) saveEveningPlan();
    if (!view_.currentEvening) return;  // everything below is about the evening that runs
    const std::string eveningId = view_.currentEvening->evening.id;
    if (actions.eveningCheckIn) {
        CheckIn checkIn;
        if (!desk.postcode.empty()) {
            const std::optional<std::string> postcode = normalisePostcode(desk.postcode);
            if (!postcode) {
                desk.problemKey = "evening.checkin.bad_postcode";  // not counted: the facilitator fixes it or clears it
                return;
            }
            checkIn.postcode = *postcode;
        } else {
            checkIn.street = desk.street;
        }
        const std::int64_t before = view_.currentEvening->checkInCount;
        if (const Result<void> stored = store_.checkIn(eveningId, checkIn); !stored) {
            desk.problemKey = saveProblemKey(stored.error().code);
            return;
        }
        audit(kAuditEveningCheckIn, eveningId, std::to_string(before), std::to_string(before + 1) + (checkInText(checkIn).empty() ? "" : " " + checkInText(checkIn)));
        desk.problemKey = nullptr;
        desk.street.clear();
        desk.postcode.clear();
        desk.focus = EveningField::None;
        refreshView();
    }
    if (actions.startAgendaItem) {
        const std::optional<std::size_t> was = view_.currentEvening->runningItem;
        if (const Result<void> started = store_.startAgendaItem(eveningId, *actions.startAgendaItem); !started) {
            desk.problemKey = saveProblemKey(started.error().code);
        } else {
            const auto& agenda = view_.currentEvening->evening.agenda;
            audit(kAuditEveningItemStarted, eveningId, was && *was < agenda.size() ? agenda[*was].title : "", agenda[*actions.startAgendaItem].title);
            desk.problemKey = nullptr;
            refreshView();
        }
    }
    if (actions.openDotVote) {
        const Result<DotVote> vote = store_.openDotVote(eveningId, desk.question, desk.options);
        if (!vote) {
            desk.showProblems = true;
            desk.problemKey = vote.error().code == ErrorCode::InvalidInput ? "evening.vote.check" : saveProblemKey(vote.error().code);
        } else {
            std::string options;
            for (const std::string& option : vote->options) options += (options.empty() ? "" : "\n") + option;
            audit(kAuditDotVoteOpened, vote->id, "", vote->question + "\n" + options);
            desk.question.clear();
            desk.options = {"", ""};
            desk.showProblems = false;
            desk.problemKey = nullptr;
            desk.focus = EveningField::None;
            refreshView();
        }
    }
    if (actions.giveDot) {
        if (const DotVote* open = view_.currentEvening ? view_.currentEvening->openDotVote() : nullptr; open && *actions.giveDot < open->options.size()) {
            const std::string voteId = open->id;
            const std::string option = open->options[*actions.giveDot];
            const std::int64_t before = open->dots[*actions.giveDot];
            if (const Result<void> given = store_.giveDot(voteId, *actions.giveDot); !given) {
                desk.problemKey = saveProblemKey(given.error().code);
            } else {
                audit(kAuditDotGiven, voteId, option + ": " + std::to_string(before), option + ": " + std::to_string(before + 1));
                desk.problemKey = nullptr;
                refreshView();
            }
        }
    }
    if (actions.closeDotVote && view_.currentEvening) {
        if (const DotVote* open = view_.currentEvening->openDotVote()) {
            const std::string voteId = open->id;
            if (const Result<void> closed = store_.closeDotVote(voteId); !closed) {
                desk.problemKey = saveProblemKey(closed.error().code);
            } else {
                audit(kAuditDotVoteClosed, voteId, "open", "closed");
                desk.problemKey = nullptr;
                desk.doneKey = "evening.vote.closed";
                refreshView();
            }
        }
    }
    if (!view_.currentEvening) return;
    if (actions.addDecision) {
        Minutes minutes = view_.currentEvening->minutes;
        minutes.decisions.push_back({desk.decision, desk.decisionIdeaId});
        saveMinutesWith(std::move(minutes), "evening.minutes.decision_added");
        if (!desk.problemKey) {
            desk.decision.clear();
            desk.decisionIdeaId.clear();
        }
    }
    if (actions.addAction) {
        Minutes minutes = view_.currentEvening->minutes;
        ActionItem action;
        action.who = desk.actionWho;
        action.what = desk.actionWhat;
        if (!desk.actionDue.empty()) {
            action.due = parseIsoDate(desk.actionDue);
            if (!action.due) {
                desk.problemKey = "evening.problem.date";
                return;
            }
        }
        minutes.actions.push_back(std::move(action));
        saveMinutesWith(std::move(minutes), "evening.minutes.action_added");
        if (!desk.problemKey) {
            desk.actionWho.clear();
            desk.actionWhat.clear();
            desk.actionDue.clear();
        }
    }
    if (actions.saveNextEvening) {
        Minutes minutes = view_.currentEvening->minutes;
        const std::optional<CivilDate> date = parseIsoDate(desk.nextDate);
        const std::optional<int> time = parseClock(desk.nextTime);
        if (!date || !time) {
            desk.problemKey = !date ? "evening.problem.date" : "evening.problem.time";
            return;
        }
        NextEvening next;
        next.date = *date;
        next.startMinute = *time;
        next.place = desk.nextPlace.empty() ? view_.currentEvening->evening.place : desk.nextPlace;
        next.minutes = std::max(60, view_.currentEvening->evening.totalMinutes());
        minutes.next = std::move(next);
        saveMinutesWith(std::move(minutes), "evening.minutes.next_saved");
    }
    if (actions.makeEveningReport) makeEveningReport();
}

void KioskApp::showEveningForScreenshot(ScreenId screen) {
    state_.facilitator.label = "Anna (opbouwwerk)";
    if (!view_.currentEvening) return;
    const std::string id = view_.currentEvening->evening.id;
    if (screen == ScreenId::EveningPlan) {
        startEveningPlan();
        state_.history.clear();
        state_.screen = screen;
        return;
    }
    // An evening under way: people in, the second item running, a dot vote with dots, minutes.
    if (view_.currentEvening->checkInCount == 0) {
        const std::vector<std::string> places = store_.places();
        for (int i = 0; i < 23; ++i) {
            CheckIn c;
            if (i % 3 == 0 && !places.empty()) c.street = places[static_cast<std::size_t>(i) % places.size()];
            else if (i % 4 == 1) c.postcode = i % 8 == 1 ? "1092" : "1093";  // a street or a postcode, never both
            (void)store_.checkIn(id, c);
        }
        (void)store_.startAgendaItem(id, 1);
        if (screen == ScreenId::EveningVote) {
            Result<DotVote> vote = store_.openDotVote(id, translator_.tr("example.evening.question"),
                                                      {translator_.tr("example.evening.option1"), translator_.tr("example.evening.option2"),
                                                       translator_.tr("example.evening.option3")});
            if (vote)
                for (std::size_t i : {0u, 0u, 0u, 1u, 2u, 2u, 0u, 1u, 0u}) (void)store_.giveDot(vote->id, i);
        }
        if (screen == ScreenId::EveningMinutes) {
            Minutes minutes;
            minutes.decisions.push_back({translator_.tr("example.evening.decision"), ""});
            minutes.actions.push_back({"Anna", translator_.tr("example.evening.action"), CivilDate{2026, 12, 12}});
            (void)store_.saveMinutes(id, minutes);
        }
        refreshView();
    }
    state_.history.clear();
    state_.screen = screen;
}

}  // namespace buurtstem::ui
