// Turning ballots into supporter lists: checks, weights, support, the lot and twin projects.
#include "TallyProfile.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace buurtstem::tally {

namespace {

Error invalid(std::string detail) { return makeError(ErrorCode::InvalidInput, std::move(detail)); }

bool usesPoints(VoteType type) { return type == VoteType::Cumulative || type == VoteType::Scoring; }

// Gives projects with the same cost and the same supporters (with the same points) one number:
// the lowest index among them.
std::vector<std::uint32_t> findTwins(const TallyProfile& profile) {
    const auto projects = static_cast<std::uint32_t>(profile.projectCount());
    std::vector<std::uint64_t> hash(projects);
    for (std::uint32_t p = 0; p < projects; ++p) {
        std::uint64_t h = 1469598103934665603ull ^ static_cast<std::uint64_t>(profile.cost[p]);
        for (std::uint32_t s = profile.supporterStart[p]; s < profile.supporterStart[p + 1]; ++s) {
            h = (h ^ profile.supporterVoter[s]) * 1099511628211ull;
            h = (h ^ profile.supporterWeight[s]) * 1099511628211ull;
        }
        hash[p] = h;
    }
    std::vector<std::uint32_t> order(projects);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return hash[a] != hash[b] ? hash[a] < hash[b] : a < b;
    });
    const auto same = [&](std::uint32_t a, std::uint32_t b) {
        if (profile.cost[a] != profile.cost[b] || profile.supporterCount(a) != profile.supporterCount(b)) return false;
        const std::uint32_t sa = profile.supporterStart[a], sb = profile.supporterStart[b];
        for (std::uint32_t i = 0; i < profile.supporterCount(a); ++i)
            if (profile.supporterVoter[sa + i] != profile.supporterVoter[sb + i] ||
                profile.supporterWeight[sa + i] != profile.supporterWeight[sb + i])
                return false;
        return true;
    };
    std::vector<std::uint32_t> twin(projects);
    std::iota(twin.begin(), twin.end(), 0u);
    for (std::size_t i = 0; i < order.size();) {
        std::size_t end = i + 1;
        while (end < order.size() && hash[order[end]] == hash[order[i]]) ++end;
        // Within one hash, `order` is by index: the first match of each project is its lowest twin.
        for (std::size_t a = i; a < end; ++a)
            for (std::size_t b = i; b < a; ++b)
                if (twin[order[b]] == order[b] && same(order[a], order[b])) {
                    twin[order[a]] = order[b];
                    break;
                }
        i = end;
    }
    return twin;
}

}  // namespace

bool TallyProfile::greedyBefore(std::uint32_t a, std::uint32_t b) const {
    if (support[a] != support[b]) return support[a] > support[b];
    if (cost[a] != cost[b]) return cost[a] < cost[b];
    return lot[a] < lot[b];
}

bool TallyProfile::equalSharesBefore(std::uint32_t a, std::uint32_t b) const {
    if (cost[a] != cost[b]) return cost[a] < cost[b];
    if (support[a] != support[b]) return support[a] > support[b];
    return lot[a] < lot[b];
}

Result<TallyProfile> prepareProfile(const Election& election, const std::vector<std::uint32_t>& lotOrder,
                                    const std::vector<std::int64_t>& rankPoints) {
    const Ballots& ballots = election.ballots;
    const std::size_t projects = election.projects.size();
    if (projects >= UINT32_MAX) return invalid("too many projects");
    if (ballots.ballotStart.empty() || ballots.ballotStart.front() != 0 ||
        ballots.ballotStart.back() != ballots.projects.size())
        return invalid("the ballots' start offsets do not match their projects");
    if (ballots.count() > kTallyMaxVoters) return invalid("more than 2,000,000,000 ballots");
    if (election.budget < 0 || election.budget > kTallyMaxAmount)
        return invalid("the budget is negative or larger than 10^13 units");
    const bool byRank = election.voteType == VoteType::Ordinal && !rankPoints.empty();
    for (std::size_t i = 0; i < rankPoints.size(); ++i)
        if (rankPoints[i] <= 0 || rankPoints[i] > kTallyMaxPoints || (i > 0 && rankPoints[i] > rankPoints[i - 1]))
            return invalid("rank points must be positive, at most 10^9, and not grow from one place to the next");
    const bool weighted = usesPoints(election.voteType) || byRank;
    if (usesPoints(election.voteType) && ballots.points.size() != ballots.projects.size())
        return invalid("a points ballot without points for every project it names");

    TallyProfile profile;
    profile.voters = static_cast<std::uint32_t>(ballots.count());
    profile.budget = election.budget;
    profile.weighted = weighted;
    profile.cost.reserve(projects);
    Money totalCost = 0;
    for (const Project& project : election.projects) {
        if (project.cost < 0 || project.cost > kTallyMaxAmount)
            return invalid("project " + project.id + " has a negative cost or one larger than 10^13 units");
        profile.cost.push_back(project.cost);
        if (totalCost > kTallyMaxTotalCost - project.cost)
            return invalid("the projects cost more than 5 * 10^15 units together");
        totalCost += project.cost;
    }

    // Per voter first, dropping points of zero or less; then the same pairs per project.
    profile.voterStart.assign(1, 0);
    profile.voterStart.reserve(profile.voters + 1);
    profile.voterProject.reserve(ballots.projects.size());
    profile.voterWeight.reserve(ballots.projects.size());
    std::vector<std::uint32_t> seenIn(projects, UINT32_MAX);
    std::vector<std::uint32_t> count(projects + 1, 0);
    for (std::uint32_t b = 0; b < profile.voters; ++b) {
        const std::uint32_t begin = ballots.ballotStart[b], end = ballots.ballotStart[b + 1];
        if (end < begin) return invalid("ballot " + std::to_string(b + 1) + " ends before it starts");
        for (std::uint32_t i = begin; i < end; ++i) {
            const std::uint32_t project = ballots.projects[i];
            if (project >= projects)
                return invalid("ballot " + std::to_string(b + 1) + " names a project that does not exist");
            if (seenIn[project] == b)
                return invalid("ballot " + std::to_string(b + 1) + " names project " +
                               election.projects[project].id + " twice");
            seenIn[project] = b;
            std::int64_t weight = 1;
            if (byRank) {
                const std::uint32_t place = i - begin;
                if (place >= rankPoints.size()) continue;
                weight = rankPoints[place];
            } else if (weighted) {
                weight = ballots.points[i];
                if (weight > kTallyMaxPoints)
                    return invalid("ballot " + std::to_string(b + 1) + " gives more than 10^9 points");
                if (weight <= 0) continue;
            }
            profile.voterProject.push_back(project);
            profile.voterWeight.push_back(static_cast<std::uint32_t>(weight));
            ++count[project + 1];
        }
        profile.voterStart.push_back(static_cast<std::uint32_t>(profile.voterProject.size()));
    }
    std::partial_sum(count.begin(), count.end(), count.begin());
    profile.supporterStart = count;
    profile.supporterVoter.resize(profile.voterProject.size());
    profile.supporterWeight.resize(profile.voterProject.size());
    profile.support.assign(projects, 0);
    for (std::uint32_t v = 0; v < profile.voters; ++v)
        for (std::uint32_t i = profile.voterStart[v]; i < profile.voterStart[v + 1]; ++i) {
            const std::uint32_t project = profile.voterProject[i];
            const std::uint32_t at = count[project]++;
            profile.supporterVoter[at] = v;
            profile.supporterWeight[at] = profile.voterWeight[i];
            profile.support[project] += profile.voterWeight[i];
        }

    profile.lot.assign(projects, UINT32_MAX);
    std::uint32_t place = 0;
    for (const std::uint32_t project : lotOrder) {
        if (project >= projects) return invalid("the lot names a project that does not exist");
        if (profile.lot[project] != UINT32_MAX) return invalid("the lot names project " + election.projects[project].id + " twice");
        profile.lot[project] = place++;
    }
    for (std::uint32_t& lot : profile.lot)
        if (lot == UINT32_MAX) lot = place++;

    profile.twin = findTwins(profile);
    return profile;
}

Money totalCost(const TallyProfile& profile, const std::vector<std::uint32_t>& projects) {
    Money sum = 0;
    for (const std::uint32_t project : projects) sum += profile.cost[project];
    return sum;
}

}  // namespace buurtstem::tally
