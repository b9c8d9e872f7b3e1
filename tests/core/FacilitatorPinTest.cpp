// The facilitator PIN's rules and the waits after wrong PINs.
#include "app/core/FacilitatorPin.h"

#include <catch2/catch.hpp>

using namespace buurtstem;

TEST_CASE("a new PIN has 6 to 12 digits and is not a pattern anyone tries first", "[facilitator]") {
    CHECK(checkNewPin("284615") == PinProblem::None);
    CHECK(checkNewPin("902817364512") == PinProblem::None);
    CHECK(checkNewPin("28461") == PinProblem::TooShort);
    CHECK(checkNewPin("") == PinProblem::TooShort);
    CHECK(checkNewPin("9028173645123") == PinProblem::TooLong);
    CHECK(checkNewPin("28a615") == PinProblem::NotDigits);
    CHECK(checkNewPin("284 615") == PinProblem::NotDigits);
    for (const char* simple : {"000000", "777777", "123456", "234567890", "890123", "654321", "109876"}) {
        INFO(simple);
        CHECK(checkNewPin(simple) == PinProblem::TooSimple);
    }
    CHECK(checkNewPin("123457") == PinProblem::None);  // one step out of the run is enough
}

TEST_CASE("a facilitator's label is a short line", "[facilitator]") {
    CHECK(validateFacilitatorLabel("Anna (opbouwwerk)").ok());
    CHECK(validateFacilitatorLabel("  Anna ").ok());
    CHECK_FALSE(validateFacilitatorLabel("   ").ok());
    CHECK_FALSE(validateFacilitatorLabel("Anna\nKees").ok());
    CHECK_FALSE(validateFacilitatorLabel(std::string(41, 'x')).ok());
    CHECK(validateFacilitatorLabel(std::string(40, 'x')).ok());
}

TEST_CASE("wrong PINs wait longer each time, up to five minutes", "[facilitator]") {
    CHECK(pinWaitAfter(0) == 0);
    CHECK(pinWaitAfter(3) == 0);
    CHECK(pinWaitAfter(4) == 5'000);
    CHECK(pinWaitAfter(5) == 10'000);
    CHECK(pinWaitAfter(9) == 160'000);
    CHECK(pinWaitAfter(10) == 300'000);
    CHECK(pinWaitAfter(1000) == 300'000);

    const std::uint64_t last = 1'000'000;
    CHECK(pinWaitMs(4, last, last) == 5'000);
    CHECK(pinWaitMs(4, last, last + 2'000) == 3'000);
    CHECK(pinWaitMs(4, last, last + 5'000) == 0);
    CHECK(pinWaitMs(4, last, last - 60'000) == 5'000);  // the clock went back: no time has passed
    CHECK(pinWaitMs(2, last, last) == 0);
}
