// Text helpers over ImGui's draw list, with explicit fonts (screens mix four sizes), and the
// right-to-left path that ImGui lacks: FriBidi shapes, we wrap and align.
#include "Ui.h"

#include "../core/i18n/Bidi.h"
#include "../core/Utf8.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace buurtstem::ui {

namespace {

bool g_rightToLeft = false;

// A right-to-left text laid out for one font and width: visual lines and their widths.
struct ShapedBlock {
    std::vector<std::string> lines;
    std::vector<float> widths;
    ImVec2 size{0, 0};
};

float lineWidth(ImFont* font, std::string_view visual) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, visual.data(), visual.data() + visual.size()).x;
}

// Words are joined into lines in logical order until the shaped line is too wide; only then is
// each line reordered, so a wrapped paragraph reads from its top right.
ShapedBlock layOut(ImFont* font, std::string_view text, float wrapWidth) {
    ShapedBlock block;
    auto flush = [&](const std::string& logical) {
        std::string visual = i18n::visualLine(logical, g_rightToLeft);
        const float width = lineWidth(font, visual);
        block.lines.push_back(std::move(visual));
        block.widths.push_back(width);
        block.size.x = std::max(block.size.x, width);
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view paragraph = text.substr(start, end - start);
        std::string line;
        std::size_t wordStart = 0;
        while (wordStart <= paragraph.size()) {
            const std::size_t wordEnd = std::min(paragraph.find(' ', wordStart), paragraph.size());
            const std::string_view word = paragraph.substr(wordStart, wordEnd - wordStart);
            std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
            if (wrapWidth > 0 && !line.empty() &&
                lineWidth(font, i18n::visualLine(candidate, g_rightToLeft)) > wrapWidth) {
                flush(line);
                line = std::string(word);
            } else {
                line = std::move(candidate);
            }
            wordStart = wordEnd + 1;
        }
        flush(line);
        start = end + 1;
    }
    block.size.y = font->FontSize * static_cast<float>(block.lines.size());
    return block;
}

// Laying out is cheap but not free, and screens draw the same strings every frame.
const ShapedBlock& shaped(ImFont* font, std::string_view text, float wrapWidth) {
    static std::unordered_map<std::string, ShapedBlock> cache;
    std::string key(text);
    key += '\0';
    key += std::to_string(reinterpret_cast<std::uintptr_t>(font));
    key += '/';
    key += std::to_string(static_cast<int>(wrapWidth));
    key += g_rightToLeft ? "/r" : "/l";
    auto found = cache.find(key);
    if (found != cache.end()) return found->second;
    if (cache.size() > 4096) cache.clear();  // text being typed would otherwise grow it forever
    return cache.emplace(std::move(key), layOut(font, text, wrapWidth)).first->second;
}

}  // namespace

void setRightToLeft(bool rightToLeft) { g_rightToLeft = rightToLeft; }
bool rightToLeft() { return g_rightToLeft; }

ImVec2 measureText(ImFont* font, std::string_view text, float wrapWidth) {
    if (i18n::hasRightToLeft(text)) return shaped(font, text, wrapWidth).size;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrapWidth, text.data(), text.data() + text.size());
}

void drawText(ImDrawList* list, ImFont* font, ImVec2 pos, Colour colour, std::string_view text, float wrapWidth) {
    if (!i18n::hasRightToLeft(text)) {
        list->AddText(font, font->FontSize, pos, colour, text.data(), text.data() + text.size(), wrapWidth);
        return;
    }
    const ShapedBlock& block = shaped(font, text, wrapWidth);
    for (std::size_t i = 0; i < block.lines.size(); ++i) {
        const std::string& line = block.lines[i];
        const ImVec2 at(pos.x + block.size.x - block.widths[i], pos.y + font->FontSize * static_cast<float>(i));
        list->AddText(font, font->FontSize, at, colour, line.data(), line.data() + line.size());
    }
}

std::string fitOnOneLine(ImFont* font, const std::string& text, float width) {
    if (measureText(font, text).x <= width) return text;
    // The longest start that fits with the ellipsis, found by halving: measuring every length
    // would shape right-to-left text dozens of times.
    auto start = [&](std::size_t codePoints) {
        std::size_t pos = 0;
        for (std::size_t i = 0; i < codePoints && pos < text.size(); ++i) utf8::decode(text, pos);
        std::string cut = text.substr(0, pos);
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        return cut + "\xe2\x80\xa6";  // …
    };
    std::size_t low = 0, high = utf8::countCodePoints(text);
    while (low < high) {
        const std::size_t middle = (low + high + 1) / 2;
        if (measureText(font, start(middle)).x <= width)
            low = middle;
        else
            high = middle - 1;
    }
    return start(low);
}

float textBlock(ImFont* font, std::string_view text, Colour colour, float wrapWidth) {
    const ImVec2 size = measureText(font, text, wrapWidth);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    // A right-to-left interface starts its paragraphs at the right edge.
    if (g_rightToLeft && wrapWidth > 0 && i18n::hasRightToLeft(text)) pos.x += wrapWidth - size.x;
    drawText(ImGui::GetWindowDrawList(), font, pos, colour, text, wrapWidth);
    ImGui::Dummy(ImVec2(wrapWidth > 0 ? wrapWidth : size.x, size.y));
    return size.y;
}

}  // namespace buurtstem::ui
