// JSON payloads of events, written with cereal. Field names are spelled out so the stored text
// stays readable in exports and survives reordering of the structs.
#include "Event.h"
#include "EventJson.h"

#include "third_party/cereal_json.h"
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>
#include <exception>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <type_traits>

namespace buurtstem {

using eventjson::hasTopLevelField;
using eventjson::readJson;
using eventjson::writeJson;

std::string encodePayload(const IdeaSubmitted& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("reference", payload.reference),
                cereal::make_nvp("theme", std::string(themeId(payload.theme))),
                cereal::make_nvp("title", payload.title), cereal::make_nvp("body", payload.body),
                cereal::make_nvp("demo", payload.demo));
        if (!payload.place.empty()) archive(cereal::make_nvp("place", payload.place));
        if (!payload.sealedContact.empty()) archive(cereal::make_nvp("sealedContact", payload.sealedContact));
        if (payload.waiting) archive(cereal::make_nvp("waiting", payload.waiting));
    });
}

// [SECTION] neighbourhood.places_set
// Positions are small objects naming their place, so a list of them reads on its own in an
// export and does not depend on the order of the places.

// Found by cereal through argument-dependent lookup, hence in this namespace and not a hidden one.
template <class Archive>
void serialize(Archive& archive, PlacePosition& position) {
    archive(cereal::make_nvp("place", position.place), cereal::make_nvp("x", position.at.x),
            cereal::make_nvp("y", position.at.y));
}

std::string encodePayload(const PlacesSet& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("places", payload.places));
        if (!payload.map.empty()) archive(cereal::make_nvp("map", payload.map));
        if (!payload.positions.empty()) archive(cereal::make_nvp("positions", payload.positions));
    });
}

Result<PlacesSet> decodePlacesSet(std::string_view json) {
    return readJson<PlacesSet>(json, kEventPlacesSet, [json](cereal::JSONInputArchive& archive) -> Result<PlacesSet> {
        const std::string what(kEventPlacesSet);
        PlacesSet payload;
        archive(cereal::make_nvp("places", payload.places));
        if (hasTopLevelField(json, "map")) archive(cereal::make_nvp("map", payload.map));
        if (hasTopLevelField(json, "positions")) archive(cereal::make_nvp("positions", payload.positions));
        for (std::size_t i = 0; i < payload.places.size(); ++i) {
            if (payload.places[i].empty())
                return makeError(ErrorCode::InvalidInput, what + ": empty place name");
            for (std::size_t j = 0; j < i; ++j)
                if (payload.places[j] == payload.places[i])
                    return makeError(ErrorCode::InvalidInput, what + ": place \"" + payload.places[i] + "\" twice");
        }
        if (!payload.map.empty() && !isValidMapImageName(payload.map))
            return makeError(ErrorCode::InvalidInput, what + ": map \"" + payload.map + "\" is not a plain .png file name");
        if (!payload.positions.empty() && payload.map.empty())
            return makeError(ErrorCode::InvalidInput, what + ": positions without a map");
        for (std::size_t i = 0; i < payload.positions.size(); ++i) {
            const PlacePosition& position = payload.positions[i];
            if (std::find(payload.places.begin(), payload.places.end(), position.place) == payload.places.end())
                return makeError(ErrorCode::InvalidInput, what + ": position for \"" + position.place + "\", not a listed place");
            if (!isOnMap(position.at))
                return makeError(ErrorCode::InvalidInput, what + ": position of \"" + position.place + "\" is off the map");
            for (std::size_t j = 0; j < i; ++j)
                if (payload.positions[j].place == position.place)
                    return makeError(ErrorCode::InvalidInput, what + ": two positions for \"" + position.place + "\"");
        }
        return payload;
    });
}

std::string encodePayload(const NeighbourhoodNamed& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("name", payload.name), cereal::make_nvp("demo", payload.demo));
    });
}

std::string encodePayload(const PulseGiven& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        for (PulseAspect aspect : kAllPulseAspects)
            archive(cereal::make_nvp(pulseAspectId(aspect), payload.scores[pulseIndex(aspect)]));
    });
}

std::string encodePayload(const IdeaApproved& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) { archive(cereal::make_nvp("ideaId", payload.ideaId)); });
}

std::string encodePayload(const IdeaSupported& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) { archive(cereal::make_nvp("ideaId", payload.ideaId)); });
}

Result<IdeaSubmitted> decodeIdeaSubmitted(std::string_view json) {
    return readJson<IdeaSubmitted>(json, kEventIdeaSubmitted, [json](cereal::JSONInputArchive& archive) -> Result<IdeaSubmitted> {
        IdeaSubmitted payload;
        std::string theme;
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("reference", payload.reference),
                cereal::make_nvp("theme", theme), cereal::make_nvp("title", payload.title),
                cereal::make_nvp("body", payload.body), cereal::make_nvp("demo", payload.demo));
        if (hasTopLevelField(json, "place")) archive(cereal::make_nvp("place", payload.place));
        if (hasTopLevelField(json, "sealedContact")) archive(cereal::make_nvp("sealedContact", payload.sealedContact));
        if (hasTopLevelField(json, "waiting")) archive(cereal::make_nvp("waiting", payload.waiting));
        const std::optional<Theme> known = themeFromId(theme);
        if (!known) return makeError(ErrorCode::InvalidInput, "idea.submitted: unknown theme \"" + theme + "\"");
        payload.theme = *known;
        return payload;
    });
}

Result<NeighbourhoodNamed> decodeNeighbourhoodNamed(std::string_view json) {
    return readJson<NeighbourhoodNamed>(json, kEventNeighbourhoodNamed,
                                        [](cereal::JSONInputArchive& archive) -> Result<NeighbourhoodNamed> {
                                            NeighbourhoodNamed payload;
                                            archive(cereal::make_nvp("name", payload.name),
                                                    cereal::make_nvp("demo", payload.demo));
                                            return payload;
                                        });
}

Result<PulseGiven> decodePulseGiven(std::string_view json) {
    return readJson<PulseGiven>(json, kEventPulseGiven, [](cereal::JSONInputArchive& archive) -> Result<PulseGiven> {
        PulseGiven payload;
        // Every aspect must be present: a missing one would silently read as "skipped".
        for (PulseAspect aspect : kAllPulseAspects)
            archive(cereal::make_nvp(pulseAspectId(aspect), payload.scores[pulseIndex(aspect)]));
        PulseDraft draft;
        draft.scores = payload.scores;
        if (Result<void> valid = validatePulse(draft); !valid)
            return makeError(ErrorCode::InvalidInput, std::string(kEventPulseGiven) + ": " + valid.error().detail);
        return payload;
    });
}

namespace {

// The payload of every event that only names an idea.
template <class Payload>
Result<Payload> decodeIdeaReference(std::string_view json, std::string_view what) {
    return readJson<Payload>(json, what, [what](cereal::JSONInputArchive& archive) -> Result<Payload> {
        Payload payload;
        archive(cereal::make_nvp("ideaId", payload.ideaId));
        if (payload.ideaId.empty()) return makeError(ErrorCode::InvalidInput, std::string(what) + ": empty ideaId");
        return payload;
    });
}

}  // namespace

Result<IdeaApproved> decodeIdeaApproved(std::string_view json) {
    return decodeIdeaReference<IdeaApproved>(json, kEventIdeaApproved);
}

Result<IdeaSupported> decodeIdeaSupported(std::string_view json) {
    return decodeIdeaReference<IdeaSupported>(json, kEventIdeaSupported);
}

// [SECTION] meeting_need.given
// Choices are lists of ids rather than bit masks so the stored text explains itself and an
// option's position in the list may change without changing what old events mean.

namespace {

constexpr const char* kNoInterpreter = "none";

std::string noteField(std::size_t question) { return std::string(needGroupId(kNeedQuestions[question])) + "_text"; }

}  // namespace

std::string encodePayload(const MeetingNeedGiven& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        for (NeedGroup group : kAllNeedGroups) {
            if (group == NeedGroup::Interpreter) {
                const std::vector<std::string> ids = payload.need.chosenIds(group);
                archive(cereal::make_nvp(needGroupId(group), ids.empty() ? std::string(kNoInterpreter) : ids.front()));
            } else {
                archive(cereal::make_nvp(needGroupId(group), payload.need.chosenIds(group)));
            }
        }
        for (std::size_t i = 0; i < kNeedQuestions.size(); ++i)
            archive(cereal::make_nvp(noteField(i).c_str(), payload.need.notes[i]));
    });
}

Result<MeetingNeedGiven> decodeMeetingNeedGiven(std::string_view json) {
    return readJson<MeetingNeedGiven>(json, kEventMeetingNeedGiven,
                                      [](cereal::JSONInputArchive& archive) -> Result<MeetingNeedGiven> {
        const std::string what(kEventMeetingNeedGiven);
        MeetingNeedGiven payload;
        // Every field must be present: a missing one would silently read as "not chosen".
        for (NeedGroup group : kAllNeedGroups) {
            std::vector<std::string> ids;
            if (group == NeedGroup::Interpreter) {
                std::string language;
                archive(cereal::make_nvp(needGroupId(group), language));
                if (language != kNoInterpreter) ids.push_back(language);
            } else {
                archive(cereal::make_nvp(needGroupId(group), ids));
            }
            for (const std::string& id : ids) {
                const std::optional<std::size_t> index = needOptionIndex(group, id);
                if (!index)
                    return makeError(ErrorCode::InvalidInput,
                                     what + ": unknown " + needGroupId(group) + " choice \"" + id + "\"");
                if (payload.need.isChosen(group, *index))
                    return makeError(ErrorCode::InvalidInput,
                                     what + ": " + needGroupId(group) + " choice \"" + id + "\" twice");
                payload.need.toggle(group, *index);
            }
        }
        for (std::size_t i = 0; i < kNeedQuestions.size(); ++i)
            archive(cereal::make_nvp(noteField(i).c_str(), payload.need.notes[i]));
        if (Result<void> valid = validateMeetingNeed(payload.need); !valid)
            return makeError(ErrorCode::InvalidInput, what + ": " + valid.error().detail);
        return payload;
    });
}

// [SECTION] initiative.submitted and neighbourhood.initiative_maximum_set
// Audience and partners are lists of ids like a meeting need's choices, so the stored text
// explains itself; the budget is a list of small objects in the order the resident entered them.

// Found by cereal through argument-dependent lookup, hence in this namespace and not a hidden one.
template <class Archive>
void serialize(Archive& archive, BudgetLine& line) {
    archive(cereal::make_nvp("description", line.description), cereal::make_nvp("amountCents", line.amountCents));
}

namespace {

template <class Choice>
std::vector<std::string> choiceIds(const std::vector<Choice>& chosen, std::string_view (*idOf)(Choice)) {
    std::vector<std::string> ids;
    for (Choice choice : chosen) ids.emplace_back(idOf(choice));
    return ids;
}

// The choices named by `ids`, in list order; an unknown or repeated id is an error.
template <class Choice>
Result<std::vector<Choice>> choicesFromIds(const std::vector<std::string>& ids,
                                           std::optional<Choice> (*fromId)(std::string_view), std::string_view field) {
    const std::string what = std::string(kEventInitiativeSubmitted) + ": ";
    InitiativePlan plan;  // its toggle keeps the list order
    std::vector<Choice> chosen;
    for (const std::string& id : ids) {
        const std::optional<Choice> choice = fromId(id);
        if (!choice) return makeError(ErrorCode::InvalidInput, what + "unknown " + std::string(field) + " \"" + id + "\"");
        if (plan.has(*choice))
            return makeError(ErrorCode::InvalidInput, what + std::string(field) + " \"" + id + "\" twice");
        plan.toggle(*choice);
    }
    if constexpr (std::is_same_v<Choice, Audience>)
        return plan.audience;
    else
        return plan.partners;
}

}  // namespace

std::string encodePayload(const InitiativeSubmitted& payload) {
    const IdeaSubmitted& idea = payload.idea;
    const InitiativePlan& plan = payload.plan;
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("ideaId", idea.ideaId), cereal::make_nvp("reference", idea.reference),
                cereal::make_nvp("theme", std::string(themeId(idea.theme))), cereal::make_nvp("title", idea.title),
                cereal::make_nvp("body", idea.body), cereal::make_nvp("demo", idea.demo),
                cereal::make_nvp("place", idea.place), cereal::make_nvp("sealedContact", idea.sealedContact));
        archive(cereal::make_nvp("when", plan.when), cereal::make_nvp("audience", choiceIds(plan.audience, audienceId)),
                cereal::make_nvp("helpers", plan.helpers), cereal::make_nvp("budget", plan.budget),
                cereal::make_nvp("ownMoneyCents", plan.ownMoneyCents), cereal::make_nvp("ownInKind", plan.ownInKind),
                cereal::make_nvp("partners", choiceIds(plan.partners, partnerId)));
        if (idea.waiting) archive(cereal::make_nvp("waiting", idea.waiting));
    });
}

Result<InitiativeSubmitted> decodeInitiativeSubmitted(std::string_view json) {
    return readJson<InitiativeSubmitted>(json, kEventInitiativeSubmitted,
                                         [json](cereal::JSONInputArchive& archive) -> Result<InitiativeSubmitted> {
        const std::string what = std::string(kEventInitiativeSubmitted) + ": ";
        InitiativeSubmitted payload;
        IdeaSubmitted& idea = payload.idea;
        InitiativePlan& plan = payload.plan;
        // Every field must be present: this event has had the same fields since it was introduced.
        std::string theme;
        std::vector<std::string> audience;
        std::vector<std::string> partners;
        archive(cereal::make_nvp("ideaId", idea.ideaId), cereal::make_nvp("reference", idea.reference),
                cereal::make_nvp("theme", theme), cereal::make_nvp("title", idea.title),
                cereal::make_nvp("body", idea.body), cereal::make_nvp("demo", idea.demo),
                cereal::make_nvp("place", idea.place), cereal::make_nvp("sealedContact", idea.sealedContact));
        archive(cereal::make_nvp("when", plan.when), cereal::make_nvp("audience", audience),
                cereal::make_nvp("helpers", plan.helpers), cereal::make_nvp("budget", plan.budget),
                cereal::make_nvp("ownMoneyCents", plan.ownMoneyCents), cereal::make_nvp("ownInKind", plan.ownInKind),
                cereal::make_nvp("partners", partners));
        if (hasTopLevelField(json, "waiting")) archive(cereal::make_nvp("waiting", idea.waiting));

        if (idea.ideaId.empty()) return makeError(ErrorCode::InvalidInput, what + "empty ideaId");
        if (idea.reference.empty()) return makeError(ErrorCode::InvalidInput, what + "empty reference");
        if (idea.sealedContact.empty()) return makeError(ErrorCode::InvalidInput, what + "no sealed contact");
        const std::optional<Theme> known = themeFromId(theme);
        if (!known) return makeError(ErrorCode::InvalidInput, what + "unknown theme \"" + theme + "\"");
        idea.theme = *known;

        Result<std::vector<Audience>> audiences = choicesFromIds(audience, audienceFromId, "audience");
        if (!audiences) return audiences.error();
        plan.audience = std::move(audiences).value();
        Result<std::vector<Partner>> chosenPartners = choicesFromIds(partners, partnerFromId, "partner");
        if (!chosenPartners) return chosenPartners.error();
        plan.partners = std::move(chosenPartners).value();

        if (plan.helpers < 0) return makeError(ErrorCode::InvalidInput, what + "helpers below zero");
        if (plan.ownMoneyCents < 0) return makeError(ErrorCode::InvalidInput, what + "own money below zero");
        for (std::size_t i = 0; i < plan.budget.size(); ++i)
            if (plan.budget[i].amountCents < 0)
                return makeError(ErrorCode::InvalidInput,
                                 what + "budget line " + std::to_string(i + 1) + " amount below zero");
        return payload;
    });
}

std::string encodePayload(const InitiativeMaximumSet& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) { archive(cereal::make_nvp("cents", payload.cents)); });
}

Result<InitiativeMaximumSet> decodeInitiativeMaximumSet(std::string_view json) {
    return readJson<InitiativeMaximumSet>(json, kEventInitiativeMaximumSet,
                                          [](cereal::JSONInputArchive& archive) -> Result<InitiativeMaximumSet> {
        InitiativeMaximumSet payload;
        archive(cereal::make_nvp("cents", payload.cents));
        if (payload.cents <= 0 || payload.cents > kInitiativeMaximumCeilingCents)
            return makeError(ErrorCode::InvalidInput, std::string(kEventInitiativeMaximumSet) + ": maximum " +
                                                          std::to_string(payload.cents) + " cents out of range");
        return payload;
    });
}

// [SECTION] round.saved, voting_codes.issued, voting_code.voided, ballot.cast

template <class Archive>
void serialize(Archive& archive, RoundProject& project) {
    std::string theme(themeId(project.theme));
    archive(cereal::make_nvp("id", project.id), cereal::make_nvp("title", project.title),
            cereal::make_nvp("summary", project.summary), cereal::make_nvp("theme", theme),
            cereal::make_nvp("costCents", project.costCents), cereal::make_nvp("ideaId", project.ideaId));
    if constexpr (Archive::is_loading::value) {
        const std::optional<Theme> known = themeFromId(theme);
        if (!known) throw std::runtime_error("unknown theme " + theme);
        project.theme = *known;
    }
}

namespace {

bool isHexKey(std::string_view text) {
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

std::string encodePayload(const RoundSaved& payload) {
    const BudgetRound& r = payload.round;
    std::string ballot(ballotTypeId(r.ballot)), eligibility(eligibilityId(r.eligibility));
    std::vector<RoundProject> projects = r.projects;
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("id", r.id), cereal::make_nvp("name", r.name), cereal::make_nvp("budgetCents", r.budgetCents),
                cereal::make_nvp("ballot", ballot), cereal::make_nvp("maxChoices", r.limits.maxChoices),
                cereal::make_nvp("totalPoints", r.limits.totalPoints),
                cereal::make_nvp("maxPointsPerProject", r.limits.maxPointsPerProject),
                cereal::make_nvp("opensMs", r.opensMs), cereal::make_nvp("closesMs", r.closesMs),
                cereal::make_nvp("rule", r.counting.rule), cereal::make_nvp("utility", r.counting.utility),
                cereal::make_nvp("completion", r.counting.completion),
                cereal::make_nvp("compareGreedy", r.counting.compareGreedy), cereal::make_nvp("eligibility", eligibility),
                cereal::make_nvp("projects", projects));
        // Optional, written only when not the default, so rounds saved before it read the same.
        if (r.sameCode != DuplicateCodePolicy::CountEarliest) {
            archive(cereal::make_nvp("sameCode", std::string(duplicateCodePolicyId(r.sameCode))));
        }
    });
}

Result<RoundSaved> decodeRoundSaved(std::string_view json) {
    return readJson<RoundSaved>(json, kEventRoundSaved, [json](cereal::JSONInputArchive& archive) -> Result<RoundSaved> {
        RoundSaved payload;
        BudgetRound& r = payload.round;
        std::string ballot, eligibility;
        archive(cereal::make_nvp("id", r.id), cereal::make_nvp("name", r.name), cereal::make_nvp("budgetCents", r.budgetCents),
                cereal::make_nvp("ballot", ballot), cereal::make_nvp("maxChoices", r.limits.maxChoices),
                cereal::make_nvp("totalPoints", r.limits.totalPoints),
                cereal::make_nvp("maxPointsPerProject", r.limits.maxPointsPerProject),
                cereal::make_nvp("opensMs", r.opensMs), cereal::make_nvp("closesMs", r.closesMs),
                cereal::make_nvp("rule", r.counting.rule), cereal::make_nvp("utility", r.counting.utility),
                cereal::make_nvp("completion", r.counting.completion),
                cereal::make_nvp("compareGreedy", r.counting.compareGreedy), cereal::make_nvp("eligibility", eligibility),
                cereal::make_nvp("projects", r.projects));
        const std::string what = std::string(kEventRoundSaved) + ": ";
        if (hasTopLevelField(json, "sameCode")) {
            std::string sameCode;
            archive(cereal::make_nvp("sameCode", sameCode));
            const std::optional<DuplicateCodePolicy> policy = duplicateCodePolicyFromId(sameCode);
            if (!policy) return makeError(ErrorCode::InvalidInput, what + "unknown sameCode " + sameCode);
            r.sameCode = *policy;
        }
        const std::optional<BallotType> type = ballotTypeFromId(ballot);
        const std::optional<Eligibility> who = eligibilityFromId(eligibility);
        if (!type) return makeError(ErrorCode::InvalidInput, what + "unknown ballot " + ballot);
        if (!who) return makeError(ErrorCode::InvalidInput, what + "unknown eligibility " + eligibility);
        r.ballot = *type;
        r.eligibility = *who;
        if (r.id.empty()) return makeError(ErrorCode::InvalidInput, what + "no round id");
        if (Result<void> valid = validateRound(r); !valid) return makeError(ErrorCode::InvalidInput, what + valid.error().detail);
        return payload;
    });
}

std::string encodePayload(const VotingCodesIssued& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("hashes", payload.hashes));
    });
}

Result<VotingCodesIssued> decodeVotingCodesIssued(std::string_view json) {
    return readJson<VotingCodesIssued>(json, kEventVotingCodesIssued,
                                       [](cereal::JSONInputArchive& archive) -> Result<VotingCodesIssued> {
        VotingCodesIssued payload;
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("hashes", payload.hashes));
        const std::string what = std::string(kEventVotingCodesIssued) + ": ";
        if (payload.roundId.empty() || payload.hashes.empty()) return makeError(ErrorCode::InvalidInput, what + "no round or no codes");
        std::vector<std::string> sorted = payload.hashes;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
            return makeError(ErrorCode::InvalidInput, what + "a code appears twice");
        for (const std::string& hash : payload.hashes)
            if (!isHexKey(hash)) return makeError(ErrorCode::InvalidInput, what + "a code hash is not 64 hex characters");
        return payload;
    });
}

std::string encodePayload(const RoundPhasesSet& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("submissionsOpen", payload.phases.submissionsOpen),
                cereal::make_nvp("publishedMs", payload.phases.publishedMs));
    });
}

Result<RoundPhasesSet> decodeRoundPhasesSet(std::string_view json) {
    return readJson<RoundPhasesSet>(json, kEventRoundPhasesSet, [](cereal::JSONInputArchive& archive) -> Result<RoundPhasesSet> {
        RoundPhasesSet payload;
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("submissionsOpen", payload.phases.submissionsOpen),
                cereal::make_nvp("publishedMs", payload.phases.publishedMs));
        if (payload.roundId.empty()) return makeError(ErrorCode::InvalidInput, std::string(kEventRoundPhasesSet) + ": no round");
        return payload;
    });
}

std::string encodePayload(const VotingCodeVoided& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("hash", payload.hash));
    });
}

Result<VotingCodeVoided> decodeVotingCodeVoided(std::string_view json) {
    return readJson<VotingCodeVoided>(json, kEventVotingCodeVoided,
                                      [](cereal::JSONInputArchive& archive) -> Result<VotingCodeVoided> {
        VotingCodeVoided payload;
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("hash", payload.hash));
        if (payload.roundId.empty() || !isHexKey(payload.hash))
            return makeError(ErrorCode::InvalidInput, std::string(kEventVotingCodeVoided) + ": no round or no code hash");
        return payload;
    });
}

std::string encodePayload(const BallotCast& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("ballotId", payload.ballotId),
                cereal::make_nvp("receipt", payload.receipt), cereal::make_nvp("codeHash", payload.codeHash),
                cereal::make_nvp("projects", payload.projectIds), cereal::make_nvp("points", payload.points));
    });
}

Result<BallotCast> decodeBallotCast(std::string_view json) {
    return readJson<BallotCast>(json, kEventBallotCast, [](cereal::JSONInputArchive& archive) -> Result<BallotCast> {
        BallotCast payload;
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("ballotId", payload.ballotId),
                cereal::make_nvp("receipt", payload.receipt), cereal::make_nvp("codeHash", payload.codeHash),
                cereal::make_nvp("projects", payload.projectIds), cereal::make_nvp("points", payload.points));
        const std::string what = std::string(kEventBallotCast) + ": ";
        if (payload.roundId.empty() || payload.ballotId.empty() || payload.receipt.empty())
            return makeError(ErrorCode::InvalidInput, what + "no round, ballot id or receipt");
        if (!payload.codeHash.empty() && !isHexKey(payload.codeHash))
            return makeError(ErrorCode::InvalidInput, what + "the code hash is not 64 hex characters");
        if (payload.projectIds.empty()) return makeError(ErrorCode::InvalidInput, what + "the ballot is empty");
        std::vector<std::string> sorted = payload.projectIds;
        std::sort(sorted.begin(), sorted.end());
        if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
            return makeError(ErrorCode::InvalidInput, what + "a project appears twice");
        if (!payload.points.empty() && payload.points.size() != payload.projectIds.size())
            return makeError(ErrorCode::InvalidInput, what + "points do not match the projects");
        for (int p : payload.points)
            if (p < 1) return makeError(ErrorCode::InvalidInput, what + "a project has no points");
        return payload;
    });
}

// [SECTION] Paper ballots

std::string encodePayload(const PaperBatchEntered& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("batch", payload.batch),
                cereal::make_nvp("entry", payload.entry), cereal::make_nvp("facilitator", payload.facilitator),
                cereal::make_nvp("projects", payload.projects), cereal::make_nvp("points", payload.points));
    });
}

Result<PaperBatchEntered> decodePaperBatchEntered(std::string_view json) {
    return readJson<PaperBatchEntered>(json, kEventPaperBatchEntered,
                                       [](cereal::JSONInputArchive& archive) -> Result<PaperBatchEntered> {
        PaperBatchEntered payload;
        archive(cereal::make_nvp("roundId", payload.roundId), cereal::make_nvp("batch", payload.batch),
                cereal::make_nvp("entry", payload.entry), cereal::make_nvp("facilitator", payload.facilitator),
                cereal::make_nvp("projects", payload.projects), cereal::make_nvp("points", payload.points));
        const std::string what = std::string(kEventPaperBatchEntered) + ": ";
        if (payload.roundId.empty() || payload.batch.empty() || payload.facilitator.empty())
            return makeError(ErrorCode::InvalidInput, what + "no round, batch or facilitator");
        if (payload.entry != 1 && payload.entry != 2) return makeError(ErrorCode::InvalidInput, what + "the entry is not 1 or 2");
        if (payload.projects.empty()) return makeError(ErrorCode::InvalidInput, what + "no ballots");
        if (payload.points.size() != payload.projects.size())
            return makeError(ErrorCode::InvalidInput, what + "points do not match the ballots");
        for (std::size_t b = 0; b < payload.projects.size(); ++b) {
            const std::vector<std::string>& ids = payload.projects[b];
            if (ids.empty()) return makeError(ErrorCode::InvalidInput, what + "an empty ballot");
            std::vector<std::string> sorted = ids;
            std::sort(sorted.begin(), sorted.end());
            if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
                return makeError(ErrorCode::InvalidInput, what + "a project appears twice on a ballot");
            if (!payload.points[b].empty() && payload.points[b].size() != ids.size())
                return makeError(ErrorCode::InvalidInput, what + "points do not match the projects");
            for (int p : payload.points[b])
                if (p < 1) return makeError(ErrorCode::InvalidInput, what + "a project has no points");
        }
        return payload;
    });
}

}  // namespace buurtstem
