// KioskApp's moderation: the queue read from storage with the word lists' flags, and the
// facilitator's approve, hide, correct, merge and classify carried out, each also written to the
// audit log with what it was before and after.
#include "KioskApp.h"

#include "widgets/NumericPad.h"

namespace buurtstem::ui {

namespace {

const char* statusWord(IdeaStatus status) {
    switch (status) {
        case IdeaStatus::New: return "new";
        case IdeaStatus::Approved: return "approved";
        case IdeaStatus::Hidden: return "hidden";
    }
    return "new";
}

}  // namespace

void KioskApp::refreshModeration() {
    view_.moderationQueue.clear();
    for (Idea& idea : store_.moderationQueue()) {
        QueuedIdea queued;
        queued.flagged = flaggedWords_.find(idea.title + "\n" + idea.body);
        queued.idea = std::move(idea);
        view_.moderationQueue.push_back(std::move(queued));
    }
    view_.moderated.reset();
    view_.moderatedRecord = ModerationRecord{};
    view_.moderatedFlags.clear();
    if (state_.moderation.ideaId.empty()) return;
    view_.moderated = store_.idea(state_.moderation.ideaId);
    if (!view_.moderated) return;
    view_.moderatedRecord = store_.moderation(state_.moderation.ideaId);
    // The resident's own words are what may hold a listed word, not a facilitator's correction.
    const ModerationRecord& record = view_.moderatedRecord;
    view_.moderatedFlags = flaggedWords_.find(record.originalTitle.value_or(view_.moderated->title) + "\n" +
                                              record.originalBody.value_or(view_.moderated->body));
}

void KioskApp::openModeration(const std::string& ideaId) {
    state_.moderation = ModerationFlow{};
    state_.moderation.ideaId = ideaId;
    refreshModeration();
    if (!view_.moderated) {
        state_.moderation = ModerationFlow{};
        return;
    }
    // Every edit starts from what is stored now.
    ModerationFlow& flow = state_.moderation;
    flow.title = view_.moderated->title;
    flow.body = view_.moderated->body;
    flow.classification = view_.moderatedRecord.classification.value_or(Classification{});
    if (!view_.moderatedRecord.classification) flow.classification.theme = view_.moderated->theme;
    flow.costText = flow.classification.costCents ? typedEuroCents(*flow.classification.costCents) : std::string();
    go(ScreenId::ModerationItem);
}

void KioskApp::finishModeration(const char* doneKey) {
    state_.moderation = ModerationFlow{};
    state_.moderation.doneKey = doneKey;
    refreshView();
    keyboard_.reset();
    state_.history = {ScreenId::FacilitatorHome};
    state_.screen = ScreenId::ModerationQueue;
    pageScroll_.reset();
}

void KioskApp::moderationSaved(const char* doneKey) {
    state_.moderation.doneKey = doneKey;
    state_.moderation.problemKey = nullptr;
    state_.moderation.focus = ModerationField::None;
    refreshView();
    keyboard_.reset();
    state_.history = {ScreenId::FacilitatorHome, ScreenId::ModerationQueue};
    state_.screen = ScreenId::ModerationItem;
    pageScroll_.reset();
}

void KioskApp::applyModeration(const Actions& actions) {
    if (state_.facilitator.label.empty()) return;  // locked: nothing of this is reachable
    ModerationFlow& flow = state_.moderation;
    if (actions.openModerationQueue) {
        state_.moderation = ModerationFlow{};
        refreshView();
        go(ScreenId::ModerationQueue);
    }
    if (actions.openModeration) openModeration(*actions.openModeration);
    // Each change is checked against the item as stored now, read again before it is written.
    const std::optional<Idea> item = flow.ideaId.empty() ? std::nullopt : store_.idea(flow.ideaId);
    if (!item) return;
    const std::string& ref = item->reference;
    if (actions.approveModerated) {
        const Result<void> done = audited([&] { return store_.approveIdea(item->id); }, [&](const Result<void>&) {
            return AuditText{kAuditIdeaApproved, item->id, ref + ": " + statusWord(item->status), ref + ": approved"};
        });
        if (!done) {
            flow.problemKey = saveProblemKey(done.error().code);
            return;
        }
        finishModeration("moderation.done.approved");
        return;
    }
    if (actions.hideModerated && flow.hideReason) {
        const Result<void> done = audited(
            [&] { return store_.hideIdea(item->id, *flow.hideReason, flow.hideReason == HideReason::Other ? flow.hideNote : ""); },
            [&](const Result<void>&) {
                std::string reason(hideReasonId(*flow.hideReason));
                if (flow.hideReason == HideReason::Other) reason += ": " + store_.moderation(item->id).hiddenNote;
                return AuditText{kAuditIdeaHidden, item->id, ref + ": " + statusWord(item->status), ref + ": hidden (" + reason + ")"};
            });
        if (!done) {
            flow.problemKey = done.error().code == ErrorCode::InvalidInput ? "moderation.problem.reason" : saveProblemKey(done.error().code);
            return;
        }
        finishModeration("moderation.done.hidden");
        return;
    }
    if (actions.correctModerated) {
        const Result<Idea> done = audited([&] { return store_.correctIdea(item->id, flow.title, flow.body); }, [&](const Result<Idea>& corrected) {
            return AuditText{kAuditIdeaCorrected, item->id, item->title + "\n" + item->body, corrected->title + "\n" + corrected->body};
        });
        if (!done) {
            flow.problemKey = done.error().code == ErrorCode::InvalidInput ? "moderation.problem.text" : saveProblemKey(done.error().code);
            return;
        }
        flow.title = done->title;
        flow.body = done->body;
        moderationSaved("moderation.done.corrected");
        return;
    }
    if (actions.mergeModerated && !flow.mergeInto.empty()) {
        const Result<Idea> done = audited([&] { return store_.mergeIdea(item->id, flow.mergeInto); }, [&](const Result<Idea>& into) {
            return AuditText{kAuditIdeaMerged, item->id, ref, into->reference};
        });
        if (!done) {
            flow.problemKey = saveProblemKey(done.error().code);
            flow.confirmMerge = false;
            return;
        }
        finishModeration("moderation.done.merged");
        return;
    }
    if (actions.classifyModerated) {
        Classification classification = flow.classification;
        classification.costCents.reset();
        if (!flow.costText.empty()) {
            const std::optional<std::int64_t> cents = parseEuroCents(flow.costText);
            if (!cents) {
                flow.problemKey = "moderation.problem.cost";
                return;
            }
            classification.costCents = *cents;
        }
        const ModerationRecord before = store_.moderation(item->id);
        const Result<void> done = audited([&] { return store_.classifyIdea(item->id, classification); }, [&](const Result<void>&) {
            return AuditText{kAuditIdeaClassified, item->id, before.classification ? describeClassification(*before.classification) : "",
                             describeClassification(store_.moderation(item->id).classification.value_or(classification))};
        });
        if (!done) {
            flow.problemKey = done.error().code == ErrorCode::InvalidInput ? "moderation.problem.cost" : saveProblemKey(done.error().code);
            return;
        }
        moderationSaved("moderation.done.classified");
    }
}

}  // namespace buurtstem::ui
