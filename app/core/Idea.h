// Idea (idee): a short wish or problem a resident shares at the kiosk, with a theme.
#pragma once

#include "Hlc.h"
#include "Theme.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace buurtstem {

// What the resident is typing; owned by the screen's state until submitted.
struct IdeaDraft {
    Theme theme = Theme::Other;
    bool themeChosen = false;  // = false // the resident has tapped a theme
    std::string title;         // short, one line
    std::string body;          // a few sentences
    std::string place;         // = "" // one of the neighbourhood's places; empty: the whole neighbourhood
    // Optional contact. Storage seals both to the staff's public key; the kiosk never keeps them readable.
    std::string contactName;     // = "" // how the resident wants to be addressed
    std::string contactAddress;  // = "" // phone number or e-mail address
    bool contactConsent = false; // = false // ticked "the neighbourhood team may contact me"

    bool hasContact() const { return !contactName.empty() || !contactAddress.empty(); }
};

inline constexpr std::size_t kIdeaTitleMin = 3;    // code points
inline constexpr std::size_t kIdeaTitleMax = 80;   // code points
inline constexpr std::size_t kIdeaBodyMax = 600;   // code points
inline constexpr std::size_t kContactNameMax = 60;      // code points
inline constexpr std::size_t kContactAddressMax = 100;  // code points: long e-mail addresses fit

enum class IdeaField { Theme, Title, Body, Place, Contact, Consent };
// For the contact: {Consent, Missing} = a name or address without consent; {Contact, Missing} =
// consent without a phone number or e-mail address to reach the resident by.
enum class IdeaProblem { Missing, TooShort, TooLong, InvalidText };

struct IdeaIssue {
    IdeaField field;
    IdeaProblem problem;
};

// Checks a draft before review; an empty list means it may be submitted.
std::vector<IdeaIssue> validateIdea(const IdeaDraft& draft);

enum class IdeaStatus { New, Approved, Hidden };

// An idea, or an initiative (Initiative.h): an idea with a plan and a budget. Both share the
// list, the detail view, support and moderation.
enum class IdeaKind { Idea, Initiative };

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
    std::string place;          // empty: the whole neighbourhood
    bool contactGiven = false;  // = false // a sealed contact is stored; only the staff can open it
    bool demo = false;  // = false // part of the demo neighbourhood, shown with a "demo" mark
    IdeaKind kind = IdeaKind::Idea;  // = Idea
    std::int64_t budgetCents = 0;    // = 0 // an initiative's budget total; 0 for an idea
};

}  // namespace buurtstem
