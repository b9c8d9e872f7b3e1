// Five faces drawn with the ImDrawList; the chosen one gets a filled tile, a thick outline and a
// check mark, so it stands out without relying on colour.
#include "FaceScale.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

constexpr int kFaces = 5;
constexpr float kFaceMinMm = 9.0f;  // smallest face diameter: its expression must stay readable

float padding(const Ui& ui) { return ui.mm(1.2f); }

// The face for `score`: a circle with two eyes and a mouth that bends from down (1) through
// straight (3) to up (5).
void drawFace(ImDrawList* list, ImVec2 centre, float radius, int score, Colour fill, Colour ink, float line) {
    list->AddCircleFilled(centre, radius, fill);
    list->AddCircle(centre, radius, ink, 0, line);
    const float eyeRadius = radius * 0.11f;
    list->AddCircleFilled(ImVec2(centre.x - radius * 0.36f, centre.y - radius * 0.22f), eyeRadius, ink);
    list->AddCircleFilled(ImVec2(centre.x + radius * 0.36f, centre.y - radius * 0.22f), eyeRadius, ink);
    const float mood = static_cast<float>(score - 3) / 2.0f;  // -1 sad .. +1 happy
    const float base = centre.y + radius * 0.36f;
    const float halfWidth = radius * 0.45f;
    // The corners rise as the middle sinks: a smile. The curve's middle lies halfway between
    // the corners and the control point.
    const float corners = base - mood * radius * 0.14f;
    const float control = base + mood * radius * 0.62f;
    list->AddBezierQuadratic(ImVec2(centre.x - halfWidth, corners), ImVec2(centre.x, control),
                             ImVec2(centre.x + halfWidth, corners), ink, line * 1.2f);
}

void drawCheckBadge(ImDrawList* list, ImVec2 centre, float radius, Colour fill, Colour ink) {
    list->AddCircleFilled(centre, radius, fill);
    const ImVec2 points[] = {
        ImVec2(centre.x - radius * 0.5f, centre.y + radius * 0.02f),
        ImVec2(centre.x - radius * 0.14f, centre.y + radius * 0.38f),
        ImVec2(centre.x + radius * 0.52f, centre.y - radius * 0.36f),
    };
    list->AddPolyline(points, 3, ink, ImDrawFlags_None, radius * 0.3f);
}

}  // namespace

float faceScaleComfortableHeight(const Ui& ui) {
    return std::max(ui.mm(kFaceTargetMinMm), ui.mm(12.0f) + ui.fonts.body->FontSize + 3 * padding(ui));
}

float faceScaleMinWidth(const Ui& ui) { return kFaces * ui.mm(kFaceTargetMinMm) + (kFaces - 1) * ui.metrics.gap(); }

int faceScale(Ui& ui, const FaceScaleSpec& spec) {
    const float gap = ui.metrics.gap();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 cell((spec.size.x - (kFaces - 1) * gap) / kFaces, spec.size.y);
    IM_ASSERT(cell.x >= ui.mm(kFaceTargetMinMm) - 0.5f && cell.y >= ui.mm(kFaceTargetMinMm) - 0.5f &&
              "each face is a touch target of at least 14 mm");

    const Palette& c = ui.colours;
    const float pad = padding(ui);
    ImFont* numberFont = ui.fonts.body;
    const float numberHeight = numberFont->FontSize;
    const float numberWidth = measureText(numberFont, "5").x;
    // The face as large as the cell allows, up to 20 mm across (larger adds nothing), with the
    // number under it; when that leaves too small a face, the number goes beside it.
    const float maxRadius = ui.mm(10.0f);
    float radius = std::min({(cell.x - 2 * pad) * 0.5f, (cell.y - numberHeight - 3 * pad) * 0.5f, maxRadius});
    const bool numberBeside = 2 * radius < ui.mm(kFaceMinMm);
    if (numberBeside) radius = std::min({(cell.y - 2 * pad) * 0.5f, (cell.x - numberWidth - 3 * pad) * 0.5f, maxRadius});
    const ImVec2 block = numberBeside ? ImVec2(2 * radius + pad + numberWidth, 2 * radius)
                                      : ImVec2(2 * radius, 2 * radius + pad + numberHeight);
    const float rounding = ui.mm(2.5f);
    ImDrawList* list = ImGui::GetWindowDrawList();

    int tappedScore = 0;
    for (int score = 1; score <= kFaces; ++score) {
        // In reading order: the saddest face first, from the right in a right-to-left interface.
        const int slot = rightToLeft() ? kFaces - score : score - 1;
        const ImVec2 min(origin.x + static_cast<float>(slot) * (cell.x + gap), origin.y);
        const ImVec2 max(min.x + cell.x, min.y + cell.y);
        const std::string id = spec.idPrefix + "." + std::to_string(score);
        const bool chosen = spec.value == score;

        ImGui::SetCursorScreenPos(min);
        ImGui::PushID(id.c_str());
        if (ImGui::InvisibleButton("##face", cell)) tappedScore = score;
        const bool held = ImGui::IsItemActive() && ImGui::IsItemHovered();
        ImGui::PopID();
        ui.widgets.add({id, min.x, min.y, max.x, max.y, true, chosen});

        list->AddRectFilled(min, max, chosen ? c.primary : c.surface, rounding);
        if (chosen)
            list->AddRect(min, max, c.selected, rounding, 0, ui.mm(1.0f));
        else
            list->AddRect(min, max, c.border, rounding, 0, std::max(1.0f, ui.mm(0.35f)));

        const ImVec2 blockMin(min.x + (cell.x - block.x) * 0.5f, min.y + (cell.y - block.y) * 0.5f);
        const ImVec2 centre(blockMin.x + radius, blockMin.y + radius);
        // The face keeps its light fill when chosen, so its expression stays as readable.
        drawFace(list, centre, radius, score, chosen ? c.surface : c.background, c.text, ui.mm(0.6f));

        const std::string number = std::to_string(score);
        const ImVec2 numberSize = measureText(numberFont, number);
        const ImVec2 numberPos = numberBeside ? ImVec2(blockMin.x + 2 * radius + pad, centre.y - numberSize.y * 0.5f)
                                              : ImVec2(centre.x - numberSize.x * 0.5f, blockMin.y + 2 * radius + pad);
        drawText(list, numberFont, numberPos, chosen ? c.onPrimary : c.text, number);

        if (chosen) {
            const float badge = ui.mm(3.2f);
            drawCheckBadge(list, ImVec2(max.x - pad - badge, min.y + pad + badge), badge, c.onPrimary, c.primary);
        }
        if (held) list->AddRectFilled(min, max, c.pressed, rounding);
    }

    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(spec.size);
    return tappedScore;
}

}  // namespace buurtstem::ui
