// The demo neighbourhood: realistic ideas in several themes that let a visitor try the kiosk.
// Every item is marked as demo so it can never be mistaken for a resident's contribution.
#pragma once

#include "Idea.h"

#include <string>
#include <vector>

namespace buurtstem {

struct DemoNeighbourhood {
    std::string name;                // neighbourhood name shown on the home screen
    std::vector<IdeaDraft> ideas;    // a few dozen, several themes
    std::vector<std::string> places; // named places residents pick for "where is it?"
};

const DemoNeighbourhood& demoNeighbourhood();

}  // namespace buurtstem
