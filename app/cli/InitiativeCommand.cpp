// `buurtstem initiative progress` (see InitiativeCommand.h): the options are checked first, the
// progress is recorded under the kiosk's lock, then written to the audit log with before and after.
#include "InitiativeCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "Commands.h"
#include "StoreAccess.h"

#include "../core/Export.h"
#include "../core/InitiativeProgress.h"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace buurtstem::cli {

namespace {

int mistake(const std::string& text) {
    std::fprintf(stderr, "buurtstem initiative progress: %s\n", text.c_str());
    return kExitUsage;
}

// "stage running; granted 1250.00; spent 400.00; note ..." for the audit log.
std::string describe(const InitiativeProgress& p) {
    std::string text = "stage " + std::string(pipelineStageId(p.stage)) + "; granted " + exporting::formatCents(p.grantedCents) +
                       "; spent " + exporting::formatCents(p.spentCents);
    if (!p.note.empty()) text += "; note " + p.note;
    return text;
}

}  // namespace

CLI::App* addInitiativeCommand(CLI::App& app, InitiativeCommandOptions& options) {
    CLI::App* group = app.add_subcommand("initiative", "Residents' initiatives: where one stands (the staff's pipeline)");
    group->require_subcommand(1);
    CLI::App* progress = group->add_subcommand("progress", "Set an initiative's stage and the amounts granted and spent");
    progress->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
    CLI::Option* id = progress->add_option("--id", options.ideaId, "The initiative's id");
    CLI::Option* reference = progress->add_option("--reference", options.reference, "The initiative's code, e.g. K7P-3QX");
    id->excludes(reference);
    progress->add_option("--stage", options.stage, "submitted, reviewed, approved, running, done or accounted")->required();
    progress->add_option("--granted", options.granted, "Euros granted, e.g. 1250 or 1.250,50 (default: as it was)");
    progress->add_option("--spent", options.spent, "Euros spent, e.g. 980,25 (default: as it was)");
    progress->add_option("--note", options.note, "A few words: why more was spent, what changed (default: as it was)");
    progress->add_option("--by", options.by, "Who sets it, for the audit log (default: staff (command line))");
    return progress;
}

int runInitiativeProgress(const InitiativeCommandOptions& options) {
    if (options.ideaId.empty() == options.reference.empty()) return mistake("name the initiative with --id or --reference");
    const std::optional<PipelineStage> stage = pipelineStageFromId(options.stage);
    if (!stage) return mistake("--stage \"" + options.stage + "\" is not a stage: submitted, reviewed, approved, running, done or accounted");
    std::optional<std::int64_t> granted;
    std::optional<std::int64_t> spent;
    if (options.granted && !(granted = parseEuros(*options.granted)))
        return mistake("--granted \"" + *options.granted + "\" is not an amount: write it like 1250, 1250.50 or 1.250,50");
    if (options.spent && !(spent = parseEuros(*options.spent)))
        return mistake("--spent \"" + *options.spent + "\" is not an amount: write it like 980, 980.25 or 980,25");

    const std::filesystem::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Change, opened); failed != kExitOk) return failed;
    storage::KioskStore& store = *opened.store;

    std::optional<Idea> idea = options.reference.empty() ? store.idea(options.ideaId) : store.ideaByReference(options.reference);
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
    if (!idea || idea->kind != IdeaKind::Initiative) {
        const std::string named = options.reference.empty() ? options.ideaId : options.reference;
        std::fprintf(stderr, "buurtstem initiative progress: there is no initiative %s in %s%s\n", named.c_str(), dataDir.c_str(),
                     idea ? " (it is an idea)" : "");
        return kExitNoSuchInitiative;
    }
    const std::optional<InitiativeProgress> before = store.initiativeProgress(idea->id);
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
    InitiativeProgress progress = before.value_or(InitiativeProgress{});
    progress.ideaId = idea->id;
    progress.stage = *stage;
    if (granted) progress.grantedCents = *granted;
    if (spent) progress.spentCents = *spent;
    if (options.note) progress.note = *options.note;

    if (Result<void> set = store.setInitiativeProgress(progress); !set) {
        if (set.error().code == ErrorCode::InvalidInput) return mistake(set.error().detail + ": nothing changed");
        return reportError(set.error(), dataDir);
    }
    const std::optional<InitiativeProgress> after = store.initiativeProgress(idea->id);
    const Result<AuditEntry> audited = store.appendAudit(
        {options.by, kAuditInitiativeProgress, idea->id, before ? describe(*before) : "", after ? describe(*after) : ""});
    if (!audited) {
        std::fprintf(stderr, "buurtstem initiative progress: recorded, but the audit log could not be written: %s\n",
                     audited.error().detail.c_str());
        return reportError(audited.error(), dataDir);
    }
    std::printf("%s \"%s\" is now %s: granted %s, spent %s.\n", idea->reference.c_str(), idea->title.c_str(),
                std::string(pipelineStageId(progress.stage)).c_str(), money(progress.grantedCents).c_str(),
                money(progress.spentCents).c_str());
    return kExitOk;
}

}  // namespace buurtstem::cli
