// Audit log entries: validation, the bytes a hash covers, and the walk along the chain (see AuditLog.h).
#include "AuditLog.h"

#include "Utf8.h"

namespace buurtstem {

namespace {

Result<void> checkText(std::string_view field, std::string_view text, std::size_t maxBytes, bool required,
                       bool oneLine) {
    const std::string name(field);
    if (required && text.empty()) return makeError(ErrorCode::InvalidInput, name + " is empty");
    if (text.size() > maxBytes)
        return makeError(ErrorCode::InvalidInput,
                         name + " is " + std::to_string(text.size()) + " bytes, at most " + std::to_string(maxBytes));
    if (!utf8::isValid(text)) return makeError(ErrorCode::InvalidInput, name + " is not valid UTF-8");
    if (utf8::hasControlCharacters(text, !oneLine))
        return makeError(ErrorCode::InvalidInput, name + " holds a control character");
    return {};
}

void appendUint(std::string& out, std::uint64_t value, int bytes) {
    for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

void appendText(std::string& out, std::string_view text) {
    appendUint(out, static_cast<std::uint32_t>(text.size()), 4);
    out.append(text);
}

}  // namespace

Result<void> validateAuditDraft(const AuditDraft& draft) {
    if (Result<void> r = checkText("facilitator", draft.facilitator, kAuditFacilitatorMaxBytes, true, true); !r) return r;
    if (Result<void> r = checkText("action", draft.action, kAuditActionMaxBytes, true, true); !r) return r;
    if (Result<void> r = checkText("subject", draft.subject, kAuditSubjectMaxBytes, false, true); !r) return r;
    if (Result<void> r = checkText("before", draft.before, kAuditValueMaxBytes, false, false); !r) return r;
    return checkText("after", draft.after, kAuditValueMaxBytes, false, false);
}

std::string auditHashInput(const AuditEntry& e) {
    std::string out;
    out.reserve(kAuditEncodingTag.size() + 16 + 6 * 4 + e.facilitator.size() + e.action.size() + e.subject.size() +
                e.before.size() + e.after.size() + e.prevHash.size() + 4);
    appendText(out, kAuditEncodingTag);
    appendUint(out, static_cast<std::uint64_t>(e.seq), 8);
    appendUint(out, e.atMs, 8);
    appendText(out, e.facilitator);
    appendText(out, e.action);
    appendText(out, e.subject);
    appendText(out, e.before);
    appendText(out, e.after);
    appendText(out, e.prevHash);
    return out;
}

bool AuditChainWalk::breakAt(std::int64_t seq, std::string reason) {
    check_.ok = false;
    check_.firstBrokenSeq = seq;
    check_.reason = std::move(reason);
    return false;
}

bool AuditChainWalk::add(const AuditEntry& entry, std::string_view recomputedHash) {
    if (!check_.ok) return false;
    ++check_.entriesChecked;
    const auto entryNumber = [](std::int64_t seq) { return "entry " + std::to_string(seq); };
    // Rows come by seq and seq is unique, so a number below the expected one can only be below 1.
    if (entry.seq < expectedSeq_) return breakAt(entry.seq, entryNumber(entry.seq) + " has a number an entry cannot have");
    if (entry.seq > expectedSeq_)
        return breakAt(expectedSeq_, entryNumber(expectedSeq_) + " is missing");
    if (entry.hash != recomputedHash) return breakAt(entry.seq, entryNumber(entry.seq) + " was changed after it was written");
    if (entry.prevHash != previousHash_) {
        if (entry.seq == 1) return breakAt(entry.seq, "entry 1 does not begin the log");
        return breakAt(entry.seq, entryNumber(entry.seq) + " does not follow " + entryNumber(entry.seq - 1));
    }
    previousHash_ = entry.hash;
    ++expectedSeq_;
    return true;
}

}  // namespace buurtstem
