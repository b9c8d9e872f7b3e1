// Facilitator screens. FacilitatorPin: the PIN pad behind the long press in the corner; a wrong
// PIN is said plainly, and after a few the pad waits, with the seconds shown. FacilitatorHome:
// who is signed in and what they can do here: end voting now, lock, or close Buurtstem (each of
// the last two asks for a second tap).
#include "Screens.h"

#include "../../core/FacilitatorPin.h"
#include "../Icons.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

namespace buurtstem::ui {

// The digits typed so far as dots, with room for the shortest PIN.
void pinDots(ScreenContext& ctx, std::size_t typed, float width) {
    Ui& ui = ctx.ui;
    const float dot = ui.mm(4);
    const float gap = ui.mm(3);
    const std::size_t shown = std::max<std::size_t>(typed, kPinMinDigits);
    const float rowWidth = static_cast<float>(shown) * dot + static_cast<float>(shown - 1) * gap;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < shown; ++i) {
        const ImVec2 centre(at.x + (width - rowWidth) * 0.5f + static_cast<float>(i) * (dot + gap) + dot * 0.5f, at.y + dot * 0.5f);
        if (i < typed)
            list->AddCircleFilled(centre, dot * 0.5f, ui.colours.text);
        else
            list->AddCircle(centre, dot * 0.5f, ui.colours.border, 0, ui.mm(0.4f));
    }
    ImGui::Dummy(ImVec2(width, dot + ui.mm(2)));
}

void drawFacilitatorPin(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    FacilitatorAccess& access = ctx.state.facilitator;
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = ui.metrics.gap();
    screenHeading(ctx, ui.tr("facilitator.pin.heading"));
    pinDots(ctx, access.typedPin.size(), width);

    // A wait is said with its seconds counting down, and goes when it has passed.
    const double waiting = access.waitUntil - ui.now;
    const bool aboutWaiting = access.problemKey && (std::string_view(access.problemKey) == "facilitator.pin.wrong_wait" ||
                                                    std::string_view(access.problemKey) == "facilitator.pin.wait");
    if (access.problemKey && (waiting > 0 || !aboutWaiting))
        problemText(ctx, ui.format(access.problemKey, {{"seconds", std::to_string(static_cast<int>(std::ceil(std::max(waiting, 0.0))))}})
                             .c_str());

    // A 3 x 4 pad at the bottom: 1-9, then erase, 0, open. Keys of 20 mm, like the main actions.
    const float key = std::min(ui.metrics.touchMain(), (ctx.contentSize.y * 0.6f - 3 * gap) / 4);
    const float padWidth = 3 * ui.mm(30) + 2 * gap;
    const float left = ctx.contentMin.x + (width - padWidth) * 0.5f;
    const float top = ctx.contentMin.y + ctx.contentSize.y - 4 * key - 3 * gap;
    const char* labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    for (int i = 0; i < 12; ++i) {
        ImGui::SetCursorScreenPos(ImVec2(left + static_cast<float>(i % 3) * (ui.mm(30) + gap), top + static_cast<float>(i / 3) * (key + gap)));
        ButtonSpec spec;
        const std::string id = i == 9 ? "#pin.erase" : i == 11 ? "#pin.open" : std::string("#pin.") + labels[i];
        spec.id = id.c_str();
        spec.label = labels[i];  // erase and open are their icons alone: the pad stays narrow in every language
        spec.icon = i == 9 ? icon::Backspace : i == 11 ? icon::Check : nullptr;
        spec.size = ImVec2(ui.mm(30), key);
        spec.kind = i == 11 ? ButtonKind::Primary : ButtonKind::Secondary;
        if (i == 11) spec.enabled = access.typedPin.size() >= kPinMinDigits && waiting <= 0;
        if (i < 9 || i == 10) spec.enabled = access.typedPin.size() < kPinMaxDigits;
        if (!touchButton(ui, spec)) continue;
        access.problemKey = nullptr;
        if (i == 9) {
            if (!access.typedPin.empty()) access.typedPin.pop_back();
        } else if (i == 11) {
            ctx.actions.tryPin = true;
        } else {
            access.typedPin += labels[i];
        }
    }
}

void drawFacilitatorHome(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    FacilitatorAccess& access = ctx.state.facilitator;
    if (access.label.empty()) {  // never reached by tapping: the screens are opened by a PIN only
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    screenHeading(ctx, ui.format("facilitator.signed_in", {{"name", access.label}}).c_str());
    screenText(ctx, ui.tr("facilitator.lock_note"), true);
    if (access.doneKey) textBlock(ui.fonts.body, std::string(icon::Check) + "  " + ui.tr(access.doneKey), ui.colours.selected,
                                  ImGui::GetContentRegionAvail().x);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap()));

    // What a facilitator does here, as a grid of large buttons: the evening's work first, lock
    // and close last. Closing asks for a second tap.
    struct Entry {
        const char* id;  // also the translation key of the label, unless `label` says otherwise
        const char* glyph;
        std::string label;
        bool confirm;
    };
    const char* presenterKey = ctx.view.presenterShown ? "facilitator.presenter_off" : "facilitator.presenter_on";
    const Entry entries[] = {
        {"facilitator.moderation", icon::Check,
         ui.format("facilitator.moderation", {{"count", std::to_string(ctx.view.moderationQueue.size())}}), false},
        {"facilitator.rounds", icon::Ticked, ui.tr("facilitator.rounds"), false},
        {"facilitator.evening", icon::Meeting, ui.tr("facilitator.evening"), false},
        {"facilitator.paper", icon::Edit, ui.tr("facilitator.paper"), false},
        {presenterKey, icon::Comments, ui.tr(presenterKey), false},
        {"facilitator.audit_log", icon::List, ui.tr("facilitator.audit_log"), false},
        {"facilitator.setup", icon::Wrench, ui.tr("facilitator.setup"), false},
        {"facilitator.lock", icon::Lock, ui.tr("facilitator.lock"), false},
        {"facilitator.quit", icon::Close, ui.tr("facilitator.quit"), true},
    };
    const int count = static_cast<int>(std::size(entries));
    const float gap = ui.metrics.gap();
    const ImVec2 available = ImGui::GetContentRegionAvail();
    const int columns = available.x >= 3 * ui.mm(75) + 2 * gap ? 3 : available.x >= 2 * ui.mm(60) + gap ? 2 : 1;
    const float cellWidth = (available.x - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
    // One height for all, as tall as the longest label needs (large text, a long translation).
    float cellHeight = ui.metrics.touchMain();
    for (const Entry& entry : entries) {
        const std::string text = std::string(entry.glyph) + "  " + entry.label;
        cellHeight = std::max(cellHeight, measureText(ui.fonts.heading, text, cellWidth - ui.mm(8)).y + ui.mm(6));
    }
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (int i = 0; i < count; ++i) {
        const Entry& entry = entries[i];
        const bool asking = access.confirmKey && std::string_view(access.confirmKey) == entry.id;
        const std::string text = asking ? std::string(ui.tr("facilitator.tap_again")) : entry.label;
        ImGui::SetCursorScreenPos(gridCell(origin, i, columns, ImVec2(cellWidth, cellHeight), gap));
        ButtonSpec spec;
        spec.id = entry.id;
        spec.icon = entry.glyph;
        spec.label = text.c_str();
        spec.size = ImVec2(cellWidth, cellHeight);
        spec.kind = asking ? ButtonKind::Primary : ButtonKind::Secondary;
        if (!touchButton(ui, spec)) continue;
        if (entry.confirm && !asking) {
            access.confirmKey = entry.id;  // a second tap carries it out
            continue;
        }
        const std::string_view id = entry.id;
        if (id == "facilitator.moderation") ctx.actions.openModerationQueue = true;
        if (id == "facilitator.rounds") ctx.actions.go = ScreenId::FacilitatorRounds;
        if (id == "facilitator.evening") ctx.actions.openEvening = true;
        if (id == "facilitator.paper") ctx.actions.openPaper = true;
        if (id == presenterKey) ctx.actions.togglePresenter = true;
        if (id == "facilitator.audit_log") ctx.actions.openAuditLog = true;
        if (id == "facilitator.setup") ctx.actions.openSetUp = true;
        if (id == "facilitator.lock") ctx.actions.lockFacilitator = true;
        if (id == "facilitator.quit") ctx.actions.quit = true;
    }
    const int rows = (count + columns - 1) / columns;
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + static_cast<float>(rows) * (cellHeight + gap)));
}

}  // namespace buurtstem::ui

namespace buurtstem::ui {

namespace {

// An action in words; one this version does not know (from a newer one) as its name.
std::string actionText(const Ui& ui, const std::string& action) {
    if (action == kAuditFacilitatorUnlocked) return ui.tr("audit.action.unlocked");
    if (action == kAuditRoundClosed) return ui.tr("audit.action.round_closed");
    if (action == kAuditKioskClosed) return ui.tr("audit.action.kiosk_closed");
    if (action == kAuditRoundPhase) return ui.tr("audit.action.round_phase");
    if (action == kAuditPresenterSwitched) return ui.tr("audit.action.presenter");
    if (action == kAuditEveningSaved) return ui.tr("audit.action.evening_saved");
    if (action == kAuditEveningCheckIn) return ui.tr("audit.action.evening_checked_in");
    if (action == kAuditEveningItemStarted) return ui.tr("audit.action.evening_item_started");
    if (action == kAuditDotVoteOpened) return ui.tr("audit.action.dot_vote_opened");
    if (action == kAuditDotGiven) return ui.tr("audit.action.dot_given");
    if (action == kAuditDotVoteClosed) return ui.tr("audit.action.dot_vote_closed");
    if (action == kAuditMinutesSaved) return ui.tr("audit.action.minutes_saved");
    if (action == kAuditEveningReport) return ui.tr("audit.action.evening_report");
    if (action == kAuditPaperEntered) return ui.tr("audit.action.paper_entered");
    if (action == kAuditPaperCorrected) return ui.tr("audit.action.paper_corrected");
    if (action == kAuditIdeaApproved) return ui.tr("audit.action.idea_approved");
    if (action == kAuditIdeaHidden) return ui.tr("audit.action.idea_hidden");
    if (action == kAuditIdeaCorrected) return ui.tr("audit.action.idea_corrected");
    if (action == kAuditIdeaMerged) return ui.tr("audit.action.idea_merged");
    if (action == kAuditIdeaClassified) return ui.tr("audit.action.idea_classified");
    if (action == kAuditKioskSetUp) return ui.tr("audit.action.set_up");
    return action;
}

}  // namespace

void drawAuditLog(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (ctx.state.facilitator.label.empty()) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    const AuditCheck& check = ctx.view.auditCheck;
    const float width = ImGui::GetContentRegionAvail().x;
    // Whether the chain is whole comes first: it is why the log is kept this way.
    if (check.ok)
        textBlock(ui.fonts.heading,
                  std::string(icon::Check) + "  " + ui.format("audit.whole", {{"count", std::to_string(check.entriesChecked)}}),
                  ui.colours.selected, width);
    else
        problemText(ctx, ui.format("audit.broken", {{"seq", check.firstBrokenSeq ? std::to_string(*check.firstBrokenSeq) : "?"}})
                             .c_str());
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));
    if (ctx.view.auditLog.empty()) {
        screenText(ctx, ui.tr("audit.empty"), true);
        return;
    }

    // Newest first, one row each: number, time and who; then what, and before -> after.
    const float pad = ui.mm(3);
    const float inner = width - 2 * pad;
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    ctx.pageScroll.begin(ui, "#audit.list", ImVec2(width, std::max(ui.metrics.touchMin(), bottom - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const AuditEntry& entry : ctx.view.auditLog) {
        const std::string head = "#" + std::to_string(entry.seq) + "   " + dayMonthYear(ui, entry.atMs) + "   " + entry.facilitator;
        std::string what = actionText(ui, entry.action) + (entry.subject.empty() ? "" : "   " + entry.subject);
        if (!entry.before.empty() || !entry.after.empty())
            what += "\n" + (entry.before.empty() ? std::string("-") : entry.before) + "  " + (rightToLeft() ? "<-" : "->") + "  " +
                    (entry.after.empty() ? std::string("-") : entry.after);
        const float headHeight = measureText(ui.fonts.body, head, inner).y;
        const float height = 2 * pad + headHeight + ui.mm(1) + measureText(ui.fonts.body, what, inner).y;
        const std::string id = "#audit.entry." + std::to_string(entry.seq);
        ImVec2 min, max;
        bool held = false;
        ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held);
        const bool broken = check.firstBrokenSeq && *check.firstBrokenSeq == entry.seq;
        list->AddRect(min, max, broken ? ui.colours.danger : ui.colours.border, ui.mm(2), 0, broken ? ui.mm(0.8f) : ui.mm(0.35f));
        drawText(list, ui.fonts.body, ImVec2(min.x + pad, min.y + pad), ui.colours.mutedText, head, inner);
        drawText(list, ui.fonts.body, ImVec2(min.x + pad, min.y + pad + headHeight + ui.mm(1)), ui.colours.text, what, inner);
    }
    ctx.pageScroll.end(ui);
}

}  // namespace buurtstem::ui
