// Names of the vote types as Pabulib spells them, and META look-up for an Election.
#include "Election.h"

#include <array>

namespace buurtstem::tally {

namespace {

struct VoteTypeName {
    VoteType type;
    std::string_view id;
};

constexpr std::array<VoteTypeName, 5> kVoteTypeNames{{
    {VoteType::Approval, "approval"},
    {VoteType::Choose1, "choose-1"},
    {VoteType::Cumulative, "cumulative"},
    {VoteType::Scoring, "scoring"},
    {VoteType::Ordinal, "ordinal"},
}};

}  // namespace

std::string_view voteTypeId(VoteType type) {
    for (const VoteTypeName& name : kVoteTypeNames)
        if (name.type == type) return name.id;
    // Only reachable with a value cast from an integer outside the enum.
    return "approval";
}

std::optional<VoteType> voteTypeFromId(std::string_view id) {
    for (const VoteTypeName& name : kVoteTypeNames)
        if (name.id == id) return name.type;
    return std::nullopt;
}

std::optional<std::string_view> Election::metaValue(std::string_view key) const {
    for (const auto& [metaKey, value] : meta) {
        if (metaKey != key) continue;
        // Pabulib writes None for a value it does not know; a repeated key does not hide the first.
        if (value == "None") return std::nullopt;
        return std::string_view(value);
    }
    return std::nullopt;
}

}  // namespace buurtstem::tally
