// Writes the bundle fuzz target's seeds into a folder: a real bundle, its header and events
// apart, and acknowledgements, each with the byte that says which kind it is (BundleFuzz.h).
#include "BundleFuzz.h"

#include "app/core/Bundle.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::fuzz;

namespace {

void writeSeed(const std::filesystem::path& folder, const std::string& name, BundleInput kind, const std::string& bytes) {
    std::ofstream out(folder / name, std::ios::binary);
    out.put(static_cast<char>(kind));
    out << bytes;
}

std::vector<Event> someEvents(const std::string& kioskId) {
    std::vector<Event> events;
    for (std::int64_t seq = 1; seq <= 3; ++seq) {
        Event e;
        e.kioskId = kioskId;
        e.seq = seq;
        e.uuid = "00000000-0000-4000-8000-00000000000" + std::to_string(seq);
        e.hlc.packed = 1000 + static_cast<std::uint64_t>(seq);
        e.type = std::string(kEventIdeaSupported);
        e.payload = R"({"ideaId":"id-1"})";
        events.push_back(e);
    }
    return events;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FOLDER\n", argv[0]);
        return 2;
    }
    const std::filesystem::path folder = argv[1];
    std::filesystem::create_directories(folder);
    const FixedKeys keys;
    const std::string kioskId = "6f1c2a54-1b7e-4a8e-9f0a-2c3d4e5f6a7b";

    for (const bool empty : {false, true}) {
        const std::vector<Event> events = empty ? std::vector<Event>{} : someEvents(kioskId);
        BundleHeader header;
        header.kioskId = kioskId;
        header.schemaVersion = 15;
        header.previousBundleHash = empty ? "" : std::string(64, 'a');
        const Result<std::string> bundle = storage::writeBundle(events, header, keys.kiosk, keys.staffPublic);
        if (!bundle) return 1;
        const std::string name = empty ? "empty" : "three-events";
        writeSeed(folder, "bundle-" + name, kRawBundle, *bundle);

        header.kioskPublicKey = keys.kiosk.publicKey;
        header.eventCount = static_cast<std::int64_t>(events.size());
        header.firstSeq = empty ? 0 : 1;
        header.lastSeq = empty ? 0 : 3;
        const std::string headerBytes = encodeBundleHeader(header);
        std::string parts;
        parts.push_back(static_cast<char>(headerBytes.size() & 0xff));
        parts.push_back(static_cast<char>(headerBytes.size() >> 8));
        parts += headerBytes + encodeBundleEvents(events);
        writeSeed(folder, "parts-" + name, kHeaderAndEvents, parts);
    }

    const Result<std::string> ack = storage::writeAcknowledgement({kioskId, 42}, keys.kiosk.publicKey, keys.staffSecret);
    if (!ack) return 1;
    writeSeed(folder, "ack", kRawAck, *ack);
    writeSeed(folder, "ack-text", kAckText, kioskId + "\n42");
    return 0;
}
