// Meeting-need option ids, the draft's choices and the rules a need must meet before it is stored.
#include "MeetingNeed.h"

#include "Utf8.h"

namespace buurtstem {

namespace {

// Append new options at the end of a list only: the position is the bit in a draft's mask.
constexpr const char* kMeetingOptions[] = {"place_to_meet", "activities", "coffee_morning", "neighbours_to_know"};
constexpr const char* kCareOptions[] = {"help_at_home", "someone_to_talk", "health_info", "informal_carers"};
constexpr const char* kLivingOptions[] = {"repairs", "safe_entrance", "quiet", "green"};
constexpr const char* kDayOptions[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr const char* kTimeOptions[] = {"morning", "afternoon", "evening"};
constexpr const char* kHelpOptions[] = {"childcare", "wheelchair", "hearing_loop", "large_print", "transport"};
constexpr const char* kInterpreterOptions[] = {"tr", "pl", "uk", "ar", "en", "other"};

bool hasControlCharacter(std::string_view text) {
    for (unsigned char byte : text)
        if (byte < 0x20 || byte == 0x7F) return true;
    return false;
}

}  // namespace

const char* needGroupId(NeedGroup group) {
    switch (group) {
        case NeedGroup::Meeting: return "meeting";
        case NeedGroup::Care: return "care";
        case NeedGroup::LivingWell: return "living_well";
        case NeedGroup::Days: return "days";
        case NeedGroup::Times: return "times";
        case NeedGroup::Help: return "help";
        case NeedGroup::Interpreter: return "interpreter";
    }
    return "meeting";
}

std::optional<NeedGroup> needGroupFromId(std::string_view id) {
    for (NeedGroup group : kAllNeedGroups)
        if (id == needGroupId(group)) return group;
    return std::nullopt;
}

std::span<const char* const> needOptions(NeedGroup group) {
    switch (group) {
        case NeedGroup::Meeting: return kMeetingOptions;
        case NeedGroup::Care: return kCareOptions;
        case NeedGroup::LivingWell: return kLivingOptions;
        case NeedGroup::Days: return kDayOptions;
        case NeedGroup::Times: return kTimeOptions;
        case NeedGroup::Help: return kHelpOptions;
        case NeedGroup::Interpreter: return kInterpreterOptions;
    }
    return {};
}

std::optional<std::size_t> needOptionIndex(NeedGroup group, std::string_view id) {
    const std::span<const char* const> options = needOptions(group);
    for (std::size_t i = 0; i < options.size(); ++i)
        if (id == options[i]) return i;
    return std::nullopt;
}

bool MeetingNeedDraft::isChosen(NeedGroup group, std::size_t option) const {
    return option < kNeedOptionsMax && (chosen[needGroupIndex(group)] >> option & 1u) != 0;
}

void MeetingNeedDraft::toggle(NeedGroup group, std::size_t option) {
    if (option >= needOptions(group).size()) return;
    std::uint16_t& mask = chosen[needGroupIndex(group)];
    const auto bit = static_cast<std::uint16_t>(1u << option);
    if (group == NeedGroup::Interpreter)
        mask = (mask & bit) != 0 ? 0 : bit;  // one language, or none
    else
        mask ^= bit;
}

bool MeetingNeedDraft::toggle(NeedGroup group, std::string_view optionId) {
    const std::optional<std::size_t> index = needOptionIndex(group, optionId);
    if (!index) return false;
    toggle(group, *index);
    return true;
}

std::vector<std::string> MeetingNeedDraft::chosenIds(NeedGroup group) const {
    std::vector<std::string> ids;
    const std::span<const char* const> options = needOptions(group);
    for (std::size_t i = 0; i < options.size(); ++i)
        if (isChosen(group, i)) ids.emplace_back(options[i]);
    return ids;
}

int answeredCount(const MeetingNeedDraft& draft) {
    int answered = 0;
    for (NeedGroup group : kAllNeedGroups) answered += static_cast<int>(draft.chosenIds(group).size());
    for (const std::string& note : draft.notes)
        if (!utf8::trim(note).empty()) ++answered;
    return answered;
}

Result<void> validateMeetingNeed(const MeetingNeedDraft& draft) {
    for (NeedGroup group : kAllNeedGroups) {
        const std::uint16_t mask = draft.chosen[needGroupIndex(group)];
        const std::size_t options = needOptions(group).size();
        // Bits past the list would be choices no screen offers and no summary counts.
        if (options < kNeedOptionsMax && (mask >> options) != 0)
            return makeError(ErrorCode::InvalidInput, std::string(needGroupId(group)) + ": unknown choice");
        if (group == NeedGroup::Interpreter && (mask & (mask - 1)) != 0)
            return makeError(ErrorCode::InvalidInput, "interpreter: more than one language");
    }
    for (std::size_t i = 0; i < kNeedQuestions.size(); ++i) {
        const std::string& note = draft.notes[i];
        const std::string what = std::string(needGroupId(kNeedQuestions[i])) + " text: ";
        if (!utf8::isValid(note)) return makeError(ErrorCode::InvalidInput, what + "not valid UTF-8");
        if (hasControlCharacter(note)) return makeError(ErrorCode::InvalidInput, what + "control character");
        if (utf8::countCodePoints(note) > kNeedNoteMax)
            return makeError(ErrorCode::InvalidInput, what + "longer than " + std::to_string(kNeedNoteMax));
    }
    // An empty need says nothing, yet would count as a resident in the facilitator's totals.
    if (answeredCount(draft) == 0) return makeError(ErrorCode::InvalidInput, "nothing answered");
    return {};
}

MeetingNeedDraft normalisedMeetingNeed(MeetingNeedDraft draft) {
    for (std::string& note : draft.notes) note = utf8::trim(note);
    return draft;
}

std::int64_t MeetingNeedSummary::count(NeedGroup group, std::string_view optionId) const {
    const std::optional<std::size_t> index = needOptionIndex(group, optionId);
    return index ? counts[needGroupIndex(group)][*index] : 0;
}

}  // namespace buurtstem
