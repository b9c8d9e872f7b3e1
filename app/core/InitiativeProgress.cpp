// The pipeline's stages, the rules for amounts and the initiative.progress_set payload.
#include "InitiativeProgress.h"

#include "EventJson.h"
#include "Utf8.h"

#include <cereal/types/string.hpp>

#include <algorithm>

namespace buurtstem {

using eventjson::readJson;
using eventjson::writeJson;

std::string_view pipelineStageId(PipelineStage stage) {
    switch (stage) {
        case PipelineStage::Submitted: return "submitted";
        case PipelineStage::Reviewed: return "reviewed";
        case PipelineStage::Approved: return "approved";
        case PipelineStage::Running: return "running";
        case PipelineStage::Done: return "done";
        case PipelineStage::Accounted: return "accounted";
    }
    return "submitted";
}

std::optional<PipelineStage> pipelineStageFromId(std::string_view id) {
    for (PipelineStage stage : kAllPipelineStages)
        if (pipelineStageId(stage) == id) return stage;
    return std::nullopt;
}

namespace {

void checkAmount(std::int64_t cents, ProgressProblem negative, ProgressProblem overCeiling,
                 std::vector<ProgressProblem>& problems) {
    if (cents < 0) problems.push_back(negative);
    if (cents > kInitiativeMaximumCeilingCents) problems.push_back(overCeiling);
}

// The rules that hold for any payload, whatever build recorded it.
void checkAlwaysTrue(const InitiativeProgress& p, std::vector<ProgressProblem>& problems) {
    if (p.ideaId.empty()) problems.push_back(ProgressProblem::MissingIdea);
    checkAmount(p.grantedCents, ProgressProblem::GrantedNegative, ProgressProblem::GrantedOverCeiling, problems);
    checkAmount(p.spentCents, ProgressProblem::SpentNegative, ProgressProblem::SpentOverCeiling, problems);
    if (!utf8::isValid(p.note) || utf8::hasControlCharacters(p.note, true))
        problems.push_back(ProgressProblem::NoteInvalidText);
    else if (utf8::countCodePoints(p.note) > kProgressNoteMax)
        problems.push_back(ProgressProblem::NoteTooLong);
}

}  // namespace

std::vector<ProgressProblem> validateProgress(const InitiativeProgress& p) {
    std::vector<ProgressProblem> problems;
    checkAlwaysTrue(p, problems);
    const bool approved = p.stage >= PipelineStage::Approved;
    const bool running = p.stage >= PipelineStage::Running;
    if (!approved && p.grantedCents > 0) problems.push_back(ProgressProblem::GrantedBeforeApproval);
    if (!running && p.spentCents > 0) problems.push_back(ProgressProblem::SpentBeforeRunning);
    // Costs do run over; staff may record that, but only saying why.
    if (p.grantedCents >= 0 && p.spentCents > p.grantedCents && utf8::trim(p.note).empty())
        problems.push_back(ProgressProblem::SpentOverGranted);
    // Accounted for means the final amount is known: with money granted, nothing spent is a
    // field left open, unless a note says why (the activity was called off).
    if (p.stage == PipelineStage::Accounted && p.grantedCents > 0 && p.spentCents == 0 && utf8::trim(p.note).empty())
        problems.push_back(ProgressProblem::AccountedWithoutSpent);
    // In the order of the enum, whatever order the checks above found them in.
    std::sort(problems.begin(), problems.end());
    return problems;
}

std::string_view describeProgressProblem(ProgressProblem problem) {
    switch (problem) {
        case ProgressProblem::MissingIdea: return "no initiative";
        case ProgressProblem::GrantedNegative: return "granted below 0";
        case ProgressProblem::GrantedOverCeiling: return "granted above EUR 100,000";
        case ProgressProblem::SpentNegative: return "spent below 0";
        case ProgressProblem::SpentOverCeiling: return "spent above EUR 100,000";
        case ProgressProblem::GrantedBeforeApproval: return "money granted before the stage approved";
        case ProgressProblem::SpentBeforeRunning: return "money spent before the stage running";
        case ProgressProblem::SpentOverGranted: return "spent above granted without a note saying why";
        case ProgressProblem::AccountedWithoutSpent: return "accounted for without the amount spent";
        case ProgressProblem::NoteTooLong: return "note too long";
        case ProgressProblem::NoteInvalidText: return "note is not valid text";
    }
    return "invalid";
}

std::string describeProgressProblems(const std::vector<ProgressProblem>& problems) {
    std::string text;
    for (ProgressProblem problem : problems) {
        if (!text.empty()) text += "; ";
        text += describeProgressProblem(problem);
    }
    return text;
}

std::string encodePayload(const InitiativeProgress& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("stage", std::string(pipelineStageId(payload.stage))),
                cereal::make_nvp("grantedCents", payload.grantedCents), cereal::make_nvp("spentCents", payload.spentCents),
                cereal::make_nvp("note", payload.note));
    });
}

Result<InitiativeProgress> decodeInitiativeProgressSet(std::string_view json) {
    return readJson<InitiativeProgress>(json, kEventInitiativeProgressSet,
                                        [](cereal::JSONInputArchive& archive) -> Result<InitiativeProgress> {
        const std::string what = std::string(kEventInitiativeProgressSet) + ": ";
        InitiativeProgress payload;
        std::string stage;
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("stage", stage),
                cereal::make_nvp("grantedCents", payload.grantedCents), cereal::make_nvp("spentCents", payload.spentCents),
                cereal::make_nvp("note", payload.note));
        const std::optional<PipelineStage> known = pipelineStageFromId(stage);
        if (!known) return makeError(ErrorCode::InvalidInput, what + "unknown stage \"" + stage + "\"");
        payload.stage = *known;
        std::vector<ProgressProblem> problems;
        checkAlwaysTrue(payload, problems);
        if (!problems.empty()) return makeError(ErrorCode::InvalidInput, what + describeProgressProblems(problems));
        return payload;
    });
}

}  // namespace buurtstem
