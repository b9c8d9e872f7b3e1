// Moderation (beoordelen): what a facilitator does with a resident's new idea or initiative before
// residents see it, and afterwards: approve, hide with a reason, correct spelling, merge a
// duplicate into another idea, and classify (theme, partners, Leefbaarometer dimension, cost
// estimate, feasibility). Each is one event; these are their payloads.
#pragma once

#include "Initiative.h"
#include "Result.h"
#include "Theme.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

inline constexpr std::string_view kEventIdeaHidden = "idea.hidden";
inline constexpr std::string_view kEventIdeaCorrected = "idea.corrected";
inline constexpr std::string_view kEventIdeaMerged = "idea.merged";
inline constexpr std::string_view kEventIdeaClassified = "idea.classified";

// Why a facilitator hid an idea. Other comes with a few words typed by the facilitator.
enum class HideReason { Insulting, PersonalData, Advertising, NotForNeighbourhood, Other };
inline constexpr std::array<HideReason, 5> kAllHideReasons = {HideReason::Insulting, HideReason::PersonalData,
                                                             HideReason::Advertising, HideReason::NotForNeighbourhood,
                                                             HideReason::Other};
// Stable ids: insulting, personal_data, advertising, not_for_neighbourhood, other.
std::string_view hideReasonId(HideReason reason);
std::optional<HideReason> hideReasonFromId(std::string_view id);

// The five dimensions of the Leefbaarometer 3.0, so an idea can be set beside the national
// liveability figures: woningvoorraad, fysieke omgeving, voorzieningen, sociale samenhang,
// overlast en onveiligheid.
enum class LiveabilityDimension { Housing, PhysicalEnvironment, Amenities, SocialCohesion, NuisanceAndSafety };
inline constexpr std::array<LiveabilityDimension, 5> kAllDimensions = {
    LiveabilityDimension::Housing, LiveabilityDimension::PhysicalEnvironment, LiveabilityDimension::Amenities,
    LiveabilityDimension::SocialCohesion, LiveabilityDimension::NuisanceAndSafety};
// Stable ids: housing, physical_environment, amenities, social_cohesion, nuisance_and_safety.
std::string_view dimensionId(LiveabilityDimension dimension);
std::optional<LiveabilityDimension> dimensionFromId(std::string_view id);

inline constexpr std::size_t kHideNoteMax = 200;         // code points of the typed reason
inline constexpr std::size_t kFeasibilityNoteMax = 400;  // code points
inline constexpr std::int64_t kCostEstimateMaxCents = 100'000'000;  // € 1,000,000

// The facilitator's judgement of an idea, for the staff's integral list. Everything may be left
// open; a later classification replaces the whole of an earlier one.
struct Classification {
    Theme theme = Theme::Other;
    std::vector<Partner> partners;                  // = {} // partners involved, in kAllPartners order
    std::optional<LiveabilityDimension> dimension;  // = nullopt // not chosen
    std::optional<std::int64_t> costCents;          // = nullopt // not estimated; euro cents, 0 allowed
    std::string feasibility;                        // = "" // a short note: "kan in het voorjaar, met de gemeente"

    bool operator==(const Classification&) const = default;
};

// What facilitators decided about one idea, beyond its status (read back from storage).
struct ModerationRecord {
    std::optional<std::string> originalTitle;  // = nullopt // set once corrected: the text as submitted
    std::optional<std::string> originalBody;   // = nullopt
    std::optional<HideReason> hiddenReason;    // = nullopt // hidden by a facilitator, and why
    std::string hiddenNote;                    // = "" // the words typed for Other
    std::string mergedInto;                    // = "" // the idea id it joined
    std::optional<Classification> classification;  // = nullopt // never classified
};

// Payload of kEventIdeaHidden: residents no longer see the idea. `note` is the facilitator's own
// words for Other (required then, empty otherwise).
struct IdeaHidden {
    std::string ideaId;
    HideReason reason = HideReason::Other;
    std::string note;  // = ""
};

// Payload of kEventIdeaCorrected: the spelling of the title and text put right. Residents see
// these; the read tables keep the text as first submitted beside them.
struct IdeaCorrected {
    std::string ideaId;
    std::string title;
    std::string body;
};

// Payload of kEventIdeaMerged: `from` is a duplicate of `into`. Its supports count for `into`,
// its reference code leads to `into`, and it no longer shows on its own.
struct IdeaMerged {
    std::string from;  // idea id
    std::string into;  // idea id
};

// Payload of kEventIdeaClassified.
struct IdeaClassified {
    std::string ideaId;
    Classification classification;
};

// One line for the audit log, in stable ids and plain numbers:
// "theme green; partners corporation, municipality; dimension physical_environment; cost 1850.50; feasibility ...".
std::string describeClassification(const Classification& classification);

// InvalidInput naming the problem: an Other without a note, a note too long or with control
// characters, a cost below 0 or above kCostEstimateMaxCents, a feasibility note too long.
Result<void> validateHide(const IdeaHidden& hide);
Result<void> validateClassification(const Classification& classification);

// Each decode refuses an empty id (and for a merge an idea merged into itself), an unknown
// reason, theme, partner or dimension, and what the validate functions above refuse.
std::string encodePayload(const IdeaHidden& payload);
Result<IdeaHidden> decodeIdeaHidden(std::string_view json);
std::string encodePayload(const IdeaCorrected& payload);
Result<IdeaCorrected> decodeIdeaCorrected(std::string_view json);
std::string encodePayload(const IdeaMerged& payload);
Result<IdeaMerged> decodeIdeaMerged(std::string_view json);
std::string encodePayload(const IdeaClassified& payload);
Result<IdeaClassified> decodeIdeaClassified(std::string_view json);

}  // namespace buurtstem
