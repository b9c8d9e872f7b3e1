// `buurtstem facilitator add|list` (see FacilitatorCommand.h).
#include "FacilitatorCommand.h"

#include "CommandLine.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../core/FacilitatorPin.h"

#include <CLI/CLI.hpp>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

namespace buurtstem::cli {

namespace {

namespace fs = std::filesystem;

// One line from standard input, without its line end. On a terminal the prompt goes to standard
// error and the typing is not echoed. nullopt at the end of the input.
std::optional<std::string> readPin(const char* prompt) {
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", prompt);
        std::fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        }
    }
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fprintf(stderr, "\n");
    }
    if (!read) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

void wipe(std::string& text) {
    if (!text.empty()) sodium_memzero(text.data(), text.size());
    text.clear();
}

const char* pinRule(PinProblem problem) {
    switch (problem) {
        case PinProblem::TooShort: return "it has fewer than 6 digits";
        case PinProblem::TooLong: return "it has more than 12 digits";
        case PinProblem::NotDigits: return "it may only hold the digits 0 to 9";
        case PinProblem::TooSimple: return "it is too simple (one digit repeated, or a run like 123456)";
        case PinProblem::None: break;
    }
    return "";
}

}  // namespace

CLI::App* addFacilitatorCommand(CLI::App& app, FacilitatorCommandOptions& options, FacilitatorCommands& commands) {
    CLI::App* group = app.add_subcommand("facilitator", "Facilitators of a kiosk, for staff who prepare kiosks: add, list");
    group->require_subcommand(1);
    commands.add = group->add_subcommand(
        "add", "Add a facilitator; the PIN (6 to 12 digits) is read twice from standard input, not shown on a terminal");
    commands.add->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
    commands.add->add_option("--label", options.label, "The facilitator's name as the audit log shows it, e.g. \"Anna (opbouwwerk)\"")
        ->required();
    commands.list = group->add_subcommand("list", "The kiosk's facilitators, oldest first (never their PINs)");
    commands.list->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
    return group;
}

int runFacilitatorAdd(const FacilitatorCommandOptions& options) {
    // Everything that needs no database first: a mistake creates nothing.
    if (!validateFacilitatorLabel(options.label)) {
        std::fprintf(stderr, "buurtstem facilitator add: --label is 1 to %zu characters on one line.\n", kFacilitatorLabelMax);
        return kExitUsage;
    }
    std::optional<std::string> pin = readPin("New PIN (6 to 12 digits): ");
    if (!pin) {
        std::fprintf(stderr, "buurtstem facilitator add: no PIN was given on standard input.\n");
        return kExitUsage;
    }
    if (const PinProblem problem = checkNewPin(*pin); problem != PinProblem::None) {
        wipe(*pin);
        std::fprintf(stderr, "buurtstem facilitator add: this PIN cannot be used: %s. Nothing was changed.\n", pinRule(problem));
        return kExitUsage;
    }
    std::optional<std::string> again = readPin("The same PIN again: ");
    const bool same = again && *again == *pin;
    if (again) wipe(*again);
    if (!same) {
        wipe(*pin);
        std::fprintf(stderr, "buurtstem facilitator add: the two PINs are not the same. Nothing was changed.\n");
        return kExitUsage;
    }

    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Create, opened); failed != kExitOk) {
        wipe(*pin);
        return failed;
    }
    const Result<void> added = opened.store->addFacilitator(options.label, *pin);
    wipe(*pin);
    if (!added) {
        if (added.error().code == ErrorCode::InvalidInput) {
            std::fprintf(stderr, "buurtstem facilitator add: refused: %s. Nothing was changed.\n", added.error().detail.c_str());
            return kExitUsage;
        }
        return reportError(added.error(), dataDir);
    }
    std::printf("Facilitator \"%s\" added to %s. A long press in the top left corner of the kiosk and this PIN open the\n"
                "facilitator screens.\n",
                opened.store->facilitatorLabels().back().c_str(), dataDir.c_str());
    return kExitOk;
}

int runFacilitatorList(const FacilitatorCommandOptions& options) {
    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Read, opened); failed != kExitOk) return failed;
    const std::vector<std::string> labels = opened.store->facilitatorLabels();
    if (const std::optional<Error> error = opened.store->lastReadError()) return reportError(*error, dataDir);
    if (labels.empty()) {
        std::printf("The kiosk in %s has no facilitators yet: it starts with its set-up.\n", dataDir.c_str());
        return kExitOk;
    }
    for (const std::string& label : labels) std::printf("%s\n", label.c_str());
    return kExitOk;
}

}  // namespace buurtstem::cli
