// Place (plek): a named spot in the neighbourhood an idea can be about, and where it lies on the
// neighbourhood map (buurtkaart) when the facilitator put it there.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace buurtstem {

inline constexpr int kMapScale = 1000;  // map positions are per mille of the image's width and height

// A spot on the neighbourhood map, independent of the image's pixel size and of the screen.
struct MapPoint {
    int x = 0;  // = 0 // per mille of the image's width, from its left edge (0..kMapScale)
    int y = 0;  // = 0 // per mille of its height, from its top edge (0..kMapScale)

    bool operator==(const MapPoint&) const = default;
};

struct Place {
    std::string name;
    std::optional<MapPoint> onMap;  // = nullopt // not on the map: residents find it in the list only

    bool operator==(const Place&) const = default;
};

// Where a named place lies on the map, as events carry it.
struct PlacePosition {
    std::string place;
    MapPoint at;
};

bool isOnMap(MapPoint point);
// A map image is named by its file name in the assets' maps folder ("kastanjebuurt.png"): letters,
// digits, '-', '_' and '.', ending in ".png", at most 100 characters, no folders, not hidden.
bool isValidMapImageName(std::string_view name);

}  // namespace buurtstem
