// The resident kiosk: frame layout, actions, idle reset.
#include "KioskApp.h"

#include "screens/Screens.h"
#include "../core/Utf8.h"
#include "widgets/NavBar.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>

namespace buurtstem::ui {

const char* saveProblemKey(ErrorCode code) {
    switch (code) {
        case ErrorCode::StorageFull:
        case ErrorCode::StorageReadOnly:
        case ErrorCode::StorageFailure: return "error.cannot_save";
        case ErrorCode::InvalidInput: return "error.check_input";
        default: break;
    }
    return "error.cannot_save";
}

namespace {

// The top bar's title: the screen's own, except that the steps an initiative shares with an idea
// say "initiative" and count its eight steps.
const char* titleKey(const KioskState& state) {
    if (state.idea.initiative) {
        switch (state.screen) {
            case ScreenId::IdeaTheme: return "screen.initiative_theme.title";
            case ScreenId::IdeaText: return "screen.initiative_text.title";
            case ScreenId::IdeaPlace: return "screen.initiative_place.title";
            case ScreenId::IdeaContact: return "screen.initiative_contact.title";
            default: break;
        }
    }
    return screenInfo(state.screen).titleKey;
}

}  // namespace

KioskApp::KioskApp(storage::KioskStore& store, i18n::Translator translator, KioskSettings settings)
    : store_(store), translator_(std::move(translator)), settings_(std::move(settings)), idle_(settings_.idle) {
    for (const i18n::Language& language : translator_.languages())
        if (language.rightToLeft) settings_.fonts.arabic = true;
    setLanguage(settings_.startLanguage);
    ui_.translator = &translator_;
    presenterTranslator_ = translator_;  // the facilitator's language, whatever a resident picks
    presenterTranslator_.setLanguage(settings_.startLanguage);
    presenterUi_.translator = &presenterTranslator_;
    if (!settings_.moderationFolder.empty()) {
        // Without the lists nothing is flagged; facilitators still read every new item.
        Result<FlaggedWords> words = FlaggedWords::loadFolder(settings_.moderationFolder);
        if (words)
            flaggedWords_ = std::move(words).value();
        else
            std::fprintf(stderr, "buurtstem: moderation word lists: %s\n", words.error().detail.c_str());
    }
    state_.screen = settings_.firstScreen;
    refreshView();
    applyPreferences();
    if (state_.screen == ScreenId::Attract) showFirstStartSetUp();
}

bool KioskApp::buildFonts(float pxPerMm) {
    ui_.metrics.pxPerMm = pxPerMm;
    ui_.metrics.textScale = state_.largeText ? kLargeTextScale : 1.0f;
    Result<FontSet> fonts = ui::buildFonts(*ImGui::GetIO().Fonts, ui_.metrics, settings_.fonts);
    fontsDirty_ = false;
    if (!fonts) {
        fontError_ = fonts.error();
        return false;
    }
    fontError_.reset();
    ui_.fonts = fonts.value();
    ui_.colours = makePalette(state_.highContrast);
    applyStyle(ui_.metrics, ui_.colours);
    ImGui::GetIO().MouseDragThreshold = ui_.mm(3.0f);  // a finger wobbles; under 3 mm is still a tap
    return true;
}

void KioskApp::refreshView() {
    view_.neighbourhood = store_.neighbourhoodName();
    view_.ideas = store_.visibleIdeas();
    view_.similarIdeas = SimilarIdeaIndex(view_.ideas);  // once per change of the list, not per key typed
    view_.places.clear();
    view_.placeSpots.clear();
    for (Place& place : store_.placesWithPositions()) {
        view_.places.push_back(std::move(place.name));
        view_.placeSpots.push_back(place.onMap);
    }
    view_.mapImage = store_.mapImage();
    view_.plans.clear();
    for (const Idea& idea : view_.ideas) {
        if (idea.kind != IdeaKind::Initiative) continue;
        if (std::optional<InitiativePlan> plan = store_.initiativePlan(idea.id)) view_.plans.emplace(idea.id, std::move(*plan));
    }
    view_.initiativeMaximumCents = store_.initiativeMaximumCents();
    view_.hasFacilitator = store_.hasFacilitator();
    view_.preferences = store_.kioskPreferences();
    view_.languagesOffered = view_.preferences ? view_.preferences->languages : KioskPreferences{}.languages;
    view_.staffKey.reset();
    if (const std::optional<storage::StaffKey> key = store_.staffPublicKey()) {
        view_.staffKey.emplace();
        std::copy(key->begin(), key->end(), view_.staffKey->begin());
    }
    refreshEvening();
    refreshModeration();
    // One read of the rounds; each one's phase by the store's clock.
    const std::uint64_t now = store_.clockMs();
    view_.rounds.clear();
    view_.openRound.reset();
    view_.submissionRound.reset();
    nextRoundChangeMs_ = std::numeric_limits<std::uint64_t>::max();
    for (BudgetRound& round : store_.rounds()) {
        // The screens change by themselves when a round opens or closes, at the next frame after it.
        for (const std::uint64_t moment : {round.opensMs, round.closesMs})
            if (moment > now) nextRoundChangeMs_ = std::min(nextRoundChangeMs_, moment);
        RoundStatus status;
        status.phase = roundPhase(round, now);
        status.ballots = store_.ballotCount(round.id);
        // Residents vote with a code at the kiosk; an evening's round waits for the facilitator's screens.
        if (status.phase == RoundPhase::Voting && round.eligibility == Eligibility::VotingCodes && !view_.openRound)
            view_.openRound = round;
        if (status.phase == RoundPhase::Submissions && !view_.submissionRound) view_.submissionRound = round;
        status.round = std::move(round);
        view_.rounds.push_back(std::move(status));
    }
    view_.initiativesOpen = view_.rounds.empty() || view_.submissionRound.has_value();
    refreshPublishedRound();
    presenterDirty_ = true;
}

void KioskApp::refreshPublishedRound() {
    // The published round that closed last; a round counting (closed, not published) shows nothing yet.
    const RoundStatus* latest = nullptr;
    for (const RoundStatus& status : view_.rounds)
        if (status.phase == RoundPhase::Published && (!latest || status.round.closesMs >= latest->round.closesMs)) latest = &status;
    if (!latest) {
        view_.publishedRound.reset();
        return;
    }
    // Counted once per round and number of ballots, not at every write elsewhere on the kiosk.
    if (view_.publishedRound && view_.publishedRound->round == latest->round && view_.publishedRound->ballots == latest->ballots) return;
    PublishedRound result;
    result.ballots = latest->ballots;
    Result<RoundOutcome> counted = tallyRound(latest->round, store_.roundBallots(latest->round.id), view_.neighbourhood);
    if (counted) result.outcome = std::move(counted).value();
    result.round = latest->round;
    view_.publishedRound = std::move(result);
}

bool KioskApp::setLanguage(const std::string& code) {
    const bool known = translator_.setLanguage(code);
    setRightToLeft(translator_.language().rightToLeft);
    return known;
}

void KioskApp::setLargeText(bool on) {
    if (state_.largeText == on) return;
    state_.largeText = on;
    fontsDirty_ = true;  // rebuilt before the next frame, by the runner or the test harness
}

void KioskApp::setHighContrast(bool on) {
    state_.highContrast = on;
    ui_.colours = makePalette(on);
    if (ImGui::GetCurrentContext()) applyStyle(ui_.metrics, ui_.colours);
}

void KioskApp::resetForNextResident() {
    const bool hadLargeText = state_.largeText;
    state_ = KioskState{};
    setLanguage(settings_.startLanguage);
    if (hadLargeText) fontsDirty_ = true;
    setHighContrast(false);
    keyboard_.reset();
    ideaList_.reset();
    pageScroll_.reset();
    showFirstStartSetUp();
}

void KioskApp::go(ScreenId screen) {
    if (screen == state_.screen) return;
    state_.history.push_back(state_.screen);
    state_.screen = screen;
    pageScroll_.reset();
    // The language's letters, not the last layer of another step's keyboard.
    if (screen == ScreenId::MeetingNeedsNote || screen == ScreenId::InitiativeCheck || screen == ScreenId::VoteCode) keyboard_.reset();
    state_.idea.steps.focus = PlanField::None;  // each of an initiative's steps opens with the keyboard away
    if (isSetUpScreen(screen)) {
        keyboard_.reset();
        state_.setUp.problemKey = nullptr;
        if (screen == ScreenId::SetUpStaffKey && !state_.setUp.key) findKeyFiles();
    }
}

void KioskApp::submitIdea() {
    Result<Idea> stored = store_.submitIdea(state_.idea.draft);
    if (!stored) {
        // The draft stays on screen; nothing the resident typed is lost. Without a staff key the
        // contact cannot be sealed: say so plainly, so the resident can send without it.
        const bool noStaffKey = stored.error().code == ErrorCode::InvalidInput && state_.idea.draft.hasContact() &&
                                !store_.staffPublicKey();
        state_.idea.saveProblemKey = noStaffKey ? "idea.contact.no_staff_key" : saveProblemKey(stored.error().code);
        return;
    }
    state_.idea = IdeaFlow{};
    state_.idea.submittedReference = stored->reference;
    keyboard_.reset();
    refreshView();
    state_.history.clear();  // Back must not lead into the sent form
    state_.screen = ScreenId::IdeaThanks;
    pageScroll_.reset();
}

void KioskApp::submitInitiative() {
    // Proposals may close while a resident is still writing: the draft stays, and the review says so.
    refreshView();
    if (!view_.initiativesOpen) {
        state_.idea.saveProblemKey = "initiative.start.closed";
        return;
    }
    InitiativeDraft draft{state_.idea.draft, state_.idea.steps.plan};
    Result<Idea> stored = store_.submitInitiative(draft);
    if (!stored) {
        // As for an idea: the draft stays, and a missing staff key is said plainly. Without it an
        // initiative cannot be sent at all, because its contact is required.
        const bool noStaffKey = stored.error().code == ErrorCode::InvalidInput && !store_.staffPublicKey();
        state_.idea.saveProblemKey = noStaffKey                                    ? "initiative.no_staff_key"
                                     : stored.error().code == ErrorCode::InvalidInput ? saveProblemKey(stored.error().code)
                                                                                      : "initiative.cannot_save";
        refreshView();  // the maximum may have changed since the resident started
        return;
    }
    state_.idea = IdeaFlow{};
    state_.idea.submittedReference = stored->reference;
    keyboard_.reset();
    refreshView();
    state_.history.clear();
    state_.screen = ScreenId::InitiativeThanks;
    pageScroll_.reset();
}

void KioskApp::checkReference() {
    state_.check.looked = true;
    state_.check.found = store_.ideaByReference(state_.check.typed);
}

void KioskApp::checkReceipt() {
    state_.receipt.looked = true;
    state_.receipt.counted = view_.publishedRound && store_.receiptCounted(view_.publishedRound->round.id, state_.receipt.typed);
}

void KioskApp::tryFacilitatorPin(double now) {
    FacilitatorAccess& access = state_.facilitator;
    const storage::KioskStore::PinAttempt attempt = store_.tryPin(access.typedPin);
    access.typedPin.clear();
    access.problemKey = nullptr;
    access.waitUntil = now + static_cast<double>(attempt.waitMs) / 1000.0;
    switch (attempt.outcome) {
        case storage::KioskStore::PinOutcome::Unlocked:
            access.label = attempt.label;
            audit(kAuditFacilitatorUnlocked, "", "", "");
            access.confirmKey = nullptr;
            access.doneKey = nullptr;
            state_.history.clear();  // Back never leads to the PIN pad again
            state_.screen = ScreenId::FacilitatorHome;
            return;
        case storage::KioskStore::PinOutcome::Wrong:
            access.problemKey = attempt.waitMs > 0 ? "facilitator.pin.wrong_wait" : "facilitator.pin.wrong";
            return;
        case storage::KioskStore::PinOutcome::Wait: access.problemKey = "facilitator.pin.wait"; return;
        case storage::KioskStore::PinOutcome::NoFacilitator: access.problemKey = "facilitator.pin.none"; return;
        case storage::KioskStore::PinOutcome::StorageProblem: access.problemKey = "facilitator.pin.cannot_check"; return;
    }
}

namespace {

// "2026-11-28 14:05" in the kiosk's local time, for the audit log's before and after.
std::string localMinute(std::uint64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm local{};
    char text[32] = "";
    if (localtime_r(&seconds, &local)) std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &local);
    return text;
}

}  // namespace

bool KioskApp::audit(const char* action, const std::string& subject, const std::string& before, const std::string& after) {
    const Result<AuditEntry> entry = store_.appendAudit({state_.facilitator.label, action, subject, before, after});
    return entry.ok();
}

namespace {

// A round's phase and window in the audit log's before and after.
std::string phaseSummary(const BudgetRound& round, std::uint64_t nowMs) {
    std::string text = round.name + ": " + std::string(roundPhaseId(roundPhase(round, nowMs))) + ", voting " + localMinute(round.opensMs) +
                       " - " + localMinute(round.closesMs);
    if (round.phases.publishedMs != 0) text += ", published " + localMinute(round.phases.publishedMs);
    return text;
}

// What the rounds screen says after a change.
const char* phaseDoneKey(PhaseChange change) {
    switch (change) {
        case PhaseChange::OpenSubmissions: return "rounds.done.submissions_opened";
        case PhaseChange::CloseSubmissions: return "rounds.done.submissions_closed";
        case PhaseChange::OpenVotingNow: return "rounds.done.voting_opened";
        case PhaseChange::CloseVotingNow: return "rounds.done.voting_closed";
        case PhaseChange::PublishResults: return "rounds.done.published";
    }
    return "rounds.done.published";
}

}  // namespace

void KioskApp::changeRoundPhase(const RoundPhaseRequest& request) {
    FacilitatorAccess& access = state_.facilitator;
    access.confirmKey = nullptr;
    access.confirmRound.clear();
    if (access.label.empty()) return;
    const std::optional<BudgetRound> before = store_.round(request.roundId);
    const Result<BudgetRound> changed = audited([&] { return store_.changeRoundPhase(request.roundId, request.change); },
                                                [&](const Result<BudgetRound>& after) {
                                                    const std::uint64_t now = store_.clockMs();
                                                    return AuditText{kAuditRoundPhase, request.roundId,
                                                                     before ? phaseSummary(*before, now) : "", phaseSummary(*after, now)};
                                                });
    if (changed) {
        access.doneKey = phaseDoneKey(request.change);
    } else {
        // InvalidInput: the phase moved on since the screen was drawn (the window ended meanwhile).
        access.problemKey = changed.error().code == ErrorCode::InvalidInput ? "rounds.not_now" : saveProblemKey(changed.error().code);
    }
    refreshView();  // the resident screens follow at once
}

// [SECTION] Paper ballots

namespace {

// An entry in a line for the audit log: "3 ballots: p1 p3 | p2 | p1" (points as p1:3).
std::string paperEntryText(const BudgetRound& round, const std::vector<BallotDraft>& ballots) {
    std::string text = std::to_string(ballots.size()) + (ballots.size() == 1 ? " ballot:" : " ballots:");
    for (std::size_t b = 0; b < ballots.size(); ++b) {
        text += b == 0 ? " " : " | ";
        for (std::size_t i = 0; i < ballots[b].projects.size(); ++i) {
            if (ballots[b].projects[i] >= round.projects.size()) continue;
            if (i > 0) text += ' ';
            text += round.projects[ballots[b].projects[i]].id;
            if (i < ballots[b].points.size()) text += ":" + std::to_string(ballots[b].points[i]);
        }
    }
    return text;
}

// At most `maxBytes` of `text`, cut before a whole code point, so a long batch name or a large
// stack still fits the audit log's limits.
std::string clipped(std::string text, std::size_t maxBytes) {
    if (text.size() <= maxBytes) return text;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return text;
}

// This facilitator's own entry of the batch, if any.
const PaperEntry* ownEntry(const PaperBatch& batch, const std::string& facilitator) {
    if (batch.first && batch.first->facilitator == facilitator) return &*batch.first;
    if (batch.second && batch.second->facilitator == facilitator) return &*batch.second;
    return nullptr;
}

}  // namespace

void KioskApp::openPaper(const std::string& roundId) {
    // Paper ballots are typed in once voting has begun: while it runs, and after it ended.
    view_.paperRounds = store_.rounds();
    const std::uint64_t now = store_.clockMs();
    std::erase_if(view_.paperRounds, [now](const BudgetRound& round) { return now < round.opensMs; });
    PaperFlow& paper = state_.paper;
    paper.roundId = roundId;
    if (paper.roundId.empty() && view_.paperRounds.size() == 1) paper.roundId = view_.paperRounds.front().id;
    view_.paperBatches = paper.roundId.empty() ? std::vector<PaperBatch>{} : store_.paperBatches(paper.roundId);
    paper.naming = false;
    paper.problemKey = nullptr;
}

void KioskApp::openPaperBatch(const std::string& label) {
    PaperFlow& paper = state_.paper;
    if (label.empty()) {
        paper.problemKey = "paper.problem.no_name";
        return;
    }
    const auto found = std::find_if(view_.paperBatches.begin(), view_.paperBatches.end(),
                                    [&](const PaperBatch& batch) { return batch.label == label; });
    paper.batch = label;
    paper.naming = false;
    paper.problemKey = nullptr;
    paper.result.reset();
    if (found != view_.paperBatches.end()) {
        // One's own entry: see how it compares, and correct it from there.
        if (ownEntry(*found, state_.facilitator.label)) {
            paper.result = *found;
            go(ScreenId::PaperCompare);
            return;
        }
        if (found->first && found->second) {
            paper.problemKey = "paper.problem.entered_twice";
            return;
        }
    }
    paper.ballots.clear();
    paper.correction = false;
    paper.current = 0;
    paper.draft = BallotDraft{};
    paper.focus.reset();
    paper.refusal = BallotRefusal::None;
    go(ScreenId::PaperEntry);
}

void KioskApp::correctPaperBallot(std::size_t ballot) {
    PaperFlow& paper = state_.paper;
    if (!paper.result) return;
    const PaperEntry* own = ownEntry(*paper.result, state_.facilitator.label);
    if (!own) return;
    paper.ballots = own->ballots;
    paper.correction = true;
    paper.current = std::min(ballot, paper.ballots.size());
    paper.draft = paper.current < paper.ballots.size() ? paper.ballots[paper.current] : BallotDraft{};
    paper.focus.reset();
    paper.refusal = BallotRefusal::None;
    paper.problemKey = nullptr;
    go(ScreenId::PaperEntry);
}

void KioskApp::savePaperBatch() {
    PaperFlow& paper = state_.paper;
    const std::optional<BudgetRound> round = store_.round(paper.roundId);
    if (!round) return;
    const std::string& who = state_.facilitator.label;
    const std::vector<PaperBatch> before = store_.paperBatches(paper.roundId);
    const auto found = std::find_if(before.begin(), before.end(), [&](const PaperBatch& batch) { return batch.label == paper.batch; });
    const PaperEntry* earlier = found == before.end() ? nullptr : ownEntry(*found, who);
    const Result<PaperBatch> stored = audited(
        [&] { return store_.enterPaperBatch(paper.roundId, paper.batch, who, paper.ballots, paper.correction); },
        [&](const Result<PaperBatch>&) {
            return AuditText{paper.correction ? kAuditPaperCorrected : kAuditPaperEntered,
                             clipped(round->id + " / " + paper.batch, kAuditSubjectMaxBytes),
                             clipped(earlier ? paperEntryText(*round, earlier->ballots) : "", kAuditValueMaxBytes),
                             clipped(paperEntryText(*round, paper.ballots), kAuditValueMaxBytes)};
        });
    if (!stored) {
        // The ballots stay on screen as typed: nothing is lost, the facilitator can try again.
        paper.problemKey = stored.error().code == ErrorCode::InvalidInput ? "paper.problem.not_saved" : saveProblemKey(stored.error().code);
        return;
    }
    paper.result = *stored;
    paper.problemKey = nullptr;
    view_.paperBatches = store_.paperBatches(paper.roundId);
    refreshView();  // the round's count, when the batch now agrees
    // The comparison takes the entry's place (and that of an earlier comparison): Back leads to the batches.
    if (!state_.history.empty() && state_.history.back() == ScreenId::PaperCompare) state_.history.pop_back();
    state_.screen = ScreenId::PaperCompare;
    pageScroll_.reset();
}

// A finger resting on the top left corner of the attract or start screen for a while opens the
// facilitators' PIN pad. Residents tap; nobody presses a corner for two seconds by accident.
void KioskApp::watchFacilitatorCorner(double now) {
    const ImGuiIO& io = ImGui::GetIO();
    const float corner = ui_.mm(kFacilitatorCornerMm);
    const bool onStartScreen = state_.screen == ScreenId::Attract || state_.screen == ScreenId::Home;
    const bool inCorner = io.MouseDown[0] && io.MousePos.x >= 0 && io.MousePos.x < corner && io.MousePos.y >= 0 && io.MousePos.y < corner;
    if (!onStartScreen || !inCorner) {
        cornerPressSince_.reset();
        return;
    }
    if (!cornerPressSince_) cornerPressSince_ = now;
    if (now - *cornerPressSince_ < kFacilitatorPressSeconds) return;
    cornerPressSince_.reset();
    resetForNextResident();  // nothing of a resident stays behind the facilitator's screens
    state_.screen = ScreenId::FacilitatorPin;
}

void KioskApp::checkVotingCode() {
    VoteFlow& vote = state_.vote;
    vote.codeProblemKey = nullptr;
    if (!view_.openRound) return;
    const std::uint64_t nowMs = static_cast<std::uint64_t>(ui_.now * 1000.0);
    if (codeThrottle_.waitMs(nowMs) > 0) {
        vote.codeProblemKey = "vote.code.wait";
        return;
    }
    switch (store_.votingCodeState(view_.openRound->id, vote.typedCode)) {
        case storage::KioskStore::CodeState::Valid:
            codeThrottle_.recordSuccess();
            vote.codeAccepted = true;
            vote.ballot = BallotDraft{};
            go(ScreenId::Ballot);
            return;
        case storage::KioskStore::CodeState::NotACode: vote.codeProblemKey = "vote.code.not_a_code"; break;
        case storage::KioskStore::CodeState::Unknown: vote.codeProblemKey = "vote.code.unknown"; break;
        case storage::KioskStore::CodeState::Used: vote.codeProblemKey = "vote.code.used"; break;
        case storage::KioskStore::CodeState::Voided: vote.codeProblemKey = "vote.code.voided"; break;
    }
    codeThrottle_.recordWrong(nowMs);  // every kind of wrong code counts: guessing is what it slows down
}

void KioskApp::castBallot() {
    VoteFlow& vote = state_.vote;
    if (!view_.openRound || !vote.codeAccepted) return;
    Result<std::string> receipt = store_.castBallot(view_.openRound->id, vote.ballot, vote.typedCode);
    if (!receipt) {
        // The choices stay on screen. A disk that failed says so: the reads below may fail on it
        // too, and must not make it look as if voting closed.
        const ErrorCode failed = receipt.error().code;
        if (failed != ErrorCode::InvalidInput && failed != ErrorCode::NotFound) {
            vote.saveProblemKey = "vote.cannot_save";
            return;
        }
        // A closed round or a code used meanwhile is said plainly.
        refreshView();
        const auto state = view_.openRound ? store_.votingCodeState(view_.openRound->id, vote.typedCode)
                                           : storage::KioskStore::CodeState::Unknown;
        vote.saveProblemKey = !view_.openRound                                  ? "vote.closed"
                              : state != storage::KioskStore::CodeState::Valid ? "vote.code.used"
                                                                               : saveProblemKey(receipt.error().code);
        return;
    }
    state_.vote = VoteFlow{};
    state_.vote.receipt = std::move(receipt).value();
    keyboard_.reset();
    refreshView();
    state_.history.clear();
    state_.screen = ScreenId::BallotReceipt;
    pageScroll_.reset();
}

void KioskApp::submitPulse() {
    if (state_.pulseGiven) return;  // once per visit
    Result<void> stored = store_.givePulse(state_.pulse);
    if (!stored) {
        // The faces stay as tapped: the resident can try again or tell the facilitator.
        state_.pulseProblemKey =
            stored.error().code == ErrorCode::InvalidInput ? "pulse.problem.none" : "pulse.cannot_save";
        return;
    }
    state_.pulse = PulseDraft{};
    state_.pulseGiven = true;
    state_.pulseProblemKey = nullptr;
    state_.history.clear();  // Back must not lead into the sent faces
    state_.screen = ScreenId::PulseThanks;
    pageScroll_.reset();
}

MapPicture KioskApp::mapPicture() {
    MapPicture picture;
    const bool placed = std::any_of(view_.placeSpots.begin(), view_.placeSpots.end(),
                                    [](const std::optional<MapPoint>& spot) { return spot.has_value(); });
    if (view_.mapImage.empty() || !placed) return picture;
    picture.shown = true;
    if (!textures_) return picture;  // no GPU (headless tests): a plain placeholder under the markers
    // Loaded once and kept by the source; a missing or damaged file is reported there once, and
    // residents then choose from the list alone.
    Result<platform::Texture> texture = textures_->texture(settings_.mapFolder / view_.mapImage);
    if (!texture) return MapPicture{};
    picture.texture = *texture;
    return picture;
}

void KioskApp::supportIdea(const std::string& ideaId) {
    if (state_.supportedIdeaIds.count(ideaId) > 0) return;  // once per idea per visit
    Result<Idea> stored = store_.supportIdea(ideaId);
    if (!stored) {
        if (stored.error().code == ErrorCode::NotFound) {
            // Hidden since the list was read: the fresh view makes the detail say it is gone.
            refreshView();
            return;
        }
        state_.supportProblemKey = "support.cannot_save";  // nothing to keep: the button stays to tap again
        return;
    }
    state_.supportedIdeaIds.insert(ideaId);
    state_.supportProblemKey = nullptr;
    refreshView();  // the new count, on the detail and in the list
}

void KioskApp::submitMeetingNeed() {
    if (state_.needsGiven) return;  // once per visit
    Result<void> stored = store_.giveMeetingNeed(state_.needs);
    if (!stored) {
        // The choices stay as tapped: the resident can try again or tell the facilitator.
        state_.needsProblemKey =
            stored.error().code == ErrorCode::InvalidInput ? "needs.problem.none" : "needs.cannot_save";
        return;
    }
    state_.needs = MeetingNeedDraft{};
    state_.needsGiven = true;
    state_.needsProblemKey = nullptr;
    state_.history.clear();  // Back must not lead into the sent choices
    state_.screen = ScreenId::MeetingNeedsThanks;
    pageScroll_.reset();
}

void KioskApp::apply(const Actions& actions, double now) {
    if (actions.restart) {
        idle_.touch(now);
        state_.history.clear();
        state_.screen = ScreenId::Home;
    }
    if (actions.startIdea) {
        state_.idea = IdeaFlow{};
        keyboard_.reset();
        go(ScreenId::IdeaTheme);
    }
    if (actions.startInitiative) {
        state_.idea = IdeaFlow{};
        state_.idea.initiative = true;
        keyboard_.reset();
        go(ScreenId::IdeaTheme);
    }
    if (actions.checkReference) checkReference();
    if (actions.checkReceipt) checkReceipt();
    if (actions.tryPin) tryFacilitatorPin(now);
    if (actions.roundPhase) changeRoundPhase(*actions.roundPhase);
    if (actions.quit && !state_.facilitator.label.empty()) {
        audit(kAuditKioskClosed, "", "", "");
        quitRequested_ = true;
    }
    if (actions.openSetUp && !state_.facilitator.label.empty()) openSetUp(false);
    if (actions.findKeyFiles) findKeyFiles();
    if (actions.chooseKeyFile) chooseKeyFile(*actions.chooseKeyFile);
    if (actions.finishSetUp) {
        finishSetUp();
        return;
    }
    if (actions.openAuditLog && !state_.facilitator.label.empty()) {
        view_.auditLog = store_.auditLog(kAuditEntriesShown);
        view_.auditCheck = store_.checkAuditLog();
        go(ScreenId::AuditLog);
    }
    if (actions.togglePresenter && !state_.facilitator.label.empty()) togglePresenter();
    if (!state_.facilitator.label.empty()) {
        if (actions.openPaper) {
            state_.paper = PaperFlow{};
            openPaper("");
            go(ScreenId::PaperBatches);
        }
        if (actions.choosePaperRound) openPaper(*actions.choosePaperRound);
        if (actions.openPaperBatch) openPaperBatch(*actions.openPaperBatch);
        if (actions.startPaperBatch) openPaperBatch(utf8::trim(state_.paper.batch));
        if (actions.savePaperBatch) savePaperBatch();
        if (actions.correctPaperBallot) correctPaperBallot(*actions.correctPaperBallot);
    }
    applyModeration(actions);
    if (actions.lockFacilitator) {
        resetForNextResident();
        return;
    }
    applyEvening(actions);
    if (actions.checkVotingCode) checkVotingCode();
    if (actions.castBallot) castBallot();
    if (actions.openIdea) {
        state_.selectedIdeaId = *actions.openIdea;
        state_.supportProblemKey = nullptr;
        go(ScreenId::IdeaDetail);
    }
    if (actions.supportIdea) supportIdea(*actions.supportIdea);
    if (actions.go) go(*actions.go);
    if (actions.submitIdea) submitIdea();
    if (actions.submitInitiative) submitInitiative();
    if (actions.submitPulse) submitPulse();
    if (actions.submitMeetingNeed) submitMeetingNeed();
    if (actions.back) {
        if (state_.history.empty()) {
            state_.screen = ScreenId::Home;
        } else {
            state_.screen = state_.history.back();
            state_.history.pop_back();
        }
        state_.idea.saveProblemKey = nullptr;
        state_.pulseProblemKey = nullptr;
        state_.supportProblemKey = nullptr;
        state_.needsProblemKey = nullptr;
        pageScroll_.reset();
    }
    if (actions.home) {
        state_.facilitator = FacilitatorAccess{};  // the residents' start screen: the facilitator's are locked
        state_.history.clear();
        state_.screen = ScreenId::Home;
        state_.pulseProblemKey = nullptr;
        state_.supportProblemKey = nullptr;
        state_.needsProblemKey = nullptr;
        pageScroll_.reset();
    }
    if (actions.openLanguagePicker) state_.languagePickerOpen = true;
    if (actions.closeLanguagePicker) state_.languagePickerOpen = false;
    if (actions.setLanguage) {
        setLanguage(*actions.setLanguage);
        keyboard_.reset();  // the keyboard offers the new language's letters; the text stays
        state_.languagePickerOpen = false;
    }
    if (actions.toggleLargeText) setLargeText(!state_.largeText);
    if (actions.toggleHighContrast) setHighContrast(!state_.highContrast);
}

void KioskApp::frame(double now) {
    ui_.now = now;
    ui_.widgets.beginFrame();
    ImGuiIO& io = ImGui::GetIO();

    if (firstFrame_) {
        idle_.touch(now);  // the idle time counts from the first frame, whatever the clock's origin
        firstFrame_ = false;
    }
    if (store_.clockMs() >= nextRoundChangeMs_) refreshView();  // a round opened or closed
    const bool input = io.MouseDown[0] || io.MouseClicked[0] || io.MouseReleased[0] || !io.InputQueueCharacters.empty() ||
                       io.MouseWheel != 0.0f;
    if (input) {
        idle_.touch(now);
        lastTouch_ = now;
    }
    watchFacilitatorCorner(now);
    const bool facilitatorScreen = isFacilitatorScreen(state_.screen) || isSetUpScreen(state_.screen);
    if (facilitatorScreen && !onFacilitatorScreen_) lastTouch_ = now;  // the quiet minutes count from the opening
    onFacilitatorScreen_ = facilitatorScreen;
    if (facilitatorScreen) {
        // Facilitators are not asked whether they are still there; their screens lock after a few
        // quiet minutes. The first-start set-up has nothing to lock: it waits.
        if (now - lastTouch_ >= kFacilitatorLockSeconds && !state_.setUp.firstStart) resetForNextResident();
        idle_.touch(now);
    } else if (state_.screen != ScreenId::Attract) {
        const IdleState idle = idle_.state(now);
        // Home with nothing typed has nothing to lose: go straight back to the attract screen.
        if (idle == IdleState::Expired || (idle == IdleState::Asking && state_.screen == ScreenId::Home && !state_.hasDraft()))
            resetForNextResident();
    }

    view_.presenterShown = presenterWanted_;
    Actions actions;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    // No window background: the runner clears the frame to clearColour(), one full-screen fill less.
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBackground);
    ImGui::PopStyleVar();

    const ImVec2 padding(ui_.mm(8), ui_.mm(5));
    ImVec2 contentMin(padding.x, padding.y);
    if (state_.screen != ScreenId::Attract) {
        NavBarSpec bar;
        bar.title = ui_.tr(titleKey(state_));
        bar.showBack = state_.screen != ScreenId::Home && state_.screen != ScreenId::IdeaThanks &&
                       state_.screen != ScreenId::PulseThanks && state_.screen != ScreenId::MeetingNeedsThanks && state_.screen != ScreenId::InitiativeThanks &&
                       state_.screen != ScreenId::BallotReceipt && state_.screen != ScreenId::FacilitatorHome &&
                       !(state_.screen == ScreenId::SetUpWelcome && state_.setUp.firstStart);
        // The first-start set-up leads nowhere else: the kiosk is not ready for residents yet.
        bar.showHome = state_.screen != ScreenId::Home && !(isSetUpScreen(state_.screen) && state_.setUp.firstStart);
        bar.languageName = translator_.language().nativeName.c_str();
        bar.largeText = state_.largeText;
        bar.highContrast = state_.highContrast;
        const NavBarResult nav = navBar(ui_, bar);
        actions.back = nav.back;
        actions.home = nav.home;
        actions.openLanguagePicker = nav.language;
        actions.toggleLargeText = nav.largeText;
        actions.toggleHighContrast = nav.highContrast;
        contentMin.y += navBarHeight(ui_);
    }
    const ImVec2 contentSize(io.DisplaySize.x - 2 * padding.x, io.DisplaySize.y - contentMin.y - padding.y);
    ScreenContext ctx{ui_, view_, state_, actions, keyboard_, ideaList_, pageScroll_, contentMin, contentSize};
    if (state_.screen == ScreenId::IdeaPlace) ctx.map = mapPicture();
    if (state_.screen == ScreenId::Attract) {
        drawAttractScreen(ctx);  // edge to edge, no bar and no margins
    } else {
        ImGui::SetCursorScreenPos(contentMin);
        ImGui::BeginChild("##content", contentSize, false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoBackground);
        switch (state_.screen) {
            case ScreenId::Attract: break;
            case ScreenId::Home: drawHomeScreen(ctx); break;
            case ScreenId::IdeaTheme: drawThemePicker(ctx); break;
            case ScreenId::IdeaText: drawIdeaForm(ctx); break;
            case ScreenId::IdeaPlace: drawIdeaPlace(ctx); break;
            case ScreenId::IdeaContact: drawIdeaContact(ctx); break;
            case ScreenId::IdeaReview: drawIdeaReview(ctx); break;
            case ScreenId::IdeaThanks: drawIdeaThanks(ctx); break;
            case ScreenId::IdeaList: drawIdeaList(ctx); break;
            case ScreenId::IdeaDetail: drawIdeaDetail(ctx); break;
            case ScreenId::Pulse: drawPulseScreen(ctx); break;
            case ScreenId::PulseThanks: drawPulseThanks(ctx); break;
            case ScreenId::MeetingNeeds: drawMeetingNeeds(ctx); break;
            case ScreenId::MeetingNeedsPractical: drawMeetingNeedsPractical(ctx); break;
            case ScreenId::MeetingNeedsHelp: drawMeetingNeedsHelp(ctx); break;
            case ScreenId::MeetingNeedsThanks: drawMeetingNeedsThanks(ctx); break;
            case ScreenId::MeetingNeedsNote: drawMeetingNeedsNote(ctx); break;
            case ScreenId::InitiativeStart: drawInitiativeStart(ctx); break;
            case ScreenId::InitiativeWho: drawInitiativeWho(ctx); break;
            case ScreenId::InitiativeBudget: drawInitiativeBudget(ctx); break;
            case ScreenId::InitiativeSupport: drawInitiativeSupport(ctx); break;
            case ScreenId::InitiativeReview: drawInitiativeReview(ctx); break;
            case ScreenId::InitiativeThanks: drawInitiativeThanks(ctx); break;
            case ScreenId::InitiativeCheck: drawInitiativeCheck(ctx); break;
            case ScreenId::VoteCode: drawVoteCode(ctx); break;
            case ScreenId::Ballot: drawBallot(ctx); break;
            case ScreenId::BallotReview: drawBallotReview(ctx); break;
            case ScreenId::BallotReceipt: drawBallotReceipt(ctx); break;
            case ScreenId::RoundResults: drawRoundResults(ctx); break;
            case ScreenId::ReceiptCheck: drawReceiptCheck(ctx); break;
            case ScreenId::FacilitatorPin: drawFacilitatorPin(ctx); break;
            case ScreenId::FacilitatorHome: drawFacilitatorHome(ctx); break;
            case ScreenId::AuditLog: drawAuditLog(ctx); break;
            case ScreenId::FacilitatorRounds: drawFacilitatorRounds(ctx); break;
            case ScreenId::EveningRun: drawEveningRun(ctx); break;
            case ScreenId::EveningPlan: drawEveningPlan(ctx); break;
            case ScreenId::EveningVote: drawEveningVote(ctx); break;
            case ScreenId::EveningMinutes: drawEveningMinutes(ctx); break;
            case ScreenId::PaperBatches: drawPaperBatches(ctx); break;
            case ScreenId::PaperEntry: drawPaperEntry(ctx); break;
            case ScreenId::PaperCompare: drawPaperCompare(ctx); break;
            case ScreenId::ModerationQueue: drawModerationQueue(ctx); break;
            case ScreenId::ModerationItem: drawModerationItem(ctx); break;
            case ScreenId::ModerationHide: drawModerationHide(ctx); break;
            case ScreenId::ModerationCorrect: drawModerationCorrect(ctx); break;
            case ScreenId::ModerationMerge: drawModerationMerge(ctx); break;
            case ScreenId::ModerationClassify: drawModerationClassify(ctx); break;
            case ScreenId::SetUpWelcome: drawSetUpWelcome(ctx); break;
            case ScreenId::SetUpName: drawSetUpName(ctx); break;
            case ScreenId::SetUpPlaces: drawSetUpPlaces(ctx); break;
            case ScreenId::SetUpLanguages: drawSetUpLanguages(ctx); break;
            case ScreenId::SetUpIdle: drawSetUpIdle(ctx); break;
            case ScreenId::SetUpMaximum: drawSetUpMaximum(ctx); break;
            case ScreenId::SetUpStaffKey: drawSetUpStaffKey(ctx); break;
            case ScreenId::SetUpFacilitator: drawSetUpFacilitator(ctx); break;
            case ScreenId::SetUpSummary: drawSetUpSummary(ctx); break;
        }
        ImGui::EndChild();
    }

    const bool picker = state_.languagePickerOpen && state_.screen != ScreenId::Attract;
    const bool asking = state_.screen != ScreenId::Attract && idle_.state(now) == IdleState::Asking;
    // A modal ImGui popup that is no longer drawn would still block every touch: close it.
    if (!picker && !asking && !GImGui->OpenPopupStack.empty()) ImGui::ClosePopupToLevel(0, false);
    if (picker) drawLanguagePicker(ctx);
    if (asking && idlePrompt(ui_, idle_.secondsToAnswer(now))) idle_.touch(now);
    ImGui::End();

    apply(actions, now);
}

double KioskApp::secondsUntilNextTimer(double now) const {
    return std::min(kioskSecondsUntilChange(now), presenterSecondsUntilChange());
}

double KioskApp::kioskSecondsUntilChange(double now) const {
    const std::uint64_t clock = store_.clockMs();
    const double roundChange = nextRoundChangeMs_ == std::numeric_limits<std::uint64_t>::max()
                                   ? std::numeric_limits<double>::infinity()
                                   : static_cast<double>(nextRoundChangeMs_ > clock ? nextRoundChangeMs_ - clock : 0) / 1000.0;
    // The attract screen shows nothing of a round; the first touch after a change refreshes (frame()).
    if (state_.screen == ScreenId::Attract) return std::numeric_limits<double>::infinity();
    if (isFacilitatorScreen(state_.screen) || isSetUpScreen(state_.screen)) {
        if (state_.setUp.firstStart) return roundChange;  // nothing locks while the kiosk is set up
        double next = std::max(0.0, lastTouch_ + kFacilitatorLockSeconds - now);
        if (state_.facilitator.waitUntil > now) next = std::min(next, 1.0);  // the wait's seconds count down
        return std::min(next, roundChange);
    }
    return std::min(idle_.secondsUntilChange(now), roundChange);
}

double KioskApp::presenterSecondsUntilChange() const {
    if (!presenterWanted_) return std::numeric_limits<double>::infinity();
    const std::uint64_t clock = store_.clockMs();
    double next = nextRoundChangeMs_ == std::numeric_limits<std::uint64_t>::max()
                      ? std::numeric_limits<double>::infinity()
                      : static_cast<double>(nextRoundChangeMs_ > clock ? nextRoundChangeMs_ - clock : 0) / 1000.0;
    const AgendaClock agenda = agendaClock(presenterView_.feed, clock);
    if (agenda.running) next = std::min(next, agenda.secondsToChange);
    return next;
}

std::uint32_t KioskApp::clearColour() const {
    return state_.screen == ScreenId::Attract ? ui_.colours.barBackground : ui_.colours.background;
}

bool KioskApp::animating() const { return ideaList_.animating() || pageScroll_.animating(); }

void KioskApp::afterPresent(std::uint64_t) {
    if (!settings_.widgetDump.empty()) ui_.widgets.writeTo(settings_.widgetDump);
}

void KioskApp::showForScreenshot(ScreenId screen) {
    state_.history.clear();
    state_.screen = screen;
    IdeaDraft& draft = state_.idea.draft;
    switch (screen) {
        case ScreenId::IdeaText:
        case ScreenId::IdeaPlace:
        case ScreenId::IdeaContact:
        case ScreenId::IdeaReview:
            draft.theme = Theme::Green;
            draft.themeChosen = true;
            draft.title = translator_.tr("example.idea.title");
            draft.body = translator_.tr("example.idea.body");
            state_.idea.focus = IdeaField::Body;
            // A place picked and a contact typed; the contact step shows the consent still to tick.
            if (screen != ScreenId::IdeaText && view_.places.size() > 1) draft.place = view_.places[1];
            if (screen == ScreenId::IdeaContact || screen == ScreenId::IdeaReview) {
                draft.contactName = "Fatima";
                draft.contactAddress = "06 12345678";
                draft.contactConsent = screen == ScreenId::IdeaReview;
            }
            break;
        case ScreenId::IdeaThanks: state_.idea.submittedReference = "K7P-3QX"; break;
        case ScreenId::IdeaDetail:
            if (!view_.ideas.empty()) state_.selectedIdeaId = view_.ideas.front().id;
            break;
        case ScreenId::Pulse: state_.pulse.scores = {4, 3, 5, 2, 0}; break;  // the last line left open
        case ScreenId::PulseThanks: state_.pulseGiven = true; break;
        case ScreenId::MeetingNeeds:
        case ScreenId::MeetingNeedsPractical:
        case ScreenId::MeetingNeedsHelp:
            // A resident who answered a little of everything; the problem text is not shown.
            state_.needs = MeetingNeedDraft{};
            state_.needs.toggle(NeedGroup::Meeting, "coffee_morning");
            state_.needs.toggle(NeedGroup::Care, "someone_to_talk");
            state_.needs.toggle(NeedGroup::LivingWell, "green");
            state_.needs.toggle(NeedGroup::Days, "wed");
            state_.needs.toggle(NeedGroup::Days, "sat");
            state_.needs.toggle(NeedGroup::Times, "evening");
            state_.needs.toggle(NeedGroup::Help, "childcare");
            state_.needs.toggle(NeedGroup::Interpreter, "ar");
            break;
        case ScreenId::MeetingNeedsNote:
            // A note on the care question, so the tab and the text both show.
            state_.needs = MeetingNeedDraft{};
            state_.needs.toggle(NeedGroup::Care, "someone_to_talk");
            state_.needs.notes[1] = translator_.tr("example.needs.note");
            state_.needsNoteQuestion = 1;
            break;
        case ScreenId::MeetingNeedsThanks: state_.needsGiven = true; break;
        case ScreenId::InitiativeWho:
        case ScreenId::InitiativeBudget:
        case ScreenId::InitiativeSupport:
        case ScreenId::InitiativeReview: {
            // A street party, planned as far as the screen shown.
            state_.idea.initiative = true;
            draft.theme = Theme::Meeting;
            draft.themeChosen = true;
            draft.title = translator_.tr("example.initiative.title");
            draft.body = translator_.tr("example.initiative.body");
            if (view_.places.size() > 2) draft.place = view_.places[2];
            InitiativePlan& plan = state_.idea.steps.plan;
            plan.when = translator_.tr("example.initiative.when");
            plan.toggle(Audience::Families);
            plan.toggle(Audience::Elderly);
            plan.helpers = 6;
            if (screen != ScreenId::InitiativeWho) {
                plan.budget = {{translator_.tr("example.initiative.line1"), 35000},
                               {translator_.tr("example.initiative.line2"), 12550},
                               {translator_.tr("example.initiative.line3"), 8000}};
            }
            if (screen == ScreenId::InitiativeSupport || screen == ScreenId::InitiativeReview) {
                plan.ownMoneyCents = 5000;
                plan.ownInKind = translator_.tr("example.initiative.in_kind");
                plan.toggle(Partner::Corporation);
                plan.toggle(Partner::Welfare);
            }
            if (screen == ScreenId::InitiativeReview) {
                draft.contactName = "Fatima";
                draft.contactAddress = "06 12345678";
                draft.contactConsent = true;
            }
            break;
        }
        case ScreenId::InitiativeThanks: state_.idea.submittedReference = "K7P-3QX"; break;
        case ScreenId::VoteCode: state_.vote.typedCode = "K7PQ-3QXA-"; break;
        case ScreenId::Ballot:
        case ScreenId::BallotReview:
            // Two projects chosen (points: 3 and 2) on the open round's ballot, if there is one.
            state_.vote.typedCode = "K7PQ-3QXA-M4TR";
            state_.vote.codeAccepted = true;
            if (view_.openRound && view_.openRound->projects.size() > 2) {
                tapProject(*view_.openRound, state_.vote.ballot, 0);
                tapProject(*view_.openRound, state_.vote.ballot, 2);
                if (view_.openRound->ballot == BallotType::Points) {
                    tapProject(*view_.openRound, state_.vote.ballot, 0);
                    tapProject(*view_.openRound, state_.vote.ballot, 0);
                    tapProject(*view_.openRound, state_.vote.ballot, 2);
                }
                state_.vote.focus = 0;
            }
            break;
        case ScreenId::BallotReceipt: state_.vote.receipt = "M4T-R7K"; break;
        case ScreenId::FacilitatorPin:
            state_.facilitator.typedPin = "2846";
            break;
        case ScreenId::FacilitatorHome: state_.facilitator.label = "Anna (opbouwwerk)"; break;
        case ScreenId::FacilitatorRounds: state_.facilitator.label = "Anna (opbouwwerk)"; break;
        case ScreenId::AuditLog:
            // The log after a facilitator opened the screens and ended a vote.
            state_.facilitator.label = "Anna (opbouwwerk)";
            audit(kAuditFacilitatorUnlocked, "", "", "");
            audit(kAuditRoundClosed, "3f1c", "Buurtbudget: voting until 2027-02-26 14:00", "Buurtbudget: voting until 2026-11-28 20:15");
            view_.auditLog = store_.auditLog(kAuditEntriesShown);
            view_.auditCheck = store_.checkAuditLog();
            break;
        case ScreenId::EveningRun:
        case ScreenId::EveningPlan:
        case ScreenId::EveningVote:
        case ScreenId::EveningMinutes:
            showEveningForScreenshot(screen);
            break;
        case ScreenId::PaperBatches:
        case ScreenId::PaperEntry:
        case ScreenId::PaperCompare: {
            // Two stacks from the open round's ballot boxes: one entered by two facilitators who
            // differ on its second ballot, one entered once; the entry screen halfway through a stack.
            state_.facilitator.label = "Anna (opbouwwerk)";
            const std::vector<BudgetRound> open = store_.openRounds();
            if (open.empty() || open.front().projects.size() < 3) break;
            const BudgetRound& round = open.front();
            const BallotDraft one{{0, 2}, {}}, two{{1}, {}}, other{{1, 2}, {}}, three{{2}, {}};
            const std::string box = "Stembus buurthuis 1", library = "Bibliotheek";
            (void)store_.enterPaperBatch(round.id, box, "Bram", {one, two, three}, false);
            (void)store_.enterPaperBatch(round.id, box, state_.facilitator.label, {one, other, three}, false);
            (void)store_.enterPaperBatch(round.id, library, "Bram", {two, one}, false);
            openPaper(round.id);
            if (screen == ScreenId::PaperEntry) {
                openPaperBatch(library);
                state_.paper.ballots = {two};
                state_.paper.current = 1;
                tapProject(round, state_.paper.draft, 0);
            }
            if (screen == ScreenId::PaperCompare) {
                for (const PaperBatch& batch : view_.paperBatches)
                    if (batch.label == box) state_.paper.result = batch;
                state_.paper.batch = box;
            }
            state_.history.clear();
            state_.screen = screen;
            break;
        }
        case ScreenId::ModerationQueue:
        case ScreenId::ModerationItem:
        case ScreenId::ModerationHide:
        case ScreenId::ModerationCorrect:
        case ScreenId::ModerationMerge:
        case ScreenId::ModerationClassify:
            // The demo's first waiting item, with the choices a facilitator might make on each screen.
            state_.facilitator.label = "Anna (opbouwwerk)";
            state_.history.clear();
            if (screen != ScreenId::ModerationQueue && !view_.moderationQueue.empty()) {
                openModeration(view_.moderationQueue.front().idea.id);
                state_.history.clear();
                state_.screen = screen;
                ModerationFlow& flow = state_.moderation;
                if (screen == ScreenId::ModerationHide) {
                    flow.hideReason = HideReason::Other;
                    flow.hideNote = translator_.tr("example.moderation.hide_note");
                    flow.focus = ModerationField::HideNote;
                }
                if (screen == ScreenId::ModerationCorrect) flow.focus = ModerationField::Title;
                if (screen == ScreenId::ModerationMerge && !view_.ideas.empty()) flow.mergeInto = view_.ideas.front().id;
                if (screen == ScreenId::ModerationClassify) {
                    flow.classification.partners = {Partner::Corporation, Partner::Municipality};
                    flow.classification.dimension = LiveabilityDimension::SocialCohesion;
                    flow.costText = "1250,50";
                    flow.focus = ModerationField::Cost;
                    flow.classifyTab = 3;  // the cost on the numeric pad: the fullest of the five
                }
            }
            break;
        case ScreenId::SetUpWelcome:
        case ScreenId::SetUpName:
        case ScreenId::SetUpPlaces:
        case ScreenId::SetUpLanguages:
        case ScreenId::SetUpIdle:
        case ScreenId::SetUpMaximum:
        case ScreenId::SetUpStaffKey:
        case ScreenId::SetUpFacilitator:
        case ScreenId::SetUpSummary: showSetUpForScreenshot(screen); break;
        case ScreenId::ReceiptCheck:
            // A receipt typed and looked up: one that is not among the closed round's ballots.
            state_.receipt.typed = "M4T-R7K";
            checkReceipt();
            break;
        case ScreenId::InitiativeCheck:
            // A code typed and looked up: the first initiative on the list, or a code that is not there.
            for (const Idea& idea : view_.ideas) {
                if (idea.kind != IdeaKind::Initiative) continue;
                state_.check.typed = idea.reference;
                break;
            }
            if (state_.check.typed.empty()) state_.check.typed = "K7P-3QX";
            checkReference();
            break;
        default: break;
    }
}

// [SECTION] The presenter window

void KioskApp::togglePresenter() {
    const bool before = presenterWanted_;
    presenterWanted_ = !before;
    audit(kAuditPresenterSwitched, "", before ? "on" : "off", presenterWanted_ ? "on" : "off");
}

void KioskApp::setPresenterFeed(PresenterFeed feed) {
    presenterView_.feed = std::move(feed);
    presenterExample_ = true;
}

void KioskApp::showPresenterExample() {
    PresenterFeed feed;
    const auto tr = [&](const char* key) { return std::string(presenterTranslator_.tr(key)); };
    feed.agenda = {{tr("example.presenter.item1"), 15},
                   {tr("example.presenter.item2"), 20},
                   {tr("example.presenter.item3"), 30},
                   {tr("example.presenter.item4"), 10}};
    feed.currentItem = 1;
    feed.currentStartedMs = store_.clockMs() - 12 * 60'000;
    feed.dotVote = PresenterDotVote{tr("example.presenter.question"),
                           {{tr("example.presenter.option1"), 14},
                            {tr("example.presenter.option2"), 9},
                            {tr("example.presenter.option3"), 6},
                            {tr("example.presenter.option4"), 3}}};
    setPresenterFeed(std::move(feed));
}

void KioskApp::refreshPresenter() {
    presenterEvents_ = store_.eventCount();
    presenterDirty_ = false;
    // Any open round, an evening's included: the projector is where an evening's votes show.
    presenterView_.results.reset();
    const std::vector<BudgetRound> open = store_.openRounds();
    if (!open.empty()) presenterView_.results = presenterResults(open.front(), store_.roundBallots(open.front().id));
    presenterView_.ideasPerTheme = {};
    for (const Idea& idea : store_.visibleIdeas())
        for (std::size_t i = 0; i < kAllThemes.size(); ++i)
            if (kAllThemes[i] == idea.theme) ++presenterView_.ideasPerTheme[i];
    presenterView_.needs = store_.meetingNeedSummary();
    presenterView_.pulse = store_.pulseSummary();
    // The evening's agenda, timer and dot vote, from what the facilitator does on the evening screens.
    if (!presenterExample_) presenterView_.feed = view_.currentEvening ? presenterFeedFor(*view_.currentEvening) : PresenterFeed{};
}

bool KioskApp::buildPresenterFonts(int heightPx) {
    // Sized by the window, not the monitor: a projector's reported size says nothing about the
    // room. 180 "millimetres" to the height puts body text at about 1/28 of it.
    presenterUi_.metrics.pxPerMm = static_cast<float>(std::max(heightPx, 200)) / 180.0f;
    presenterUi_.metrics.textScale = 1.0f;
    presenterFontHeight_ = heightPx;
    Result<FontSet> fonts = ui::buildFonts(*ImGui::GetIO().Fonts, presenterUi_.metrics, settings_.fonts);
    if (!fonts) {
        fontError_ = fonts.error();
        return false;
    }
    presenterUi_.fonts = fonts.value();
    presenterUi_.colours = makePalette(false);
    applyStyle(presenterUi_.metrics, presenterUi_.colours);
    return true;
}

void KioskApp::presenterFrame(double now) {
    presenterUi_.now = now;
    presenterUi_.widgets.beginFrame();
    // Ballots, ideas and answers may come from this kiosk or from an import: the event count says.
    if (store_.clockMs() >= nextRoundChangeMs_) refreshView();  // a round opened or closed
    if (presenterDirty_ || store_.eventCount() != presenterEvents_) refreshPresenter();
    // The presenter speaks the start language; the kiosk's resident may have picked another one.
    const bool kioskRightToLeft = rightToLeft();
    setRightToLeft(presenterTranslator_.language().rightToLeft);
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##presenter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing);
    PresenterContext ctx{presenterUi_, presenterView_, store_.clockMs()};
    drawPresenter(ctx, io.DisplaySize);
    ImGui::End();
    setRightToLeft(kioskRightToLeft);
}

}  // namespace buurtstem::ui
