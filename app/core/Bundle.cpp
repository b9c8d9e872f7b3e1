// The pure layout of sync bundles: header and events in cereal portable binary, with every
// length checked against the input before anything is allocated, since a bundle may be hostile.
#include "Bundle.h"

#include <cereal/archives/portable_binary.hpp>

#include <algorithm>
#include <exception>
#include <set>
#include <sstream>
#include <stdexcept>

namespace buurtstem {

namespace {

constexpr std::size_t kMaxTextBytes = 16u * 1024 * 1024;  // one event's payload at most
constexpr std::size_t kSmallestEventBytes = 6 * 8;         // six fields, each at least 8 bytes

struct BadBytes : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class Archive>
void saveText(Archive& archive, const std::string& text) {
    archive(cereal::make_size_tag(static_cast<cereal::size_type>(text.size())));
    archive(cereal::binary_data(text.data(), text.size()));
}

// A string can never be longer than the input that holds it.
template <class Archive>
void loadText(Archive& archive, std::string& text, std::size_t inputBytes) {
    cereal::size_type size = 0;
    archive(cereal::make_size_tag(size));
    if (size > inputBytes || size > kMaxTextBytes) throw BadBytes("a text is longer than the bundle");
    text.resize(static_cast<std::size_t>(size));
    archive(cereal::binary_data(text.data(), text.size()));
}

// Reads `bytes` with `body`; cereal throws on a short input, which becomes InvalidInput, as does
// anything left over.
template <class T, class Body>
Result<T> readPortable(std::string_view bytes, std::string_view what, Body&& body) {
    try {
        std::istringstream in{std::string(bytes)};
        T value{};
        {
            cereal::PortableBinaryInputArchive archive(in);
            body(archive, value);
        }
        if (in.peek() != std::char_traits<char>::eof()) {
            return makeError(ErrorCode::InvalidInput, std::string(what) + " has bytes after its end");
        }
        return value;
    } catch (const BadBytes& e) {
        return makeError(ErrorCode::InvalidInput, std::string(what) + ": " + e.what());
    } catch (const std::exception& e) {
        return makeError(ErrorCode::InvalidInput, std::string(what) + " is cut short or damaged (" + e.what() + ")");
    }
}

}  // namespace

std::string encodeBundleHeader(const BundleHeader& header) {
    std::ostringstream out;
    {
        cereal::PortableBinaryOutputArchive archive(out);
        archive(header.formatVersion);
        archive(cereal::binary_data(header.kioskPublicKey.data(), header.kioskPublicKey.size()));
        saveText(archive, header.kioskId);
        archive(header.firstSeq, header.lastSeq, header.eventCount);
        saveText(archive, header.previousBundleHash);
        archive(header.schemaVersion, header.kioskHlc, header.createdMs);
    }
    return std::move(out).str();
}

Result<BundleHeader> decodeBundleHeader(std::string_view bytes) {
    const std::size_t size = bytes.size();
    return readPortable<BundleHeader>(bytes, "bundle header", [size](auto& archive, BundleHeader& header) {
        archive(header.formatVersion);
        // A format this build does not know may lay out the rest differently: the caller says which.
        if (header.formatVersion < kBundleOldestFormatVersion || header.formatVersion > kBundleFormatVersion) return;
        archive(cereal::binary_data(header.kioskPublicKey.data(), header.kioskPublicKey.size()));
        loadText(archive, header.kioskId, size);
        archive(header.firstSeq, header.lastSeq, header.eventCount);
        loadText(archive, header.previousBundleHash, size);
        archive(header.schemaVersion, header.kioskHlc, header.createdMs);
    });
}

std::string encodeBundleEvents(const std::vector<Event>& events) {
    std::ostringstream out;
    {
        cereal::PortableBinaryOutputArchive archive(out);
        archive(cereal::make_size_tag(static_cast<cereal::size_type>(events.size())));
        for (const Event& e : events) {
            saveText(archive, e.kioskId);
            archive(e.seq);
            saveText(archive, e.uuid);
            archive(e.hlc.packed);
            saveText(archive, e.type);
            saveText(archive, e.payload);
        }
    }
    return std::move(out).str();
}

namespace {

// Reads cereal's portable binary in place, as encodeBundleEvents wrote it: a byte telling whether
// the writer was little-endian, then every number as 8 bytes in the writer's order, every text as
// its size (a number) and its bytes. Throws BadBytes on anything short or too long.
class InPlaceReader {
public:
    explicit InPlaceReader(std::string_view bytes) : bytes_(bytes) { littleEndian_ = take(1)[0] != 0; }

    std::uint64_t number() {
        const std::string_view b = take(8);
        std::uint64_t value = 0;
        for (int i = 0; i < 8; ++i) {
            const auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(b[static_cast<std::size_t>(littleEndian_ ? 7 - i : i)]));
            value = (value << 8) | byte;
        }
        return value;
    }
    std::string_view text() {
        const std::uint64_t size = number();
        if (size > bytes_.size() || size > kMaxTextBytes) throw BadBytes("a text is longer than the bundle");
        return take(static_cast<std::size_t>(size));
    }
    bool atEnd() const { return at_ == bytes_.size(); }

private:
    std::string_view take(std::size_t n) {
        if (n > bytes_.size() - at_) throw BadBytes("cut short");
        const std::string_view taken = bytes_.substr(at_, n);
        at_ += n;
        return taken;
    }

    std::string_view bytes_;
    std::size_t at_ = 0;
    bool littleEndian_ = true;
};

}  // namespace

Result<std::vector<EventView>> readBundleEvents(std::string_view bytes) {
    try {
        InPlaceReader in(bytes);
        const std::uint64_t count = in.number();
        if (count > bytes.size() / kSmallestEventBytes) throw BadBytes("more events than the bundle can hold");
        std::vector<EventView> events(static_cast<std::size_t>(count));
        for (EventView& e : events) {
            e.kioskId = in.text();
            e.seq = static_cast<std::int64_t>(in.number());
            e.uuid = in.text();
            e.hlc.packed = in.number();
            e.type = in.text();
            e.payload = in.text();
        }
        if (!in.atEnd()) return makeError(ErrorCode::InvalidInput, "bundle events has bytes after its end");
        return events;
    } catch (const BadBytes& e) {
        return makeError(ErrorCode::InvalidInput, std::string("bundle events: ") + e.what());
    }
}

Result<std::vector<Event>> decodeBundleEvents(std::string_view bytes) {
    Result<std::vector<EventView>> views = readBundleEvents(bytes);
    if (!views) return views.error();
    std::vector<Event> events;
    events.reserve(views->size());
    for (const EventView& view : *views) events.push_back(view.toEvent());
    return events;
}

Result<void> checkBundleEvents(const BundleHeader& header, std::span<const EventView> events) {
    if (static_cast<std::int64_t>(events.size()) != header.eventCount) {
        return makeError(ErrorCode::InvalidInput, "the bundle holds " + std::to_string(events.size()) +
                                                      " events, its header says " + std::to_string(header.eventCount));
    }
    // A kiosk writes its events in seq order, and rising seqs cannot repeat: the seqs seen are
    // only kept in a set from the first one that does not rise (a million set nodes cost an
    // office's import a noticeable part of a second).
    bool rising = true;
    std::int64_t last = 0;
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const EventView& e = events[i];
        const auto which = [&e] { return "event " + std::to_string(e.seq); };
        if (e.kioskId != header.kioskId) {
            return makeError(ErrorCode::InvalidInput, which() + " is of kiosk " + std::string(e.kioskId) + ", not of " + header.kioskId);
        }
        if (e.seq < header.firstSeq || e.seq > header.lastSeq || e.seq <= 0) {
            return makeError(ErrorCode::InvalidInput, which() + " lies outside the bundle's range " +
                                                          std::to_string(header.firstSeq) + ".." +
                                                          std::to_string(header.lastSeq));
        }
        if (rising && e.seq > last) {
            last = e.seq;
        } else {
            if (rising) {
                rising = false;
                for (std::size_t before = 0; before < i; ++before) seen.insert(events[before].seq);
            }
            if (!seen.insert(e.seq).second) return makeError(ErrorCode::InvalidInput, which() + " is in the bundle twice");
        }
        if (e.uuid.empty() || e.type.empty()) return makeError(ErrorCode::InvalidInput, which() + " has no uuid or type");
    }
    return {};
}

std::vector<SeqGap> findSeqGaps(const std::string& kioskId, const std::vector<std::int64_t>& seqs) {
    std::vector<SeqGap> gaps;
    std::int64_t expected = 1;
    for (std::int64_t seq : seqs) {
        if (seq > expected) gaps.push_back({kioskId, expected, seq - 1});
        expected = std::max(expected, seq + 1);
    }
    return gaps;
}

bool kioskSilent(const KioskActivity& kiosk, std::uint64_t nowMs) {
    if (kiosk.own || kiosk.withdrawn) return false;  // the office itself; a lost kiosk is marked as lost
    return kiosk.lastEventMs == 0 || (nowMs > kiosk.lastEventMs && nowMs - kiosk.lastEventMs > kKioskSilentMs);
}

std::string toHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(bytes.size() * 2);
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        hex.push_back(kDigits[b >> 4]);
        hex.push_back(kDigits[b & 0xf]);
    }
    return hex;
}

}  // namespace buurtstem
