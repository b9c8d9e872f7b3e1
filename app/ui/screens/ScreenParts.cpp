// Pieces shared by screens: headings, paragraphs, problem messages, dates.
#include "Screens.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../../core/CivilDate.h"
#include "../widgets/TouchButton.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

void screenHeading(ScreenContext& ctx, const char* text) {
    textBlock(ctx.ui.fonts.heading, text, ctx.ui.colours.text, ImGui::GetContentRegionAvail().x);
}

void screenText(ScreenContext& ctx, std::string_view text, bool muted) {
    textBlock(ctx.ui.fonts.body, text, muted ? ctx.ui.colours.mutedText : ctx.ui.colours.text,
              ImGui::GetContentRegionAvail().x);
}

void problemText(ScreenContext& ctx, const char* text) {
    const std::string message = std::string(icon::Warning) + "  " + text;
    textBlock(ctx.ui.fonts.body, message, ctx.ui.colours.danger, ImGui::GetContentRegionAvail().x);
}

namespace {
constexpr float kCardPadMm = 5.0f;
std::string themeLine(const Ui& ui, Theme theme) {
    return std::string(themeIcon(theme)) + "  " + ui.tr(themeLabelKey(theme));
}
}  // namespace

float cardHeight(const Ui& ui, const CardContent& card, float width) {
    const float pad = ui.mm(kCardPadMm);
    const float inner = width - 2 * pad;
    float height = 2 * pad + measureText(ui.fonts.body, themeLine(ui, card.theme), inner).y + ui.mm(2) +
                   measureText(ui.fonts.heading, card.title, inner).y;
    if (!card.body.empty()) height += ui.mm(2) + measureText(ui.fonts.body, card.body, inner).y;
    if (!card.footer.empty()) height += ui.mm(3) + measureText(ui.fonts.small, card.footer, inner).y;
    return height;
}

void drawCard(Ui& ui, ImDrawList* list, ImVec2 min, float width, const CardContent& card) {
    const float pad = ui.mm(kCardPadMm);
    const float inner = width - 2 * pad;
    const float height = cardHeight(ui, card, width);
    const ImVec2 max(min.x + width, min.y + height);
    list->AddRectFilled(min, max, ui.colours.surface, ui.mm(2));
    list->AddRect(min, max, ui.colours.border, ui.mm(2), 0, ui.mm(0.35f));
    float y = min.y + pad;
    // Each block against the side the interface reads from, whatever script its text is in.
    const auto block = [&](ImFont* font, Colour colour, std::string_view text) {
        const ImVec2 size = measureText(font, text, inner);
        const float x = rightToLeft() ? min.x + pad + inner - size.x : min.x + pad;
        drawText(list, font, ImVec2(x, y), colour, text, inner);
        return size.y;
    };
    y += block(ui.fonts.body, ui.colours.mutedText, themeLine(ui, card.theme)) + ui.mm(2);
    y += block(ui.fonts.heading, ui.colours.text, card.title);
    if (!card.body.empty()) {
        y += ui.mm(2);
        y += block(ui.fonts.body, ui.colours.text, card.body);
    }
    if (!card.footer.empty()) {
        y += ui.mm(3);
        block(ui.fonts.small, ui.colours.mutedText, card.footer);
    }
}

void scrollingCard(ScreenContext& ctx, const CardContent& card, float bottom) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = cardHeight(ui, card, width);
    const float room = std::max(ui.metrics.touchMin(), bottom - ImGui::GetCursorScreenPos().y);
    ctx.pageScroll.begin(ui, "#card", ImVec2(width, std::min(height, room)));
    ImVec2 min, max;
    bool held = false;
    ctx.pageScroll.row(ui, "#card.body", height, &min, &max, &held);
    drawCard(ui, ImGui::GetWindowDrawList(), min, width, card);
    ctx.pageScroll.end(ui);
}

void thanksScreen(ScreenContext& ctx, const ThanksText& text) {
    Ui& ui = ctx.ui;
    const float width = ImGui::GetContentRegionAvail().x;
    textBlock(ui.fonts.title, std::string(icon::Check) + "  " + ui.tr(text.heading), ui.colours.selected, width);
    screenText(ctx, ui.tr(text.saved));
    ImGui::Dummy(ImVec2(0, ui.mm(2)));
    screenHeading(ctx, ui.tr(text.nextHeading));
    screenText(ctx, ui.tr(text.next));

    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    const float buttonWidth = std::min(width, ui.mm(120));
    const float x = rightToLeft() ? ctx.contentMin.x + width - buttonWidth : ctx.contentMin.x;
    ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    ButtonSpec done;
    done.id = text.done;
    done.label = ui.tr(text.done);
    done.icon = icon::Home;
    done.size = ImVec2(buttonWidth, ui.metrics.touchMain());
    done.kind = ButtonKind::Primary;
    if (touchButton(ui, done)) ctx.actions.home = true;
}

ButtonPair bottomButtons(ScreenContext& ctx, ButtonSpec secondary, ButtonSpec primary) {
    Ui& ui = ctx.ui;
    const float gap = ui.metrics.gap();
    const float buttonsTop = ctx.contentMin.y + ctx.contentSize.y - ui.metrics.touchMain();
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, std::max(ImGui::GetCursorScreenPos().y, buttonsTop)));
    const ImVec2 size((ctx.contentSize.x - gap) / 2, ui.metrics.touchMain());
    secondary.size = size;
    primary.size = size;
    const bool mirrored = rightToLeft();
    const bool firstTapped = touchButton(ui, mirrored ? primary : secondary);
    ImGui::SameLine(0, gap);
    const bool secondTapped = touchButton(ui, mirrored ? secondary : primary);
    return {mirrored ? secondTapped : firstTapped, mirrored ? firstTapped : secondTapped};
}

ImVec2 gridCell(ImVec2 origin, int index, int columns, ImVec2 cellSize, float gap) {
    const int row = index / columns;
    int column = index % columns;
    if (rightToLeft()) column = columns - 1 - column;
    return ImVec2(origin.x + static_cast<float>(column) * (cellSize.x + gap), origin.y + static_cast<float>(row) * (cellSize.y + gap));
}

std::string ideaDate(const Ui& ui, const Idea& idea) {
    // The HLC's wall time is milliseconds since 1970 (UTC); a day is precise enough here.
    return dayMonthYear(ui, idea.created.wallMs());
}

CodeKeys codeKeyboard(ScreenContext& ctx, std::string& text, int maxCodePoints, const char* doneKey) {
    Ui& ui = ctx.ui;
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    ImGui::SetCursorScreenPos(ImVec2(ctx.contentMin.x, bottom - ctx.keyboard.height(ui)));
    KeyboardOptions options;
    options.maxCodePoints = maxCodePoints;
    options.doneKey = doneKey;
    options.native = KeyboardLayer::Letters;
    const std::string before = text;
    const KeyboardEvent event = ctx.keyboard.draw(ui, text, options, ImGui::GetContentRegionAvail().x);
    return CodeKeys{text != before, event == KeyboardEvent::Done};
}

void amountBar(Ui& ui, float width, std::int64_t amount, std::int64_t whole) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + ui.mm(3));
    ImDrawList* list = ImGui::GetWindowDrawList();
    list->AddRectFilled(min, max, ui.colours.surface, ui.mm(1.5f));
    list->AddRect(min, max, ui.colours.border, ui.mm(1.5f), 0, ui.mm(0.35f));
    const float share =
        whole > 0 ? std::clamp(static_cast<float>(static_cast<double>(amount) / static_cast<double>(whole)), 0.0f, 1.0f) : 0.0f;
    const float filled = share * width;
    if (filled > 0) {
        const ImVec2 from = rightToLeft() ? ImVec2(max.x - filled, min.y) : min;
        const ImVec2 to = rightToLeft() ? max : ImVec2(min.x + filled, max.y);
        list->AddRectFilled(from, to, amount > whole ? ui.colours.danger : ui.colours.primary, ui.mm(1.5f));
    }
    ImGui::SetCursorScreenPos(ImVec2(min.x, max.y + ui.mm(1)));
    ImGui::Dummy(ImVec2(0, 0));
}

std::string dayMonthYear(const Ui& ui, std::uint64_t ms) {
    const CivilDate date = localDate(ms);
    static constexpr const char* kMonthKeys[12] = {"month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
                                                   "month.7", "month.8", "month.9", "month.10", "month.11", "month.12"};
    return ui.format("date.day_month_year", {{"day", std::to_string(date.day)},
                                             {"month", ui.tr(kMonthKeys[date.month - 1])},
                                             {"year", std::to_string(date.year)}});
}

}  // namespace buurtstem::ui
