// The demo neighbourhood: realistic ideas in several themes that let a visitor try the kiosk.
// Every item is marked as demo so it can never be mistaken for a resident's contribution.
#pragma once

#include "Idea.h"
#include "Initiative.h"
#include "Place.h"

#include <string>
#include <vector>

namespace buurtstem {

struct DemoNeighbourhood {
    std::string name;                // neighbourhood name shown on the home screen
    std::vector<IdeaDraft> ideas;    // a few dozen, several themes
    std::vector<std::string> places; // named places residents pick for "where is it?"
    std::string map;                      // the neighbourhood map's file name in the assets' maps folder
    std::vector<PlacePosition> positions; // where the places are on that map
    // A few initiatives with a plan, a budget under the default maximum and a fictitious contact
    // (sealed like a real one; the demo's staff key opens it).
    std::vector<InitiativeDraft> initiatives;
    // Residents' new entries that still wait for a facilitator (the moderation queue): one much
    // like an approved idea, one with a word of the moderation lists, one ordinary initiative.
    std::vector<IdeaDraft> waitingIdeas;
    std::vector<InitiativeDraft> waitingInitiatives;
};

const DemoNeighbourhood& demoNeighbourhood();

}  // namespace buurtstem
