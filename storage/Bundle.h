// Sync bundles, signed and sealed: a kiosk signs its bundle with its own Ed25519 key and seals
// the events to the staff's public key, so only the office can read them and nobody can change
// them on the way. The byte layout is in docs/sync.md; app/core/Bundle.h has the header.
#pragma once

#include "../app/core/Bundle.h"
#include "../app/core/Event.h"
#include "../app/core/Result.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::storage {

inline constexpr std::size_t kBundleSignatureBytes = 64;         // crypto_sign_BYTES
inline constexpr std::size_t kBundleMaxBytes = 1024u * 1024 * 1024;  // larger files are refused unread
inline constexpr std::size_t kBundleHeaderMaxBytes = 4096;

// A kiosk's signing key pair (Ed25519), made when its database is created. A kiosk setting,
// never an event: the secret half never leaves the kiosk.
struct KioskIdentity {
    BundleKey publicKey{};
    std::array<std::uint8_t, 64> secretKey{};  // crypto_sign_SECRETKEYBYTES
};
KioskIdentity makeKioskIdentity();

using BoxKey = std::array<std::uint8_t, 32>;  // crypto_box keys (the staff's), as StaffKey

// The bundle's bytes for `events` (this kiosk's, in seq order). The header's key, count and (for a
// bundle with events) range are taken from the arguments; the rest is the caller's. Errors:
// InvalidInput (an event of another kiosk), StorageFailure (sealing failed).
Result<std::string> writeBundle(const std::vector<Event>& events, BundleHeader header, const KioskIdentity& identity,
                                const BoxKey& staffPublicKey);

// Hex BLAKE2b-256 of a whole bundle: its name in prev-hash chains and in imported_bundles.
std::string bundleHash(std::string_view bytes);

// A bundle's two BLAKE2b-256 digests, taken in one pass over its bytes: of the whole file (its
// name, bundleHash) and of everything before the signature, what a format 2 signature signs.
using BundleDigest = std::array<std::uint8_t, 32>;
struct BundleDigests {
    std::string hash;       // bundleHash
    BundleDigest signed_{};  // of all but the last kBundleSignatureBytes bytes (zero for a shorter file)
};
BundleDigests bundleDigests(std::string_view bytes);

// Size, magic, lengths and the format version, then the signature with the header's own key (as
// that format signs), and only then the header. Needs no secret. Errors (InvalidInput, the detail starting with what went wrong):
// "not a bundle", "truncated", "tampered", "future version".
Result<BundleHeader> readBundleHeader(std::string_view bytes);

struct OpenedBundle {
    BundleHeader header;
    std::unique_ptr<char[]> plain;  // the opened events' bytes, which `events` point into; none when opened in place
    std::vector<EventView> events;
    std::string hash;  // bundleHash of the bytes
};
// Decides whether the header's kiosk and key may be imported; an error refuses the bundle.
using TrustCheck = std::function<Result<void>(const BundleHeader&)>;
// readBundleHeader, then `trust`, the schema, the seal (with the staff's secret key) and every
// event (checkBundleEvents). Errors as readBundleHeader, and "foreign" (the staff key cannot open
// it), "future schema", "damaged events", or trust's own.
Result<OpenedBundle> openBundle(std::string_view bytes, const BoxKey& staffSecretKey, const TrustCheck& trust,
                                int maxSchemaVersion);
// The same for a caller that hashed the bytes already (`digests` are bundleDigests(bytes), not
// checked). Thread-safe when `trust` is: an import opens several bundles at once.
Result<OpenedBundle> openBundle(std::string_view bytes, BundleDigests digests, const BoxKey& staffSecretKey,
                                const TrustCheck& trust, int maxSchemaVersion);
// The same, opening the sealed events over the sealed part of `bytes`, which the events then point
// into: an import does not hold every bundle twice. Once the seal opens, `bytes` no longer holds
// the bundle (a bundle whose seal does not open, or that fails an earlier check, is left as it was).
Result<OpenedBundle> openBundleInPlace(std::span<char> bytes, BundleDigests digests, const BoxKey& staffSecretKey,
                                       const TrustCheck& trust, int maxSchemaVersion);

// [SECTION] Acknowledgements (ontvangstbewijs)
// "The office holds this kiosk's events up to seq N": boxed from the staff's secret key to the
// kiosk's signing key turned into its X25519 key, so only the staff can make one and only that
// kiosk needs to read it.
inline constexpr std::string_view kAckMagic = "BUURTSTEM-ACK\n";
struct Acknowledgement {
    std::string kioskId;
    std::int64_t seq = 0;  // = 0
};
Result<std::string> writeAcknowledgement(const Acknowledgement& ack, const BundleKey& kioskPublicKey,
                                         const BoxKey& staffSecretKey);
// Errors: InvalidInput (not an acknowledgement, another kiosk's, or not made with this staff key).
Result<Acknowledgement> readAcknowledgement(std::string_view bytes, const KioskIdentity& identity,
                                            const BoxKey& staffPublicKey);
// The public half of a crypto_box secret key.
BoxKey boxPublicKey(const BoxKey& secretKey);

}  // namespace buurtstem::storage
