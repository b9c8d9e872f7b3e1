// tally_bench: how long the tally takes on one Pabulib election, reading and parsing the file
// included, with each rule, and the memory it needs. bench/run.sh runs it once per large file (a
// process per file, so the peak memory is that file's) and reads its output.
//
// Usage: tally_bench FILE.pb [RUNS]   (RUNS = 3: each figure is the median of that many runs)
// Output, one figure per line, so a script can pick lines with awk:
//   file <name> ballots=… projects=… vote_type=… megabytes=…
//   parse median_ms=…
//   tally <rule> median_ms=… count_ms=… winners=… spent_share=… fast_runs=… ranges=… resumed=… exact_runs=…
//   peak_memory_kb <VmHWM>
// median_ms includes reading and parsing the file; count_ms is the count alone.
#include "app/core/tally/Pabulib.h"
#include "app/core/tally/Tally.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace buurtstem;
using namespace buurtstem::tally;
using Clock = std::chrono::steady_clock;

struct Configuration {
    const char* name;
    TallyOptions options;
};

TallyOptions make(Rule rule, Utility utility = Utility::Cost, Completion completion = Completion::None,
                  bool compare = false) {
    TallyOptions options;
    options.rule = rule;
    options.utility = utility;
    options.completion = completion;
    options.compareWithGreedy = compare;
    return options;
}

double milliseconds(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

bool readFile(const char* path, std::string& text) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return false;
    std::stringstream buffer;
    buffer << file.rdbuf();
    text = buffer.str();
    return true;
}

long peakMemoryKb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: tally_bench FILE.pb [RUNS]\n");
        return 2;
    }
    const char* path = argv[1];
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;

    std::vector<double> parseTimes;
    Election election;
    std::size_t bytes = 0;
    for (int run = 0; run < runs; ++run) {
        const Clock::time_point start = Clock::now();
        std::string text;
        if (!readFile(path, text)) {
            std::fprintf(stderr, "tally_bench: cannot read %s\n", path);
            return 1;
        }
        Result<Election> read = readPabulib(text);
        if (!read) {
            std::fprintf(stderr, "tally_bench: %s: %s\n", path, read.error().detail.c_str());
            return 1;
        }
        parseTimes.push_back(milliseconds(start, Clock::now()));
        bytes = text.size();
        election = std::move(read).value();
    }
    std::string name = path;
    name = name.substr(name.find_last_of('/') + 1);
    std::printf("file %s ballots=%zu projects=%zu vote_type=%s megabytes=%.1f\n", name.c_str(), election.ballots.count(),
                election.projects.size(), std::string(voteTypeId(election.voteType)).c_str(), bytes / 1048576.0);
    const double parseMs = median(parseTimes);
    std::printf("parse median_ms=%.1f\n", parseMs);

    const std::vector<Configuration> configurations = {
        {"greedy", make(Rule::Greedy)},
        {"greedy-no-skip", make(Rule::GreedyNoSkip)},
        {"mes", make(Rule::EqualShares)},
        {"mes-add1", make(Rule::EqualShares, Utility::Cost, Completion::Add1)},
        {"mes-add1u", make(Rule::EqualShares, Utility::Cost, Completion::Add1Utilitarian)},
        {"mes-add1-compare", make(Rule::EqualShares, Utility::Cost, Completion::Add1, true)},
        {"mes-cardinality-add1", make(Rule::EqualShares, Utility::Cardinality, Completion::Add1)},
    };
    for (const Configuration& configuration : configurations) {
        std::vector<double> countTimes;
        TallyResult result;
        for (int run = 0; run < runs; ++run) {
            const Clock::time_point start = Clock::now();
            Result<TallyResult> counted = tallyElection(election, configuration.options);
            countTimes.push_back(milliseconds(start, Clock::now()));
            if (!counted) {
                std::fprintf(stderr, "tally_bench: %s: %s\n", configuration.name, counted.error().detail.c_str());
                return 1;
            }
            result = std::move(counted).value();
        }
        const double countMs = median(countTimes);
        std::printf("tally %s median_ms=%.1f count_ms=%.1f winners=%zu spent_share=%.4f fast_runs=%u ranges=%u "
                    "resumed=%u exact_runs=%u\n",
                    configuration.name, parseMs + countMs, countMs, result.winners.size(),
                    election.budget > 0 ? static_cast<double>(result.spent) / static_cast<double>(election.budget) : 0.0,
                    result.work.fastRuns, result.work.rangesSettled, result.work.resumedRuns, result.work.exactRuns);
    }
    std::printf("peak_memory_kb %ld\n", peakMemoryKb());
    return 0;
}
