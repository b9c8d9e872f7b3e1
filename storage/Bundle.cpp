// Signing, sealing and checking sync bundles and acknowledgements (see Bundle.h, docs/sync.md).
#include "Bundle.h"
#include "FileBytes.h"

#include <sodium.h>

#include <cstring>
#include <memory>

namespace buurtstem::storage {

namespace {

constexpr std::size_t kPrefixBytes = kBundleMagic.size() + 4 + 4;  // magic, format version, header length
constexpr std::size_t kSealedLengthBytes = 8;
constexpr std::size_t kAckNonceBytes = crypto_box_NONCEBYTES;
static_assert(crypto_sign_PUBLICKEYBYTES == kBundleKeyBytes && crypto_sign_BYTES == kBundleSignatureBytes);
static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_box_SECRETKEYBYTES == 32);

Error refused(const std::string& detail) { return makeError(ErrorCode::InvalidInput, detail); }

// BLAKE2b-256, no key: a bundle's name, and in format 2 what its signature signs.
BundleDigest blake2b(std::string_view bytes) {
    static_assert(crypto_generichash_BYTES == std::tuple_size_v<BundleDigest>);
    BundleDigest digest{};
    crypto_generichash(digest.data(), digest.size(), bytesOf(bytes), bytes.size(), nullptr, 0);
    return digest;
}

std::string hexOf(const BundleDigest& digest) {
    return toHex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

}  // namespace

KioskIdentity makeKioskIdentity() {
    KioskIdentity identity;
    crypto_sign_keypair(identity.publicKey.data(), identity.secretKey.data());
    return identity;
}

BoxKey boxPublicKey(const BoxKey& secretKey) {
    BoxKey publicKey{};
    crypto_scalarmult_base(publicKey.data(), secretKey.data());
    return publicKey;
}

Result<std::string> writeBundle(const std::vector<Event>& events, BundleHeader header, const KioskIdentity& identity,
                                const BoxKey& staffPublicKey) {
    header.formatVersion = kBundleFormatVersion;
    header.kioskPublicKey = identity.publicKey;
    header.eventCount = static_cast<std::int64_t>(events.size());
    if (!events.empty()) {
        header.firstSeq = events.front().seq;
        header.lastSeq = events.front().seq;
        for (const Event& e : events) {
            if (e.kioskId != header.kioskId) return refused("event " + e.uuid + " is not of kiosk " + header.kioskId);
            header.firstSeq = std::min(header.firstSeq, e.seq);
            header.lastSeq = std::max(header.lastSeq, e.seq);
        }
    }
    const std::string headerBytes = encodeBundleHeader(header);
    std::string plain = encodeBundleEvents(events);
    std::string sealed(plain.size() + crypto_box_SEALBYTES, '\0');
    const int rc = crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), bytesOf(plain), plain.size(),
                                   staffPublicKey.data());
    sodium_memzero(plain.data(), plain.size());
    if (rc != 0) return makeError(ErrorCode::StorageFailure, "sealing the bundle's events failed");

    std::string out;
    out.reserve(kPrefixBytes + headerBytes.size() + kSealedLengthBytes + sealed.size() + kBundleSignatureBytes);
    out.append(kBundleMagic);
    putLittle(out, kBundleFormatVersion, 4);
    putLittle(out, headerBytes.size(), 4);
    out.append(headerBytes);
    putLittle(out, sealed.size(), 8);
    out.append(sealed);
    // Format 2: the digest of everything so far is signed, which an office checks in the pass
    // that names the bundle (bundleDigests) instead of in a second pass over every byte.
    const BundleDigest digest = blake2b(out);
    std::array<unsigned char, kBundleSignatureBytes> signature{};
    crypto_sign_detached(signature.data(), nullptr, digest.data(), digest.size(), identity.secretKey.data());
    out.append(reinterpret_cast<const char*>(signature.data()), signature.size());
    return out;
}

std::string bundleHash(std::string_view bytes) { return hexOf(blake2b(bytes)); }

BundleDigests bundleDigests(std::string_view bytes) {
    BundleDigests digests;
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, crypto_generichash_BYTES);
    const std::size_t signedBytes = bytes.size() >= kBundleSignatureBytes ? bytes.size() - kBundleSignatureBytes : 0;
    crypto_generichash_update(&state, bytesOf(bytes), signedBytes);
    if (signedBytes > 0) {
        crypto_generichash_state upToSignature = state;  // a plain struct: the same digest so far
        crypto_generichash_final(&upToSignature, digests.signed_.data(), digests.signed_.size());
    }
    crypto_generichash_update(&state, bytesOf(bytes) + signedBytes, bytes.size() - signedBytes);
    BundleDigest whole{};
    crypto_generichash_final(&state, whole.data(), whole.size());
    digests.hash = hexOf(whole);
    return digests;
}

namespace {

// Where the parts of a bundle lie, from its lengths; checked against the file's size.
struct Layout {
    std::uint32_t formatVersion = 0;
    std::string_view header;
    std::string_view sealed;
    std::string_view signed_;  // everything before the signature
    std::string_view signature;
};

Result<Layout> layoutOf(std::string_view bytes) {
    if (bytes.size() > kBundleMaxBytes) return refused("not a bundle: larger than " + std::to_string(kBundleMaxBytes) + " bytes");
    const std::size_t magicLength = std::min(bytes.size(), kBundleMagic.size());
    if (bytes.substr(0, magicLength) != kBundleMagic.substr(0, magicLength)) {
        return refused("not a bundle: it does not start with " + std::string(kBundleMagic.substr(0, kBundleMagic.size() - 1)));
    }
    if (bytes.size() < kPrefixBytes) return refused("truncated: the file ends inside its first bytes");
    Layout layout;
    layout.formatVersion = static_cast<std::uint32_t>(getLittle(bytes, kBundleMagic.size(), 4));
    const std::uint64_t headerLength = getLittle(bytes, kBundleMagic.size() + 4, 4);
    if (headerLength > kBundleHeaderMaxBytes) return refused("tampered: the header length is impossible");
    const std::size_t sealedLengthAt = kPrefixBytes + headerLength;
    if (bytes.size() < sealedLengthAt + kSealedLengthBytes) return refused("truncated: the file ends inside its header");
    const std::uint64_t sealedLength = getLittle(bytes, sealedLengthAt, 8);
    if (sealedLength > kBundleMaxBytes) return refused("tampered: the events' length is impossible");
    const std::uint64_t expected = sealedLengthAt + kSealedLengthBytes + sealedLength + kBundleSignatureBytes;
    if (bytes.size() < expected) {
        return refused("truncated: " + std::to_string(bytes.size()) + " of " + std::to_string(expected) + " bytes");
    }
    if (bytes.size() > expected) return refused("tampered: bytes after the signature");
    layout.header = bytes.substr(kPrefixBytes, headerLength);
    layout.sealed = bytes.substr(sealedLengthAt + kSealedLengthBytes, sealedLength);
    layout.signed_ = bytes.substr(0, bytes.size() - kBundleSignatureBytes);
    layout.signature = bytes.substr(bytes.size() - kBundleSignatureBytes);
    return layout;
}

}  // namespace

namespace {

// readBundleHeader, with the digest of the signed part when the caller took it already.
Result<BundleHeader> readHeader(std::string_view bytes, const BundleDigest* signedDigest) {
    if (sodium_init() < 0) return makeError(ErrorCode::StorageFailure, "libsodium could not be initialised");
    Result<Layout> layout = layoutOf(bytes);
    if (!layout) return layout.error();
    // How the signature is made depends on the format, so a format this build does not know is
    // refused as such; any other part of the header is believed only after the signature.
    if (layout->formatVersion > kBundleFormatVersion) {
        return refused("future version: bundle format " + std::to_string(layout->formatVersion) + ", this build reads up to " +
                       std::to_string(kBundleFormatVersion) + "; update Buurtstem first");
    }
    if (layout->formatVersion < kBundleOldestFormatVersion) {
        return refused("tampered: format version " + std::to_string(layout->formatVersion));
    }
    // The key sits at the same offset in every format version.
    if (layout->header.size() < kBundleHeaderKeyOffset + kBundleKeyBytes) return refused("tampered: the header is too short");
    const auto* key = bytesOf(layout->header) + kBundleHeaderKeyOffset;
    std::string_view message = layout->signed_;  // format 1: the bytes themselves
    BundleDigest digest{};
    if (layout->formatVersion >= 2) {
        digest = signedDigest ? *signedDigest : blake2b(layout->signed_);
        message = std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size());
    }
    if (crypto_sign_verify_detached(bytesOf(layout->signature), bytesOf(message), message.size(), key) != 0) {
        return refused("tampered: the signature does not match (changed or damaged on the way)");
    }
    Result<BundleHeader> header = decodeBundleHeader(layout->header);
    if (!header) return refused("tampered: " + header.error().detail);
    if (header->formatVersion != layout->formatVersion) return refused("tampered: two different format versions");
    return header;
}

}  // namespace

Result<BundleHeader> readBundleHeader(std::string_view bytes) { return readHeader(bytes, nullptr); }

Result<OpenedBundle> openBundle(std::string_view bytes, const BoxKey& staffSecretKey, const TrustCheck& trust,
                                int maxSchemaVersion) {
    return openBundle(bytes, bundleDigests(bytes), staffSecretKey, trust, maxSchemaVersion);
}

namespace {

// openBundle's checks, with the events opened into a buffer of their own, or over the sealed
// part of `bytes` itself when `inPlace` (libsodium checks the seal before it writes anything,
// and moves the sealed bytes when they overlap the output).
Result<OpenedBundle> open(std::string_view bytes, BundleDigests digests, const BoxKey& staffSecretKey, const TrustCheck& trust,
                          int maxSchemaVersion, char* inPlace) {
    Result<BundleHeader> header = readHeader(bytes, &digests.signed_);
    if (!header) return header.error();
    if (trust) {
        if (Result<void> trusted = trust(*header); !trusted) return trusted.error();
    }
    if (header->schemaVersion > maxSchemaVersion) {
        return refused("future version: written by a kiosk with database schema " + std::to_string(header->schemaVersion) +
                       ", this build knows up to " + std::to_string(maxSchemaVersion) + "; update Buurtstem first");
    }
    const Layout layout = layoutOf(bytes).value();
    if (layout.sealed.size() < crypto_box_SEALBYTES) return refused("tampered: the sealed events are too short");
    const BoxKey staffPublic = boxPublicKey(staffSecretKey);
    // Not zeroed first: the seal writes every byte, and hundreds of megabytes may pass through here.
    const std::size_t plainBytes = layout.sealed.size() - crypto_box_SEALBYTES;
    std::unique_ptr<char[]> own;
    char* plain = nullptr;
    if (inPlace) {
        plain = inPlace + (layout.sealed.data() - bytes.data());
    } else {
        own.reset(new char[plainBytes]);
        plain = own.get();
    }
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain), bytesOf(layout.sealed), layout.sealed.size(),
                             staffPublic.data(), staffSecretKey.data()) != 0) {
        return refused("foreign: this staff key cannot open the bundle (it was made for another office)");
    }
    // Read in place: the events point into the opened bytes, which the bundle (or the caller) keeps.
    Result<std::vector<EventView>> events = readBundleEvents(std::string_view(plain, plainBytes));
    if (!events) return refused("damaged events: " + events.error().detail);
    if (Result<void> checked = checkBundleEvents(*header, *events); !checked) {
        return refused("damaged events: " + checked.error().detail);
    }
    return OpenedBundle{std::move(header).value(), std::move(own), std::move(events).value(), std::move(digests.hash)};
}

}  // namespace

Result<OpenedBundle> openBundle(std::string_view bytes, BundleDigests digests, const BoxKey& staffSecretKey,
                                const TrustCheck& trust, int maxSchemaVersion) {
    return open(bytes, std::move(digests), staffSecretKey, trust, maxSchemaVersion, nullptr);
}

Result<OpenedBundle> openBundleInPlace(std::span<char> bytes, BundleDigests digests, const BoxKey& staffSecretKey,
                                       const TrustCheck& trust, int maxSchemaVersion) {
    return open(std::string_view(bytes.data(), bytes.size()), std::move(digests), staffSecretKey, trust, maxSchemaVersion,
                bytes.data());
}

// [SECTION] Acknowledgements

namespace {

std::string ackPlain(const Acknowledgement& ack) { return ack.kioskId + "\n" + std::to_string(ack.seq); }

}  // namespace

Result<std::string> writeAcknowledgement(const Acknowledgement& ack, const BundleKey& kioskPublicKey,
                                         const BoxKey& staffSecretKey) {
    BoxKey kioskBox{};
    if (crypto_sign_ed25519_pk_to_curve25519(kioskBox.data(), kioskPublicKey.data()) != 0) {
        return refused("the kiosk's key cannot receive an acknowledgement");
    }
    const std::string plain = ackPlain(ack);
    std::array<unsigned char, kAckNonceBytes> nonce{};
    randombytes_buf(nonce.data(), nonce.size());
    std::string boxed(plain.size() + crypto_box_MACBYTES, '\0');
    if (crypto_box_easy(reinterpret_cast<unsigned char*>(boxed.data()), bytesOf(plain), plain.size(), nonce.data(),
                        kioskBox.data(), staffSecretKey.data()) != 0) {
        return makeError(ErrorCode::StorageFailure, "boxing the acknowledgement failed");
    }
    std::string out(kAckMagic);
    out.append(ack.kioskId);
    out.push_back('\n');
    out.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
    out.append(boxed);
    return out;
}

Result<Acknowledgement> readAcknowledgement(std::string_view bytes, const KioskIdentity& identity,
                                            const BoxKey& staffPublicKey) {
    if (bytes.size() > 4096 || bytes.substr(0, kAckMagic.size()) != kAckMagic) return refused("not an acknowledgement");
    bytes.remove_prefix(kAckMagic.size());
    const std::size_t end = bytes.find('\n');
    if (end == std::string_view::npos) return refused("not an acknowledgement");
    const std::string kioskId(bytes.substr(0, end));
    bytes.remove_prefix(end + 1);
    if (bytes.size() < kAckNonceBytes + crypto_box_MACBYTES) return refused("the acknowledgement is truncated");
    BoxKey kioskBoxSecret{};
    if (crypto_sign_ed25519_sk_to_curve25519(kioskBoxSecret.data(), identity.secretKey.data()) != 0) {
        return makeError(ErrorCode::StorageFailure, "the kiosk's key cannot open acknowledgements");
    }
    const std::string_view nonce = bytes.substr(0, kAckNonceBytes);
    const std::string_view boxed = bytes.substr(kAckNonceBytes);
    std::string plain(boxed.size() - crypto_box_MACBYTES, '\0');
    const int rc = crypto_box_open_easy(reinterpret_cast<unsigned char*>(plain.data()), bytesOf(boxed), boxed.size(),
                                        bytesOf(nonce), staffPublicKey.data(), kioskBoxSecret.data());
    sodium_memzero(kioskBoxSecret.data(), kioskBoxSecret.size());
    if (rc != 0) return refused("the acknowledgement is not for this kiosk or not from this office's staff key");
    const std::size_t newline = plain.find('\n');
    if (newline == std::string::npos || plain.substr(0, newline) != kioskId) return refused("the acknowledgement is damaged");
    Acknowledgement ack;
    ack.kioskId = kioskId;
    try {
        std::size_t used = 0;
        ack.seq = std::stoll(plain.substr(newline + 1), &used);
        if (used != plain.size() - newline - 1 || ack.seq < 0) return refused("the acknowledgement is damaged");
    } catch (const std::exception&) {
        return refused("the acknowledgement is damaged");
    }
    return ack;
}

}  // namespace buurtstem::storage
