// The Method of Equal Shares in exact fractions (GMP's mpq): money, payments and rho are kept
// exactly, whatever their denominators grow to. Slow on large elections, so the fast bounded run
// calls it only where its bounds cannot decide; the tests hold everything else equal to it.
#include "TallyEqualShares.h"

#include <gmpxx.h>

#include <algorithm>
#include <numeric>

namespace buurtstem::tally {

namespace {

// What rho is divided by to compare projects: the utility per point.
mpz_class utilityPerPoint(const TallyProfile& profile, Utility utility, std::uint32_t project) {
    if (utility == Utility::Cardinality || profile.cost[project] == 0) return 1;
    return mpz_class(static_cast<long>(profile.cost[project]));
}

}  // namespace

std::vector<std::uint32_t> equalSharesExact(const TallyProfile& profile, Utility utility, StartMoney start) {
    const std::uint32_t projects = static_cast<std::uint32_t>(profile.projectCount());
    mpq_class startMoney(mpz_class(static_cast<long>(start.cents)), mpz_class(static_cast<unsigned long>(start.per)));
    startMoney.canonicalize();
    std::vector<mpq_class> money(profile.voters, startMoney);

    // rho only grows as money is spent, so the rho a project had earlier is a lower bound for it
    // now: projects are looked at in order of that bound, and the search stops once no bound can
    // beat the best project found.
    enum class State : std::uint8_t { Open, Closed };
    std::vector<State> state(projects, State::Closed);
    std::vector<mpq_class> bound(projects);
    for (std::uint32_t p = 0; p < projects; ++p) {
        if (profile.support[p] == 0) continue;
        state[p] = State::Open;
        bound[p] = mpq_class(mpz_class(static_cast<long>(profile.cost[p])),
                             mpz_class(static_cast<long>(profile.support[p])) * utilityPerPoint(profile, utility, p));
        bound[p].canonicalize();
    }

    struct Item {
        mpq_class money;
        std::uint32_t weight;
    };
    std::vector<Item> items;
    std::vector<std::uint32_t> winners;
    while (true) {
        std::vector<std::uint32_t> order;
        for (std::uint32_t p = 0; p < projects; ++p)
            if (state[p] == State::Open) order.push_back(p);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const int c = cmp(bound[a], bound[b]);
            return c != 0 ? c < 0 : profile.equalSharesBefore(a, b);
        });

        bool found = false;
        std::uint32_t best = 0;
        mpq_class bestRho, bestShare;
        for (const std::uint32_t p : order) {
            if (found) {
                const int c = cmp(bound[p], bestRho);
                if (c > 0 || (c == 0 && profile.equalSharesBefore(best, p))) break;
            }
            const mpq_class cost(mpz_class(static_cast<long>(profile.cost[p])));
            mpq_class sum = 0;
            items.clear();
            for (std::uint32_t s = profile.supporterStart[p]; s < profile.supporterStart[p + 1]; ++s) {
                const mpq_class& m = money[profile.supporterVoter[s]];
                if (sgn(m) == 0) continue;
                sum += m;
                items.push_back({m, profile.supporterWeight[s]});
            }
            if (sum < cost) {
                state[p] = State::Closed;
                continue;
            }
            // Poorest per point first: each pays all they have while that is below the equal share.
            std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
                return a.money * b.weight < b.money * a.weight;
            });
            mpq_class remaining = cost;
            mpz_class weights = 0;
            for (const Item& item : items) weights += item.weight;
            for (const Item& item : items) {
                if (item.money * weights >= remaining * item.weight) break;
                remaining -= item.money;
                weights -= item.weight;
            }
            mpq_class share = weights == 0 ? mpq_class(0) : mpq_class(remaining / weights);
            mpq_class rho = share / mpq_class(utilityPerPoint(profile, utility, p));
            bound[p] = rho;
            if (!found || rho < bestRho || (rho == bestRho && profile.equalSharesBefore(p, best))) {
                found = true;
                best = p;
                bestRho = rho;
                bestShare = share;
            }
        }
        if (!found) break;

        winners.push_back(best);
        state[best] = State::Closed;
        for (std::uint32_t s = profile.supporterStart[best]; s < profile.supporterStart[best + 1]; ++s) {
            mpq_class& m = money[profile.supporterVoter[s]];
            const mpq_class pay = bestShare * profile.supporterWeight[s];
            if (m <= pay)
                m = 0;
            else
                m -= pay;
        }
    }
    return winners;
}

}  // namespace buurtstem::tally
