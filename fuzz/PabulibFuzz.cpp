// The Pabulib .pb reader on any bytes, as `buurtstem tally FILE.pb` meets them: it never crashes
// or throws, what it accepts writes out as a file that reads back to the same election, and the
// election counts (greedy, and Equal Shares when small) within its budget or is refused.
#include "FuzzCheck.h"

#include "app/core/tally/Pabulib.h"
#include "app/core/tally/Tally.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace buurtstem;

namespace {

void count(const tally::Election& election, const tally::TallyOptions& options) {
    const Result<tally::TallyResult> result = tally::tallyElection(election, options);
    if (!result) {
        FUZZ_CHECK(result.error().code == ErrorCode::InvalidInput);
        return;
    }
    tally::Money spent = 0;
    for (std::size_t i = 0; i < election.projects.size(); ++i) {
        if (result->projects[i].funded) spent += election.projects[i].cost;
    }
    FUZZ_CHECK(spent == result->spent);
    FUZZ_CHECK(spent <= election.budget);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Result<tally::Election> election = tally::readPabulib(text);
    if (!election) {
        FUZZ_CHECK(election.error().code == ErrorCode::InvalidInput);
        return 0;
    }
    const std::string written = tally::writePabulib(*election);
    const Result<tally::Election> again = tally::readPabulib(written);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(tally::writePabulib(*again) == written);

    count(*election, {});
    // Equal Shares counts in exact fractions; kept to sizes that stay fast.
    if (election->projects.size() <= 20 && election->ballots.count() <= 50) {
        tally::TallyOptions equalShares;
        equalShares.rule = tally::Rule::EqualShares;
        equalShares.completion = tally::Completion::Add1;
        count(*election, equalShares);
    }
    return 0;
}
