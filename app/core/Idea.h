// Idea (idee): a short wish or problem a resident shares at the kiosk, with a theme.
#pragma once

#include "Hlc.h"
#include "Theme.h"

#include <cstddef>
#include <string>
#include <vector>

namespace buurtstem {

// What the resident is typing; owned by the screen's state until submitted.
struct IdeaDraft {
    Theme theme = Theme::Other;
    bool themeChosen = false;  // = false // the resident has tapped a theme
    std::string title;         // short, one line
    std::string body;          // a few sentences
};

inline constexpr std::size_t kIdeaTitleMin = 3;    // code points
inline constexpr std::size_t kIdeaTitleMax = 80;   // code points
inline constexpr std::size_t kIdeaBodyMax = 600;   // code points

enum class IdeaField { Theme, Title, Body };
enum class IdeaProblem { Missing, TooShort, TooLong, InvalidText };

struct IdeaIssue {
    IdeaField field;
    IdeaProblem problem;
};

// Checks a draft before review; an empty list means it may be submitted.
std::vector<IdeaIssue> validateIdea(const IdeaDraft& draft);

enum class IdeaStatus { New, Approved, Hidden };

// A stored idea as the screens read it (derived from the event log).
struct Idea {
    std::string id;         // UUID
    std::string reference;  // readable code, e.g. "K7P-3QX"
    Theme theme = Theme::Other;
    std::string title;
    std::string body;
    HlcStamp created;
    IdeaStatus status = IdeaStatus::New;
    int supports = 0;
    bool demo = false;  // = false // part of the demo neighbourhood, shown with a "demo" mark
};

}  // namespace buurtstem
