// Initiative progress (voortgang): where a residents' initiative stands after it was submitted,
// from reviewed to accounted for, with the amounts granted and spent. Staff follow an initiative
// to the end, across years; each step is one initiative.progress_set event and the latest holds.
#pragma once

#include "Initiative.h"
#include "Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

inline constexpr std::string_view kEventInitiativeProgressSet = "initiative.progress_set";
// The audit log's name for the step (AuditLog.h has the others): before and after as
// "stage running; granted 1250.00; spent 400.00; note ...".
inline constexpr const char* kAuditInitiativeProgress = "initiative.progress_set";

// The pipeline, in order. Submitted and Reviewed are derived until staff set a stage (see
// KioskStore::initiativePipeline); the others are only ever set by staff.
enum class PipelineStage { Submitted, Reviewed, Approved, Running, Done, Accounted };
inline constexpr std::array kAllPipelineStages{PipelineStage::Submitted, PipelineStage::Reviewed, PipelineStage::Approved,
                                               PipelineStage::Running,   PipelineStage::Done,     PipelineStage::Accounted};

// Stable ids in payloads, read tables and exports: submitted, reviewed, approved, running, done,
// accounted. Never translated, never changed.
std::string_view pipelineStageId(PipelineStage stage);
std::optional<PipelineStage> pipelineStageFromId(std::string_view id);

inline constexpr std::size_t kProgressNoteMax = 400;  // code points

// Where one initiative stands. Money in integer euro cents.
struct InitiativeProgress {
    std::string ideaId;
    PipelineStage stage = PipelineStage::Submitted;  // = Submitted
    std::int64_t grantedCents = 0;                   // = 0 // what the corporation or municipality granted
    std::int64_t spentCents = 0;                     // = 0 // what was spent so far (accounted: in the end)
    std::string note;                                // = "" // staff's few words: why more was spent, what changed
    std::uint64_t updatedMs = 0;                     // = 0 // when staff last set it (the event's clock); 0 = never

    bool operator==(const InitiativeProgress&) const = default;
};

enum class ProgressProblem {
    MissingIdea,            // no idea id
    GrantedNegative,        // below 0
    GrantedOverCeiling,     // above kInitiativeMaximumCeilingCents
    SpentNegative,
    SpentOverCeiling,
    GrantedBeforeApproval,  // money granted while the stage is still submitted or reviewed
    SpentBeforeRunning,     // money spent before the stage is running
    SpentOverGranted,       // more spent than granted, and no note saying why
    AccountedWithoutSpent,  // accounted for, with money granted but nothing spent filled in
    NoteTooLong,            // over kProgressNoteMax code points
    NoteInvalidText,        // not UTF-8, or a control character other than a line break
};

// Every problem, in the order above; an empty list means the progress may be recorded.
std::vector<ProgressProblem> validateProgress(const InitiativeProgress& progress);
// Stable short English words for logs and the command line: "spent above granted without a note".
std::string_view describeProgressProblem(ProgressProblem problem);
// The problems joined with "; " (empty for none).
std::string describeProgressProblems(const std::vector<ProgressProblem>& problems);

// Payload of kEventInitiativeProgressSet: the whole progress of one initiative, replacing the
// earlier one. updatedMs is not in it: it is the event's own clock.
// {"ideaId":"...","stage":"running","grantedCents":125000,"spentCents":40000,"note":""}
std::string encodePayload(const InitiativeProgress& payload);
// Refuses a missing field, an empty ideaId, an unknown stage, and an amount or a note that
// validateProgress refuses by itself (the rules between stage and amounts are the recording
// kiosk's business, so a later change to them never makes an old log unreadable).
Result<InitiativeProgress> decodeInitiativeProgressSet(std::string_view json);

}  // namespace buurtstem
