// `buurtstem evening report` (see EveningCommand.h).
#include "EveningCommand.h"

#include "CommandLine.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../ui/EveningReport.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>

namespace buurtstem::cli {

namespace fs = std::filesystem;

CLI::App* addEveningCommand(CLI::App& app, EveningCommandOptions& options) {
    CLI::App* evening = app.add_subcommand("evening", "Residents' evenings: the report of one as a PDF, and the next as .ics");
    evening->require_subcommand(1);
    CLI::App* report = evening->add_subcommand("report", "Write the evening's report (PDF) and the invitation to the next evening (.ics)");
    report->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
    report->add_option("--evening", options.eveningId, "The evening's id (default: today's, else the next, else the last)");
    report->add_option("--pdf", options.pdf, "The report to write, e.g. verslag.pdf")->required();
    report->add_option("--ics", options.ics, "The invitation to the next evening to write, e.g. volgende-avond.ics");
    report->add_option("--lang", options.language, "The report's language (nl, en, tr, pl, uk, ar; default nl)");
    return report;
}

int runEveningReport(const EveningCommandOptions& options) {
    Result<i18n::Translator> translator = i18n::Translator::loadFolder(assetDir() / "i18n");
    if (!translator) return reportError(translator.error(), {});
    if (!translator->setLanguage(options.language)) {
        std::fprintf(stderr, "buurtstem evening report: unknown language \"%s\" (nl, en, tr, pl, uk, ar)\n", options.language.c_str());
        return kExitUsage;
    }
    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Read, opened); failed != kExitOk) return failed;
    const storage::KioskStore& store = *opened.store;

    std::string eveningId = options.eveningId;
    if (eveningId.empty()) {
        const std::optional<std::string> current = store.currentEveningId();
        if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
        if (!current) {
            std::fprintf(stderr, "buurtstem evening report: %s has no evening yet (a facilitator plans one on the kiosk)\n", dataDir.c_str());
            return kExitNoSuchEvening;
        }
        eveningId = *current;
    }
    const std::optional<fs::path> ics = options.ics.empty() ? std::nullopt : std::optional<fs::path>(options.ics);
    const Result<ui::EveningReportFiles> files = ui::writeEveningReport(store, *translator, eveningId, options.pdf, ics);
    if (!files) {
        const Error& error = files.error();
        if (error.code == ErrorCode::NotFound) {
            std::fprintf(stderr, "buurtstem evening report: there is no evening %s in %s\n", eveningId.c_str(), dataDir.c_str());
            return kExitNoSuchEvening;
        }
        if (error.detail.starts_with("cannot write")) {
            std::fprintf(stderr, "buurtstem evening report: %s.\nNothing was half-written: choose a folder you can write to.\n",
                         error.detail.c_str());
            return kExitStorage;
        }
        return reportError(error, dataDir);
    }
    std::printf("Report: %s (%d %s)\n", files->pdf.c_str(), files->pages, files->pages == 1 ? "page" : "pages");
    if (files->ics)
        std::printf("Next evening: %s\n", files->ics->c_str());
    else if (!options.ics.empty())
        std::printf("No next evening in the minutes yet: %s was not written.\n", options.ics.c_str());
    return kExitOk;
}

}  // namespace buurtstem::cli
