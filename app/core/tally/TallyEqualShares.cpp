// The Method of Equal Shares on integer money bounds, the add1 completions built on it, and the
// explanations of an outcome.
//
// Why bounds: exact payments are fractions whose denominators multiply step after step (hundreds
// of digits in a city election), too slow to repeat for every add1 step. So every voter's money is
// kept as two integers lo <= m <= hi in ticks of 2^-shift cent. Payments are exact fractions of
// integers, rounded outwards. Each run then makes every decision exactly or reports that it cannot:
//   - m' = max(0, m - rho * u) is increasing in every voter's money (more money for anyone lowers
//     rho), so running the payment on all lo values and on all hi values gives bounds for m';
//   - rho of a project is decreasing in every voter's money: [rho(hi), rho(lo)] holds it;
//   - affordability is monotone: sum(lo) >= cost surely affords, sum(hi) < cost surely not;
//   - a project is picked only when its interval is surely below every rival's (or both are the
//     same exact value and the tie-break order decides, or they are twins: same cost and voters).
// Lo and hi may start apart: a run from [E1, E2] that settles every decision proves the outcome is
// the same for every start in between. add1 tries ranges of steps that way (longer ones while
// they settle at once), splits a range that does not settle in two halves that both resume after
// the decisions that did hold for all of it (no rival is weighed again for those), and runs one
// step in fractions (TallyExact.cpp) when even a single start does not settle. Every outcome it
// uses is therefore the exact outcome for its starts, handed to add1's stopping rule in order of
// start: the rule sees what the one-step-at-a-time definition (completeAdd1Stepwise) sees.
//
// Integer widths: money <= 2^62 ticks, weights < 2^30, fewer than 2^31 voters, costs < 2^50 cents:
// sums < 2^93, weight sums < 2^61, every product below fits __int128 and fraction comparisons use
// 256-bit products (TallyArithmetic.h).
#include "TallyEqualShares.h"

#include "TallyArithmetic.h"

#include <algorithm>
#include <bit>
#include <optional>

namespace buurtstem::tally {

namespace {

using detail::compare;
using detail::Fraction;
using detail::Int128;
using detail::UInt128;

constexpr std::int64_t kMaxTicks = std::int64_t{1} << 62;
constexpr std::uint64_t kFirstSpan = 15;                  // steps beyond its first start a fresh range covers
constexpr std::uint64_t kMaxSpan = std::uint64_t{1} << 40;  // ... at most
constexpr Money kMaxStart = Money{1} << 60;                 // cents; the costs add up to less (TallyProfile)

// The largest shift at which `cents` still fits kMaxTicks.
int shiftFor(Money cents) {
    const int bits = std::bit_width(static_cast<std::uint64_t>(std::max<Money>(cents, 1)));
    return std::max(0, 62 - bits);
}

Money capacity(int shift) { return (kMaxTicks - 1) >> shift; }

struct Purse {
    std::int64_t lo = 0;  // = 0 // ticks
    std::int64_t hi = 0;  // = 0
};

enum class State : std::uint8_t { Open, Closed, Chosen };

// What a run learnt before a decision it could not settle: enough to run any narrower range from
// there without weighing the earlier decisions again.
struct Snapshot {
    int shift = 0;
    std::int64_t rangeLo = 0, rangeHi = 0;  // start range, ticks
    std::vector<std::uint32_t> chosen;      // the settled decisions, in order
    std::vector<Fraction> bound;            // lower bounds of rho at that point
    std::vector<State> state;

    bool covers(int atShift, std::int64_t lo, std::int64_t hi) const {
        return atShift == shift && rangeLo <= lo && hi <= rangeHi;
    }
};

struct RunOutcome {
    bool settled = false;                // every decision held for the whole range
    std::vector<std::uint32_t> winners;  // when settled
    Snapshot snapshot;                   // when not
};

// A share rho * u per point as an exact fraction of ticks: num / den, den the rich supporters' weight.
struct Share {
    Int128 num = 0;
    std::int64_t den = 1;
};

// [SECTION] One run on bounds

class BoundedRun {
public:
    BoundedRun(const TallyProfile& profile, Utility utility) : profile_(profile), utility_(utility) {
        const std::size_t projects = profile.projectCount();
        maxSupporters_ = 0;
        for (std::uint32_t p = 0; p < projects; ++p)
            maxSupporters_ = std::max<std::size_t>(maxSupporters_, profile.supporterCount(p));
        moneyLo_.resize(maxSupporters_);
        moneyHi_.resize(maxSupporters_);
        if (profile.weighted) {
            weightLo_.resize(maxSupporters_);
            weightHi_.resize(maxSupporters_);
        }
    }

    // Runs with every voter starting anywhere in [startLo, startHi] ticks of 2^-shift cent,
    // resuming from `resume` when given (it must cover the range).
    RunOutcome run(int shift, std::int64_t startLo, std::int64_t startHi, const Snapshot* resume);

    // Replays `winners` from a start and reports each payment: visit(project, evaluation share,
    // voter, ticks paid) for every supporter, before the money changes hands.
    template <class Visit>
    void replay(int shift, std::int64_t startLo, std::int64_t startHi, const std::vector<std::uint32_t>& winners,
                Visit&& visit);

    const std::vector<Purse>& purses() const { return purses_; }

private:
    struct Evaluation {
        bool maybeAffordable = false;   // sum(hi) >= cost
        bool surelyAffordable = false;  // sum(lo) >= cost
        Share low;   // exact share from the hi money: the least it can be
        Share high;  // exact share from the lo money: the most it can be (when surely affordable)
    };
    struct Pick {
        std::uint32_t project = 0;
        Fraction low, high;  // rho bounds
        Share shareLow, shareHigh;
    };

    Int128 costTicks(std::uint32_t project) const { return Int128{profile_.cost[project]} << shift_; }
    UInt128 utilityPerPoint(std::uint32_t project) const {
        if (utility_ == Utility::Cardinality || profile_.cost[project] == 0) return 1;
        return static_cast<UInt128>(profile_.cost[project]);
    }
    Fraction rho(const Share& share, std::uint32_t project) const {
        return Fraction{static_cast<UInt128>(share.num), static_cast<UInt128>(share.den) * utilityPerPoint(project)};
    }
    void start(int shift, std::int64_t startLo, std::int64_t startHi);
    template <bool Weighted>
    static Share waterFill(std::vector<std::int64_t>& money, std::vector<std::uint32_t>& weights, std::size_t count,
                           Int128 num, std::int64_t den);
    template <bool Weighted>
    Evaluation evaluate(std::uint32_t project);
    Evaluation evaluate(std::uint32_t project) {
        return profile_.weighted ? evaluate<true>(project) : evaluate<false>(project);
    }
    void pay(std::uint32_t project, const Share& shareLow, const Share& shareHigh);
    bool before(std::uint32_t a, std::uint32_t b) const { return profile_.equalSharesBefore(a, b); }
    // True when a project whose rho is at least `bound` cannot be picked over `best`.
    bool cannotBeat(const Fraction& bound, std::uint32_t project, const Pick& best) const {
        const int c = compare(bound, best.high);
        return c > 0 || (c == 0 && before(best.project, project));
    }
    enum class Order { First, Second, Unknown };
    Order decide(const Pick& a, const Pick& b) const;
    Snapshot snapshot() const { return Snapshot{shift_, startLo_, startHi_, winners_, bound_, state_}; }

    const TallyProfile& profile_;
    Utility utility_;
    std::size_t maxSupporters_ = 0;
    int shift_ = 0;
    std::int64_t startLo_ = 0, startHi_ = 0;
    std::vector<Purse> purses_;
    std::vector<State> state_;
    std::vector<Fraction> bound_;
    std::vector<std::uint32_t> winners_;
    // Scratch for one evaluation: the supporters' lo and hi money (and points), thinned by the passes.
    std::vector<std::int64_t> moneyLo_, moneyHi_;
    std::vector<std::uint32_t> weightLo_, weightHi_;
};

void BoundedRun::start(int shift, std::int64_t startLo, std::int64_t startHi) {
    shift_ = shift;
    startLo_ = startLo;
    startHi_ = startHi;
    purses_.assign(profile_.voters, Purse{startLo, startHi});
    winners_.clear();
}

// The water-filling. With everyone paying equally the share is cost / weight; whoever has less
// than their share pays all they have and leaves the rest to the others, which raises the share.
// Someone poor stays poor as the share only rises, so each pass takes out everyone below the
// current share at once and the passes end when none is. Every test is exact: without points,
// m < num / den exactly when m < ceil(num / den) (m is whole); with points m * den < num * weight.
template <bool Weighted>
Share BoundedRun::waterFill(std::vector<std::int64_t>& money, std::vector<std::uint32_t>& weights, std::size_t count,
                            Int128 num, std::int64_t den) {
    while (den > 0) {
        Int128 poorMoney = 0;
        std::int64_t poorWeight = 0;
        std::size_t kept = 0;
        if constexpr (Weighted) {
            for (std::size_t i = 0; i < count; ++i) {
                const std::int64_t m = money[i];
                const std::uint32_t w = weights[i];
                const bool poor = Int128{m} * den < num * w;
                poorMoney += poor ? m : 0;
                poorWeight += poor ? w : 0;
                money[kept] = m;
                weights[kept] = w;
                kept += poor ? 0 : 1;
            }
        } else {
            const UInt128 ceiling = detail::divideUp(static_cast<UInt128>(num), static_cast<UInt128>(den));
            const std::int64_t threshold =
                ceiling > static_cast<UInt128>(kMaxTicks) ? kMaxTicks + 1 : static_cast<std::int64_t>(ceiling);
            for (std::size_t i = 0; i < count; ++i) {
                const std::int64_t m = money[i];
                const bool poor = m < threshold;
                poorMoney += poor ? m : 0;
                poorWeight += poor ? 1 : 0;
                money[kept] = m;
                kept += poor ? 0 : 1;
            }
        }
        if (kept == count) break;
        num -= poorMoney;
        den -= poorWeight;
        count = kept;
    }
    return Share{num, den};
}

template <bool Weighted>
BoundedRun::Evaluation BoundedRun::evaluate(std::uint32_t project) {
    const Int128 cost = costTicks(project);
    const std::uint32_t begin = profile_.supporterStart[project], end = profile_.supporterStart[project + 1];
    const std::size_t count = end - begin;
    Int128 sumLo = 0, sumHi = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const Purse purse = purses_[profile_.supporterVoter[begin + i]];
        sumLo += purse.lo;
        sumHi += purse.hi;
        moneyLo_[i] = purse.lo;
        moneyHi_[i] = purse.hi;
        if constexpr (Weighted) weightLo_[i] = weightHi_[i] = profile_.supporterWeight[begin + i];
    }
    Evaluation evaluation;
    evaluation.maybeAffordable = sumHi >= cost;
    evaluation.surelyAffordable = sumLo >= cost;
    const std::int64_t weight = profile_.support[project];
    if (!evaluation.surelyAffordable) {
        if (evaluation.maybeAffordable) evaluation.low = waterFill<Weighted>(moneyHi_, weightHi_, count, cost, weight);
        return evaluation;
    }
    evaluation.high = waterFill<Weighted>(moneyLo_, weightLo_, count, cost, weight);
    if (evaluation.high.den == weight) {
        // Nobody is poor even with the lo money, so nobody with the hi money either: the share is exact.
        evaluation.low = evaluation.high;
    } else if (startHi_ - startLo_ <= 1) {
        // From one start the bounds are a few ticks apart, and a cheaper bound than a second
        // water-filling is as good: with the hi money, sum min(m, s * w) grows by at most the
        // spread D = sum(hi - lo) and falls by at least den * (high - s) below the lo share, so
        // the hi share is at least high - D / den.
        const Int128 spread = sumHi - sumLo;
        evaluation.low = Share{evaluation.high.num > spread ? evaluation.high.num - spread : 0, evaluation.high.den};
    } else {
        evaluation.low = waterFill<Weighted>(moneyHi_, weightHi_, count, cost, weight);
    }
    return evaluation;
}

// Everyone pays min(m, share * weight): the lo money with the highest share, rounded up, the hi
// money with the lowest, rounded down.
void BoundedRun::pay(std::uint32_t project, const Share& shareLow, const Share& shareHigh) {
    const std::uint32_t begin = profile_.supporterStart[project], end = profile_.supporterStart[project + 1];
    const auto payment = [](const Share& share, std::uint32_t weight, bool up) -> std::int64_t {
        const UInt128 num = static_cast<UInt128>(share.num) * weight, den = static_cast<UInt128>(share.den);
        const UInt128 pay = up ? detail::divideUp(num, den) : detail::divideDown(num, den);
        return pay > static_cast<UInt128>(kMaxTicks) ? kMaxTicks : static_cast<std::int64_t>(pay);
    };
    if (!profile_.weighted) {
        const std::int64_t most = payment(shareHigh, 1, true), least = payment(shareLow, 1, false);
        for (std::uint32_t s = begin; s < end; ++s) {
            Purse& purse = purses_[profile_.supporterVoter[s]];
            purse.lo = std::max<std::int64_t>(0, purse.lo - most);
            purse.hi = std::max<std::int64_t>(0, purse.hi - least);
        }
        return;
    }
    for (std::uint32_t s = begin; s < end; ++s) {
        Purse& purse = purses_[profile_.supporterVoter[s]];
        const std::uint32_t weight = profile_.supporterWeight[s];
        purse.lo = std::max<std::int64_t>(0, purse.lo - payment(shareHigh, weight, true));
        purse.hi = std::max<std::int64_t>(0, purse.hi - payment(shareLow, weight, false));
    }
}

BoundedRun::Order BoundedRun::decide(const Pick& a, const Pick& b) const {
    if (profile_.twin[a.project] == profile_.twin[b.project]) return before(a.project, b.project) ? Order::First : Order::Second;
    const int aBelow = compare(a.high, b.low);
    if (aBelow < 0 || (aBelow == 0 && before(a.project, b.project))) return Order::First;
    const int aAbove = compare(a.low, b.high);
    if (aAbove > 0 || (aAbove == 0 && before(b.project, a.project))) return Order::Second;
    return Order::Unknown;
}

RunOutcome BoundedRun::run(int shift, std::int64_t startLo, std::int64_t startHi, const Snapshot* resume) {
    start(shift, startLo, startHi);
    const std::uint32_t projects = static_cast<std::uint32_t>(profile_.projectCount());
    RunOutcome outcome;
    if (resume) {
        // The snapshot's decisions hold for its whole range, so for this narrower one too: pay
        // for them without weighing the other projects again.
        state_ = resume->state;
        bound_ = resume->bound;
        for (const std::uint32_t p : resume->chosen) {
            const Evaluation evaluation = evaluate(p);
            if (!evaluation.surelyAffordable) {  // cannot happen for a covered range; stay safe
                outcome.snapshot = Snapshot{shift, startLo, startHi, winners_, resume->bound, resume->state};
                for (std::uint32_t q = 0; q < projects; ++q)
                    if (outcome.snapshot.state[q] == State::Chosen) outcome.snapshot.state[q] = State::Open;
                for (const std::uint32_t q : winners_) outcome.snapshot.state[q] = State::Chosen;
                return outcome;
            }
            pay(p, evaluation.low, evaluation.high);
            winners_.push_back(p);
        }
    } else {
        state_.assign(projects, State::Closed);
        bound_.assign(projects, Fraction{});
        for (std::uint32_t p = 0; p < projects; ++p) {
            if (profile_.support[p] == 0) continue;
            state_[p] = State::Open;
            // Everyone paying the same: the least rho can be.
            bound_[p] = rho(Share{costTicks(p), profile_.support[p]}, p);
        }
    }

    std::vector<std::uint32_t> order;
    std::vector<std::uint32_t> undecided;  // may or may not be affordable
    while (true) {
        order.clear();
        for (std::uint32_t p = 0; p < projects; ++p)
            if (state_[p] == State::Open) order.push_back(p);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            const int c = compare(bound_[a], bound_[b]);
            return c != 0 ? c < 0 : before(a, b);
        });
        std::optional<Pick> best;
        undecided.clear();
        for (const std::uint32_t p : order) {
            if (best && cannotBeat(bound_[p], p, *best)) break;
            const Evaluation evaluation = evaluate(p);
            if (!evaluation.maybeAffordable) {
                state_[p] = State::Closed;  // money only shrinks: it never becomes affordable again
                continue;
            }
            bound_[p] = rho(evaluation.low, p);
            if (!evaluation.surelyAffordable) {
                undecided.push_back(p);
                continue;
            }
            Pick pick{p, bound_[p], rho(evaluation.high, p), evaluation.low, evaluation.high};
            if (!best) {
                best = pick;
                continue;
            }
            switch (decide(pick, *best)) {
                case Order::First: best = pick; break;
                case Order::Second: break;
                case Order::Unknown: outcome.snapshot = snapshot(); return outcome;
            }
        }
        for (const std::uint32_t p : undecided)
            if (!best || !cannotBeat(bound_[p], p, *best)) {
                outcome.snapshot = snapshot();
                return outcome;
            }
        if (!best) break;
        state_[best->project] = State::Chosen;
        winners_.push_back(best->project);
        pay(best->project, best->shareLow, best->shareHigh);
    }
    outcome.settled = true;
    outcome.winners = winners_;
    return outcome;
}

template <class Visit>
void BoundedRun::replay(int shift, std::int64_t startLo, std::int64_t startHi,
                        const std::vector<std::uint32_t>& winners, Visit&& visit) {
    start(shift, startLo, startHi);
    for (const std::uint32_t p : winners) {
        const Evaluation evaluation = evaluate(p);
        // The exact share lies between the two; the lo money follows the higher one.
        const Share share = evaluation.surelyAffordable ? evaluation.high : evaluation.low;
        for (std::uint32_t s = profile_.supporterStart[p]; s < profile_.supporterStart[p + 1]; ++s) {
            const std::uint32_t voter = profile_.supporterVoter[s];
            const UInt128 due = detail::divideUp(static_cast<UInt128>(share.num) * profile_.supporterWeight[s],
                                                 static_cast<UInt128>(share.den));
            const std::int64_t has = purses_[voter].lo;
            const std::int64_t paid = due >= static_cast<UInt128>(has) ? has : static_cast<std::int64_t>(due);
            visit(p, share, voter, paid, paid < static_cast<std::int64_t>(due));
        }
        pay(p, evaluation.low, evaluation.surelyAffordable ? evaluation.high : evaluation.low);
    }
}

// [SECTION] Start amounts

struct StartTicks {
    int shift = 0;
    std::int64_t lo = 0, hi = 0;
};

// start.cents / start.per in ticks, rounded outwards.
StartTicks ticksFor(StartMoney start) {
    const Money whole = start.cents / static_cast<Money>(start.per);
    StartTicks ticks;
    ticks.shift = shiftFor(whole + 1);
    const UInt128 scaled = static_cast<UInt128>(start.cents) << ticks.shift;
    ticks.lo = static_cast<std::int64_t>(detail::divideDown(scaled, start.per));
    ticks.hi = static_cast<std::int64_t>(detail::divideUp(scaled, start.per));
    return ticks;
}

bool exhaustive(const TallyProfile& profile, const std::vector<std::uint32_t>& winners) {
    const Money left = profile.budget - totalCost(profile, winners);
    std::vector<bool> in(profile.projectCount(), false);
    for (const std::uint32_t p : winners) in[p] = true;
    for (std::uint32_t p = 0; p < profile.projectCount(); ++p)
        if (!in[p] && profile.support[p] > 0 && profile.cost[p] <= left) return false;
    return true;
}

std::uint32_t supportedProjects(const TallyProfile& profile) {
    std::uint32_t count = 0;
    for (const std::int64_t support : profile.support) count += support > 0 ? 1 : 0;
    return count;
}

// add1's stopping rule, fed one outcome at a time (an outcome may stand for a range of starts).
class Add1Rule {
public:
    Add1Rule(const TallyProfile& profile, bool stopWhenExhaustive, Money first)
        : profile_(profile), stopWhenExhaustive_(stopWhenExhaustive), first_(first),
          supported_(supportedProjects(profile)) {}

    // The outcome for every start in [from, to]; true when the rule has decided.
    bool offer(const std::vector<std::uint32_t>& winners, Money from, Money to) {
        if (totalCost(profile_, winners) > profile_.budget) {
            // Cannot happen at the first start (n * start <= budget), so a step before exists.
            if (!kept_) kept_ = CompletedOutcome{winners, from, 0};
            done_ = true;
        } else if (winners.size() == supported_ || (stopWhenExhaustive_ && exhaustive(profile_, winners))) {
            kept_ = CompletedOutcome{winners, from, 0};
            done_ = true;
        } else {
            kept_ = CompletedOutcome{winners, to, 0};
        }
        kept_->steps = static_cast<std::uint64_t>((kept_->start - first_) / kCentsPerUnit);
        return done_;
    }
    CompletedOutcome result() const { return *kept_; }

private:
    const TallyProfile& profile_;
    bool stopWhenExhaustive_;
    Money first_;
    std::size_t supported_;
    std::optional<CompletedOutcome> kept_;
    bool done_ = false;
};

Money firstStart(const TallyProfile& profile) {
    return profile.budget / (static_cast<Money>(profile.voters) * kCentsPerUnit) * kCentsPerUnit;
}

}  // namespace

// [SECTION] Runs and completions

std::vector<std::uint32_t> equalSharesAt(const TallyProfile& profile, Utility utility, StartMoney start, TallyWork& work) {
    const StartTicks ticks = ticksFor(start);
    BoundedRun bounded(profile, utility);
    RunOutcome outcome = bounded.run(ticks.shift, ticks.lo, ticks.hi, nullptr);
    ++work.fastRuns;
    if (outcome.settled) return std::move(outcome.winners);
    ++work.exactRuns;
    return equalSharesExact(profile, utility, start);
}

CompletedOutcome completeAdd1(const TallyProfile& profile, Utility utility, bool stopWhenExhaustive, TallyWork& work) {
    const Money first = firstStart(profile);
    Add1Rule rule(profile, stopWhenExhaustive, first);
    BoundedRun bounded(profile, utility);
    int shift = 0;

    // Hands the rule the outcome of every start in [from, to] (whole units apart), in order; true
    // once it has decided. A range that does not settle is split in two, and both halves resume
    // after the decisions that held for the whole range.
    const auto explore = [&](const auto& self, Money from, Money to, const Snapshot* resume) -> bool {
        const std::int64_t lo = from << shift, hi = to << shift;
        const Snapshot* start = resume && resume->covers(shift, lo, hi) ? resume : nullptr;
        RunOutcome outcome = bounded.run(shift, lo, hi, start);
        ++work.fastRuns;
        if (start) ++work.resumedRuns;
        if (outcome.settled) {
            if (to > from) ++work.rangesSettled;
            return rule.offer(outcome.winners, from, to);
        }
        if (from == to) {
            ++work.exactRuns;
            return rule.offer(equalSharesExact(profile, utility, StartMoney{from, 1}), from, from);
        }
        const Money middle = from + (to - from) / kCentsPerUnit / 2 * kCentsPerUnit;
        const Snapshot snapshot = std::move(outcome.snapshot);
        return self(self, from, middle, &snapshot) || self(self, middle + kCentsPerUnit, to, &snapshot);
    };

    Money from = first;
    std::uint64_t span = kFirstSpan;  // steps beyond `from` in the next range
    while (true) {
        // Every project someone supports is affordable from a start of their total cost on, so
        // the rule decides before kMaxStart.
        span = std::min<std::uint64_t>(span, static_cast<std::uint64_t>((kMaxStart - from) / kCentsPerUnit));
        const Money to = from + static_cast<Money>(span) * kCentsPerUnit;
        if (shift == 0 || to > capacity(shift)) shift = shiftFor(2 * to);
        const std::uint32_t runsBefore = work.fastRuns;
        if (explore(explore, from, to, nullptr)) break;
        from = to + kCentsPerUnit;
        // A range that settled at once suggests a quiet stretch: try a longer one.
        span = work.fastRuns - runsBefore == 1 ? std::min(2 * span + 1, kMaxSpan) : kFirstSpan;
    }
    return rule.result();
}

CompletedOutcome completeAdd1Stepwise(const TallyProfile& profile, Utility utility, bool stopWhenExhaustive, bool exact,
                                      TallyWork& work) {
    const Money first = firstStart(profile);
    Add1Rule rule(profile, stopWhenExhaustive, first);
    for (Money start = first;; start += kCentsPerUnit) {
        const std::vector<std::uint32_t> winners =
            exact ? equalSharesExact(profile, utility, StartMoney{start, 1}) : equalSharesAt(profile, utility, StartMoney{start, 1}, work);
        if (exact) ++work.exactRuns;
        if (rule.offer(winners, start, start)) break;
    }
    return rule.result();
}

// [SECTION] Explanations

void explainEqualShares(const TallyProfile& profile, Utility utility, StartMoney start,
                        const std::vector<std::uint32_t>& winners, std::vector<ProjectOutcome>& projects) {
    const std::uint32_t count = static_cast<std::uint32_t>(profile.projectCount());
    const StartTicks ticks = ticksFor(start);
    const auto toCents = [&](Int128 amount) { return static_cast<Money>(amount >> ticks.shift); };

    // Unfunded projects and the winners each get a row and a column of "money of the one's
    // supporters that went to the other".
    std::vector<std::uint32_t> step(count, UINT32_MAX);
    for (std::uint32_t i = 0; i < winners.size(); ++i) step[winners[i]] = i;
    std::vector<std::uint32_t> row(count, UINT32_MAX);
    std::uint32_t rows = 0;
    for (std::uint32_t p = 0; p < count; ++p)
        if (step[p] == UINT32_MAX && profile.support[p] > 0) row[p] = rows++;
    std::vector<Int128> went(static_cast<std::size_t>(rows) * winners.size(), 0);
    std::vector<std::uint32_t> payersFrom(went.size(), 0);

    for (std::uint32_t p = 0; p < count; ++p) {
        ProjectOutcome& outcome = projects[p];
        outcome = ProjectOutcome{};
        outcome.support = profile.support[p];
        outcome.supporters = profile.supporterCount(p);
    }
    BoundedRun bounded(profile, utility);
    bounded.replay(ticks.shift, ticks.lo, ticks.hi, winners,
                   [&](std::uint32_t project, const Share& share, std::uint32_t voter, std::int64_t paid, bool all) {
                       ProjectOutcome& outcome = projects[project];
                       if (paid > 0) {
                           ++outcome.payers;
                           if (all) ++outcome.paidAllTheyHad;
                       }
                       outcome.share = toCents(share.num / share.den);
                       if (paid == 0) return;
                       for (std::uint32_t i = profile.voterStart[voter]; i < profile.voterStart[voter + 1]; ++i) {
                           const std::uint32_t other = profile.voterProject[i];
                           if (row[other] == UINT32_MAX) continue;
                           const std::size_t cell = static_cast<std::size_t>(row[other]) * winners.size() + step[project];
                           went[cell] += paid;
                           ++payersFrom[cell];
                       }
                   });

    for (std::uint32_t i = 0; i < winners.size(); ++i) {
        ProjectOutcome& outcome = projects[winners[i]];
        outcome.funded = true;
        outcome.reason = Reason::FundedByEqualShares;
        outcome.selectedAs = i + 1;
    }
    const std::vector<Purse>& purses = bounded.purses();
    for (std::uint32_t p = 0; p < count; ++p) {
        if (row[p] == UINT32_MAX) continue;
        ProjectOutcome& outcome = projects[p];
        outcome.reason = Reason::SupportersOutOfMoney;
        const UInt128 startTotal = static_cast<UInt128>(start.cents) * outcome.supporters;
        outcome.supportersStart = static_cast<Money>(startTotal / start.per);
        Int128 left = 0;
        for (std::uint32_t s = profile.supporterStart[p]; s < profile.supporterStart[p + 1]; ++s)
            left += purses[profile.supporterVoter[s]].lo;
        outcome.supportersLeft = toCents(left);
        std::size_t best = SIZE_MAX;
        for (std::uint32_t w = 0; w < winners.size(); ++w) {
            const std::size_t cell = static_cast<std::size_t>(row[p]) * winners.size() + w;
            if (went[cell] > 0 && (best == SIZE_MAX || went[cell] > went[best])) best = cell;
        }
        if (best == SIZE_MAX) continue;
        outcome.other = winners[best % winners.size()];
        outcome.otherTook = toCents(went[best]);
        outcome.otherPayers = payersFrom[best];
    }
}

}  // namespace buurtstem::tally
