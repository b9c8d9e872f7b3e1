// Sharing a round between two kiosks (see RoundShare.h, docs/sync.md "One round at two kiosks").
#include "RoundShare.h"
#include "FileBytes.h"

#include "RoundTables.h"
#include "Sync.h"

#include "../app/core/KioskSetup.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>
#include <tuple>

namespace buurtstem::storage {

namespace {

// magic, format version, maker key, recipient key, schema version, created, sealed length
constexpr std::size_t kFixedBytes = kRoundShareMagic.size() + 4 + 32 + 32 + 4 + 8 + 8;
constexpr std::size_t kKeyAt = kRoundShareMagic.size() + 4;
constexpr std::size_t kSealedLengthAt = kFixedBytes - 8;
// The sealed part opens to the code key, the maker's staff key (zeros: none), then the events.
constexpr std::size_t kSealedKeysBytes = kVotingCodeKeyBytes + 32;
static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_sign_PUBLICKEYBYTES == kBundleKeyBytes);

constexpr std::string_view kShareTypes[] = {kEventRoundSaved, kEventRoundPhasesSet, kEventVotingCodesIssued,
                                             kEventVotingCodeVoided};

Error refused(const std::string& detail) { return makeError(ErrorCode::InvalidInput, detail); }

std::string fingerprint(const BundleKey& key) {
    StaffKeyBytes bytes{};
    std::copy(key.begin(), key.end(), bytes.begin());
    return keyFingerprint(bytes);
}

std::int64_t toColumn(HlcStamp stamp) { return static_cast<std::int64_t>(stamp.packed); }

// The round an event of the four shared types is about, with the round's name for round.saved
// and the number of codes for voting_codes.issued. nullopt for another type or a payload that
// does not decode.
struct AboutRound {
    std::string roundId;
    std::string name;   // round.saved only
    std::int64_t codes = 0;
};
std::optional<AboutRound> aboutRound(const Event& e) {
    if (e.type == kEventRoundSaved) {
        Result<RoundSaved> p = decodeRoundSaved(e.payload);
        if (p) return AboutRound{p->round.id, p->round.name, 0};
    } else if (e.type == kEventRoundPhasesSet) {
        Result<RoundPhasesSet> p = decodeRoundPhasesSet(e.payload);
        if (p) return AboutRound{p->roundId, {}, 0};
    } else if (e.type == kEventVotingCodesIssued) {
        Result<VotingCodesIssued> p = decodeVotingCodesIssued(e.payload);
        if (p) return AboutRound{p->roundId, {}, static_cast<std::int64_t>(p->hashes.size())};
    } else if (e.type == kEventVotingCodeVoided) {
        Result<VotingCodeVoided> p = decodeVotingCodeVoided(e.payload);
        if (p) return AboutRound{p->roundId, {}, 0};
    }
    return std::nullopt;
}

std::optional<VotingCodeKey> storedCodeKey(SQLite::Database& db, const std::string& roundId) {
    SQLite::Statement q(db, "SELECT code_key FROM round_code_keys WHERE round_id = ?");
    q.bind(1, roundId);
    if (!q.executeStep() || q.getColumn(0).getBytes() != static_cast<int>(kVotingCodeKeyBytes)) return std::nullopt;
    VotingCodeKey key{};
    std::memcpy(key.data(), q.getColumn(0).getBlob(), key.size());
    return key;
}

// Wipes the secret half when it goes: the signing key is read only for one share or receive.
struct IdentityHolder {
    KioskIdentity identity;
    ~IdentityHolder() { sodium_memzero(identity.secretKey.data(), identity.secretKey.size()); }
};

// Wipes a received round's code key when it goes, whichever way receiving ends.
struct CodeKeyHolder {
    VotingCodeKey key{};
    ~CodeKeyHolder() { sodium_memzero(key.data(), key.size()); }
};

}  // namespace

// [SECTION] Share

Result<std::string> makeRoundShare(SQLite::Database& db, const std::string& ownKioskId, const std::string& roundId,
                                   const BundleKey& recipientKey, const BoxKey* staffPublicKey, int schemaVersion,
                                   std::uint64_t nowMs, RoundShareSummary& summary) {
    if (!readRound(db, roundId)) return makeError(ErrorCode::NotFound, "no round " + roundId);
    IdentityHolder own{readSigningIdentity(db)};
    if (recipientKey == own.identity.publicKey) {
        return refused("the key given is this kiosk's own: give the key of the kiosk that is to receive the round");
    }
    BoxKey recipientBox{};
    if (crypto_sign_ed25519_pk_to_curve25519(recipientBox.data(), recipientKey.data()) != 0) {
        return refused("the key given is not a kiosk's key");
    }

    summary = RoundShareSummary{};
    summary.roundId = roundId;
    summary.makerKioskId = ownKioskId;
    summary.makerKey = own.identity.publicKey;
    summary.recipientKey = recipientKey;
    // Made here: the round's first save in the whole log is this kiosk's. A round received from
    // another kiosk and changed here holds saves of this kiosk too, but is not this kiosk's to pass on.
    {
        SQLite::Statement saves(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events WHERE type = ? "
                                    "ORDER BY hlc, kiosk_id, seq");
        saves.bind(1, std::string(kEventRoundSaved));
        std::optional<std::string> firstBy;
        while (!firstBy && saves.executeStep()) {
            const Event e = eventFrom(saves);
            const std::optional<AboutRound> about = aboutRound(e);
            if (about && about->roundId == roundId) firstBy = e.kioskId;
        }
        if (firstBy != ownKioskId) {
            return refused("round " + roundId + " was not made at this kiosk: share it from the kiosk that made it");
        }
    }
    std::vector<Event> events;
    SQLite::Statement q(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events WHERE kiosk_id = ? AND type IN "
                            "(?, ?, ?, ?) ORDER BY seq");
    q.bind(1, ownKioskId);
    for (int i = 0; i < 4; ++i) q.bind(i + 2, std::string(kShareTypes[i]));
    while (q.executeStep()) {
        Event e = eventFrom(q);
        const std::optional<AboutRound> about = aboutRound(e);
        if (!about || about->roundId != roundId) continue;
        if (e.type == kEventRoundSaved) summary.roundName = about->name;  // by seq: the latest save's name
        summary.codes += about->codes;
        events.push_back(std::move(e));
    }
    std::optional<VotingCodeKey> codeKey = storedCodeKey(db, roundId);
    if (!codeKey) return makeError(ErrorCode::StorageFailure, "this kiosk has no code key for round " + roundId);
    summary.events = static_cast<std::int64_t>(events.size());

    BoxKey office{};
    if (staffPublicKey) office = *staffPublicKey;
    const std::string encoded = encodeBundleEvents(events);
    std::string plain;
    plain.reserve(codeKey->size() + office.size() + encoded.size());  // no copy of the key left behind by growing
    plain.append(codeKey->begin(), codeKey->end());
    sodium_memzero(codeKey->data(), codeKey->size());
    plain.append(office.begin(), office.end());
    plain.append(encoded);
    std::string sealed(plain.size() + crypto_box_SEALBYTES, '\0');
    const int rc = crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), bytesOf(plain), plain.size(),
                                   recipientBox.data());
    sodium_memzero(plain.data(), plain.size());
    if (rc != 0) return makeError(ErrorCode::StorageFailure, "sealing the round's code key failed");

    std::string out;
    out.reserve(kFixedBytes + sealed.size() + crypto_sign_BYTES);
    out.append(kRoundShareMagic);
    putLittle(out, kRoundShareFormatVersion, 4);
    out.append(own.identity.publicKey.begin(), own.identity.publicKey.end());
    out.append(recipientKey.begin(), recipientKey.end());
    putLittle(out, static_cast<std::uint32_t>(schemaVersion), 4);
    putLittle(out, nowMs, 8);
    putLittle(out, sealed.size(), 8);
    out.append(sealed);
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, bytesOf(out), out.size(), own.identity.secretKey.data());
    out.append(reinterpret_cast<const char*>(signature.data()), signature.size());
    return out;
}

// [SECTION] Receive

Result<RoundShareHeader> readRoundShareHeader(std::string_view bytes) {
    if (sodium_init() < 0) return makeError(ErrorCode::StorageFailure, "libsodium could not be initialised");
    if (bytes.size() > kRoundShareMaxBytes) return refused("not a shared round: the file is far too large");
    const std::size_t magicLength = std::min(bytes.size(), kRoundShareMagic.size());
    if (bytes.substr(0, magicLength) != kRoundShareMagic.substr(0, magicLength)) {
        if (bytes.substr(0, std::min(bytes.size(), kBundleMagic.size())) == kBundleMagic)
            return refused("not a shared round: this is a sync bundle for the office (`buurtstem sync import`)");
        return refused("not a shared round: it does not start with BUURTSTEM-ROUND");
    }
    if (bytes.size() < kFixedBytes) return refused("truncated: the file ends inside its first bytes");
    const std::uint64_t sealedLength = getLittle(bytes, kSealedLengthAt, 8);
    if (sealedLength > kRoundShareMaxBytes) return refused("tampered: the sealed part's length is impossible");
    const std::uint64_t expected = kFixedBytes + sealedLength + crypto_sign_BYTES;
    if (bytes.size() < expected) {
        return refused("truncated: " + std::to_string(bytes.size()) + " of " + std::to_string(expected) + " bytes");
    }
    if (bytes.size() > expected) return refused("tampered: bytes after the signature");
    // The maker's key sits at the same place in every format version, so the signature is
    // checked before anything else is believed.
    const std::string_view signedPart = bytes.substr(0, bytes.size() - crypto_sign_BYTES);
    if (crypto_sign_verify_detached(bytesOf(bytes.substr(signedPart.size())), bytesOf(signedPart), signedPart.size(),
                                    bytesOf(bytes) + kKeyAt) != 0) {
        return refused("tampered: the signature does not match (changed or damaged on the way)");
    }
    RoundShareHeader header;
    header.formatVersion = static_cast<std::uint32_t>(getLittle(bytes, kRoundShareMagic.size(), 4));
    if (header.formatVersion > kRoundShareFormatVersion) {
        return refused("future version: shared-round format " + std::to_string(header.formatVersion) +
                       ", this build reads up to " + std::to_string(kRoundShareFormatVersion) + "; update Buurtstem first");
    }
    if (header.formatVersion == 0) return refused("tampered: format version 0");
    std::memcpy(header.makerKey.data(), bytes.data() + kKeyAt, header.makerKey.size());
    std::memcpy(header.recipientKey.data(), bytes.data() + kKeyAt + 32, header.recipientKey.size());
    header.schemaVersion = static_cast<std::int32_t>(getLittle(bytes, kKeyAt + 64, 4));
    header.createdMs = getLittle(bytes, kKeyAt + 68, 8);
    return header;
}

Result<RoundShareSummary> receiveRoundShare(SQLite::Database& db, const SyncContext& context, std::string_view bytes,
                                            const BoxKey* staffPublicKey) {
    // 1. Every check before anything is stored.
    Result<RoundShareHeader> header = readRoundShareHeader(bytes);
    if (!header) return header.error();
    if (header->makerKey == context.ownPublicKey) {
        return refused("made here: this kiosk made the round and shares it; there is nothing to receive");
    }
    if (header->recipientKey != context.ownPublicKey) {
        return refused("foreign: the file was made for the kiosk with key " + fingerprint(header->recipientKey) +
                       ", not for this one (" + fingerprint(context.ownPublicKey) + ")");
    }
    if (header->schemaVersion > context.schemaVersion) {
        return refused("future version: made by a kiosk with database schema " + std::to_string(header->schemaVersion) +
                       ", this build knows up to " + std::to_string(context.schemaVersion) + "; update Buurtstem first");
    }
    const std::string_view sealed = bytes.substr(kFixedBytes, bytes.size() - kFixedBytes - crypto_sign_BYTES);
    if (sealed.size() < crypto_box_SEALBYTES + kSealedKeysBytes) return refused("damaged: the sealed part is too short");
    std::string plain(sealed.size() - crypto_box_SEALBYTES, '\0');
    {
        IdentityHolder own{readSigningIdentity(db)};
        BoxKey boxSecret{};
        BoxKey boxPublic{};
        const bool converted = crypto_sign_ed25519_sk_to_curve25519(boxSecret.data(), own.identity.secretKey.data()) == 0 &&
                               crypto_sign_ed25519_pk_to_curve25519(boxPublic.data(), own.identity.publicKey.data()) == 0;
        const bool opened = converted && crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), bytesOf(sealed),
                                                              sealed.size(), boxPublic.data(), boxSecret.data()) == 0;
        sodium_memzero(boxSecret.data(), boxSecret.size());
        if (!opened) return refused("damaged: this kiosk's key cannot open the sealed part");
    }
    CodeKeyHolder codeKey;
    std::memcpy(codeKey.key.data(), plain.data(), codeKey.key.size());
    BoxKey office{};
    std::memcpy(office.data(), plain.data() + codeKey.key.size(), office.size());
    Result<std::vector<Event>> decoded = decodeBundleEvents(std::string_view(plain).substr(kSealedKeysBytes));
    sodium_memzero(plain.data(), plain.size());
    if (!decoded) return refused("damaged events: " + decoded.error().detail);
    std::vector<Event>& events = *decoded;

    if (staffPublicKey && office != BoxKey{} && office != *staffPublicKey) {
        return refused("foreign: the round was made at a kiosk of another office (its staff key differs from this kiosk's)");
    }
    RoundShareSummary summary;
    summary.makerKey = header->makerKey;
    summary.recipientKey = header->recipientKey;
    summary.events = static_cast<std::int64_t>(events.size());
    if (events.empty()) return refused("damaged events: the file holds no events");
    summary.makerKioskId = events.front().kioskId;
    if (summary.makerKioskId == context.ownKioskId) {
        return refused("made here: this kiosk made the round and shares it; there is nothing to receive");
    }
    if (Result<void> lost = refuseWithdrawn(readWithdrawnKiosks(db), summary.makerKioskId, header->makerKey, "shared rounds"); !lost) {
        return lost.error();
    }
    std::set<std::int64_t> seqs;
    std::set<std::string> uuids;
    bool saved = false;
    for (const Event& e : events) {
        const std::string which = "event " + std::to_string(e.seq);
        if (e.kioskId != summary.makerKioskId) return refused("damaged events: " + which + " is of another kiosk");
        if (e.seq <= 0 || !seqs.insert(e.seq).second || e.uuid.empty() || !uuids.insert(e.uuid).second) {
            return refused("damaged events: " + which + " has no valid seq or uuid, or is there twice");
        }
        const std::optional<AboutRound> about = aboutRound(e);
        if (!about) return refused("damaged events: " + which + " (" + e.type + ") is not a round's event");
        if (summary.roundId.empty()) summary.roundId = about->roundId;
        if (about->roundId != summary.roundId) return refused("damaged events: " + which + " is about another round");
        if (e.type == kEventRoundSaved) {
            saved = true;
            summary.roundName = about->name;
        }
        summary.codes += about->codes;
    }
    if (!saved) return refused("damaged events: the round itself (round.saved) is missing");

    // 2. Stored in the caller's transaction: any refusal below rolls everything back.
    const std::optional<Event> lastApplied = readLastApplied(db);
    SQLite::Statement bySeq(db, "SELECT kiosk_id, seq, uuid, hlc, type, payload FROM events WHERE kiosk_id = ? AND seq = ?");
    SQLite::Statement byUuid(db, "SELECT 1 FROM events WHERE uuid = ?");
    SQLite::Statement insert(db, "INSERT INTO events (kiosk_id, seq, uuid, hlc, type, payload) VALUES (?, ?, ?, ?, ?, ?)");
    std::vector<Event> added;
    HlcStamp latest;
    for (Event& e : events) {
        bySeq.reset();
        bySeq.bind(1, e.kioskId);
        bySeq.bind(2, e.seq);
        if (bySeq.executeStep()) {
            if (sameContent(eventFrom(bySeq), e)) continue;  // received before
            return refused("conflict: this kiosk holds another version of kiosk " + e.kioskId + "'s event " +
                           std::to_string(e.seq) + "; nothing was received");
        }
        byUuid.reset();
        byUuid.bind(1, e.uuid);
        if (byUuid.executeStep()) return refused("conflict: this kiosk holds another event with uuid " + e.uuid + "; nothing was received");
        insert.reset();
        insert.bind(1, e.kioskId);
        insert.bind(2, e.seq);
        insert.bind(3, e.uuid);
        insert.bind(4, toColumn(e.hlc));
        insert.bind(5, e.type);
        insert.bind(6, e.payload);
        insert.exec();
        latest = std::max(latest, e.hlc);
        added.push_back(std::move(e));
    }
    summary.newEvents = static_cast<std::int64_t>(added.size());

    if (const std::optional<VotingCodeKey> held = storedCodeKey(db, summary.roundId)) {
        if (sodium_memcmp(held->data(), codeKey.key.data(), codeKey.key.size()) != 0) {
            return refused("conflict: this kiosk holds another code key for round " + summary.roundId + "; nothing was received");
        }
    } else {
        SQLite::Statement store(db, "INSERT INTO round_code_keys (round_id, code_key) VALUES (?, ?)");
        store.bind(1, summary.roundId);
        store.bind(2, codeKey.key.data(), static_cast<int>(codeKey.key.size()));
        store.exec();
        summary.keyStored = true;
    }

    // 3. The clock moves past the maker's stamps, so a ballot cast here sorts after the round
    // everywhere; the read tables are extended, or rebuilt when the new events sort earlier.
    if (added.empty()) return summary;
    context.observe(latest);
    std::sort(added.begin(), added.end(), [](const Event& a, const Event& b) { return applyKey(a) < applyKey(b); });
    if (lastApplied && !(applyKey(*lastApplied) < applyKey(added.front()))) {
        if (Result<void> rebuilt = context.rebuild(); !rebuilt) return rebuilt.error();
    } else {
        const std::vector<EventView> views = viewsOf(added);
        std::vector<const EventView*> run;
        for (const EventView& e : views) run.push_back(&e);
        EventRun::Decoding decoding(run);
        if (Result<void> applied = context.apply(run, decoding); !applied) return applied.error();
    }
    return summary;
}

}  // namespace buurtstem::storage
