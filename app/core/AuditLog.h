// Audit log (logboek): every facilitator action, who did it, when, and what it was before and
// after, as a chain in which each entry carries the hash of the one before. This is the plain
// part: entries, their validation, the exact bytes an entry's hash covers, and the walk along
// the chain that finds the first break. Storage adds the hash (BLAKE2b) and the table.
#pragma once

#include "Result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace buurtstem {

inline constexpr std::size_t kAuditFacilitatorMaxBytes = 200;  // a label: "Anna (opbouwwerk)"
inline constexpr std::size_t kAuditActionMaxBytes = 100;       // "idea.approved", "round.closed"
inline constexpr std::size_t kAuditSubjectMaxBytes = 200;      // an idea's or a round's id
inline constexpr std::size_t kAuditValueMaxBytes = 64 * 1024;  // before and after, each
// Starts the bytes every hash covers; a later encoding gets a new tag, so old entries still check.
inline constexpr std::string_view kAuditEncodingTag = "buurtstem-audit-v1";

// The actions facilitators take, as the log names them (stable: old entries keep their names).
inline constexpr const char* kAuditFacilitatorUnlocked = "facilitator.unlocked";  // a PIN opened the screens
inline constexpr const char* kAuditRoundClosed = "round.closed";                  // voting ended early
inline constexpr const char* kAuditKioskClosed = "kiosk.closed";                  // Buurtstem was closed
inline constexpr const char* kAuditRoundPhase = "round.phase_changed";           // proposals or voting opened or closed, results published
inline constexpr const char* kAuditPresenterSwitched = "presenter.switched";      // the presenter window opened or closed (before/after: off, on)
// A residents' evening: the plan saved, a person in, an agenda item started, a dot vote opened, a
// dot given, a vote closed, the minutes saved, the report made.
inline constexpr const char* kAuditEveningSaved = "evening.saved";
inline constexpr const char* kAuditEveningCheckIn = "evening.checked_in";
inline constexpr const char* kAuditEveningItemStarted = "evening.item_started";
inline constexpr const char* kAuditDotVoteOpened = "evening.dot_vote_opened";
inline constexpr const char* kAuditDotGiven = "evening.dot_given";
inline constexpr const char* kAuditDotVoteClosed = "evening.dot_vote_closed";
inline constexpr const char* kAuditMinutesSaved = "evening.minutes_saved";
inline constexpr const char* kAuditEveningReport = "evening.report_made";
inline constexpr const char* kAuditPaperEntered = "paper.entered";                // a batch of paper ballots typed in
inline constexpr const char* kAuditPaperCorrected = "paper.corrected";            // one's own entry of a batch corrected
inline constexpr const char* kAuditIdeaApproved = "idea.approved";      // residents see it from now on
inline constexpr const char* kAuditIdeaHidden = "idea.hidden";          // after: the reason
inline constexpr const char* kAuditIdeaCorrected = "idea.corrected";    // before/after: title and text
inline constexpr const char* kAuditIdeaMerged = "idea.merged";          // before -> after: the two reference codes
inline constexpr const char* kAuditIdeaClassified = "idea.classified";  // before/after: describeClassification
inline constexpr const char* kAuditKioskSetUp = "kiosk.set_up";                   // the set-up (instellingen) finished

// One action, as the code that did it describes it. The store adds number, time and hashes.
struct AuditDraft {
    std::string facilitator;  // = "" // who: the facilitator's label; required, one line
    std::string action;       // = "" // what: "idea.approved", "round.closed", ...; required, one line
    std::string subject;      // = "" // what it was done to: an idea's or a round's id, or ""; one line
    std::string before;       // = "" // as it was ("" when it did not exist); may hold line breaks
    std::string after;        // = "" // as it became ("" when it is gone); may hold line breaks
};

// One entry as stored (table audit_log).
struct AuditEntry {
    std::int64_t seq = 0;     // = 0 // 1, 2, 3 ... without gaps
    std::uint64_t atMs = 0;   // = 0 // when, in milliseconds since the Unix epoch (the kiosk's clock)
    std::string facilitator;  // = ""
    std::string action;       // = ""
    std::string subject;      // = ""
    std::string before;       // = ""
    std::string after;        // = ""
    std::string prevHash;     // = "" // the previous entry's hash; "" for entry 1
    std::string hash;         // = "" // 64 lower-case hex digits: BLAKE2b-256 of auditHashInput(*this)

    bool operator==(const AuditEntry&) const = default;
};

// InvalidInput, naming the field, when the facilitator or action is empty, a text is not valid
// UTF-8 or longer than its maximum above, or a one-line field holds a control character
// (before and after may hold line breaks and tabs).
Result<void> validateAuditDraft(const AuditDraft& draft);

// The bytes an entry's hash is computed over. Version 1, all integers big-endian:
//
//   text("buurtstem-audit-v1")
//   u64(seq) u64(at_ms)
//   text(facilitator) text(action) text(subject) text(before) text(after) text(prev_hash)
//
// where u64(n) is n in 8 bytes and text(s) is the byte length of s's UTF-8 in 4 bytes followed by
// those bytes. Every field has its length in front of it, so no two different entries give the
// same bytes (("ab", "c") and ("a", "bc") differ). The entry's own hash is not part of it.
// The hash is BLAKE2b with a 32-byte output and no key (libsodium's crypto_generichash, Python's
// hashlib.blake2b(data, digest_size=32)), written as 64 lower-case hex digits. docs/audit-log.md
// has a short script that checks a whole log this way.
std::string auditHashInput(const AuditEntry& entry);

// The outcome of checking the chain.
struct AuditCheck {
    std::int64_t entriesChecked = 0;             // = 0 // entries looked at, up to and including a broken one
    bool ok = true;                              // = true // the chain is whole
    std::optional<std::int64_t> firstBrokenSeq;  // = nullopt // the first entry where it breaks
    std::string reason;                          // = "" // a plain sentence: "entry 7 was changed after it was written"
};

// Walks the chain one entry at a time, in the order of seq, and stops at the first break:
//   - a number skipped: "entry 4 is missing" (an entry deleted from the middle or the start);
//   - an entry whose stored hash is not the hash of its fields: "entry 7 was changed after it
//     was written" (any field edited, or entries moved to other numbers);
//   - an entry whose prev_hash is not the stored hash of the one before: "entry 5 does not
//     follow entry 4" (entry 4 was edited and given a new hash, or 5 was put in from elsewhere).
// What a chain cannot show: that entries were taken off its end. The remaining entries still
// form a whole chain; so does a log rewritten and re-hashed from some entry onwards by someone
// who knows this encoding. The chain proves that the entries still there are as written and in
// order, nothing more.
class AuditChainWalk {
public:
    // Takes the next entry (by seq) with the hash recomputed from its fields. Returns false from
    // the first break on; later entries are then ignored.
    bool add(const AuditEntry& entry, std::string_view recomputedHash);
    const AuditCheck& result() const { return check_; }

private:
    bool breakAt(std::int64_t seq, std::string reason);

    AuditCheck check_;
    std::int64_t expectedSeq_ = 1;
    std::string previousHash_;  // the stored hash of the entry before; "" before entry 1
};

}  // namespace buurtstem
