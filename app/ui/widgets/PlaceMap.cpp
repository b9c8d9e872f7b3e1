// The neighbourhood map: the picture (or a placeholder), numbered markers on the places' spots,
// and each name in the first free spot beside its marker, so names never cover a marker or
// each other at any size or text scale. A name that finds no room is left out: the number on
// the marker still matches the list.
#include "PlaceMap.h"

#include <imgui_internal.h>

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

struct Marker {
    int index = 0;
    ImVec2 centre{0, 0};
    ImRect disc;
    std::string name;  // as drawn (cut short when longer than the map allows)
    std::optional<ImRect> label;
};

bool overlapsAny(const ImRect& rect, const std::vector<ImRect>& taken) {
    return std::any_of(taken.begin(), taken.end(), [&](const ImRect& other) { return rect.Overlaps(other); });
}

}  // namespace

ImVec2 placeMapSize(const std::optional<platform::Texture>& texture, ImVec2 room) {
    const float aspect =
        texture && texture->width > 0 && texture->height > 0 ? static_cast<float>(texture->width) / texture->height : 4.0f / 3.0f;
    float width = std::max(0.0f, room.x);
    float height = width / aspect;
    if (height > room.y) {
        height = std::max(0.0f, room.y);
        width = height * aspect;
    }
    return ImVec2(width, height);
}

int placeMap(Ui& ui, const PlaceMapSpec& spec) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + spec.size.x, min.y + spec.size.y);
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = ui.mm(2);
    if (spec.texture)
        list->AddImageRounded(spec.texture->id, min, max, ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, rounding);
    else
        list->AddRectFilled(min, max, ui.colours.surface, rounding);
    // "The whole neighbourhood": the map itself is the choice, so its edge shows it.
    if (spec.wholeChosen)
        list->AddRect(min, max, ui.colours.selected, rounding, 0, ui.mm(1.2f));
    else
        list->AddRect(min, max, ui.colours.border, rounding, 0, std::max(1.0f, ui.mm(0.35f)));

    // Markers on their spots, kept whole inside the map.
    const float radius = ui.metrics.touchMin() * 0.5f;
    std::vector<Marker> markers;
    std::vector<ImRect> taken;
    const std::size_t count = spec.names && spec.spots ? std::min(spec.names->size(), spec.spots->size()) : 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::optional<MapPoint>& spot = (*spec.spots)[i];
        if (!spot) continue;
        Marker marker;
        marker.index = static_cast<int>(i);
        const float x = min.x + spec.size.x * static_cast<float>(spot->x) / kMapScale;
        const float y = min.y + spec.size.y * static_cast<float>(spot->y) / kMapScale;
        marker.centre = ImVec2(std::clamp(x, min.x + radius, std::max(min.x + radius, max.x - radius)),
                               std::clamp(y, min.y + radius, std::max(min.y + radius, max.y - radius)));
        marker.disc = ImRect(marker.centre.x - radius, marker.centre.y - radius, marker.centre.x + radius,
                             marker.centre.y + radius);
        taken.push_back(marker.disc);
        markers.push_back(std::move(marker));
    }

    // Names beside their markers: after it in reading order, before it, under it, above it.
    ImFont* font = ui.fonts.small;
    const float padX = ui.mm(1.5f), padY = ui.mm(1.0f), space = ui.mm(1.0f);
    const float labelHeight = font->FontSize + 2 * padY;
    const ImRect inside(min.x + space, min.y + space, max.x - space, max.y - space);
    for (Marker& marker : markers) {
        marker.name = fitOnOneLine(font, (*spec.names)[static_cast<std::size_t>(marker.index)], spec.size.x * 0.6f);
        const float width = measureText(font, marker.name).x + 2 * padX;
        const ImVec2 c = marker.centre;
        const ImRect after(c.x + radius + space, c.y - labelHeight / 2, c.x + radius + space + width, c.y + labelHeight / 2);
        const ImRect before(c.x - radius - space - width, c.y - labelHeight / 2, c.x - radius - space, c.y + labelHeight / 2);
        const ImRect under(c.x - width / 2, c.y + radius + space, c.x + width / 2, c.y + radius + space + labelHeight);
        const ImRect over(c.x - width / 2, c.y - radius - space - labelHeight, c.x + width / 2, c.y - radius - space);
        const ImRect candidates[] = {rightToLeft() ? before : after, rightToLeft() ? after : before, under, over};
        for (const ImRect& candidate : candidates) {
            if (!inside.Contains(candidate) || overlapsAny(candidate, taken)) continue;
            marker.label = candidate;
            taken.push_back(candidate);
            break;
        }
    }

    // The chosen one last, so it is drawn on top of anything near it.
    std::stable_sort(markers.begin(), markers.end(),
                     [&](const Marker& a, const Marker& b) { return (a.index == spec.selected) < (b.index == spec.selected); });
    int tapped = -1;
    ImGui::PushID(spec.id);
    for (const Marker& marker : markers) {
        const bool chosen = marker.index == spec.selected;
        const std::string id = std::string(spec.id) + "." + std::to_string(marker.index);
        ImGui::SetCursorScreenPos(marker.disc.Min);
        ImGui::PushID(marker.index);
        if (ImGui::InvisibleButton("##marker", marker.disc.GetSize())) tapped = marker.index;
        const bool held = ImGui::IsItemActive() && ImGui::IsItemHovered();
        if (marker.label) {
            // The name is a bonus target; the marker is the one a finger is sure to hit.
            ImGui::SetCursorScreenPos(marker.label->Min);
            if (ImGui::InvisibleButton("##name", marker.label->GetSize())) tapped = marker.index;
        }
        ImGui::PopID();
        ui.widgets.add({id, marker.disc.Min.x, marker.disc.Min.y, marker.disc.Max.x, marker.disc.Max.y, true, chosen});

        if (marker.label) {
            list->AddRectFilled(marker.label->Min, marker.label->Max, chosen ? ui.colours.primary : ui.colours.surface, ui.mm(1.5f));
            list->AddRect(marker.label->Min, marker.label->Max, chosen ? ui.colours.primary : ui.colours.selected, ui.mm(1.5f), 0,
                          std::max(1.0f, ui.mm(0.35f)));
            drawText(list, font, ImVec2(marker.label->Min.x + padX, marker.label->Min.y + padY),
                     chosen ? ui.colours.onPrimary : ui.colours.text, marker.name);
        }
        // A white disc with a coloured ring; the chosen one filled, with a dark ring around it,
        // so it stands out by shape as well as by colour.
        if (chosen) list->AddCircleFilled(marker.centre, radius + ui.mm(0.8f), ui.colours.text);
        list->AddCircleFilled(marker.centre, radius, chosen ? ui.colours.primary : ui.colours.surface);
        list->AddCircle(marker.centre, radius - ui.mm(0.3f), chosen ? ui.colours.onPrimary : ui.colours.selected, 0, ui.mm(0.6f));
        if (held) list->AddCircleFilled(marker.centre, radius, ui.colours.pressed);
        const std::string number = std::to_string(marker.index + 1);
        const ImVec2 size = measureText(ui.fonts.body, number);
        drawText(list, ui.fonts.body, ImVec2(marker.centre.x - size.x / 2, marker.centre.y - size.y / 2),
                 chosen ? ui.colours.onPrimary : ui.colours.text, number);
    }
    ImGui::PopID();
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(spec.size);
    return tapped;
}

}  // namespace buurtstem::ui
