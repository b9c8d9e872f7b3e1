// A residents' evening on the kiosk, headless: a facilitator unlocks, checks people in (some with
// a postcode), runs a dot vote, notes a decision and an action item and the next evening, and
// makes the report; the files are there, the audit log says what happened, and the view holds
// what the presenter screen reads.
#include "Harness.h"

#include "app/ui/EveningReport.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <string>

using namespace buurtstem;
using test::Harness;

namespace {

constexpr const char* kPin = "284615";

void unlock(Harness& h) {
    REQUIRE(h.store().addFacilitator("Anna", kPin).ok());
    h.app().resetForNextResident();
    h.frames(1);
    h.press(20.0f, 20.0f, 2.5);
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorPin);
    for (const char digit : std::string(kPin)) REQUIRE(h.tap(std::string("#pin.") + digit));
    REQUIRE(h.tap("#pin.open"));
    REQUIRE(h.app().state().screen == ui::ScreenId::FacilitatorHome);
}

// Taps a field, types into it with the keyboard and puts the keyboard away.
void typeInto(Harness& h, std::string_view field, std::string_view text) {
    REQUIRE(h.tap(field));
    REQUIRE(h.has("#osk.done"));
    h.type(text);
    REQUIRE(h.tap("#osk.done"));
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int countPages(const std::string& pdf) {
    static const std::regex page(R"(/Type\s*/Page[^s])");
    return static_cast<int>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

}  // namespace

TEST_CASE("a facilitator runs the demo evening and makes its report", "[ui][evening]") {
    Harness h;
    unlock(h);
    REQUIRE(h.tap("facilitator.evening"));
    REQUIRE(h.app().state().screen == ui::ScreenId::EveningRun);
    REQUIRE(h.app().view().currentEvening.has_value());
    const std::string eveningId = h.app().view().currentEvening->evening.id;

    // Five people in: three without anything, two with a postcode.
    REQUIRE(h.tap("evening.checkin.in"));
    REQUIRE(h.tap("evening.checkin.in"));
    typeInto(h, "#evening.checkin.postcode", "1092");
    REQUIRE(h.tap("evening.checkin.in"));
    CHECK(h.app().state().evening.postcode.empty());  // one postcode per person
    typeInto(h, "#evening.checkin.postcode", "0999");
    REQUIRE(h.tap("evening.checkin.in"));
    CHECK(std::string(h.app().state().evening.problemKey) == "evening.checkin.bad_postcode");
    CHECK(h.app().view().currentEvening->checkInCount == 3);  // a bad postcode is not counted
    REQUIRE(h.tap("#evening.checkin.postcode"));  // the refused postcode stays, to be put right
    for (int i = 0; i < 4; ++i) REQUIRE(h.tap("#osk.backspace"));
    h.type("1093");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("evening.checkin.in"));
    REQUIRE(h.tap("evening.checkin.in"));
    const EveningSummary* evening = &*h.app().view().currentEvening;
    CHECK(evening->checkInCount == 5);
    CHECK(evening->byPostcode == std::vector<ReachCount>{{"1092", 1}, {"1093", 1}});

    // The first agenda item runs.
    REQUIRE(h.tap("evening.start_item"));
    CHECK(h.app().view().currentEvening->runningItem == 0u);
    REQUIRE(h.tap("evening.next_item"));
    CHECK(h.app().view().currentEvening->runningItem == 1u);

    // A dot vote: question and three options, dots, closed.
    REQUIRE(h.tap("evening.vote.start"));
    REQUIRE(h.app().state().screen == ui::ScreenId::EveningVote);
    REQUIRE(h.tap("evening.vote.begin"));  // nothing typed yet: refused, with the fields marked
    CHECK(h.app().view().currentEvening->openDotVote() == nullptr);
    typeInto(h, "#evening.vote.question", "Wat eerst?");
    typeInto(h, "#evening.vote.option.0", "Speeltuin");
    typeInto(h, "#evening.vote.option.1", "Licht");
    REQUIRE(h.tap("evening.vote.add_option"));
    typeInto(h, "#evening.vote.option.2", "Bankjes");
    REQUIRE(h.tap("evening.vote.begin"));
    REQUIRE(h.app().view().currentEvening->openDotVote() != nullptr);
    for (const char* option : {"#evening.vote.dot.0", "#evening.vote.dot.0", "#evening.vote.dot.2"}) REQUIRE(h.tap(option));
    CHECK(h.app().view().currentEvening->openDotVote()->dots == std::vector<std::int64_t>{2, 0, 1});
    REQUIRE(h.tap("evening.vote.close"));
    CHECK(h.app().view().currentEvening->openDotVote() == nullptr);
    REQUIRE(h.tap("nav.back"));
    REQUIRE(h.app().state().screen == ui::ScreenId::EveningRun);

    // The minutes: a decision linked to an initiative, an action item, the next evening.
    REQUIRE(h.tap("evening.minutes"));
    REQUIRE(h.app().state().screen == ui::ScreenId::EveningMinutes);
    typeInto(h, "#evening.minutes.decision", "Buurtfeest gaat door");
    REQUIRE(h.tap("#evening.minutes.link.0"));
    REQUIRE(h.tap("evening.minutes.add_decision"));
    REQUIRE(h.tap("evening.minutes.actions"));
    typeInto(h, "#evening.minutes.who", "Anna");
    typeInto(h, "#evening.minutes.what", "Offerte tent");
    typeInto(h, "#evening.minutes.due", "2026-12-12");
    REQUIRE(h.tap("evening.minutes.add_action"));
    REQUIRE(h.tap("evening.minutes.next"));
    typeInto(h, "#evening.minutes.next_date", "2027-01-21");
    REQUIRE(h.tap("evening.minutes.save_next"));
    const Minutes& minutes = h.app().view().currentEvening->minutes;
    REQUIRE(minutes.decisions.size() == 1);
    CHECK(minutes.decisions[0].text == "Buurtfeest gaat door");
    CHECK_FALSE(minutes.decisions[0].ideaId.empty());
    REQUIRE(minutes.actions.size() == 1);
    CHECK(minutes.actions[0].who == "Anna");
    CHECK(minutes.actions[0].due == CivilDate{2026, 12, 12});
    REQUIRE(minutes.next.has_value());
    CHECK(minutes.next->startMinute == 19 * 60 + 30);
    REQUIRE(h.tap("nav.back"));

    // The report and the invitation, into the reports folder, and where they are is said on screen.
    REQUIRE(h.tap("evening.report.make"));
    CHECK(std::string(h.app().state().evening.doneKey) == "evening.report.written_both");
    const std::filesystem::path folder = h.app().view().eveningReportFolder;
    const std::filesystem::path pdf = ui::reportFileFor(folder, h.app().view().currentEvening->evening, ".pdf");
    const std::filesystem::path ics = ui::reportFileFor(folder, h.app().view().currentEvening->evening, ".ics");
    REQUIRE(std::filesystem::exists(pdf));
    REQUIRE(std::filesystem::exists(ics));
    CHECK(h.app().state().evening.reportWhere.find(pdf.string()) != std::string::npos);
    CHECK(readFile(pdf).rfind("%PDF-", 0) == 0);
    CHECK(readFile(ics).find("DTSTART;TZID=Europe/Amsterdam:20270121T193000\r\n") != std::string::npos);

    // Every action is in the audit log.
    std::map<std::string, int> actions;
    for (const AuditEntry& entry : h.store().auditLog(200)) ++actions[entry.action];
    CHECK(actions[kAuditEveningCheckIn] == 5);
    CHECK(actions[kAuditEveningItemStarted] == 2);
    CHECK(actions[kAuditDotVoteOpened] == 1);
    CHECK(actions[kAuditDotGiven] == 3);
    CHECK(actions[kAuditDotVoteClosed] == 1);
    CHECK(actions[kAuditMinutesSaved] == 3);
    CHECK(actions[kAuditEveningReport] == 1);
    std::filesystem::remove(pdf);
    std::filesystem::remove(ics);
    (void)eveningId;
}

TEST_CASE("the demo evening's report has its pages, in Dutch and in Arabic", "[ui][evening]") {
    Harness h;
    const std::string id = h.store().currentEveningId().value();
    const std::string language = GENERATE(as<std::string>{}, "nl", "ar");
    i18n::Translator translator = test::shippedTranslations();
    REQUIRE(translator.setLanguage(language));
    const std::filesystem::path pdf = std::filesystem::temp_directory_path() / ("buurtstem-evening-test-" + language + ".pdf");
    const Result<ui::EveningReportFiles> files = ui::writeEveningReport(h.store(), translator, id, pdf, std::nullopt);
    REQUIRE(files.ok());
    CHECK(files->pages == 2);
    CHECK(countPages(readFile(pdf)) == files->pages);
    CHECK_FALSE(files->ics.has_value());  // no next evening in the demo's minutes yet
    std::filesystem::remove(pdf);
}

TEST_CASE("a locked kiosk shows nothing of the evening and changes nothing", "[ui][evening]") {
    Harness h;
    h.app().showForScreenshot(ui::ScreenId::EveningRun);
    h.app().state().facilitator.label.clear();
    h.frames(1);
    CHECK_FALSE(h.has("evening.checkin.in"));
    CHECK_FALSE(h.has("evening.report.make"));
}

TEST_CASE("planning an evening checks the fields and saves it", "[ui][evening]") {
    test::HarnessOptions options;
    options.demo = false;
    Harness h(options);
    unlock(h);
    REQUIRE(h.tap("facilitator.evening"));
    REQUIRE(h.tap("evening.plan_new"));
    REQUIRE(h.app().state().screen == ui::ScreenId::EveningPlan);
    REQUIRE(h.tap("evening.plan.save"));  // nothing typed: refused, said plainly
    CHECK(std::string(h.app().state().evening.problemKey) == "evening.plan.check");
    CHECK(h.store().evenings().empty());
    typeInto(h, "#evening.plan.title", "Bewonersavond");
    typeInto(h, "#evening.plan.place", "Buurtkamer");
    typeInto(h, "#evening.plan.item.0", "Welkom");
    REQUIRE(h.tap("evening.plan.add_item"));
    typeInto(h, "#evening.plan.item.1", "Rondvraag");
    REQUIRE(h.tap("#evening.plan.minutes.1"));
    for (int i = 0; i < 3; ++i) REQUIRE(h.tap("#osk.backspace"));
    h.type("25");
    REQUIRE(h.tap("#osk.done"));
    REQUIRE(h.tap("evening.plan.save"));
    REQUIRE(h.app().state().screen == ui::ScreenId::EveningRun);
    REQUIRE(h.store().evenings().size() == 1);
    const Evening saved = h.store().evenings().front();
    CHECK(saved.title == "Bewonersavond");
    CHECK(saved.agenda == std::vector<AgendaItem>{{"Welkom", 10}, {"Rondvraag", 25}});
    CHECK(h.store().auditLog(10).front().action == kAuditEveningSaved);
}
