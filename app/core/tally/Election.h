// Election: one participatory-budgeting vote as the tally sees it — the budget, the projects with
// their costs, and every ballot. Read from a Pabulib .pb file or built from a budget round.
// Money is an integer number of cents (1/100 of the currency unit), never floating point.
#pragma once

#include "../Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace buurtstem::tally {

using Money = std::int64_t;              // cents
inline constexpr Money kCentsPerUnit = 100;  // one whole currency unit (euro, złoty, franc)

// How residents filled in their ballot (Pabulib META vote_type).
enum class VoteType {
    Approval,    // "approval": a set of projects
    Choose1,     // "choose-1": exactly one project
    Cumulative,  // "cumulative": points spread over projects
    Scoring,     // "scoring": a score per project
    Ordinal,     // "ordinal": projects in order of preference, most preferred first
};
std::string_view voteTypeId(VoteType type);  // the Pabulib spelling
std::optional<VoteType> voteTypeFromId(std::string_view id);

struct Project {
    std::string id;    // Pabulib project_id: a string, not necessarily a number
    Money cost = 0;    // = 0 // in cents
    std::string name;  // = "" // may be empty
    std::optional<bool> selected;  // = nullopt // the official outcome, when the file has a `selected` column
    // The other PROJECTS columns as read (votes, score, category, ...), for export.
    std::vector<std::pair<std::string, std::string>> extra;
};

// The ballots, stored flat so a large election is a few arrays and not 100,000 small vectors:
// ballot b lists projects[ballotStart[b] .. ballotStart[b + 1]) as indexes into Election::projects,
// in the voter's order (most preferred first for ordinal ballots); `points` runs parallel to
// `projects` for cumulative and scoring ballots and is empty otherwise. A project appears at most
// once per ballot (the reader merges Pabulib's duplicates, adding their points).
struct Ballots {
    std::vector<std::uint32_t> ballotStart{0};  // size = ballot count + 1
    std::vector<std::uint32_t> projects;
    std::vector<std::int64_t> points;
    std::vector<std::string> voterIds;          // Pabulib voter_id, one per ballot
    std::vector<std::string> channels;          // = {} // how each ballot was cast ("kiosk", "paper"): a `channel` column when not empty

    std::size_t count() const { return ballotStart.size() - 1; }
};

struct Election {
    std::vector<std::pair<std::string, std::string>> meta;  // META key;value pairs in file order
    VoteType voteType = VoteType::Approval;
    Money budget = 0;  // = 0 // in cents
    std::vector<Project> projects;
    Ballots ballots;

    // The META value for `key`, if present (and not "None").
    std::optional<std::string_view> metaValue(std::string_view key) const;
};

}  // namespace buurtstem::tally
