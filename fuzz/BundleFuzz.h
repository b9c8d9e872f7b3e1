// The input layout of the bundle fuzz target, shared with the program that writes its seeds.
// The first byte chooses what the rest is:
//   0  a bundle file as it comes from a USB stick (signature, seal and all)
//   1  a header and events, two bytes of header length (little endian) first; the target signs
//      and seals them with fixed keys, so the fuzzer reaches what openBundle does after the crypto
//   2  an acknowledgement file as it comes from a USB stick
//   3  an acknowledgement's text ("kiosk\nseq"), boxed by the target with the fixed keys
#pragma once

#include "storage/Bundle.h"

#include <sodium.h>

#include <cstdint>

namespace buurtstem::fuzz {

enum BundleInput : std::uint8_t { kRawBundle = 0, kHeaderAndEvents = 1, kRawAck = 2, kAckText = 3, kBundleInputKinds = 4 };

// The same keys on every run, so a saved input means the same thing when it is replayed.
struct FixedKeys {
    storage::KioskIdentity kiosk;
    storage::BoxKey staffPublic{};
    storage::BoxKey staffSecret{};

    FixedKeys() {
        if (sodium_init() < 0) std::abort();
        std::array<unsigned char, crypto_sign_SEEDBYTES> seed{};
        seed.fill(7);
        crypto_sign_seed_keypair(kiosk.publicKey.data(), kiosk.secretKey.data(), seed.data());
        seed.fill(11);
        crypto_box_seed_keypair(staffPublic.data(), staffSecret.data(), seed.data());
    }
};

}  // namespace buurtstem::fuzz
