// The command line's parsing and checks (checkCommandLine: CLI11 with every command's options)
// on any arguments, the input's NUL bytes separating them. Nothing may crash or throw, and the
// answer is one of the exit codes a command line can get before a command runs.
#include "FuzzCheck.h"

#include "app/cli/CommandLine.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> arguments{"buurtstem"};
    std::string current;
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            arguments.push_back(current);
            current.clear();
        } else {
            current.push_back(static_cast<char>(data[i]));
        }
    }
    if (size > 0) arguments.push_back(current);
    if (arguments.size() > 64) return 0;  // more is no different, only slower

    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    const int code = buurtstem::cli::checkCommandLine(static_cast<int>(arguments.size()), argv.data());
    FUZZ_CHECK(code == buurtstem::cli::kExitOk || code == buurtstem::cli::kExitUsage);
    return 0;
}
