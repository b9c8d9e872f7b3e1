// `buurtstem round ...` (see RoundCommand.h): every option is checked before the database is
// touched, so a mistake changes nothing; the commands that change the database hold the kiosk's
// lock while they run.
#include "RoundCommand.h"

#include "CommandLine.h"
#include "CommandText.h"
#include "Commands.h"
#include "StoreAccess.h"
#include "SyncCommand.h"

#include "../core/Idea.h"
#include "../core/KioskSetup.h"
#include "../core/Utf8.h"
#include "../core/VotingCode.h"
#include "../core/round/RoundTally.h"
#include "../core/tally/Pabulib.h"
#include "../print/AtomicFile.h"
#include "../print/CodeCardsPdf.h"
#include "../print/CodesCsv.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace buurtstem::cli {

namespace {

namespace fs = std::filesystem;

// [SECTION] Messages

// A mistake in the options: says so, naming the option, and changes nothing.
int mistake(const char* command, const std::string& text) {
    std::fprintf(stderr, "buurtstem round %s: %s\n", command, text.c_str());
    return kExitUsage;
}

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// "1 ballot", "1,250 ballots".
std::string counted(std::int64_t count, const char* thing) { return number(count) + " " + thing + (count == 1 ? "" : "s"); }

const char* const kAmountExample = "write it like 250, 1250.50 or 1.250,50";
const char* const kDateExample = "write it like 2025-06-02 or 2025-06-02T09:00";

// The store of --data-dir opened for `access` and the round of --round in it, or a plain message
// and its exit code (kExitNoSuchRound, or the data folder's or a storage error's).
int openRound(const RoundCommandOptions& options, StoreAccess access, const char* command, fs::path& dataDir,
              OpenedStore& opened, std::optional<BudgetRound>& round) {
    dataDir = dataDirOrDefault(options.dataDir);
    if (const int failed = openKioskStore(dataDir, access, opened); failed != kExitOk) return failed;
    const storage::KioskStore& store = *opened.store;
    round = store.round(options.roundId);
    if (round) return kExitOk;
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
    std::fprintf(stderr, "buurtstem round %s: there is no round %s in %s (`buurtstem round list` shows the rounds)\n",
                 command, options.roundId.c_str(), dataDir.c_str());
    return kExitNoSuchRound;
}

// A storage error from a change: InvalidInput is something the round refuses (exit 2), the rest
// is about the data folder.
int reportChangeError(const char* command, const Error& error, const fs::path& dataDir) {
    if (error.code == ErrorCode::InvalidInput) return mistake(command, error.detail);
    return reportError(error, dataDir);
}

std::string ballotDescription(const BudgetRound& round) {
    const int k = round.limits.maxChoices;
    switch (round.ballot) {
        case BallotType::Approval:
            return k > 0 ? "approval ballot, at most " + number(k) + " choices" : "approval ballot, any number of choices";
        case BallotType::Budget: return "budget ballot: choices that fit the budget together";
        case BallotType::Points:
            return "points ballot: " + number(round.limits.totalPoints) + " points, at most " +
                   number(round.limits.maxPointsPerProject) + " on one project";
        case BallotType::Ranking:
            return k > 0 ? "ranking ballot, up to " + number(k) + " places" : "ranking ballot of any length";
    }
    return {};
}

std::string countingDescription(const CountingRule& counting) {
    if (counting.rule == "greedy") return "greedy by support";
    if (counting.rule == "greedy-no-skip") return "greedy by support, without skipping";
    std::string text = "Method of Equal Shares with " + counting.utility + " utilities";
    if (counting.completion != "none") text += ", " + counting.completion + " completion";
    if (counting.compareGreedy) text += ", compared with greedy";
    return text;
}

// [SECTION] Dates on the cards

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

// The days a code works, as a resident reads them: "2 – 16 June 2025", "28 May – 3 June 2025",
// with ", until 17:00" when voting does not end at midnight.
std::string cardWindow(const BudgetRound& round) {
    const LocalTime first = localTime(round.opensMs);
    const LocalTime last = localTime(round.closesMs - 1);
    const LocalTime end = localTime(round.closesMs);
    const auto day = [](const LocalTime& t) { return std::to_string(t.day); };
    const auto month = [](const LocalTime& t) { return std::string(kMonths[(t.month + 11) % 12]); };
    std::string text;
    if (first.year != last.year)
        text = day(first) + " " + month(first) + " " + std::to_string(first.year) + " – ";
    else if (first.month != last.month)
        text = day(first) + " " + month(first) + " – ";
    else if (first.day != last.day)
        text = day(first) + " – ";
    text += day(last) + " " + month(last) + " " + std::to_string(last.year);
    if (end.hour != 0 || end.minute != 0) {
        char until[24];
        std::snprintf(until, sizeof until, ", until %02d:%02d", end.hour, end.minute);
        text += until;
    }
    return text;
}

std::string cardValidUntil(const BudgetRound& round) {  // the last day codes work: "16-06-2025"
    const LocalTime last = localTime(round.closesMs - 1);
    char text[16];
    std::snprintf(text, sizeof text, "%02d-%02d-%04d", last.day, last.month, last.year);
    return text;
}

// [SECTION] round list

namespace {

// "paper: 25 ballots counted from 2 batches; 1 batch waiting for a second entry; 1 batch with
// mismatches (stembus 2)", or "" when the round has no paper ballots.
std::string paperLine(const std::vector<PaperBatch>& batches) {
    if (batches.empty()) return {};
    std::int64_t paperBallots = 0, agreed = 0;
    std::vector<std::string> waiting, mismatched;
    for (const PaperBatch& batch : batches) {
        if (const std::vector<BallotDraft>* ballots = batch.countedBallots()) {
            paperBallots += static_cast<std::int64_t>(ballots->size());
            ++agreed;
        }
        if (batch.state == PaperBatchState::EnteredOnce) waiting.push_back(batch.label);
        if (batch.state == PaperBatchState::Mismatched) mismatched.push_back(batch.label);
    }
    const auto names = [](const std::vector<std::string>& labels) {
        std::string out;
        for (const std::string& label : labels) out += (out.empty() ? "" : ", ") + label;
        return " (" + out + ")";
    };
    const auto batchCount = [](std::size_t count) { return number(static_cast<std::int64_t>(count)) + (count == 1 ? " batch" : " batches"); };
    std::string line = "paper: " + counted(paperBallots, "ballot") + " counted from " + batchCount(static_cast<std::size_t>(agreed));
    if (!waiting.empty()) line += "; " + batchCount(waiting.size()) + " waiting for a second entry" + names(waiting);
    if (!mismatched.empty()) line += "; " + batchCount(mismatched.size()) + " with mismatches" + names(mismatched);
    return line;
}

}  // namespace

int listRounds(const RoundCommandOptions& options) {
    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    std::error_code ec;
    if (!fs::exists(dataDir / storage::kDatabaseFileName, ec)) {
        std::printf("No budget rounds in %s yet.\n", dataDir.c_str());
        return kExitOk;
    }
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Read, opened); failed != kExitOk) return failed;
    const storage::KioskStore& store = *opened.store;
    const std::vector<BudgetRound> rounds = store.rounds();
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
    if (rounds.empty()) std::printf("No budget rounds in %s yet.\n", dataDir.c_str());
    const std::uint64_t now = nowMs();
    for (const BudgetRound& round : rounds) {
        const storage::KioskStore::CodeCounts codes = store.votingCodeCounts(round.id);
        std::printf("%s  %s\n", round.id.c_str(), round.name.c_str());
        std::string phase;
        switch (roundPhase(round, now)) {
            case RoundPhase::Submissions: phase = ", taking initiatives"; break;
            case RoundPhase::Counting: phase = ", results not published"; break;
            case RoundPhase::Published: phase = ", results published " + localTimeText(round.phases.publishedMs); break;
            case RoundPhase::Preparing:
            case RoundPhase::Voting: break;
        }
        std::printf("    %s%s, opens %s, closes %s\n", std::string(votingStatus(round, now)).c_str(), phase.c_str(),
                    localTimeText(round.opensMs).c_str(), localTimeText(round.closesMs).c_str());
        std::printf("    %s; budget %s EUR for %s; counted by %s\n", ballotDescription(round).c_str(),
                    money(round.budgetCents).c_str(), counted(static_cast<std::int64_t>(round.projects.size()), "project").c_str(),
                    countingDescription(round.counting).c_str());
        const std::string ballots = counted(store.ballotCount(round.id), "ballot");
        std::string codeLine = "voted at an evening, without codes";
        if (round.eligibility == Eligibility::VotingCodes) {
            codeLine = "codes: " + number(codes.issued) + " issued, " + number(codes.used) + " used, " +
                       number(codes.voided) + " voided";
            if (now < round.closesMs) codeLine += ", " + number(codes.issued - codes.used - codes.voided) + " still valid";
        }
        std::printf("    %s; %s\n", ballots.c_str(), codeLine.c_str());
        if (const std::string paper = paperLine(store.paperBatches(round.id)); !paper.empty()) std::printf("    %s\n", paper.c_str());
    }
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
    return kExitOk;
}

// [SECTION] round create

// "Title;cost[;theme]": the last part is a theme when it is not an amount, so a title may hold ';'.
std::optional<RoundProject> parseProject(std::string_view text, std::string& problem) {
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
        const std::size_t semicolon = text.find(';', start);
        parts.emplace_back(text.substr(start, semicolon == std::string_view::npos ? semicolon : semicolon - start));
        if (semicolon == std::string_view::npos) break;
        start = semicolon + 1;
    }
    if (parts.size() < 2) {
        problem = "write it as \"Title;cost\" or \"Title;cost;theme\"";
        return std::nullopt;
    }
    RoundProject project;
    if (parts.size() >= 3 && !parseEuros(parts.back())) {
        parts.back() = utf8::trim(parts.back());
        const std::optional<Theme> theme = themeFromId(parts.back());
        if (!theme) {
            std::string themes;
            for (const Theme t : kAllThemes) themes += (themes.empty() ? "" : ", ") + std::string(themeId(t));
            problem = "unknown theme " + inQuotes(parts.back()) + " (one of " + themes + ")";
            return std::nullopt;
        }
        project.theme = *theme;
        parts.pop_back();
    }
    parts.back() = utf8::trim(parts.back());
    const std::optional<std::int64_t> cost = parseEuros(parts.back());
    if (!cost) {
        problem = inQuotes(parts.back()) + " is not an amount in euros: " + kAmountExample;
        return std::nullopt;
    }
    if (*cost <= 0 || *cost > kRoundBudgetMaxCents) {
        problem = "the cost must be more than 0 and at most " + money(kRoundBudgetMaxCents) + " EUR";
        return std::nullopt;
    }
    project.costCents = *cost;
    parts.pop_back();
    std::string title;
    for (std::size_t i = 0; i < parts.size(); ++i) title += (i > 0 ? ";" : "") + parts[i];
    project.title = utf8::trim(title);
    if (project.title.empty()) {
        problem = "the project has no title";
        return std::nullopt;
    }
    return project;
}

int createRound(const RoundCommandOptions& options) {
    const char* const command = "create";
    BudgetRound round;
    round.name = utf8::trim(options.name);
    if (round.name.empty() || utf8::countCodePoints(round.name) > kRoundNameMax || utf8::hasControlCharacters(round.name, false))
        return mistake(command, "--name needs a name of at most " + std::to_string(kRoundNameMax) + " characters on one line");

    const std::optional<std::int64_t> budget = parseEuros(options.budget);
    if (!budget) return mistake(command, "--budget " + inQuotes(options.budget) + " is not an amount in euros: " + kAmountExample);
    if (*budget <= 0 || *budget > kRoundBudgetMaxCents)
        return mistake(command, "--budget must be more than 0 and at most " + money(kRoundBudgetMaxCents) + " EUR");
    round.budgetCents = *budget;

    round.ballot = *ballotTypeFromId(options.ballot);
    const bool choices = round.ballot == BallotType::Approval || round.ballot == BallotType::Ranking;
    if (options.maxChoices >= 0 && !choices)
        return mistake(command, "--max-choices goes with --ballot approval or ranking");
    if ((options.points > 0 || options.maxPoints > 0) && round.ballot != BallotType::Points)
        return mistake(command, "--points and --max-points go with --ballot points");
    if (options.maxChoices > 0) round.limits.maxChoices = options.maxChoices;
    if (options.points > 0) round.limits.totalPoints = options.points;
    if (options.maxPoints > 0) round.limits.maxPointsPerProject = options.maxPoints;
    if (round.ballot == BallotType::Points && round.limits.maxPointsPerProject > round.limits.totalPoints)
        return mistake(command, "--max-points (" + number(round.limits.maxPointsPerProject) +
                                    ") cannot be more than the points a resident gets, --points (" +
                                    number(round.limits.totalPoints) + ")");

    const std::optional<std::uint64_t> opens = parseLocalTime(options.opens);
    if (!opens) return mistake(command, "--opens " + inQuotes(options.opens) + " is not a date: " + kDateExample);
    const std::optional<std::uint64_t> closes = parseLocalTime(options.closes);
    if (!closes) return mistake(command, "--closes " + inQuotes(options.closes) + " is not a date: " + kDateExample);
    if (*closes <= *opens) return mistake(command, "--closes must be after --opens: voting ends when the closing moment comes");
    round.opensMs = *opens;
    round.closesMs = *closes;

    // Equal Shares unless said otherwise; rankings, counted by the points of their places, default
    // to greedy, as the cities that vote by ranking count them.
    round.counting.rule = !options.rule.empty() ? options.rule : round.ballot == BallotType::Ranking ? "greedy" : "mes";
    if (round.counting.rule == "mes") {
        if (!options.utility.empty()) round.counting.utility = options.utility;
        if (!options.completion.empty()) round.counting.completion = options.completion;
        round.counting.compareGreedy = options.compareGreedy;
    } else {
        if (!options.utility.empty() || !options.completion.empty() || options.compareGreedy)
            return mistake(command, "--utility, --completion and --compare-greedy go with --rule mes only");
        round.counting = CountingRule{round.counting.rule, "cost", "none", false};
    }
    round.eligibility = options.evening ? Eligibility::Evening : Eligibility::VotingCodes;
    if (!options.sameCode.empty()) round.sameCode = duplicateCodePolicyFromId(options.sameCode).value_or(round.sameCode);

    for (const std::string& text : options.projects) {
        std::string problem;
        std::optional<RoundProject> project = parseProject(text, problem);
        if (!project) return mistake(command, "--project " + inQuotes(text) + ": " + problem);
        project->id = "p" + std::to_string(round.projects.size() + 1);
        round.projects.push_back(std::move(*project));
    }
    if (!options.approvedInitiatives && round.projects.empty())
        return mistake(command, "give the projects on the ballot with --project \"Title;cost[;theme]\", or --approved-initiatives");

    // Only now the database: every option above is right. Approved initiatives need one to exist.
    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    const StoreAccess access = options.approvedInitiatives ? StoreAccess::Change : StoreAccess::Create;
    if (const int failed = openKioskStore(dataDir, access, opened); failed != kExitOk) return failed;
    storage::KioskStore& store = *opened.store;

    if (options.approvedInitiatives) {
        const std::vector<Idea> ideas = store.visibleIdeas();
        if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
        std::size_t added = 0;
        for (const Idea& idea : ideas) {
            if (idea.kind != IdeaKind::Initiative) continue;
            if (idea.budgetCents <= 0) {
                std::fprintf(stderr, "Initiative \"%s\" asks for no money: it is not on the ballot.\n", idea.title.c_str());
                continue;
            }
            RoundProject project;
            project.id = idea.id;
            project.title = idea.title;
            project.theme = idea.theme;
            project.costCents = idea.budgetCents;
            project.ideaId = idea.id;
            round.projects.push_back(std::move(project));
            ++added;
        }
        if (added == 0 && round.projects.empty())
            return mistake(command, "--approved-initiatives: this kiosk has no approved initiative with a budget; "
                                    "give the projects with --project \"Title;cost[;theme]\"");
        if (added == 0) std::fprintf(stderr, "This kiosk has no approved initiative with a budget to add.\n");
    }
    if (round.projects.size() > kRoundProjectsMax)
        return mistake(command, "a ballot holds at most " + std::to_string(kRoundProjectsMax) + " projects, not " +
                                    std::to_string(round.projects.size()));
    if (Result<void> valid = validateRound(round); !valid)
        return mistake(command, "the round cannot be saved: " + valid.error().detail);

    const Result<BudgetRound> saved = store.saveRound(round);
    if (!saved) return reportChangeError(command, saved.error(), dataDir);
    std::fprintf(stderr, "Round \"%s\" saved: %s, voting opens %s and closes %s.\n", saved->name.c_str(),
                 counted(static_cast<std::int64_t>(saved->projects.size()), "project").c_str(),
                 localTimeText(saved->opensMs).c_str(), localTimeText(saved->closesMs).c_str());
    std::printf("%s\n", saved->id.c_str());
    return kExitOk;
}

// [SECTION] round codes

int issueCodes(const RoundCommandOptions& options) {
    const char* const command = "codes";
    if (options.pdf.empty() && options.csv.empty())
        return mistake(command, "give --pdf FILE or --csv FILE (or both): the codes are shown only once, in those files");
    for (const fs::path* file : {&options.pdf, &options.csv}) {
        std::error_code ec;
        if (!file->empty() && (!file->has_filename() || fs::is_directory(*file, ec)))
            return mistake(command, file->string() + " is a folder: give a file name");
    }
    if (!options.pdf.empty() && options.pdf == options.csv) return mistake(command, "--pdf and --csv need two different files");

    fs::path dataDir;
    OpenedStore opened;
    std::optional<BudgetRound> round;
    if (const int failed = openRound(options, StoreAccess::Change, command, dataDir, opened, round); failed != kExitOk)
        return failed;
    storage::KioskStore& store = *opened.store;
    if (round->eligibility == Eligibility::Evening)
        return mistake(command, "round \"" + round->name + "\" is voted at an evening, where the facilitator unlocks each "
                                "ballot on the screen: it has no voting codes");
    if (nowMs() >= round->closesMs)
        return mistake(command, "voting in \"" + round->name + "\" has ended: new codes could not be used");

    Result<std::vector<std::string>> codes = store.issueVotingCodes(round->id, static_cast<std::size_t>(options.count));
    if (!codes) return reportChangeError(command, codes.error(), dataDir);

    print::CodeCardSheet sheet;
    sheet.roundName = round->name;
    sheet.neighbourhood = store.neighbourhoodName();
    sheet.votingWindow = cardWindow(*round);
    sheet.validUntil = cardValidUntil(*round);
    sheet.codes = std::move(*codes);
    sheet.cardsPerPage = options.cardsPerPage;
    Result<void> written;
    bool pdfWritten = false;
    if (!options.pdf.empty()) {
        written = print::writeCodeCardsPdf(options.pdf, sheet);
        pdfWritten = written.ok();
    }
    if (written && !options.csv.empty()) written = print::writeCodesCsv(options.csv, sheet);

    if (!written) {
        // No code that was never printed may stay valid: void the whole batch.
        std::size_t stillValid = 0;
        std::optional<Error> voidError;
        for (const std::string& code : sheet.codes) {
            if (Result<void> voided = store.voidVotingCode(round->id, code); !voided) {
                ++stillValid;
                if (!voidError) voidError = voided.error();
            }
        }
        std::error_code ec;
        if (pdfWritten) fs::remove(options.pdf, ec);
        std::fprintf(stderr, "buurtstem round codes: %s.\n", written.error().detail.c_str());
        if (stillValid == 0) {
            const std::string removed = pdfWritten ? " (the cards written to " + options.pdf.string() + " are removed)" : "";
            std::fprintf(stderr,
                         "The %zu codes just issued have been voided, so no card that was never printed can vote%s.\n"
                         "Nothing else changed: try again with a file you can write.\n",
                         sheet.codes.size(), removed.c_str());
        } else {
            std::fprintf(stderr,
                         "%zu of the %zu codes just issued could not be voided either (%s): they still work, but "
                         "nobody has seen them.\n",
                         stillValid, sheet.codes.size(), voidError->detail.c_str());
        }
        if (written.error().code == ErrorCode::InvalidInput) return kExitUsage;
        return kExitStorage;
    }

    std::printf("Issued %zu voting codes for \"%s\", valid %s.\n", sheet.codes.size(), round->name.c_str(),
                sheet.votingWindow.c_str());
    if (!options.pdf.empty())
        std::printf("Cards: %s (%d pages of %d)\n", options.pdf.c_str(), print::codeCardPageCount(sheet), sheet.cardsPerPage);
    if (!options.csv.empty()) std::printf("List:  %s\n", options.csv.c_str());
    std::printf("These files are the only copy of the codes: keep them where only you can read them.\n");
    return kExitOk;
}

// [SECTION] round void, round close

int voidCode(const RoundCommandOptions& options) {
    const char* const command = "void";
    if (normaliseVotingCode(options.code).empty())
        return mistake(command, inQuotes(options.code) + " is not a voting code: a code has 12 letters and digits, like K7PQ-3XRA-WM4D");
    fs::path dataDir;
    OpenedStore opened;
    std::optional<BudgetRound> round;
    if (const int failed = openRound(options, StoreAccess::Change, command, dataDir, opened, round); failed != kExitOk)
        return failed;
    storage::KioskStore& store = *opened.store;
    const std::string code = normaliseVotingCode(options.code);
    switch (store.votingCodeState(round->id, code)) {
        case storage::KioskStore::CodeState::NotACode:
            return mistake(command, inQuotes(options.code) + " is not a voting code: a code has 12 letters and digits, like K7PQ-3XRA-WM4D");
        case storage::KioskStore::CodeState::Unknown:
            if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);
            return mistake(command, code + " is not a code of \"" + round->name + "\": check the letters on the card");
        case storage::KioskStore::CodeState::Used:
            return mistake(command, code + " has already been used to vote: that ballot counts, and the code can no "
                                    "longer be used");
        case storage::KioskStore::CodeState::Voided:
            std::printf("%s was already voided: nothing changed.\n", code.c_str());
            return kExitOk;
        case storage::KioskStore::CodeState::Valid: break;
    }
    if (Result<void> voided = store.voidVotingCode(round->id, code); !voided)
        return reportChangeError(command, voided.error(), dataDir);
    std::printf("%s is voided: it can no longer be used to vote in \"%s\".\n", code.c_str(), round->name.c_str());
    return kExitOk;
}

// close, open, publish, proposals: one change of phase each (app/core/round/BudgetRound.h says
// what fits when; the store refuses the rest with the reason).
int changePhase(const RoundCommandOptions& options, const char* command, PhaseChange change) {
    fs::path dataDir;
    OpenedStore opened;
    std::optional<BudgetRound> round;
    if (const int failed = openRound(options, StoreAccess::Change, command, dataDir, opened, round); failed != kExitOk)
        return failed;
    storage::KioskStore& store = *opened.store;
    const Result<BudgetRound> changed = store.changeRoundPhase(round->id, change);
    if (!changed) return reportChangeError(command, changed.error(), dataDir);
    const std::string name = "\"" + changed->name + "\"";
    switch (change) {
        case PhaseChange::OpenSubmissions:
            std::printf("%s takes residents' initiatives now, until voting opens (%s).\n", name.c_str(),
                        localTimeText(changed->opensMs).c_str());
            break;
        case PhaseChange::CloseSubmissions: std::printf("%s takes no more initiatives.\n", name.c_str()); break;
        case PhaseChange::OpenVotingNow:
            std::printf("Voting in %s is open now, until %s.\n", name.c_str(), localTimeText(changed->closesMs).c_str());
            break;
        case PhaseChange::CloseVotingNow:
            std::printf("Voting in %s has ended: %s. `buurtstem tally --round %s` counts them; "
                        "`buurtstem round publish --round %s` shows the results on the kiosk.\n",
                        name.c_str(), counted(store.ballotCount(changed->id), "ballot").c_str(), changed->id.c_str(),
                        changed->id.c_str());
            break;
        case PhaseChange::PublishResults:
            std::printf("The results of %s are published: residents see them on the kiosk.\n", name.c_str());
            break;
    }
    return kExitOk;
}

// [SECTION] round export

int exportRound(const RoundCommandOptions& options) {
    const char* const command = "export";
    fs::path dataDir;
    OpenedStore opened;
    std::optional<BudgetRound> round;
    if (const int failed = openRound(options, StoreAccess::Read, command, dataDir, opened, round); failed != kExitOk)
        return failed;
    const storage::KioskStore& store = *opened.store;
    std::vector<bool> onPaper;
    const std::vector<BallotDraft> ballots = store.roundBallots(round->id, &onPaper);
    if (const std::optional<Error> error = store.lastReadError()) return reportError(*error, dataDir);

    // Voters are numbered 1..n in the order roundBallots gives (by receipt): nothing in the file
    // links a ballot to a receipt, a code or the moment it was cast. The channel column says
    // which ballots were cast at the kiosk and which were entered from paper.
    tally::Election election = roundElection(*round, ballots, store.neighbourhoodName());
    for (const bool paper : onPaper) election.ballots.channels.emplace_back(paper ? "paper" : "kiosk");
    std::string outcome = "voting is still open: no outcome in the file";
    if (nowMs() >= round->closesMs) {
        const Result<RoundOutcome> counted = tallyRound(*round, ballots, store.neighbourhoodName());
        if (counted) {
            for (std::size_t p = 0; p < election.projects.size(); ++p)
                election.projects[p].selected = counted->result.projects[p].funded;
            outcome = "the outcome is in the selected column";
        } else {
            outcome = "no outcome in the file: " + std::string(ballots.empty() ? "nobody voted" : counted.error().detail);
        }
    }

    Result<print::AtomicFile> file = print::AtomicFile::create(options.out);
    Result<void> written = file ? Result<void>() : Result<void>(file.error());
    if (file) {
        file->write(tally::writePabulib(election));
        written = file->commit();
    }
    if (!written) {
        std::fprintf(stderr, "buurtstem round %s: %s\n", command, written.error().detail.c_str());
        return written.error().code == ErrorCode::InvalidInput ? kExitUsage : kExitStorage;
    }
    std::printf("Wrote \"%s\" to %s: %s, %s; %s.\n", round->name.c_str(), options.out.c_str(),
                counted(static_cast<std::int64_t>(round->projects.size()), "project").c_str(),
                counted(static_cast<std::int64_t>(ballots.size()), "ballot").c_str(), outcome.c_str());
    return kExitOk;
}

// [SECTION] round kiosk-key, share, receive (docs/sync.md, "One round at two kiosks")

std::string keyText(const BundleKey& key) {
    StaffKeyBytes bytes{};
    std::copy(key.begin(), key.end(), bytes.begin());
    return keyFingerprint(bytes);
}

int writeKioskKey(const RoundCommandOptions& options) {
    const char* const command = "kiosk-key";
    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Read, opened); failed != kExitOk) return failed;
    const BundleKey key = opened.store->identityPublicKey();
    if (const std::optional<Error> error = opened.store->lastReadError()) return reportError(*error, dataDir);
    // Hex on one line: readable on screen and read back by the same reader as the staff key.
    const std::string text = toHex(std::string_view(reinterpret_cast<const char*>(key.data()), key.size())) + "\n";
    std::string problem;
    if (!writeDurably(options.out, text, problem)) {
        std::fprintf(stderr, "buurtstem round %s: %s\n", command, problem.c_str());
        return kExitStorage;
    }
    std::printf("This kiosk's key is in %s (fingerprint %s). On the kiosk that made the round:\n"
                "  buurtstem round share --round ID --to %s --out FILE\n",
                options.out.c_str(), keyText(key).c_str(), options.out.c_str());
    return kExitOk;
}

// --by goes into the audit log: checked before anything is written.
std::optional<std::string> byProblem(const RoundCommandOptions& options) {
    const Result<void> valid = validateAuditDraft({options.by, storage::kAuditRoundShared, options.roundId, "", ""});
    if (valid) return std::nullopt;
    return "--by: " + valid.error().detail;
}

int shareRound(const RoundCommandOptions& options) {
    const char* const command = "share";
    if (const std::optional<std::string> problem = byProblem(options)) return mistake(command, *problem);
    const ParsedKeyFile parsed = readStaffKeyFile(options.to);
    if (parsed.problem != KeyFileProblem::None)
        return mistake(command, "--to " + options.to.string() + " is not a kiosk's key file (`buurtstem round kiosk-key "
                                "--out FILE` on the receiving kiosk writes one)");
    BundleKey recipient{};
    std::copy(parsed.key.begin(), parsed.key.end(), recipient.begin());
    std::error_code ec;
    if (!options.out.has_filename() || fs::is_directory(options.out, ec))
        return mistake(command, options.out.string() + " is a folder: give a file name");

    fs::path dataDir;
    OpenedStore opened;
    std::optional<BudgetRound> round;
    if (const int failed = openRound(options, StoreAccess::Change, command, dataDir, opened, round); failed != kExitOk)
        return failed;
    storage::KioskStore& store = *opened.store;
    storage::RoundShareSummary summary;
    const Result<std::string> bytes = store.shareRound(round->id, recipient, summary);
    if (!bytes) return reportChangeError(command, bytes.error(), dataDir);

    std::string problem;
    if (!writeDurably(options.out, *bytes, problem)) {
        std::fprintf(stderr, "buurtstem round %s: %s\n", command, problem.c_str());
        return kExitStorage;
    }
    // Read back what the stick holds now, before saying it is done.
    const std::optional<std::string> back = readWholeFile(options.out, storage::kRoundShareMaxBytes, problem);
    if (!back || *back != *bytes || !storage::readRoundShareHeader(*back)) {
        std::fprintf(stderr, "buurtstem round %s: %s does not read back as written. Try another stick.\n", command,
                     options.out.c_str());
        return kExitStorage;
    }
    const std::string after = "to kiosk key " + keyText(recipient) + ": " + counted(summary.events, "event") + ", " +
                              counted(summary.codes, "code");
    if (const Result<AuditEntry> audited = store.appendAudit({options.by, storage::kAuditRoundShared, round->id, "", after});
        !audited) {
        std::fprintf(stderr, "buurtstem round %s: the file is written, but the audit log could not be: %s\n", command,
                     audited.error().detail.c_str());
        return reportError(audited.error(), dataDir);
    }
    std::printf("Done: \"%s\" with %s and %s is in %s, checked; its code key is sealed to the kiosk with key %s.\n"
                "On that kiosk: buurtstem round receive %s\n",
                round->name.c_str(), counted(summary.events, "event").c_str(), counted(summary.codes, "voting code").c_str(),
                options.out.c_str(), keyText(recipient).c_str(), options.out.filename().c_str());
    return kExitOk;
}

int receiveRound(const RoundCommandOptions& options) {
    const char* const command = "receive";
    if (const std::optional<std::string> problem = byProblem(options)) return mistake(command, *problem);
    // The file first: a refused file never opens the database.
    std::string problem;
    const std::optional<std::string> bytes = readWholeFile(options.file, storage::kRoundShareMaxBytes, problem);
    if (!bytes) {
        std::fprintf(stderr, "buurtstem round %s: %s. Nothing was received.\n", command, problem.c_str());
        return problem.find("too large") != std::string::npos ? kExitBundleRefused : kExitStorage;
    }
    const Result<storage::RoundShareHeader> header = storage::readRoundShareHeader(*bytes);
    if (!header) {
        std::fprintf(stderr, "buurtstem round %s: refused, %s. Nothing was received.\n", command, header.error().detail.c_str());
        return kExitBundleRefused;
    }
    const fs::path dataDir = dataDirOrDefault(options.dataDir);
    OpenedStore opened;
    if (const int failed = openKioskStore(dataDir, StoreAccess::Change, opened); failed != kExitOk) return failed;
    storage::KioskStore& store = *opened.store;
    if (header->makerKey == store.identityPublicKey()) {
        return mistake(command, "this kiosk made this round and shared it: there is nothing to receive here. Take " +
                                    options.file.string() + " to the kiosk it was made for (key " +
                                    keyText(header->recipientKey) + ").");
    }
    const Result<storage::RoundShareSummary> received = store.receiveRound(*bytes);
    if (!received) {
        if (received.error().code != ErrorCode::InvalidInput) return reportError(received.error(), dataDir);
        std::fprintf(stderr, "buurtstem round %s: refused, %s. Nothing was received.\n", command,
                     received.error().detail.c_str());
        return kExitBundleRefused;
    }
    const storage::RoundShareSummary& s = *received;
    if (s.newEvents == 0 && !s.keyStored) {
        std::printf("\"%s\" was received before: nothing changed.\n", s.roundName.c_str());
        return kExitOk;
    }
    const std::string after = "from kiosk " + s.makerKioskId + " (key " + keyText(s.makerKey) + "): " +
                              counted(s.newEvents, "new event") + ", " + counted(s.codes, "code");
    if (const Result<AuditEntry> audited = store.appendAudit({options.by, storage::kAuditRoundReceived, s.roundId, "", after});
        !audited) {
        std::fprintf(stderr, "buurtstem round %s: received, but the audit log could not be written: %s\n", command,
                     audited.error().detail.c_str());
        return reportError(audited.error(), dataDir);
    }
    std::printf("Received \"%s\" (%s) from kiosk %s, key %s: %s, %s. Its voting codes work on this kiosk now.\n",
                s.roundName.c_str(), s.roundId.c_str(), s.makerKioskId.c_str(), keyText(s.makerKey).c_str(),
                counted(s.newEvents, "new event").c_str(), counted(s.codes, "voting code").c_str());
    return kExitOk;
}

}  // namespace

// [SECTION] Options

CLI::App* addRoundCommand(CLI::App& app, RoundCommandOptions& options) {
    CLI::App* group = app.add_subcommand("round", "Budget rounds in the kiosk's database: list, create, codes, void, proposals, open, close, publish, export, "
                                                "kiosk-key, share, receive");
    group->require_subcommand(1);
    const auto subcommand = [&](const char* name, const char* description, RoundAction action) {
        CLI::App* command = group->add_subcommand(name, description);
        command->add_option("--data-dir", options.dataDir, "The kiosk's data folder (default: $XDG_DATA_HOME/buurtstem)");
        command->parse_complete_callback([&options, action] { options.action = action; });
        return command;
    };
    const auto roundOption = [&](CLI::App* command) {
        command->add_option("--round", options.roundId, "The round's id (see `buurtstem round list`)")->required();
    };

    subcommand("list", "Every round: status, voting window, ballot, budget, ballots and voting codes", RoundAction::List);

    CLI::App* create = subcommand("create", "Create a round; prints its id", RoundAction::Create);
    create->add_option("--name", options.name, "The round's name, e.g. \"Buurtbudget Kastanjebuurt 2027\"")->required();
    create->add_option("--budget", options.budget, "The budget in euros: 20000, 1250.50 or 1.250,50")->required();
    create->add_option("--ballot", options.ballot, "approval, budget, points or ranking")
        ->required()
        ->check(CLI::IsMember({"approval", "budget", "points", "ranking"}));
    create->add_option("--max-choices", options.maxChoices, "approval, ranking: at most K projects (default: no limit)")
        ->check(CLI::Range(0, static_cast<int>(kRoundProjectsMax)));
    create->add_option("--points", options.points, "points: N points to divide (default 10)")->check(CLI::Range(1, 1000));
    create->add_option("--max-points", options.maxPoints, "points: at most M on one project (default 3)")->check(CLI::Range(1, 1000));
    create->add_option("--opens", options.opens, "When voting opens: 2025-06-02 (midnight) or 2025-06-02T09:00, local time")
        ->required();
    create->add_option("--closes", options.closes, "When voting ends, the same way: 2025-06-16 ends as that day begins")
        ->required();
    create->add_option("--rule", options.rule, "greedy, greedy-no-skip or mes (default mes; greedy for rankings)")
        ->check(CLI::IsMember({"greedy", "greedy-no-skip", "mes"}));
    create->add_option("--utility", options.utility, "mes: cost (default) or cardinality")
        ->check(CLI::IsMember({"cost", "cardinality"}));
    create->add_option("--completion", options.completion, "mes: none, add1 (default) or add1u")
        ->check(CLI::IsMember({"none", "add1", "add1u"}));
    create->add_flag("--compare-greedy", options.compareGreedy, "mes: greedy wins when more voters prefer its outcome");
    create->add_flag("--evening", options.evening, "Voted at an evening: the facilitator unlocks each ballot, no codes");
    create->add_option("--same-code", options.sameCode,
                       "A code used at two kiosks: earliest (default: the first ballot counts), void (none counts) or "
                       "review (none counts until staff decide with `buurtstem sync resolve`)")
        ->check(CLI::IsMember({"earliest", "void", "review"}));
    create->add_option("--project", options.projects, "A project on the ballot, \"Title;cost\" or \"Title;cost;theme\" (repeat)");
    create->add_flag("--approved-initiatives", options.approvedInitiatives,
                     "Put every approved initiative on the ballot, its budget total as its cost");

    CLI::App* codes = subcommand("codes", "Issue voting codes and write them as cards (PDF) and a list (CSV)", RoundAction::Codes);
    roundOption(codes);
    codes->add_option("--count", options.count, "How many codes (1 to 10,000)")->required()->check(CLI::Range(1, 10'000));
    codes->add_option("--pdf", options.pdf, "Cut-out cards to print (A4)");
    codes->add_option("--csv", options.csv, "The codes as a list for a mail merge");
    codes->add_option("--cards-per-page", options.cardsPerPage, "8 (default) or 10 cards on a page")
        ->check(CLI::IsMember({8, 10}));

    CLI::App* voidCommand = subcommand("void", "Void the code of a lost card", RoundAction::Void);
    roundOption(voidCommand);
    voidCommand->add_option("code", options.code, "The code, e.g. K7PQ-3XRA-WM4D")->required();

    CLI::App* close = subcommand("close", "End voting now", RoundAction::Close);
    roundOption(close);
    roundOption(subcommand("open", "Open voting now (before its opening time)", RoundAction::Open));
    roundOption(subcommand("publish", "Publish the results on the kiosk (after voting ended)", RoundAction::Publish));
    CLI::App* proposals = subcommand("proposals", "Take residents' initiatives for the round, or stop (before voting)", RoundAction::Proposals);
    roundOption(proposals);
    proposals->add_flag("--open,!--close", options.proposalsOpen, "--open takes initiatives, --close stops")->required();

    CLI::App* exportCommand = subcommand("export", "Write the round and its ballots as a Pabulib (.pb) file", RoundAction::Export);
    roundOption(exportCommand);
    exportCommand->add_option("--out", options.out, "The .pb file to write")->required();

    CLI::App* kioskKey = subcommand("kiosk-key", "Write this kiosk's public key, for `round share --to` on another kiosk",
                                    RoundAction::KioskKey);
    kioskKey->add_option("--out", options.out, "The key file to write, e.g. on the USB stick")->required();
    CLI::App* share = subcommand("share", "Write a round made here, with its voting-code key, for one other kiosk",
                                 RoundAction::Share);
    roundOption(share);
    share->add_option("--to", options.to, "The receiving kiosk's key file (from its `round kiosk-key`)")->required();
    share->add_option("--out", options.out, "The file to write, e.g. on the USB stick")->required();
    share->add_option("--by", options.by, "Who shares it, for the audit log (default: facilitator (command line))");
    CLI::App* receive = subcommand("receive", "Take in a round another kiosk shared with this one: its codes work here then",
                                   RoundAction::Receive);
    receive->add_option("file", options.file, "The file `round share` wrote")->required();
    receive->add_option("--by", options.by, "Who receives it, for the audit log (default: facilitator (command line))");
    return group;
}

int runRound(const RoundCommandOptions& options) {
    switch (options.action) {
        case RoundAction::List: return listRounds(options);
        case RoundAction::Create: return createRound(options);
        case RoundAction::Codes: return issueCodes(options);
        case RoundAction::Void: return voidCode(options);
        case RoundAction::Close: return changePhase(options, "close", PhaseChange::CloseVotingNow);
        case RoundAction::Open: return changePhase(options, "open", PhaseChange::OpenVotingNow);
        case RoundAction::Publish: return changePhase(options, "publish", PhaseChange::PublishResults);
        case RoundAction::Proposals:
            return changePhase(options, "proposals", options.proposalsOpen ? PhaseChange::OpenSubmissions : PhaseChange::CloseSubmissions);
        case RoundAction::Export: return exportRound(options);
        case RoundAction::KioskKey: return writeKioskKey(options);
        case RoundAction::Share: return shareRound(options);
        case RoundAction::Receive: return receiveRound(options);
    }
    return kExitUnexpected;
}

}  // namespace buurtstem::cli
