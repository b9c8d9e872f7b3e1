// Filling the staff view from storage.
#include "StaffView.h"

#include "../../core/Similarity.h"
#include "StaffState.h"

#include <algorithm>

namespace buurtstem::ui {

std::int64_t StaffView::ideaCount(IdeaKind kind) const {
    return std::count_if(ideas.begin(), ideas.end(), [&](const StaffIdea& row) { return row.idea.kind == kind; });
}

std::int64_t StaffView::ideaCount(IdeaKind kind, IdeaStatus status) const {
    return std::count_if(ideas.begin(), ideas.end(),
                         [&](const StaffIdea& row) { return row.idea.kind == kind && row.idea.status == status; });
}

std::vector<std::size_t> filterStaffIdeas(const StaffView& view, const StaffState& state) {
    const std::string words = foldForMatching(state.ideaFilterText.data());
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < view.ideas.size(); ++i) {
        const Idea& idea = view.ideas[i].idea;
        switch (state.ideaStatus) {
            case StaffIdeaStatusFilter::All: break;
            case StaffIdeaStatusFilter::New: if (idea.status != IdeaStatus::New) continue; break;
            case StaffIdeaStatusFilter::Approved: if (idea.status != IdeaStatus::Approved) continue; break;
            case StaffIdeaStatusFilter::Hidden: if (idea.status != IdeaStatus::Hidden) continue; break;
        }
        if (state.ideaTheme && idea.theme != *state.ideaTheme) continue;
        if (!words.empty() && words != " " &&
            foldForMatching(idea.reference + " " + idea.title + " " + idea.body).find(words) == std::string::npos)
            continue;
        shown.push_back(i);
    }
    return shown;
}

StaffView readStaffView(const storage::KioskStore& store) {
    StaffView view;
    view.neighbourhood = store.neighbourhoodName();
    view.neighbourhoods = {view.neighbourhood};
    std::vector<Idea> ideas = store.visibleIdeas();
    for (Idea& waiting : store.moderationQueue()) ideas.push_back(std::move(waiting));
    std::sort(ideas.begin(), ideas.end(), [](const Idea& a, const Idea& b) {
        return a.created != b.created ? a.created > b.created : a.id > b.id;
    });
    for (Idea& idea : ideas) {
        StaffIdea row;
        row.moderation = store.moderation(idea.id);
        if (idea.kind == IdeaKind::Initiative) row.plan = store.initiativePlan(idea.id);
        row.idea = std::move(idea);
        view.ideas.push_back(std::move(row));
    }
    view.needs = store.meetingNeedSummary();
    view.pulse = store.pulseSummary();
    view.nowMs = store.clockMs();
    for (BudgetRound& round : store.rounds()) {
        StaffRound row;
        row.phase = roundPhase(round, view.nowMs);
        row.codes = store.votingCodeCounts(round.id);
        const std::vector<BallotDraft> ballots = store.roundBallots(round.id);
        row.ballots = static_cast<std::int64_t>(ballots.size());
        if (Result<RoundOutcome> counted = tallyRound(round, ballots, view.neighbourhood); counted)
            row.outcome = std::move(counted).value();
        row.round = std::move(round);
        view.rounds.push_back(std::move(row));
    }
    view.events = store.eventCount();
    view.contactsSealed = static_cast<std::int64_t>(store.sealedContacts().size());
    return view;
}

}  // namespace buurtstem::ui
