// ModerationQueue: the new ideas and initiatives waiting for a facilitator, oldest first. Each row
// shows its theme, title, the first lines of its text, its reference code, and the listed words
// it holds; a tap opens the item.
#include "Screens.h"

#include "../Icons.h"
#include "../ThemeLook.h"
#include "../../core/Utf8.h"

#include <algorithm>
#include <string>

namespace buurtstem::ui {

namespace {

constexpr std::size_t kPreviewCodePoints = 140;  // about two lines of text on a laptop screen

// The first code points of `text` on one line, with "…" when cut.
std::string preview(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t count = 0; pos < text.size() && count < kPreviewCodePoints; ++count) {
        char32_t c = utf8::decode(text, pos);
        if (c == U'\n' || c == U'\r' || c == U'\t') c = U' ';
        utf8::append(out, c);
    }
    if (pos < text.size()) out += "\xe2\x80\xa6";
    return out;
}

}  // namespace

void drawModerationQueue(ScreenContext& ctx) {
    Ui& ui = ctx.ui;
    if (ctx.state.facilitator.label.empty()) {
        screenText(ctx, ui.tr("facilitator.locked"));
        return;
    }
    const std::vector<QueuedIdea>& queue = ctx.view.moderationQueue;
    screenHeading(ctx, ui.format("moderation.queue.heading", {{"count", std::to_string(queue.size())}}).c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    if (const char* done = ctx.state.moderation.doneKey)
        textBlock(ui.fonts.body, std::string(icon::Check) + "  " + ui.tr(done), ui.colours.selected, width);
    if (queue.empty()) {
        screenText(ctx, ui.tr("moderation.queue.empty"), true);
        return;
    }
    screenText(ctx, ui.tr("moderation.queue.hint"), true);
    ImGui::Dummy(ImVec2(0, ui.metrics.gap() * 0.5f));

    const float pad = ui.mm(3);
    const float inner = width - 2 * pad;
    const float bottom = ctx.contentMin.y + ctx.contentSize.y;
    ctx.pageScroll.begin(ui, "#mod.queue", ImVec2(width, std::max(ui.metrics.touchMin(), bottom - ImGui::GetCursorScreenPos().y)));
    ImDrawList* list = ImGui::GetWindowDrawList();
    for (const QueuedIdea& queued : queue) {
        const Idea& idea = queued.idea;
        const std::string kind = idea.kind == IdeaKind::Initiative ? std::string("   ") + icon::Initiative + "  " + ui.tr("moderation.kind.initiative") : "";
        const std::string theme = std::string(themeIcon(idea.theme)) + "  " + ui.tr(themeLabelKey(idea.theme)) + kind;
        const std::string text = preview(idea.body);
        const std::string footer = idea.reference + "   " + ideaDate(ui, idea);
        std::string flags;
        if (!queued.flagged.empty()) {
            flags = std::string(icon::Warning) + "  " + ui.tr("moderation.flagged") + " ";
            for (std::size_t i = 0; i < queued.flagged.size(); ++i) flags += (i ? ", " : "") + queued.flagged[i];
        }
        // One block after another, against the side the interface reads from.
        struct Block {
            ImFont* font;
            Colour colour;
            const std::string* text;
        };
        const Block blocks[] = {{ui.fonts.body, ui.colours.mutedText, &theme},
                                {ui.fonts.heading, ui.colours.text, &idea.title},
                                {ui.fonts.body, ui.colours.text, &text},
                                {ui.fonts.small, ui.colours.mutedText, &footer},
                                {ui.fonts.body, ui.colours.danger, &flags}};
        float height = 2 * pad;
        for (const Block& block : blocks)
            if (!block.text->empty()) height += measureText(block.font, *block.text, inner).y + ui.mm(1);
        height = std::max(height, ui.metrics.touchMin());
        const std::string id = "#mod.row." + idea.reference;
        ImVec2 min, max;
        bool held = false;
        if (ctx.pageScroll.row(ui, id.c_str(), height, &min, &max, &held)) ctx.actions.openModeration = idea.id;
        list->AddRect(min, max, queued.flagged.empty() ? ui.colours.border : ui.colours.danger, ui.mm(2), 0,
                      queued.flagged.empty() ? ui.mm(0.35f) : ui.mm(0.7f));
        if (held) list->AddRectFilled(min, max, ui.colours.pressed, ui.mm(2));
        float y = min.y + pad;
        for (const Block& block : blocks) {
            if (block.text->empty()) continue;
            const ImVec2 size = measureText(block.font, *block.text, inner);
            const float x = rightToLeft() ? min.x + pad + inner - size.x : min.x + pad;
            drawText(list, block.font, ImVec2(x, y), block.colour, *block.text, inner);
            y += size.y + ui.mm(1);
        }
    }
    ctx.pageScroll.end(ui);
}

}  // namespace buurtstem::ui
