// Initiative progress: the pipeline's stable ids, the rules for amounts and stages, and the
// initiative.progress_set payload.
#include "app/core/InitiativeProgress.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace buurtstem;

namespace {

InitiativeProgress progressAt(PipelineStage stage, std::int64_t granted = 0, std::int64_t spent = 0, std::string note = "") {
    InitiativeProgress p;
    p.ideaId = "5d1e8a0c-2f4b-4c6d-8e9f-0a1b2c3d4e5f";
    p.stage = stage;
    p.grantedCents = granted;
    p.spentCents = spent;
    p.note = std::move(note);
    return p;
}

using Problems = std::vector<ProgressProblem>;

}  // namespace

TEST_CASE("pipeline stages have stable ids in order", "[core][progress]") {
    const std::vector<std::string> ids = {"submitted", "reviewed", "approved", "running", "done", "accounted"};
    REQUIRE(kAllPipelineStages.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CHECK(pipelineStageId(kAllPipelineStages[i]) == ids[i]);
        CHECK(pipelineStageFromId(ids[i]) == kAllPipelineStages[i]);
    }
    CHECK_FALSE(pipelineStageFromId("Approved").has_value());
    CHECK_FALSE(pipelineStageFromId("").has_value());
}

TEST_CASE("progress that follows the rules has no problems", "[core][progress]") {
    CHECK(validateProgress(progressAt(PipelineStage::Submitted)).empty());
    CHECK(validateProgress(progressAt(PipelineStage::Approved, 125'000)).empty());
    CHECK(validateProgress(progressAt(PipelineStage::Running, 125'000, 40'000)).empty());
    CHECK(validateProgress(progressAt(PipelineStage::Accounted, 125'000, 119'950)).empty());
    // An initiative that needed no money is accounted for with nothing granted and nothing spent.
    CHECK(validateProgress(progressAt(PipelineStage::Accounted)).empty());
    CHECK(validateProgress(progressAt(PipelineStage::Done, kInitiativeMaximumCeilingCents, kInitiativeMaximumCeilingCents)).empty());
}

TEST_CASE("amounts below 0 or above the ceiling are refused", "[core][progress]") {
    CHECK(validateProgress(progressAt(PipelineStage::Running, -1, 0)) == Problems{ProgressProblem::GrantedNegative});
    CHECK(validateProgress(progressAt(PipelineStage::Running, 100, -5)) == Problems{ProgressProblem::SpentNegative});
    CHECK(validateProgress(progressAt(PipelineStage::Running, kInitiativeMaximumCeilingCents + 1, 0)) ==
          Problems{ProgressProblem::GrantedOverCeiling});
    CHECK(validateProgress(progressAt(PipelineStage::Running, kInitiativeMaximumCeilingCents, kInitiativeMaximumCeilingCents + 1,
                                      "more")) == Problems{ProgressProblem::SpentOverCeiling});
}

TEST_CASE("spending more than granted needs a note saying why", "[core][progress]") {
    CHECK(validateProgress(progressAt(PipelineStage::Done, 50'000, 52'500)) == Problems{ProgressProblem::SpentOverGranted});
    CHECK(validateProgress(progressAt(PipelineStage::Done, 50'000, 52'500, "   ")) == Problems{ProgressProblem::SpentOverGranted});
    CHECK(validateProgress(progressAt(PipelineStage::Done, 50'000, 52'500, "Tent duurder, verschil betaald door de buurt")).empty());
}

TEST_CASE("money follows the stages", "[core][progress]") {
    CHECK(validateProgress(progressAt(PipelineStage::Reviewed, 10'000)) == Problems{ProgressProblem::GrantedBeforeApproval});
    CHECK(validateProgress(progressAt(PipelineStage::Approved, 10'000, 500)) == Problems{ProgressProblem::SpentBeforeRunning});
    // Accounted for with money granted needs the amount spent, or a note why nothing was.
    CHECK(validateProgress(progressAt(PipelineStage::Accounted, 10'000, 0)) == Problems{ProgressProblem::AccountedWithoutSpent});
    CHECK(validateProgress(progressAt(PipelineStage::Accounted, 10'000, 0, "Afgelast wegens regen")).empty());
}

TEST_CASE("the note and the idea are checked, every problem listed in order", "[core][progress]") {
    InitiativeProgress p = progressAt(PipelineStage::Submitted, -1, 20);
    p.ideaId.clear();
    p.note = std::string(kProgressNoteMax + 1, 'x');
    CHECK(validateProgress(p) == Problems{ProgressProblem::MissingIdea, ProgressProblem::GrantedNegative,
                                          ProgressProblem::SpentBeforeRunning, ProgressProblem::NoteTooLong});
    CHECK(describeProgressProblems(validateProgress(p)) ==
          "no initiative; granted below 0; money spent before the stage running; note too long");
    p = progressAt(PipelineStage::Running);
    p.note = "regel een\nregel twee";  // line breaks are fine in a note
    CHECK(validateProgress(p).empty());
    p.note = "bel\x07";
    CHECK(validateProgress(p) == Problems{ProgressProblem::NoteInvalidText});
    p.note = "\xC3\x28";
    CHECK(validateProgress(p) == Problems{ProgressProblem::NoteInvalidText});
    p.note = std::string(kProgressNoteMax, 'x');
    CHECK(validateProgress(p).empty());
}

TEST_CASE("initiative.progress_set round-trips and refuses what no build may record", "[core][progress]") {
    const InitiativeProgress p = progressAt(PipelineStage::Done, 50'000, 52'500, "Tent \"groot\" duurder");
    const std::string json = encodePayload(p);
    CHECK(json ==
          R"({"ideaId":"5d1e8a0c-2f4b-4c6d-8e9f-0a1b2c3d4e5f","stage":"done","grantedCents":50000,"spentCents":52500,)"
          R"("note":"Tent \"groot\" duurder"})");
    Result<InitiativeProgress> back = decodeInitiativeProgressSet(json);
    REQUIRE(back.ok());
    CHECK(*back == p);

    CHECK_FALSE(decodeInitiativeProgressSet(R"({"ideaId":"x","stage":"finished","grantedCents":0,"spentCents":0,"note":""})").ok());
    CHECK_FALSE(decodeInitiativeProgressSet(R"({"ideaId":"","stage":"done","grantedCents":0,"spentCents":0,"note":""})").ok());
    CHECK_FALSE(decodeInitiativeProgressSet(R"({"ideaId":"x","stage":"done","grantedCents":-1,"spentCents":0,"note":""})").ok());
    CHECK_FALSE(decodeInitiativeProgressSet(R"({"ideaId":"x","stage":"done","grantedCents":0,"note":""})").ok());
    CHECK_FALSE(decodeInitiativeProgressSet(R"(["x","done",0,0,""])").ok());
    // The rules between stage and amounts are the recording kiosk's: an old log stays readable.
    CHECK(decodeInitiativeProgressSet(R"({"ideaId":"x","stage":"reviewed","grantedCents":100,"spentCents":900,"note":""})").ok());
}
