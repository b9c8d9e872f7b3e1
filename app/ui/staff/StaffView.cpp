// Filling the staff view from storage.
#include "StaffView.h"

#include "../../core/Similarity.h"
#include "StaffState.h"

#include <algorithm>
#include <map>
#include <set>

namespace buurtstem::ui {

std::int64_t StaffView::ideaCount(IdeaKind kind) const {
    return std::count_if(ideas.begin(), ideas.end(), [&](const StaffIdea& row) { return row.idea.kind == kind; });
}

std::int64_t StaffView::ideaCount(IdeaKind kind, IdeaStatus status) const {
    return std::count_if(ideas.begin(), ideas.end(),
                         [&](const StaffIdea& row) { return row.idea.kind == kind && row.idea.status == status; });
}

std::int64_t StaffView::stageCount(PipelineStage stage) const {
    return std::count_if(pipeline.begin(), pipeline.end(), [&](const InitiativeRow& row) { return row.progress.stage == stage; });
}

std::int64_t StaffView::pulseAnswers() const {
    std::int64_t total = 0;
    for (const PulseMonth& month : pulseMonths)
        for (const std::int64_t count : month.count) total += count;
    return total;
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

StaffView readStaffView(const storage::KioskStore& store, const std::string& neighbourhood) {
    StaffView view;
    view.neighbourhood = neighbourhood;
    const std::map<std::string, std::string> kiosks = store.kioskNeighbourhoods();
    std::set<std::string> names;
    for (const auto& [kioskId, name] : kiosks) names.insert(name);
    view.kiosks = store.kioskActivity();
    view.neighbourhoods.push_back("");
    view.neighbourhoods.insert(view.neighbourhoods.end(), names.begin(), names.end());
    const auto inNeighbourhood = [&](const std::string& name) { return neighbourhood.empty() || name == neighbourhood; };

    std::vector<std::string> sealed;
    std::vector<storage::KioskStore::IdeaRow> rows = store.ideaRows(&sealed);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!inNeighbourhood(rows[i].neighbourhood)) continue;
        if (i < sealed.size() && !sealed[i].empty()) ++view.contactsSealed;
        view.ideas.push_back({std::move(rows[i].idea), std::move(rows[i].moderation), std::move(rows[i].kioskId)});
    }
    std::reverse(view.ideas.begin(), view.ideas.end());  // ideaRows is oldest first
    for (InitiativeRow& row : store.initiativePipeline())
        if (inNeighbourhood(row.neighbourhood)) view.pipeline.push_back(std::move(row));
    view.needs = store.meetingNeedSummary(neighbourhood);
    view.pulseMonths = store.pulseByMonth(neighbourhood);
    view.nowMs = store.clockMs();
    for (BudgetRound& round : store.rounds()) {
        StaffRound row;
        row.phase = roundPhase(round, view.nowMs);
        row.codes = store.votingCodeCounts(round.id);
        const std::vector<BallotDraft> ballots = store.roundBallots(round.id);
        row.ballots = static_cast<std::int64_t>(ballots.size());
        if (Result<RoundOutcome> counted = tallyRound(round, ballots, neighbourhood); counted)
            row.outcome = std::move(counted).value();
        row.round = std::move(round);
        view.rounds.push_back(std::move(row));
    }
    view.conflicts = store.conflicts();
    view.events = store.eventCount();
    return view;
}

}  // namespace buurtstem::ui
