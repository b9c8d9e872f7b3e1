// Greedy counting by support, with its explanations: the place of each project in line and the
// budget that was still free when its turn came.
#include "TallyGreedy.h"

#include <algorithm>
#include <numeric>

namespace buurtstem::tally {

std::vector<std::uint32_t> supportOrder(const TallyProfile& profile) {
    std::vector<std::uint32_t> order;
    for (std::uint32_t p = 0; p < profile.projectCount(); ++p)
        if (profile.support[p] > 0) order.push_back(p);
    std::sort(order.begin(), order.end(),
              [&](std::uint32_t a, std::uint32_t b) { return profile.greedyBefore(a, b); });
    return order;
}

GreedyOutcome countGreedy(const TallyProfile& profile, bool skip, std::optional<std::int64_t> threshold) {
    GreedyOutcome outcome;
    outcome.projects.resize(profile.projectCount());
    for (std::uint32_t p = 0; p < profile.projectCount(); ++p) {
        ProjectOutcome& project = outcome.projects[p];
        project.support = profile.support[p];
        project.supporters = profile.supporterCount(p);
        project.reason = Reason::NoSupport;
    }
    Money left = profile.budget;
    std::optional<std::uint32_t> stoppedAt;  // greedy without skipping: the project that did not fit
    std::uint32_t rank = 0;
    for (const std::uint32_t p : supportOrder(profile)) {
        ProjectOutcome& project = outcome.projects[p];
        if (threshold && profile.support[p] < *threshold) {
            project.reason = Reason::BelowThreshold;
            project.threshold = *threshold;
            continue;
        }
        project.rank = ++rank;
        if (stoppedAt) {
            project.reason = Reason::CountingStopped;
            project.other = *stoppedAt;
            continue;
        }
        project.budgetLeft = left;
        if (profile.cost[p] <= left) {
            project.funded = true;
            project.reason = Reason::FundedInTurn;
            project.selectedAs = static_cast<std::uint32_t>(outcome.winners.size() + 1);
            outcome.winners.push_back(p);
            left -= profile.cost[p];
        } else {
            project.reason = Reason::DidNotFit;
            if (!skip) stoppedAt = p;
        }
    }
    outcome.spent = profile.budget - left;
    return outcome;
}

void fillBySupport(const TallyProfile& profile, std::vector<std::uint32_t>& winners, std::vector<ProjectOutcome>& projects) {
    Money left = profile.budget - totalCost(profile, winners);
    std::uint32_t rank = 0;
    for (const std::uint32_t p : supportOrder(profile)) {
        ++rank;
        if (projects[p].funded || profile.cost[p] > left) continue;
        ProjectOutcome& project = projects[p];
        project = ProjectOutcome{};
        project.support = profile.support[p];
        project.supporters = profile.supporterCount(p);
        project.funded = true;
        project.reason = Reason::FundedByCompletion;
        project.rank = rank;
        project.budgetLeft = left;
        project.selectedAs = static_cast<std::uint32_t>(winners.size() + 1);
        winners.push_back(p);
        left -= profile.cost[p];
    }
}

}  // namespace buurtstem::tally
