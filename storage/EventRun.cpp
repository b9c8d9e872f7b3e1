// Applying a run of events with the ideas held in memory (see EventRun.h).
//
// Why the result equals applying one by one: a held idea or ballot is a row no other statement
// has seen yet. While anything is held, only these events run: a submission (its reference is
// checked against the held ones as well as the table), an approval or support (applied to the
// held values when their idea is held, else to the table, which holds no held idea), a ballot
// (its rows touch no idea, and no held event reads ballots or codes), an issue of voting codes,
// and the types in passesBy, which read and write none of these tables. Any other event writes
// everything held first, so it finds the tables as it would have. Whether any idea was merged is
// the one thing read from elsewhere, and only events that are not held can change it. Rows with a
// row id (ideas, ballots) are written in apply order, so even their row ids are the same; the
// others, whose order in the table is their key's, are written sorted by key.
//
// Voting codes. One by one, an issue inserts each code unless it is there already (issuing never
// revives a used or voided code), and a ballot marks its code used when the code is there. Held:
// a ballot whose code the run holds marks it there; any other ballot's code is marked in the
// table first, before the held codes are written, so a ballot cast before its code's issue finds
// no row, as it would have. A held code already in the table keeps its state unless a held
// ballot used it (writeHeldCode).
#include "EventRun.h"

#include "ModerationTables.h"
#include "RoundTables.h"

#include "../app/core/Initiative.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <future>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace buurtstem::storage {

namespace {

// Event types that never read or write ideas, ballots or voting codes: they pass what is held by.
bool passesBy(std::string_view type) { return type == kEventPulseGiven || type == kEventMeetingNeedGiven; }

// The idea id of an approval's or a support's payload when it is exactly as encodePayload writes
// it, {"ideaId":"…"} with an id of letters, digits, dashes and underscores: what the decoder
// would read, without escapes to undo. Anything else (spaces, more fields, another id) is left
// to the decoder.
std::optional<std::string_view> plainIdeaId(std::string_view payload) {
    constexpr std::string_view kBefore = "{\"ideaId\":\"";
    constexpr std::string_view kAfter = "\"}";
    if (payload.size() <= kBefore.size() + kAfter.size() || !payload.starts_with(kBefore) || !payload.ends_with(kAfter)) {
        return std::nullopt;
    }
    const std::string_view id = payload.substr(kBefore.size(), payload.size() - kBefore.size() - kAfter.size());
    const bool plain = std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    return plain ? std::optional<std::string_view>(id) : std::nullopt;
}

// An approval's or a support's idea (see IdeaMention); monostate when not readable.
template <typename Payload>
EventRun::Decoded mentionIn(std::string_view payload, Result<Payload> (*decodeFully)(std::string_view)) {
    if (const std::optional<std::string_view> id = plainIdeaId(payload)) return EventRun::IdeaMention{*id, nullptr};
    Result<Payload> decoded = decodeFully(payload);
    if (!decoded) return {};
    return EventRun::IdeaMention{{}, std::make_unique<std::string>(std::move(decoded->ideaId))};
}

}  // namespace

EventRun::EventRun(StatementCache& sql, ApplyOne applyOne, EventsStay eventsStay)
    : sql_(sql), applyOne_(std::move(applyOne)), eventsStay_(eventsStay) {}

std::string_view EventRun::kept(std::string_view text) {
    if (eventsStay_ == EventsStay::No) return texts_.keep(text);
    return text.empty() ? std::string_view("", 0) : text;  // an empty text, not a null one, as Texts::keep
}

std::string_view EventRun::Texts::keep(std::string_view text) {
    if (text.empty()) return std::string_view("", 0);  // an empty text, not a null one: SQLite would store NULL
    if (text.size() > kBlockBytes / 4) {
        large_.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
        std::copy(text.begin(), text.end(), large_.back().get());
        return {large_.back().get(), text.size()};
    }
    if (kBlockBytes - used_ < text.size()) {
        blocks_.push_back(std::make_unique_for_overwrite<char[]>(kBlockBytes));
        used_ = 0;
    }
    char* at = blocks_.back().get() + used_;
    std::copy(text.begin(), text.end(), at);
    used_ += text.size();
    return {at, text.size()};
}

void EventRun::Texts::reset() {
    if (blocks_.size() > 1) blocks_.resize(1);
    used_ = blocks_.empty() ? kBlockBytes : 0;
    large_.clear();
}

Result<void> EventRun::apply(const EventView& event) { return apply(event, decode(event)); }

EventRun::Decoding::Decoding(std::span<const EventView* const> events) : events_(events), decoded_(events.size()) {
    if (events_.empty()) return;
    thread_ = std::thread([this] {
        // Published every so many, not every one: the waiting side is woken less often.
        constexpr std::size_t kPublishEvery = 256;
        try {
            for (std::size_t i = 0; i < events_.size(); ++i) {
                if (stop_.load(std::memory_order_relaxed)) return;
                decoded_[i] = decode(*events_[i]);
                if ((i + 1) % kPublishEvery == 0) {
                    ready_.store(i + 1, std::memory_order_release);
                    ready_.notify_one();
                }
            }
        } catch (...) {
            failed_ = std::current_exception();
        }
        ready_.store(events_.size(), std::memory_order_release);
        ready_.notify_one();
    });
}

EventRun::Decoding::~Decoding() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

EventRun::Decoded EventRun::Decoding::take(std::size_t i) {
    std::size_t ready = ready_.load(std::memory_order_acquire);
    while (ready <= i) {
        ready_.wait(ready, std::memory_order_acquire);
        ready = ready_.load(std::memory_order_acquire);
    }
    if (failed_) std::rethrow_exception(failed_);
    return std::move(decoded_[i]);
}

Result<void> EventRun::applyAll(std::span<const EventView* const> events) {
    Decoding decoding(events);
    return applyAll(events, decoding);
}

Result<void> EventRun::applyAll(std::span<const EventView* const> events, Decoding& decoding) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (Result<void> applied = apply(*events[i], decoding.take(i)); !applied) return applied;
    }
    return {};
}

EventRun::Decoded EventRun::decode(const EventView& event) {
    const auto onHeap = [](auto&& result) -> Decoded {
        using Payload = std::decay_t<decltype(result.value())>;
        return result ? Decoded(std::make_unique<Payload>(std::move(result).value())) : Decoded();
    };
    if (event.type == kEventIdeaSubmitted) return onHeap(decodeIdeaSubmitted(event.payload));
    if (event.type == kEventInitiativeSubmitted) return onHeap(decodeInitiativeSubmitted(event.payload));
    if (event.type == kEventIdeaApproved) return mentionIn(event.payload, &decodeIdeaApproved);
    if (event.type == kEventIdeaSupported) return mentionIn(event.payload, &decodeIdeaSupported);
    if (event.type == kEventBallotCast) return onHeap(decodeBallotCast(event.payload));
    if (event.type == kEventVotingCodesIssued) return onHeap(decodeVotingCodesIssued(event.payload));
    return {};
}

Result<void> EventRun::apply(const EventView& event, Decoded&& decoded) {
    if (event.type == kEventIdeaSubmitted || event.type == kEventInitiativeSubmitted) {
        Result<bool> heldIt = holdSubmission(event, std::move(decoded));
        if (!heldIt) return heldIt.error();
        if (*heldIt) return {};
    } else if (event.type == kEventIdeaApproved) {
        if (const IdeaMention* payload = std::get_if<IdeaMention>(&decoded)) {
            HeldIdea* idea = held(payload->ideaId());
            if (!idea) return applyOne_(event);  // a row of the table: no held idea is touched
            // A merged idea stays merged, whatever another kiosk approved meanwhile.
            if (!merged(payload->ideaId())) idea->values.status = IdeaStatus::Approved;
            return {};
        }
    } else if (event.type == kEventIdeaSupported) {
        if (const IdeaMention* payload = std::get_if<IdeaMention>(&decoded)) {
            // A merged idea's support counts where it went.
            std::string_view target = payload->ideaId();
            std::string mergedInto;
            if (anyMerged()) target = mergedInto = mergedTarget(sql_, std::string(target));
            HeldIdea* idea = held(target);
            if (!idea) return applyOne_(event);
            ++idea->values.supports;
            return {};
        }
    } else if (event.type == kEventBallotCast) {
        if (holdBallot(event, std::move(decoded))) return {};
    } else if (event.type == kEventVotingCodesIssued) {
        if (holdCodes(std::move(decoded))) return {};
    } else if (passesBy(event.type)) {
        return applyOne_(event);
    }
    // Anything else, an unreadable payload included (applyEvent words its error), sees the
    // table as it would have one by one.
    finish();
    anyMerged_.reset();
    ideasInTable_.reset();
    return applyOne_(event);
}

Result<bool> EventRun::holdSubmission(const EventView& event, Decoded&& decoded) {
    HeldIdea idea;
    if (auto* initiative = std::get_if<std::unique_ptr<InitiativeSubmitted>>(&decoded)) {
        idea.values.kind = IdeaKind::Initiative;
        idea.values.budgetCents = budgetTotalCents((*initiative)->plan);
        idea.initiative = std::move(*initiative);
    } else if (auto* submitted = std::get_if<std::unique_ptr<IdeaSubmitted>>(&decoded)) {
        idea.values.kind = IdeaKind::Idea;
        idea.idea = std::move(*submitted);
    } else {
        return false;
    }
    const IdeaSubmitted& payload = idea.payload();
    // A second submission of one idea fails in the table, as it would one by one.
    if (byId_.contains(payload.ideaId)) return false;
    const auto heldHere = [this](const std::string& reference) { return references_.contains(reference); };
    // Into an empty ideas table (a first merge, a rebuild), only a held idea can have taken one.
    idea.values.reference =
        ideasInTable() ? freeReference(sql_, payload.reference, heldHere) : freeReference(payload.reference, heldHere);
    idea.values.status = submittedStatus(payload);
    idea.eventUuid = kept(event.uuid);
    idea.kioskId = kept(event.kioskId);
    idea.hlc = event.hlc;
    // Keyed by views of the held idea's own strings, which a deque never moves.
    const HeldIdea& heldIdea = ideas_.emplace_back(std::move(idea));
    references_.emplace(heldIdea.values.reference, true);
    byId_.emplace(heldIdea.payload().ideaId, ideas_.size() - 1);
    return true;
}

bool EventRun::holdBallot(const EventView& event, Decoded&& decoded) {
    auto* decodedBallot = std::get_if<std::unique_ptr<BallotCast>>(&decoded);
    if (!decodedBallot) return false;
    BallotCast* ballot = decodedBallot->get();
    bool usedHeldCode = false;
    if (!ballot->codeHash.empty()) {
        if (const auto round = codes_.find(ballot->roundId); round != codes_.end()) {
            if (bool* used = round->second.find(ballot->codeHash)) {
                *used = true;
                usedHeldCode = true;
            }
        }
    }
    ballots_.push_back({kept(event.uuid), event.hlc, std::move(*decodedBallot), usedHeldCode});
    return true;
}

bool EventRun::holdCodes(Decoded&& decoded) {
    auto* decodedCodes = std::get_if<std::unique_ptr<VotingCodesIssued>>(&decoded);
    if (!decodedCodes) return false;
    const VotingCodesIssued& issued = *issued_.emplace_back(std::move(*decodedCodes));
    ViewMap<bool>& round = codes_[issued.roundId];
    round.reserve(round.size() + issued.hashes.size());
    for (const std::string& hash : issued.hashes) round.emplace(hash, false);  // a held code keeps its state
    return true;
}

EventRun::HeldIdea* EventRun::held(std::string_view ideaId) {
    const std::size_t* found = byId_.find(ideaId);
    return found ? &ideas_[*found] : nullptr;
}

bool EventRun::ideasInTable() {
    if (!ideasInTable_) ideasInTable_ = sql_.db().execAndGet("SELECT EXISTS (SELECT 1 FROM ideas)").getInt() != 0;
    return *ideasInTable_;
}

bool EventRun::anyMerged() {
    if (!anyMerged_) {
        anyMerged_ = sql_.db().execAndGet("SELECT EXISTS (SELECT 1 FROM idea_moderation WHERE merged_into <> '')").getInt() != 0;
    }
    return *anyMerged_;
}

bool EventRun::merged(std::string_view ideaId) {
    if (!anyMerged()) return false;
    SQLite::Statement& q = sql_("SELECT 1 FROM idea_moderation WHERE idea_id = ? AND merged_into <> ''");
    q.bind(1, std::string(ideaId));
    return q.executeStep();
}

EventRun::Rows EventRun::rowsAfterIdeas() const {
    Rows rows;
    for (const HeldIdea& idea : ideas_) {
        if (const InitiativePlan* plan = idea.plan()) rows.plans.push_back({idea.payload().ideaId, plan});
    }
    std::sort(rows.plans.begin(), rows.plans.end(), [](const PlanRow& a, const PlanRow& b) { return a.ideaId < b.ideaId; });

    rows.cast.reserve(ballots_.size());
    rows.choices.reserve(ballots_.size());
    for (const HeldBallot& held : ballots_) {
        const BallotCast& ballot = *held.ballot;
        rows.cast.push_back({held.eventUuid, held.hlc, &ballot});
        rows.choices.push_back({ballot.ballotId, &ballot});
        if (!ballot.codeHash.empty() && !held.usedHeldCode) rows.used.emplace_back(&ballot.roundId, &ballot.codeHash);
    }
    std::sort(rows.choices.begin(), rows.choices.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::sort(rows.used.begin(), rows.used.end(),
              [](const auto& a, const auto& b) { return std::tie(*a.first, *a.second) < std::tie(*b.first, *b.second); });

    for (const auto& [round, held] : codes_) {
        auto& codes = rows.codes.emplace_back(&round, std::vector<std::pair<std::string_view, bool>>()).second;
        codes.reserve(held.size());
        held.forEach([&codes](std::string_view hash, bool usedHere) { codes.emplace_back(hash, usedHere); });
        std::sort(codes.begin(), codes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    }
    return rows;
}

void EventRun::finish() {
    // Much held: the rows after the ideas are gathered and sorted on another core while this
    // one writes the ideas (nothing changes what the run holds meanwhile), and what was held is
    // freed there afterwards (see Release).
    constexpr std::size_t kElsewhereFrom = 4096;
    std::size_t heldCodes = 0;
    for (const auto& [round, held] : codes_) heldCodes += held.size();
    const bool elsewhere = ideas_.size() + ballots_.size() + heldCodes >= kElsewhereFrom;
    std::future<Rows> gathering;
    if (elsewhere) {
        try {
            gathering = std::async(std::launch::async, [this] { return rowsAfterIdeas(); });
        } catch (const std::system_error&) {
            // No thread to be had: gathered here below.
        }
    }

    std::vector<IdeaRow> ideaRows;
    ideaRows.reserve(ideas_.size());
    for (const HeldIdea& idea : ideas_) ideaRows.push_back({idea.eventUuid, idea.kioskId, idea.hlc, &idea.payload(), &idea.values});
    insertIdeaRows(sql_, ideaRows);
    ideasInTable_.reset();
    const Rows rows = gathering.valid() ? gathering.get() : rowsAfterIdeas();
    insertInitiativePlans(sql_, rows.plans);
    byId_.clear();
    references_.clear();

    insertBallotRows(sql_, rows.cast);
    std::vector<const BallotCast*> choices;
    choices.reserve(rows.choices.size());
    for (const auto& [ballotId, ballot] : rows.choices) choices.push_back(ballot);
    insertBallotChoices(sql_, choices);
    for (const auto& [round, hash] : rows.used) markCodeUsed(sql_, *round, *hash);

    // After the table's codes are marked (see the top of this file).
    for (const auto& [round, codes] : rows.codes) writeHeldCodes(sql_, *round, codes);
    codes_.clear();

    if (elsewhere) release_.later(std::make_tuple(std::move(ideas_), std::move(ballots_), std::move(issued_)));
    ideas_.clear();
    ballots_.clear();
    issued_.clear();
    texts_.reset();  // the held ideas and ballots pointed into it; they no longer do
}

EventRun::~EventRun() = default;

}  // namespace buurtstem::storage
