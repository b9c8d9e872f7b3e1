// The audit log's plain part: the exact bytes an entry's hash covers (documented in AuditLog.h,
// re-computable by a short script), the rules for a draft, and where the chain walk says it breaks.
#include "app/core/AuditLog.h"

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace std::string_literals;

namespace {

AuditEntry sampleEntry() {
    AuditEntry entry;
    entry.seq = 1;
    entry.atMs = 1'764'316'924'000;  // 2025-11-28
    entry.facilitator = "Anna (opbouwwerk)";
    entry.action = "idea.approved";
    entry.subject = "K7P-3XR";
    entry.before = "new";
    entry.after = "approved";
    return entry;
}

AuditDraft validDraft() {
    AuditDraft draft;
    draft.facilitator = "Anna (opbouwwerk)";
    draft.action = "idea.approved";
    draft.subject = "K7P-3XR";
    draft.before = "new";
    draft.after = "approved";
    return draft;
}

// Any function of the hash input will do for the walk: it only compares stored and recomputed.
std::string fakeHash(const AuditEntry& entry) { return std::to_string(std::hash<std::string>{}(auditHashInput(entry))); }

// A whole chain of `count` entries, linked and hashed with fakeHash.
std::vector<AuditEntry> chain(int count) {
    std::vector<AuditEntry> entries;
    for (int i = 1; i <= count; ++i) {
        AuditEntry entry = sampleEntry();
        entry.seq = i;
        entry.atMs += static_cast<std::uint64_t>(i) * 1000;
        entry.after = "approved " + std::to_string(i);
        entry.prevHash = entries.empty() ? "" : entries.back().hash;
        entry.hash = fakeHash(entry);
        entries.push_back(entry);
    }
    return entries;
}

AuditCheck walk(const std::vector<AuditEntry>& entries) {
    AuditChainWalk w;
    for (const AuditEntry& entry : entries)
        if (!w.add(entry, fakeHash(entry))) break;
    return w.result();
}

}  // namespace

TEST_CASE("an entry's hash input is the documented layout, byte for byte", "[audit]") {
    // Also computed by the Python script of docs/audit-log.md.
    const std::string expected = "\x00\x00\x00\x12"s "buurtstem-audit-v1"
                                 "\x00\x00\x00\x00\x00\x00\x00\x01"s           // seq
                                 "\x00\x00\x01\x9a\xc9\x7b\xc8\x60"s           // at_ms 1764316924000
                                 "\x00\x00\x00\x11"s "Anna (opbouwwerk)"
                                 "\x00\x00\x00\x0d"s "idea.approved"
                                 "\x00\x00\x00\x07"s "K7P-3XR"
                                 "\x00\x00\x00\x03"s "new"
                                 "\x00\x00\x00\x08"s "approved"
                                 "\x00\x00\x00\x00"s;                          // prev_hash "" (entry 1)
    CHECK(auditHashInput(sampleEntry()) == expected);
}

TEST_CASE("the hash input tells every entry apart", "[audit]") {
    const AuditEntry base = sampleEntry();
    const std::string baseBytes = auditHashInput(base);

    SECTION("text moved across a field boundary") {
        AuditEntry a = base, b = base;
        a.facilitator = "ab", a.action = "c";
        b.facilitator = "a", b.action = "bc";
        CHECK(auditHashInput(a) != auditHashInput(b));
        a = base, b = base;
        a.before = "ab", a.after = "c";
        b.before = "a", b.after = "bc";
        CHECK(auditHashInput(a) != auditHashInput(b));
        a = base, b = base;
        a.subject = "", a.before = "x";
        b.subject = "x", b.before = "";
        CHECK(auditHashInput(a) != auditHashInput(b));
    }
    SECTION("before and after swapped") {
        AuditEntry swapped = base;
        std::swap(swapped.before, swapped.after);
        CHECK(auditHashInput(swapped) != baseBytes);
    }
    SECTION("each field counts") {
        const std::vector<std::function<void(AuditEntry&)>> changes = {
            [](AuditEntry& e) { e.seq = 2; },
            [](AuditEntry& e) { e.atMs += 1; },
            [](AuditEntry& e) { e.facilitator += "."; },
            [](AuditEntry& e) { e.action = "idea.hidden"; },
            [](AuditEntry& e) { e.subject.clear(); },
            [](AuditEntry& e) { e.before = "New"; },
            [](AuditEntry& e) { e.after += " "; },
            [](AuditEntry& e) { e.prevHash = std::string(64, '0'); },
        };
        for (std::size_t i = 0; i < changes.size(); ++i) {
            AuditEntry changed = base;
            changes[i](changed);
            INFO("change " << i);
            CHECK(auditHashInput(changed) != baseBytes);
        }
    }
    SECTION("the entry's own hash is not part of it") {
        AuditEntry hashed = base;
        hashed.hash = std::string(64, 'f');
        CHECK(auditHashInput(hashed) == baseBytes);
    }
}

TEST_CASE("a draft needs a facilitator and an action, in readable text of sane length", "[audit]") {
    CHECK(validateAuditDraft(validDraft()).ok());

    AuditDraft minimal;
    minimal.facilitator = "Anna";
    minimal.action = "round.closed";
    CHECK(validateAuditDraft(minimal).ok());  // subject, before and after may be empty

    AuditDraft multiLine = validDraft();
    multiLine.before = "regel 1\nregel 2\tmet tab";
    multiLine.after = "Kerkstraat 1\r\nAmsterdam";
    CHECK(validateAuditDraft(multiLine).ok());

    AuditDraft longest = validDraft();
    longest.facilitator = std::string(kAuditFacilitatorMaxBytes, 'a');
    longest.action = std::string(kAuditActionMaxBytes, 'a');
    longest.subject = std::string(kAuditSubjectMaxBytes, 'a');
    longest.before = std::string(kAuditValueMaxBytes, 'a');
    longest.after = std::string(kAuditValueMaxBytes, 'a');
    CHECK(validateAuditDraft(longest).ok());

    struct Bad {
        const char* what;
        std::function<void(AuditDraft&)> change;
        const char* field;
    };
    const std::vector<Bad> bad = {
        {"no facilitator", [](AuditDraft& d) { d.facilitator.clear(); }, "facilitator"},
        {"no action", [](AuditDraft& d) { d.action.clear(); }, "action"},
        {"broken UTF-8", [](AuditDraft& d) { d.facilitator = "J\xC3rg"; }, "facilitator"},
        {"broken UTF-8 after", [](AuditDraft& d) { d.after = "\xFF"; }, "after"},
        {"line break in the action", [](AuditDraft& d) { d.action = "idea\napproved"; }, "action"},
        {"escape in the subject", [](AuditDraft& d) { d.subject = "\x1b[2J"; }, "subject"},
        {"escape in before", [](AuditDraft& d) { d.before = "a\x1b[2Jb"; }, "before"},
        {"long facilitator", [](AuditDraft& d) { d.facilitator = std::string(kAuditFacilitatorMaxBytes + 1, 'a'); }, "facilitator"},
        {"long action", [](AuditDraft& d) { d.action = std::string(kAuditActionMaxBytes + 1, 'a'); }, "action"},
        {"long subject", [](AuditDraft& d) { d.subject = std::string(kAuditSubjectMaxBytes + 1, 'a'); }, "subject"},
        {"long before", [](AuditDraft& d) { d.before = std::string(kAuditValueMaxBytes + 1, 'a'); }, "before"},
        {"long after", [](AuditDraft& d) { d.after = std::string(kAuditValueMaxBytes + 1, 'a'); }, "after"},
    };
    for (const Bad& b : bad) {
        AuditDraft draft = validDraft();
        b.change(draft);
        const Result<void> result = validateAuditDraft(draft);
        INFO(b.what);
        REQUIRE_FALSE(result.ok());
        CHECK(result.error().code == ErrorCode::InvalidInput);
        CHECK_THAT(result.error().detail, Catch::StartsWith(b.field));
    }
}

TEST_CASE("the chain walk accepts a whole chain", "[audit]") {
    const AuditCheck empty = walk({});
    CHECK(empty.ok);
    CHECK(empty.entriesChecked == 0);
    CHECK_FALSE(empty.firstBrokenSeq);

    const AuditCheck whole = walk(chain(5));
    CHECK(whole.ok);
    CHECK(whole.entriesChecked == 5);
    CHECK_FALSE(whole.firstBrokenSeq);
    CHECK(whole.reason.empty());
}

TEST_CASE("the chain walk names the first break in plain words", "[audit]") {
    std::vector<AuditEntry> entries = chain(6);
    std::int64_t broken = 0;
    std::string reason;

    SECTION("a field changed") {
        entries[2].after = "hidden";
        broken = 3, reason = "entry 3 was changed after it was written";
    }
    SECTION("a stored hash changed") {
        entries[4].hash[0] = entries[4].hash[0] == '1' ? '2' : '1';
        broken = 5, reason = "entry 5 was changed after it was written";
    }
    SECTION("an entry taken out of the middle") {
        entries.erase(entries.begin() + 3);
        broken = 4, reason = "entry 4 is missing";
    }
    SECTION("the first entries taken out") {
        entries.erase(entries.begin(), entries.begin() + 2);
        broken = 1, reason = "entry 1 is missing";
    }
    SECTION("a changed entry given a new hash") {
        entries[1].after = "hidden";
        entries[1].hash = fakeHash(entries[1]);
        broken = 3, reason = "entry 3 does not follow entry 2";
    }
    SECTION("two entries swapped, numbers and all") {
        std::swap(entries[1], entries[2]);
        std::swap(entries[1].seq, entries[2].seq);
        broken = 2, reason = "entry 2 was changed after it was written";
    }
    SECTION("a first entry that points back") {
        entries[0].prevHash = "abc";
        entries[0].hash = fakeHash(entries[0]);
        broken = 1, reason = "entry 1 does not begin the log";
    }
    SECTION("a number below 1") {
        entries[0].seq = 0;
        broken = 0, reason = "entry 0 has a number an entry cannot have";
    }
    const AuditCheck check = walk(entries);
    CHECK_FALSE(check.ok);
    REQUIRE(check.firstBrokenSeq);
    CHECK(*check.firstBrokenSeq == broken);
    CHECK(check.reason == reason);
}

TEST_CASE("the chain walk stops at the first break", "[audit]") {
    std::vector<AuditEntry> entries = chain(5);
    entries[1].after = "changed";
    entries[3].after = "changed too";
    AuditChainWalk w;
    CHECK(w.add(entries[0], fakeHash(entries[0])));
    CHECK_FALSE(w.add(entries[1], fakeHash(entries[1])));
    CHECK_FALSE(w.add(entries[2], fakeHash(entries[2])));
    CHECK_FALSE(w.add(entries[3], fakeHash(entries[3])));
    CHECK(w.result().entriesChecked == 2);
    CHECK(*w.result().firstBrokenSeq == 2);
    CHECK(w.result().reason == "entry 2 was changed after it was written");
}
