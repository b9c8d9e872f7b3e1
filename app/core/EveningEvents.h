// The events of a residents' evening and their JSON payloads. Each names its evening (or dot
// vote) by id, so logs of several kiosks merge; none holds anything about a person.
#pragma once

#include "Evening.h"
#include "Result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace buurtstem {

inline constexpr std::string_view kEventEveningSaved = "evening.saved";                // the plan, replacing an earlier one
inline constexpr std::string_view kEventEveningCheckedIn = "evening.checked_in";       // one person in
inline constexpr std::string_view kEventEveningItemStarted = "evening.item_started";   // an agenda item runs from now
inline constexpr std::string_view kEventDotVoteOpened = "evening.dot_vote_opened";
inline constexpr std::string_view kEventDotGiven = "evening.dot_given";
inline constexpr std::string_view kEventDotVoteClosed = "evening.dot_vote_closed";
inline constexpr std::string_view kEventMinutesSaved = "evening.minutes_saved";        // the whole minutes, replacing earlier ones

// {"id":"..","title":"..","date":"2026-11-28","start":1170,"place":"..","agenda":[{"title":"Welkom","minutes":10}]}
struct EveningSaved {
    Evening evening;
};
// {"evening":"..","street":"","postcode":"1234"} (street and postcode left out when empty)
struct EveningCheckedIn {
    std::string eveningId;
    CheckIn checkIn;
};
// {"evening":"..","item":2,"atMs":1764355800000}: atMs is the store's clock, for the presenter's timer.
struct EveningItemStarted {
    std::string eveningId;
    std::int64_t item = 0;
    std::int64_t atMs = 0;
};
struct DotVoteOpened {
    std::string eveningId;
    std::string voteId;
    std::string question;
    std::vector<std::string> options;
};
struct DotGiven {
    std::string voteId;
    std::int64_t option = 0;
};
struct DotVoteClosed {
    std::string voteId;
};
// {"evening":"..","decisions":[{"text":"..","idea":""}],"actions":[{"who":"..","what":"..","due":"2026-12-12"}],
//  "next":{"date":"..","start":1170,"minutes":120,"place":".."}} ("due" and "next" left out when not set)
struct MinutesSaved {
    std::string eveningId;
    Minutes minutes;
};

// Decoding refuses what validation refuses (validateEvening, validateCheckIn, validateDotVote,
// validateMinutes), an empty id, and an item or option below 0.
std::string encodePayload(const EveningSaved& payload);
Result<EveningSaved> decodeEveningSaved(std::string_view json);
std::string encodePayload(const EveningCheckedIn& payload);
Result<EveningCheckedIn> decodeEveningCheckedIn(std::string_view json);
std::string encodePayload(const EveningItemStarted& payload);
Result<EveningItemStarted> decodeEveningItemStarted(std::string_view json);
std::string encodePayload(const DotVoteOpened& payload);
Result<DotVoteOpened> decodeDotVoteOpened(std::string_view json);
std::string encodePayload(const DotGiven& payload);
Result<DotGiven> decodeDotGiven(std::string_view json);
std::string encodePayload(const DotVoteClosed& payload);
Result<DotVoteClosed> decodeDotVoteClosed(std::string_view json);
std::string encodePayload(const MinutesSaved& payload);
Result<MinutesSaved> decodeMinutesSaved(std::string_view json);

}  // namespace buurtstem
