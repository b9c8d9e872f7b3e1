// PlaceMap: the neighbourhood map with a numbered marker on every place that has a spot, and the
// place's name beside it where there is room. A marker is a 12 mm target; tapping it (or its
// name) chooses the place. The chosen marker stands out; with "the whole neighbourhood" chosen,
// the whole map does.
#pragma once

#include "../Ui.h"
#include "../../core/Place.h"
#include "../../platform/Textures.h"

#include <optional>
#include <string>
#include <vector>

namespace buurtstem::ui {

struct PlaceMapSpec {
    const char* id = "";  // markers are "<id>.<index>", e.g. "#idea.place.map.3"
    ImVec2 size{0, 0};    // the map's size on screen (see placeMapSize)
    std::optional<platform::Texture> texture;           // = nullopt // no picture: a plain placeholder
    const std::vector<std::string>* names = nullptr;    // the places, in list order (numbers count from 1)
    const std::vector<std::optional<MapPoint>>* spots = nullptr;  // same order; nullopt: not on the map
    int selected = -1;           // = -1 // index of the chosen place, -1 for none
    bool wholeChosen = false;    // = false // "the whole neighbourhood" is chosen: the map's edge stands out
};

// The largest size with the picture's proportions (4:3 without a picture) that fits in `room`.
ImVec2 placeMapSize(const std::optional<platform::Texture>& texture, ImVec2 room);

// Draws the map at the cursor. Returns the index of the place tapped, or -1.
int placeMap(Ui& ui, const PlaceMapSpec& spec);

}  // namespace buurtstem::ui
