// Checks on places and the neighbourhood map: what events may carry.
#include "Place.h"

#include <algorithm>

namespace buurtstem {

bool isOnMap(MapPoint point) { return point.x >= 0 && point.x <= kMapScale && point.y >= 0 && point.y <= kMapScale; }

bool isValidMapImageName(std::string_view name) {
    constexpr std::string_view kExtension = ".png";
    if (name.size() <= kExtension.size() || name.size() > 100 || name.front() == '.') return false;
    if (name.substr(name.size() - kExtension.size()) != kExtension) return false;
    // A plain file name: the kiosk opens it inside its own maps folder, never elsewhere.
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}

}  // namespace buurtstem
