// PulseScreen: "how is the neighbourhood?" — one line per aspect (ontmoeting, zorg, fijn wonen,
// schoon, veilig), one tap on a face per line, lines may be skipped, then Send. Anonymous.
#include "Screens.h"

#include "../Icons.h"
#include "../widgets/FaceScale.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

// The lines sit right above Send and room to spare goes above them, so on a tall screen the
// faces move down to where a resident in a wheelchair reaches them.
constexpr float kRowMaxMm = 28.0f;       // taller rows only spread the five lines apart
constexpr float kFaceCellMaxMm = 40.0f;  // wider faces only move them away from their label
constexpr float kLabelMinMm = 50.0f;

const char* aspectIcon(PulseAspect aspect) {
    switch (aspect) {
        case PulseAspect::Meeting: return icon::Meeting;
        case PulseAspect::Care: return icon::Care;
        case PulseAspect::LivingWell: return icon::LivingWell;
        case PulseAspect::Clean: return icon::Clean;
        case PulseAspect::Safe: break;
    }
    return icon::CleanSafe;  // the shield
}

const char* aspectLabelKey(PulseAspect aspect) {
    switch (aspect) {
        case PulseAspect::Meeting: return "pulse.aspect.meeting";
        case PulseAspect::Care: return "pulse.aspect.care";
        case PulseAspect::LivingWell: return "pulse.aspect.living_well";
        case PulseAspect::Clean: return "pulse.aspect.clean";
        case PulseAspect::Safe: break;
    }
    return "pulse.aspect.safe";
}

const char* aspectHintKey(PulseAspect aspect) {
    switch (aspect) {
        case PulseAspect::Meeting: return "pulse.aspect.meeting.hint";
        case PulseAspect::Care: return "pulse.aspect.care.hint";
        case PulseAspect::LivingWell: return "pulse.aspect.living_well.hint";
        case PulseAspect::Clean: return "pulse.aspect.clean.hint";
        case PulseAspect::Safe: break;
    }
    return "pulse.aspect.safe.hint";
}

std::string labelText(const Ui& ui, PulseAspect aspect) {
    return std::string(aspectIcon(aspect)) + "  " + ui.tr(aspectLabelKey(aspect));
}

}  // namespace

void drawPulseScreen(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    PulseDraft& draft = ctx.state.pulse;
    screenHeading(ctx, ui.tr("pulse.heading"));
    screenText(ctx, ui.tr("pulse.help"), true);

    const float left = ctx.contentMin.x;
    const float width = ctx.contentSize.x;
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    const float gap = ui.metrics.gap();
    const bool mirrored = rightToLeft();
    // Positions are worked out left to right; a right-to-left interface mirrors them.
    auto place = [&](float x, float w) { return mirrored ? left + width - (x - left) - w : x; };

    // [Bottom] Send, and beside it why nothing happened, or that the pulse is anonymous.
    const std::string sendLabel = std::string(icon::Send) + "  " + ui.tr("pulse.send");
    const float sendWidth = std::min(width, std::max(ui.mm(80), measureText(ui.fonts.heading, sendLabel).x + ui.mm(16)));
    const bool problem = ctx.state.pulseProblemKey != nullptr;
    const std::string side = problem ? std::string(icon::Warning) + "  " + ui.tr(ctx.state.pulseProblemKey)
                                     : std::string(ui.tr("pulse.anonymous"));
    const float sideWidth = width - sendWidth - 2 * gap;
    const float sideHeight = measureText(ui.fonts.body, side, sideWidth).y;
    const float barHeight = std::max(ui.metrics.touchMain(), sideHeight);
    const float barTop = bottom - barHeight;

    // [Lines] A label column wide enough for the longest label and hint, the faces beside it.
    const float facesMax = 5 * ui.mm(kFaceCellMaxMm) + 4 * gap;
    float labelWidth = ui.mm(kLabelMinMm);
    for (PulseAspect aspect : kAllPulseAspects) {
        labelWidth = std::max(labelWidth, measureText(ui.fonts.heading, labelText(ui, aspect)).x + ui.mm(2));
        labelWidth = std::max(labelWidth, measureText(ui.fonts.small, ui.tr(aspectHintKey(aspect))).x + ui.mm(2));
    }
    // A long label wraps rather than squeeze the faces below a comfortable width.
    labelWidth = std::min(labelWidth, std::max(ui.mm(kLabelMinMm), width - gap - std::min(facesMax, width * 0.6f)));
    labelWidth = std::min(labelWidth, width - gap - faceScaleMinWidth(ui));
    const float facesWidth = std::min(facesMax, width - gap - labelWidth);

    auto labelHeight = [&](bool withHints) {
        float tallest = 0;
        for (PulseAspect aspect : kAllPulseAspects) {
            float h = measureText(ui.fonts.heading, labelText(ui, aspect), labelWidth).y;
            if (withHints) h += ui.mm(1) + measureText(ui.fonts.small, ui.tr(aspectHintKey(aspect)), labelWidth).y;
            tallest = std::max(tallest, h);
        }
        return tallest;
    };
    const float top = ImGui::GetCursorScreenPos().y;
    const float lines = static_cast<float>(kPulseAspectCount);
    const float rowsFit = (barTop - gap - top - (lines - 1) * gap) / lines;
    // The hints are examples, not needed to answer: they go first when room is short.
    const bool hints = labelHeight(true) <= std::max(rowsFit, faceScaleComfortableHeight(ui));
    const float minRow = std::max(ui.mm(kFaceTargetMinMm), labelHeight(hints));
    const float rowHeight = std::max(minRow, std::min(rowsFit, ui.mm(kRowMaxMm)));
    const float rowsHeight = lines * rowHeight + (lines - 1) * gap;
    float y = std::max(top, barTop - gap - rowsHeight);

    ImDrawList* list = ImGui::GetWindowDrawList();
    for (PulseAspect aspect : kAllPulseAspects) {
        const std::string label = labelText(ui, aspect);
        const char* hint = ui.tr(aspectHintKey(aspect));
        const ImVec2 labelSize = measureText(ui.fonts.heading, label, labelWidth);
        const ImVec2 hintSize = hints ? measureText(ui.fonts.small, hint, labelWidth) : ImVec2(0, 0);
        const float blockHeight = labelSize.y + (hints ? ui.mm(1) + hintSize.y : 0.0f);
        float textY = y + (rowHeight - blockHeight) * 0.5f;
        // Each text block starts at the label column's reading edge.
        auto textX = [&](float w) { return mirrored ? left + width - w : left; };
        drawText(list, ui.fonts.heading, ImVec2(textX(labelSize.x), textY), ui.colours.text, label, labelWidth);
        textY += labelSize.y + ui.mm(1);
        if (hints) drawText(list, ui.fonts.small, ImVec2(textX(hintSize.x), textY), ui.colours.mutedText, hint, labelWidth);

        ImGui::SetCursorScreenPos(ImVec2(place(left + labelWidth + gap, facesWidth), y));
        FaceScaleSpec faces;
        faces.idPrefix = std::string("#pulse.") + pulseAspectId(aspect);
        faces.value = draft.score(aspect);
        faces.size = ImVec2(facesWidth, rowHeight);
        if (const int tapped = faceScale(ui, faces)) {
            draft.score(aspect) = tapped;
            ctx.state.pulseProblemKey = nullptr;  // whatever went wrong, the resident is answering again
        }
        y += rowHeight + gap;
    }

    const float barY = std::max(y, barTop);
    ImGui::SetCursorScreenPos(ImVec2(place(left, sendWidth), barY + (barHeight - ui.metrics.touchMain()) * 0.5f));
    bool tappedTooEarly = false;
    ButtonSpec send;
    send.id = "pulse.send";
    send.label = ui.tr("pulse.send");
    send.icon = icon::Send;
    send.size = ImVec2(sendWidth, ui.metrics.touchMain());
    send.kind = ButtonKind::Primary;
    send.enabled = answeredCount(draft) > 0;
    send.tappedWhileDisabled = &tappedTooEarly;
    if (touchButton(ui, send)) ctx.actions.submitPulse = true;
    if (tappedTooEarly) ctx.state.pulseProblemKey = "pulse.problem.none";

    const float sideX = place(left + sendWidth + 2 * gap, sideWidth);
    const ImVec2 sideSize = measureText(ui.fonts.body, side, sideWidth);
    const ImVec2 sidePos(mirrored ? sideX + sideWidth - sideSize.x : sideX, barY + (barHeight - sideSize.y) * 0.5f);
    drawText(list, ui.fonts.body, sidePos, problem ? ui.colours.danger : ui.colours.mutedText, side, sideWidth);

    ImGui::SetCursorScreenPos(ImVec2(left, barY + barHeight));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace buurtstem::ui
