// MeetingNeed (meedoen): what a resident needs to take part in a residents' evening — for
// meeting neighbours, care and living well, and the practical side of coming. Anonymous; only
// the facilitator's counts are read back.
#pragma once

#include "Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

// Each group is a fixed list of options with stable ids. Every group but Interpreter may hold
// several choices; Interpreter holds at most one (no choice = no interpreter needed).
enum class NeedGroup {
    Meeting,      // ontmoeting: what helps you meet neighbours
    Care,         // zorg: what help or care you need
    LivingWell,   // fijn wonen: what makes living here good
    Days,         // preferred days for an evening, mon..sun
    Times,        // morning, afternoon, evening
    Help,         // childcare, wheelchair access, hearing loop, large print, transport
    Interpreter,  // the language an interpreter should speak
};

inline constexpr std::size_t kNeedGroupCount = 7;
inline constexpr std::array<NeedGroup, kNeedGroupCount> kAllNeedGroups = {
    NeedGroup::Meeting, NeedGroup::Care, NeedGroup::LivingWell, NeedGroup::Days,
    NeedGroup::Times,   NeedGroup::Help, NeedGroup::Interpreter};
// The three questions that also take free text, in the order of MeetingNeedDraft::notes.
inline constexpr std::array<NeedGroup, 3> kNeedQuestions = {NeedGroup::Meeting, NeedGroup::Care, NeedGroup::LivingWell};

inline constexpr std::size_t kNeedNoteMax = 200;  // code points of free text per question
inline constexpr std::size_t kNeedOptionsMax = 16;  // options a group may have (bits in a mask)

constexpr std::size_t needGroupIndex(NeedGroup group) { return static_cast<std::size_t>(group); }

// Stable ids, used in payloads, read tables and exports; never translated, never changed.
const char* needGroupId(NeedGroup group);
std::optional<NeedGroup> needGroupFromId(std::string_view id);
std::span<const char* const> needOptions(NeedGroup group);
std::optional<std::size_t> needOptionIndex(NeedGroup group, std::string_view id);

// What the resident has chosen so far; owned by the screen's state until sent.
struct MeetingNeedDraft {
    std::array<std::uint16_t, kNeedGroupCount> chosen{};  // = none // bit i: needOptions(group)[i] chosen
    std::array<std::string, kNeedQuestions.size()> notes;  // = "" // free text per question, in kNeedQuestions order

    bool isChosen(NeedGroup group, std::size_t option) const;
    // Multi-choice groups flip the option; Interpreter picks it, or clears it when it was chosen.
    void toggle(NeedGroup group, std::size_t option);
    bool toggle(NeedGroup group, std::string_view optionId);  // false for an unknown id
    std::vector<std::string> chosenIds(NeedGroup group) const;  // in needOptions order
};

// Choices plus non-empty notes: 0 means nothing would be stored.
int answeredCount(const MeetingNeedDraft& draft);

// A need may be stored when something is answered, every bit names an option, Interpreter has
// at most one choice and each note is valid UTF-8 without control characters, at most 200 code
// points. Errors: InvalidInput with the reason in `detail`.
Result<void> validateMeetingNeed(const MeetingNeedDraft& draft);

// The draft as it is stored: notes trimmed.
MeetingNeedDraft normalisedMeetingNeed(MeetingNeedDraft draft);

// For the facilitator: how many residents chose each option, and their notes, oldest first.
struct MeetingNeedNote {
    NeedGroup question = NeedGroup::Meeting;
    std::string text;
    bool operator==(const MeetingNeedNote&) const = default;
};

struct MeetingNeedSummary {
    std::int64_t needs = 0;  // stored needs, whatever they answered
    std::array<std::array<std::int64_t, kNeedOptionsMax>, kNeedGroupCount> counts{};  // [group][option]
    std::vector<MeetingNeedNote> notes;

    std::int64_t count(NeedGroup group, std::string_view optionId) const;
    bool operator==(const MeetingNeedSummary&) const = default;
};

}  // namespace buurtstem
