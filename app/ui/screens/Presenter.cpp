// Presenter: the projector's view at a residents' evening, laid out as panels — the agenda with
// its timer and the dot vote in a narrow column, the open round's live results and what we heard
// in the wide one (the columns swap sides in a right-to-left language). A panel without content
// (no agenda, no dot vote) gives its room to the others. Nothing here can be touched.
#include "Screens.h"

#include "../Icons.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

float presenterPanel(PresenterContext& ctx, ImVec2 min, ImVec2 max, const char* iconText, const std::string& heading) {
    Ui& ui = ctx.ui;
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, ui.colours.surface, ui.mm(3));
    list->AddRect(min, max, ui.colours.border, ui.mm(3), 0, ui.mm(0.5f));
    const float pad = ui.mm(4);
    const std::string text = rightToLeft() ? heading + "  " + iconText : std::string(iconText) + "  " + heading;
    presenterLine(list, ui.fonts.heading, min.x + pad, max.x - pad, min.y + pad * 0.7f, ui.colours.selected, text);
    return min.y + pad * 0.7f + ui.fonts.heading->FontSize + ui.mm(2);
}

float presenterLine(ImDrawList* list, ImFont* font, float left, float right, float y, Colour colour, const std::string& text,
                    bool atEnd) {
    if (right <= left) return 0;
    const std::string fitted = fitOnOneLine(font, text, right - left);
    const float width = measureText(font, fitted).x;
    const bool fromRight = rightToLeft() != atEnd;
    drawText(list, font, ImVec2(fromRight ? right - width : left, y), colour, fitted);
    return width;
}

float presenterParagraph(ImDrawList* list, ImFont* font, float left, float right, float y, Colour colour, const std::string& text,
                         int maxLines) {
    const float wrap = right - left;
    if (wrap <= 0) return 0;
    const ImVec2 size = measureText(font, text, wrap);
    if (size.y > font->FontSize * static_cast<float>(maxLines) + 0.5f) {
        presenterLine(list, font, left, right, y, colour, text);
        return font->FontSize;
    }
    drawText(list, font, ImVec2(rightToLeft() ? right - size.x : left, y), colour, text, wrap);
    return size.y;
}

void presenterBar(PresenterContext& ctx, ImVec2 min, ImVec2 max, double value, double whole, Colour fill) {
    Ui& ui = ctx.ui;
    ImDrawList* list = ImGui::GetWindowDrawList();
    const float rounding = std::min(ui.mm(1.5f), (max.y - min.y) * 0.5f);
    list->AddRectFilled(min, max, ui.colours.secondary, rounding);
    if (whole <= 0 || value <= 0) return;
    const float width = (max.x - min.x) * static_cast<float>(std::min(1.0, value / whole));
    if (rightToLeft())
        list->AddRectFilled(ImVec2(max.x - width, min.y), max, fill, rounding);
    else
        list->AddRectFilled(min, ImVec2(min.x + width, max.y), fill, rounding);
}

void drawPresenter(PresenterContext& ctx, ImVec2 size) {
    Ui& ui = ctx.ui;
    const PresenterView& view = ctx.view;
    const float margin = std::max(ui.mm(4), size.y * 0.02f);
    const float gap = margin;
    const ImVec2 min(margin, margin);
    const ImVec2 max(size.x - margin, size.y - margin);

    const bool agenda = !view.feed.agenda.empty();
    const bool dots = view.feed.dotVote.has_value() && !view.feed.dotVote->options.empty();
    // The narrow column holds the evening's own panels; without them the wide one takes it all.
    const bool narrow = agenda || dots;
    const float narrowWidth = narrow ? (max.x - min.x - gap) * 0.34f : 0.0f;
    const float wideWidth = max.x - min.x - (narrow ? narrowWidth + gap : 0.0f);
    const bool rtl = rightToLeft();
    const float narrowLeft = rtl ? max.x - narrowWidth : min.x;
    const float wideLeft = rtl ? min.x : max.x - wideWidth;

    if (narrow) {
        const float split = agenda && dots ? min.y + (max.y - min.y - gap) * 0.56f : max.y;
        if (agenda) drawPresenterAgenda(ctx, ImVec2(narrowLeft, min.y), ImVec2(narrowLeft + narrowWidth, split));
        if (dots)
            drawPresenterDotVote(ctx, ImVec2(narrowLeft, agenda ? split + gap : min.y), ImVec2(narrowLeft + narrowWidth, max.y));
    }
    const float resultsBottom = min.y + (max.y - min.y - gap) * 0.54f;
    drawPresenterResults(ctx, ImVec2(wideLeft, min.y), ImVec2(wideLeft + wideWidth, resultsBottom));
    drawPresenterHeard(ctx, ImVec2(wideLeft, resultsBottom + gap), ImVec2(wideLeft + wideWidth, max.y));
}

}  // namespace buurtstem::ui
