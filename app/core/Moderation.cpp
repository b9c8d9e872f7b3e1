// Moderation's ids, checks and event payloads. Optional fields are left out of the JSON when
// empty, so a classification with nothing estimated reads as such in an export.
#include "Moderation.h"

#include "EventJson.h"
#include "Utf8.h"

#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>

#include <algorithm>

namespace buurtstem {

using eventjson::hasTopLevelField;
using eventjson::readJson;
using eventjson::writeJson;

std::string_view hideReasonId(HideReason reason) {
    switch (reason) {
        case HideReason::Insulting: return "insulting";
        case HideReason::PersonalData: return "personal_data";
        case HideReason::Advertising: return "advertising";
        case HideReason::NotForNeighbourhood: return "not_for_neighbourhood";
        case HideReason::Other: return "other";
    }
    return "other";
}

std::optional<HideReason> hideReasonFromId(std::string_view id) {
    for (HideReason reason : kAllHideReasons)
        if (hideReasonId(reason) == id) return reason;
    return std::nullopt;
}

std::string_view dimensionId(LiveabilityDimension dimension) {
    switch (dimension) {
        case LiveabilityDimension::Housing: return "housing";
        case LiveabilityDimension::PhysicalEnvironment: return "physical_environment";
        case LiveabilityDimension::Amenities: return "amenities";
        case LiveabilityDimension::SocialCohesion: return "social_cohesion";
        case LiveabilityDimension::NuisanceAndSafety: return "nuisance_and_safety";
    }
    return "housing";
}

std::optional<LiveabilityDimension> dimensionFromId(std::string_view id) {
    for (LiveabilityDimension dimension : kAllDimensions)
        if (dimensionId(dimension) == id) return dimension;
    return std::nullopt;
}

Result<void> validateHide(const IdeaHidden& hide) {
    if (hide.ideaId.empty()) return makeError(ErrorCode::InvalidInput, "no idea");
    if (!utf8::isValid(hide.note) || utf8::hasControlCharacters(hide.note, false))
        return makeError(ErrorCode::InvalidInput, "reason is not valid text");
    if (utf8::countCodePoints(hide.note) > kHideNoteMax) return makeError(ErrorCode::InvalidInput, "reason too long");
    const bool typed = !utf8::trim(hide.note).empty();
    if (hide.reason == HideReason::Other && !typed) return makeError(ErrorCode::InvalidInput, "reason missing");
    if (hide.reason != HideReason::Other && typed) return makeError(ErrorCode::InvalidInput, "a note only goes with other");
    return {};
}

Result<void> validateClassification(const Classification& c) {
    if (c.costCents && (*c.costCents < 0 || *c.costCents > kCostEstimateMaxCents))
        return makeError(ErrorCode::InvalidInput, "cost estimate out of range");
    if (!utf8::isValid(c.feasibility) || utf8::hasControlCharacters(c.feasibility, true))
        return makeError(ErrorCode::InvalidInput, "feasibility note is not valid text");
    if (utf8::countCodePoints(c.feasibility) > kFeasibilityNoteMax)
        return makeError(ErrorCode::InvalidInput, "feasibility note too long");
    for (std::size_t i = 0; i < c.partners.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (c.partners[i] == c.partners[j]) return makeError(ErrorCode::InvalidInput, "a partner twice");
    return {};
}

std::string describeClassification(const Classification& c) {
    std::string text = "theme " + std::string(themeId(c.theme)) + "; partners ";
    if (c.partners.empty()) text += "-";
    for (std::size_t i = 0; i < c.partners.size(); ++i) text += (i ? ", " : "") + std::string(partnerId(c.partners[i]));
    text += "; dimension " + (c.dimension ? std::string(dimensionId(*c.dimension)) : std::string("-"));
    if (c.costCents) {
        const std::string cents = std::to_string(*c.costCents % 100);
        text += "; cost " + std::to_string(*c.costCents / 100) + "." + (cents.size() < 2 ? "0" : "") + cents;
    } else {
        text += "; cost -";
    }
    text += "; feasibility " + (c.feasibility.empty() ? std::string("-") : c.feasibility);
    return text;
}

// [SECTION] Payloads

std::string encodePayload(const IdeaHidden& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("reason", std::string(hideReasonId(payload.reason))));
        if (!payload.note.empty()) archive(cereal::make_nvp("note", payload.note));
    });
}

Result<IdeaHidden> decodeIdeaHidden(std::string_view json) {
    return readJson<IdeaHidden>(json, kEventIdeaHidden, [json](cereal::JSONInputArchive& archive) -> Result<IdeaHidden> {
        const std::string what = std::string(kEventIdeaHidden) + ": ";
        IdeaHidden payload;
        std::string reason;
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("reason", reason));
        if (hasTopLevelField(json, "note")) archive(cereal::make_nvp("note", payload.note));
        const std::optional<HideReason> known = hideReasonFromId(reason);
        if (!known) return makeError(ErrorCode::InvalidInput, what + "unknown reason \"" + reason + "\"");
        payload.reason = *known;
        if (Result<void> valid = validateHide(payload); !valid) return makeError(ErrorCode::InvalidInput, what + valid.error().detail);
        return payload;
    });
}

std::string encodePayload(const IdeaCorrected& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("title", payload.title),
                cereal::make_nvp("body", payload.body));
    });
}

Result<IdeaCorrected> decodeIdeaCorrected(std::string_view json) {
    return readJson<IdeaCorrected>(json, kEventIdeaCorrected, [](cereal::JSONInputArchive& archive) -> Result<IdeaCorrected> {
        IdeaCorrected payload;
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("title", payload.title),
                cereal::make_nvp("body", payload.body));
        if (payload.ideaId.empty() || payload.title.empty())
            return makeError(ErrorCode::InvalidInput, std::string(kEventIdeaCorrected) + ": no idea or no title");
        return payload;
    });
}

std::string encodePayload(const IdeaMerged& payload) {
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        archive(cereal::make_nvp("from", payload.from), cereal::make_nvp("into", payload.into));
    });
}

Result<IdeaMerged> decodeIdeaMerged(std::string_view json) {
    return readJson<IdeaMerged>(json, kEventIdeaMerged, [](cereal::JSONInputArchive& archive) -> Result<IdeaMerged> {
        IdeaMerged payload;
        archive(cereal::make_nvp("from", payload.from), cereal::make_nvp("into", payload.into));
        if (payload.from.empty() || payload.into.empty() || payload.from == payload.into)
            return makeError(ErrorCode::InvalidInput, std::string(kEventIdeaMerged) + ": needs two different ideas");
        return payload;
    });
}

std::string encodePayload(const IdeaClassified& payload) {
    const Classification& c = payload.classification;
    return writeJson([&](cereal::JSONOutputArchive& archive) {
        std::vector<std::string> partners;
        for (Partner partner : c.partners) partners.emplace_back(partnerId(partner));
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("theme", std::string(themeId(c.theme))),
                cereal::make_nvp("partners", partners));
        if (c.dimension) archive(cereal::make_nvp("dimension", std::string(dimensionId(*c.dimension))));
        if (c.costCents) archive(cereal::make_nvp("costCents", *c.costCents));
        if (!c.feasibility.empty()) archive(cereal::make_nvp("feasibility", c.feasibility));
    });
}

Result<IdeaClassified> decodeIdeaClassified(std::string_view json) {
    return readJson<IdeaClassified>(json, kEventIdeaClassified, [json](cereal::JSONInputArchive& archive) -> Result<IdeaClassified> {
        const std::string what = std::string(kEventIdeaClassified) + ": ";
        IdeaClassified payload;
        Classification& c = payload.classification;
        std::string theme;
        std::vector<std::string> partners;
        archive(cereal::make_nvp("ideaId", payload.ideaId), cereal::make_nvp("theme", theme), cereal::make_nvp("partners", partners));
        if (payload.ideaId.empty()) return makeError(ErrorCode::InvalidInput, what + "empty ideaId");
        const std::optional<Theme> knownTheme = themeFromId(theme);
        if (!knownTheme) return makeError(ErrorCode::InvalidInput, what + "unknown theme \"" + theme + "\"");
        c.theme = *knownTheme;
        for (const std::string& id : partners) {
            const std::optional<Partner> partner = partnerFromId(id);
            if (!partner) return makeError(ErrorCode::InvalidInput, what + "unknown partner \"" + id + "\"");
            c.partners.push_back(*partner);
        }
        if (hasTopLevelField(json, "dimension")) {
            std::string id;
            archive(cereal::make_nvp("dimension", id));
            c.dimension = dimensionFromId(id);
            if (!c.dimension) return makeError(ErrorCode::InvalidInput, what + "unknown dimension \"" + id + "\"");
        }
        if (hasTopLevelField(json, "costCents")) {
            std::int64_t cents = 0;
            archive(cereal::make_nvp("costCents", cents));
            c.costCents = cents;
        }
        if (hasTopLevelField(json, "feasibility")) archive(cereal::make_nvp("feasibility", c.feasibility));
        if (Result<void> valid = validateClassification(c); !valid) return makeError(ErrorCode::InvalidInput, what + valid.error().detail);
        return payload;
    });
}

}  // namespace buurtstem
