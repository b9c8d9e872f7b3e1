// Facilitators on the kiosk: the PIN kept only as an Argon2id hash, right and wrong PINs, the
// wait after wrong ones that a restart does not reset, and the demo's own PIN.
#include "StorageTestSupport.h"

#include <sys/stat.h>

using namespace buurtstem;
using namespace buurtstem::storage;
using namespace buurtstem::storage::test;

namespace {

using Outcome = KioskStore::PinOutcome;

std::unique_ptr<KioskStore> onDisk(const ScratchDir& dir, const ManualClock& clock) {
    auto store = KioskStore::open(dir.database(), clock.options());
    REQUIRE(store.ok());
    return std::move(store).value();
}

}  // namespace

TEST_CASE("a facilitator's PIN opens the screens and is stored only as a hash", "[storage][facilitator]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = onDisk(dir, clock);
    CHECK_FALSE(store->hasFacilitator());
    CHECK(store->tryPin("284615").outcome == Outcome::NoFacilitator);

    REQUIRE(store->addFacilitator("  Anna (opbouwwerk) ", "284615").ok());
    REQUIRE(store->addFacilitator("Kees", "903172").ok());
    CHECK(store->facilitatorLabels() == std::vector<std::string>{"Anna (opbouwwerk)", "Kees"});

    const KioskStore::PinAttempt anna = store->tryPin("284615");
    CHECK(anna.outcome == Outcome::Unlocked);
    CHECK(anna.label == "Anna (opbouwwerk)");
    CHECK(store->tryPin("903172").label == "Kees");
    CHECK(store->tryPin("903173").outcome == Outcome::Wrong);

    // Refused: a simple PIN, a PIN someone has, a label someone has, an empty label.
    CHECK(store->addFacilitator("Piet", "123456").error().code == ErrorCode::InvalidInput);
    CHECK(store->addFacilitator("Piet", "284615").error().detail.find("another facilitator has this PIN") != std::string::npos);
    CHECK(store->addFacilitator("Kees", "771902").error().code == ErrorCode::InvalidInput);
    CHECK(store->addFacilitator(" ", "771902").error().code == ErrorCode::InvalidInput);
    CHECK(store->facilitatorLabels().size() == 2);

    store.reset();
    const std::string bytes = readBytes(dir.database()) + readBytes(dir.database().string() + "-wal");
    CHECK(bytes.find("284615") == std::string::npos);
    CHECK(bytes.find("903172") == std::string::npos);
    CHECK(bytes.find("$argon2id$") != std::string::npos);
}

TEST_CASE("wrong PINs make the next one wait, across a restart, until a right one", "[storage][facilitator]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = onDisk(dir, clock);
    REQUIRE(store->addFacilitator("Anna", "284615").ok());

    for (int i = 0; i < 3; ++i) {
        const KioskStore::PinAttempt wrong = store->tryPin("111111");
        CHECK(wrong.outcome == Outcome::Wrong);
        CHECK(wrong.waitMs == 0);  // a typo or three are free
    }
    const KioskStore::PinAttempt fourth = store->tryPin("222222");
    CHECK(fourth.outcome == Outcome::Wrong);
    CHECK(fourth.waitMs == 5'000);

    // Switching the kiosk off and on does not shorten the wait; the right PIN waits too.
    store = onDisk(dir, clock);
    clock.set(*clock.nowMs + 2'000);
    const KioskStore::PinAttempt waiting = store->tryPin("284615");
    CHECK(waiting.outcome == Outcome::Wait);
    CHECK(waiting.waitMs == 3'000);
    clock.set(*clock.nowMs + 3'000);
    CHECK(store->tryPin("333333").waitMs == 10'000);  // the fifth wrong PIN in a row
    clock.set(*clock.nowMs + 10'000);
    CHECK(store->tryPin("284615").outcome == Outcome::Unlocked);
    CHECK(store->pinWait() == 0);
    CHECK(store->tryPin("444444").waitMs == 0);  // counted from zero again
}

TEST_CASE("the demo gets a facilitator with a PIN of its own, written beside the database", "[storage][facilitator]") {
    ScratchDir dir;
    ManualClock clock;
    auto store = onDisk(dir, clock);
    const Result<std::string> pin = store->addDemoFacilitator();
    REQUIRE(pin.ok());
    CHECK(checkNewPin(*pin) == PinProblem::None);
    CHECK(store->tryPin(*pin).label == "Demo");
    const std::filesystem::path file = dir.path() / kDemoFacilitatorPinFileName;
    CHECK(readBytes(file).find(*pin) != std::string::npos);
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(store->addDemoFacilitator().value().empty());  // once only
}
