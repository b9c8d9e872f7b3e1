// Applying a long run of events in apply order (an import at the office, a rebuild) with the
// same result as applying them one by one, but with the ideas, ballots and issued voting codes the
// run brings held in memory: approvals and supports, most of what a merged log holds, are counted
// there, each idea is written once with its final status and count instead of updated row by row,
// so is each code with its final state, and the rows keyed by random ids (plans, ballot choices,
// codes) are written in key order, which walks each index once instead of jumping about it.
// Internal to storage; runs inside the caller's transaction.
#pragma once

#include "../app/core/Event.h"
#include "../app/core/Result.h"

#include "IdeaTables.h"
#include "RoundTables.h"
#include "StatementCache.h"
#include "ViewMap.h"

#include <atomic>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <variant>
#include <vector>

namespace buurtstem::storage {

// The one function that turns an event into read-table rows, used both when an event is recorded
// and when the read tables are rebuilt. It looks only at the event itself, never at this kiosk's
// state, so events imported from other kiosks apply the same way. Throws SQLite::Exception; runs
// inside the caller's transaction. (KioskStore.cpp)
Result<void> applyEvent(StatementCache& sql, const Event& event);

class EventRun {
public:
    // `applyOne` applies any event the run does not hold (applyEvent).
    using ApplyOne = std::function<Result<void>(const EventView&)>;
    // Whether the events' texts stay where they are until finish() returns (an import's, in their
    // bundles), so the held rows may point into them; else the run copies what it keeps (a
    // rebuild reads the log in slices).
    enum class EventsStay { No, UntilFinished };
    EventRun(StatementCache& sql, ApplyOne applyOne, EventsStay eventsStay = EventsStay::No);
    EventRun(const EventRun&) = delete;
    EventRun& operator=(const EventRun&) = delete;

    // An approval's or a support's idea. Most of a merged log is these: the id is read straight
    // out of the payload when it is in the form encodePayload writes, without a JSON parse or a
    // string of its own to allocate on one thread and free on another; only another form is
    // decoded into a copy.
    struct IdeaMention {
        std::string_view inPayload;         // a view into the event's payload, or
        std::unique_ptr<std::string> copy;  // the id decoded
        std::string_view ideaId() const { return copy ? std::string_view(*copy) : inPayload; }
    };
    // A payload of the types the run holds, decoded; monostate for any other type or when not
    // readable. The large ones on the heap: a run's payloads decoded ahead take little room beyond
    // their text, and a held idea or ballot keeps the one decoded. Valid while the events are.
    using Decoded = std::variant<std::monostate, std::unique_ptr<IdeaSubmitted>, std::unique_ptr<InitiativeSubmitted>,
                                 IdeaMention, std::unique_ptr<BallotCast>, std::unique_ptr<VotingCodesIssued>>;
    static Decoded decode(const EventView& event);

    // The payloads of a run's events, decoded in order on another thread from construction on.
    // Decoding costs about as much as applying; an import makes this before it stores its new
    // events, so the decoding goes on on a second core while the first stores them.
    class Decoding {
    public:
        // `events` must outlive this.
        explicit Decoding(std::span<const EventView* const> events);
        ~Decoding();  // stops the thread early when not all were taken
        Decoding(const Decoding&) = delete;
        Decoding& operator=(const Decoding&) = delete;
        // The payload of events[i], waiting until it is decoded; each i once. Rethrows what the
        // decoding threw.
        Decoded take(std::size_t i);

    private:
        std::span<const EventView* const> events_;
        std::vector<Decoded> decoded_;
        std::atomic<std::size_t> ready_{0};  // decoded_[0, ready_) are done
        std::atomic<bool> stop_{false};
        std::exception_ptr failed_;  // set before ready_ jumps to the end
        std::thread thread_;
    };

    // The next event in apply order. Throws SQLite::Exception, as applyEvent.
    Result<void> apply(const EventView& event);
    // apply() for each in turn, the payloads decoded ahead by a Decoding of `events`, made here or
    // by the caller. The events stay where they are (an import's in their bundles).
    Result<void> applyAll(std::span<const EventView* const> events);
    Result<void> applyAll(std::span<const EventView* const> events, Decoding& decoding);
    // Writes the held ideas; before anything else reads the read tables. Throws SQLite::Exception.
    void finish();
    ~EventRun();

private:
    // The held rows' event uuids and kiosk ids, copied into large blocks instead of a string
    // each: a merge holds hundreds of thousands, and freeing them one by one (and the
    // allocator's gathering of those frees later) costs more than writing them.
    class Texts {
    public:
        // A copy of `text`, kept until reset().
        std::string_view keep(std::string_view text);
        // Forgets every copy; keeps the first block for the next ones.
        void reset();

    private:
        static constexpr std::size_t kBlockBytes = 32 * 1024;  // below glibc's threshold for gathering frees
        std::vector<std::unique_ptr<char[]>> blocks_;
        std::size_t used_ = kBlockBytes;  // of the last block
        std::vector<std::unique_ptr<char[]>> large_;  // texts too long for a block, one each
    };

    // Frees what a finish() let go of on another core. At a million events the held payloads are
    // millions of small blocks spread over a gigabyte, a cache miss each: freeing them here would
    // keep the writing core from SQLite for half a second, while the second core waits idle.
    class Release {
    public:
        ~Release() { wait(); }
        // Takes `held` and frees it on a thread of its own, after what it took before.
        template <typename Held>
        void later(Held held) {
            wait();
            try {
                thread_ = std::thread([gone = std::move(held)]() mutable { [[maybe_unused]] const Held freed = std::move(gone); });
            } catch (const std::system_error&) {
                // No thread to be had: freed here, as the lambda that held it goes.
            }
        }
        void wait() {
            if (thread_.joinable()) thread_.join();
        }

    private:
        std::thread thread_;
    };

    struct HeldIdea {
        std::string_view eventUuid;  // kept()
        std::string_view kioskId;    // kept()
        HlcStamp hlc;
        std::unique_ptr<IdeaSubmitted> idea;              // one of these two
        std::unique_ptr<InitiativeSubmitted> initiative;
        IdeaRowValues values;
        const IdeaSubmitted& payload() const { return initiative ? initiative->idea : *idea; }
        const InitiativePlan* plan() const { return initiative ? &initiative->plan : nullptr; }
    };

    struct HeldBallot {
        std::string_view eventUuid;  // kept()
        HlcStamp hlc;
        std::unique_ptr<BallotCast> ballot;
        bool usedHeldCode = false;  // its code was held, and is marked used there, not in the table
    };
    // What finish() writes after the ideas, from what the run holds, in the order it is written.
    struct Rows {
        std::vector<PlanRow> plans;                                              // by idea id
        std::vector<CastBallot> cast;                                            // in apply order
        std::vector<std::pair<std::string_view, const BallotCast*>> choices;     // by ballot id
        std::vector<std::pair<const std::string*, const std::string*>> used;     // round, code hash: codes of the table
        std::vector<std::pair<const std::string*, std::vector<std::pair<std::string_view, bool>>>> codes;  // round: held codes by hash, used
    };
    Rows rowsAfterIdeas() const;
    std::string_view kept(std::string_view text);  // an event's text, valid until finish() returns
    Result<void> apply(const EventView& event, Decoded&& decoded);
    Result<bool> holdSubmission(const EventView& event, Decoded&& decoded);
    bool holdBallot(const EventView& event, Decoded&& decoded);
    bool holdCodes(Decoded&& decoded);
    HeldIdea* held(std::string_view ideaId);
    bool ideasInTable();
    bool anyMerged();
    bool merged(std::string_view ideaId);

    StatementCache& sql_;
    ApplyOne applyOne_;
    EventsStay eventsStay_;
    Texts texts_;  // before the held rows that point into it
    // A deque: a run holds hundreds of thousands, and growing never moves those held.
    std::deque<HeldIdea> ideas_;                               // in submission order: their row ids follow it
    ViewMap<std::size_t> byId_;                                // into ideas_, keyed by their payloads' ideaId
    ViewMap<bool> references_;                                 // ideas_' references (values.reference)
    std::optional<bool> anyMerged_;                            // known until an event the run does not hold
    std::optional<bool> ideasInTable_;                         // known until ideas are written, or such an event
    std::deque<HeldBallot> ballots_;                           // in apply order: their row ids follow it
    std::vector<std::unique_ptr<VotingCodesIssued>> issued_;  // the held issues, before codes_ that views their hashes
    // Issued codes by round, then by hash: whether a held ballot used it.
    std::map<std::string, ViewMap<bool>> codes_;
    Release release_;  // last: joined before anything else goes
};

}  // namespace buurtstem::storage
