// The sync bundle reader (storage/Bundle.h openBundle, app/core/Bundle.h's header and events) and
// the acknowledgement reader on any bytes: none may crash or throw, a refusal is InvalidInput, and
// what openBundle accepts is exactly what the header and events decode to.
#include "BundleFuzz.h"
#include "FuzzCheck.h"

#include "app/core/Bundle.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace buurtstem;
using namespace buurtstem::fuzz;

namespace {

const FixedKeys& keys() {
    static const FixedKeys fixed;
    return fixed;
}

void putLittle(std::string& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

const unsigned char* bytesOf(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// The layout docs/sync.md gives: magic, format version, header length, header, sealed length,
// the events sealed to the staff, and the kiosk's signature over the digest of all of that.
std::string signAndSeal(std::string header, std::string_view events) {
    if (header.size() >= kBundleHeaderKeyOffset + kBundleKeyBytes) {
        header.replace(kBundleHeaderKeyOffset, kBundleKeyBytes, reinterpret_cast<const char*>(keys().kiosk.publicKey.data()),
                       kBundleKeyBytes);
    }
    std::string sealed(events.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), bytesOf(events), events.size(), keys().staffPublic.data());
    std::string out(kBundleMagic);
    putLittle(out, kBundleFormatVersion, 4);
    putLittle(out, header.size(), 4);
    out += header;
    putLittle(out, sealed.size(), 8);
    out += sealed;
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(), bytesOf(out), out.size(), nullptr, 0);
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, digest.data(), digest.size(), keys().kiosk.secretKey.data());
    out.append(reinterpret_cast<const char*>(signature.data()), signature.size());
    return out;
}

const storage::TrustCheck& trustAll() {
    static const storage::TrustCheck trust = [](const BundleHeader&) { return Result<void>{}; };
    return trust;
}

Result<storage::OpenedBundle> open(std::string_view bytes) { return storage::openBundle(bytes, keys().staffSecret, trustAll(), 1000); }

std::vector<Event> eventsOf(const storage::OpenedBundle& opened) {
    std::vector<Event> events;
    for (const EventView& e : opened.events) events.push_back(e.toEvent());
    return events;
}

void checkRefusal(const Error& error) { FUZZ_CHECK(error.code == ErrorCode::InvalidInput); }

void rawBundle(std::string_view bytes) {
    const Result<BundleHeader> header = storage::readBundleHeader(bytes);
    const Result<storage::OpenedBundle> opened = open(bytes);
    if (!header) checkRefusal(header.error());
    if (!opened) checkRefusal(opened.error());
    if (opened) FUZZ_CHECK(header.ok() && *header == opened->header);
}

void headerAndEvents(std::string_view bytes) {
    if (bytes.size() < 2) return;
    const std::size_t headerLength = static_cast<unsigned char>(bytes[0]) | (static_cast<unsigned char>(bytes[1]) << 8);
    bytes.remove_prefix(2);
    const std::string_view headerBytes = bytes.substr(0, std::min(headerLength, bytes.size()));
    const std::string_view eventBytes = bytes.substr(headerBytes.size());

    const Result<std::vector<Event>> events = decodeBundleEvents(eventBytes);
    if (!events) checkRefusal(events.error());
    const std::string bundle = signAndSeal(std::string(headerBytes), eventBytes);
    const Result<BundleHeader> header = decodeBundleHeader(std::string_view(bundle).substr(kBundleMagic.size() + 8, headerBytes.size()));
    if (!header) checkRefusal(header.error());
    if (header && events) {
        const Result<void> checked = checkBundleEvents(*header, viewsOf(*events));
        if (!checked) checkRefusal(checked.error());
    }
    const Result<storage::OpenedBundle> opened = open(bundle);
    if (!opened) {
        checkRefusal(opened.error());
        return;
    }
    // cereal's portable binary reads either byte order, so compare what was read, not the bytes.
    FUZZ_CHECK(header.ok() && events.ok());
    FUZZ_CHECK(opened->header == *header);
    FUZZ_CHECK(encodeBundleEvents(eventsOf(*opened)) == encodeBundleEvents(*events));
    // Opened in place, over a copy of its bytes, it reads the same.
    std::string copy = bundle;
    const Result<storage::OpenedBundle> inPlace =
        storage::openBundleInPlace(copy, storage::bundleDigests(bundle), keys().staffSecret, trustAll(), 1000);
    FUZZ_CHECK(inPlace.ok() && inPlace->header == opened->header && eventsOf(*inPlace).size() == opened->events.size() &&
               encodeBundleEvents(eventsOf(*inPlace)) == encodeBundleEvents(*events));
}

void rawAck(std::string_view bytes) {
    const Result<storage::Acknowledgement> ack = storage::readAcknowledgement(bytes, keys().kiosk, keys().staffPublic);
    if (!ack) checkRefusal(ack.error());
}

void ackText(std::string_view text) {
    // The kiosk id on the outside is the text's first line, as writeAcknowledgement puts it.
    const std::string_view kioskId = text.substr(0, std::min(text.find('\n'), text.size()));
    storage::BoxKey kioskBox{};
    if (crypto_sign_ed25519_pk_to_curve25519(kioskBox.data(), keys().kiosk.publicKey.data()) != 0) std::abort();
    std::array<unsigned char, crypto_box_NONCEBYTES> nonce{};
    nonce.fill(3);
    std::string boxed(text.size() + crypto_box_MACBYTES, '\0');
    if (crypto_box_easy(reinterpret_cast<unsigned char*>(boxed.data()), bytesOf(text), text.size(), nonce.data(),
                        kioskBox.data(), keys().staffSecret.data()) != 0) {
        std::abort();
    }
    std::string file(storage::kAckMagic);
    file += kioskId;
    file += '\n';
    file.append(reinterpret_cast<const char*>(nonce.data()), nonce.size());
    file += boxed;
    const Result<storage::Acknowledgement> ack = storage::readAcknowledgement(file, keys().kiosk, keys().staffPublic);
    if (!ack) {
        checkRefusal(ack.error());
        return;
    }
    FUZZ_CHECK(ack->kioskId == kioskId && ack->seq >= 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % kBundleInputKinds) {
        case kRawBundle: rawBundle(rest); break;
        case kHeaderAndEvents: headerAndEvents(rest); break;
        case kRawAck: rawAck(rest); break;
        case kAckText: ackText(rest); break;
    }
    return 0;
}
