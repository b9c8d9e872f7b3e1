// WidgetRegistry: every touch widget drawn this frame, by stable id and rectangle. Tests and the
// end-to-end script find "the Submit button" here instead of guessing pixel positions.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::ui {

struct WidgetInfo {
    std::string id;  // stable and language-independent: the label's translation key, or "#..." when it is not a key
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool enabled = true;
    bool selected = false;

    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    float centreX() const { return (x0 + x1) * 0.5f; }
    float centreY() const { return (y0 + y1) * 0.5f; }
};

class WidgetRegistry {
public:
    void beginFrame() { widgets_.clear(); }
    void add(WidgetInfo info) { widgets_.push_back(std::move(info)); }
    const std::vector<WidgetInfo>& widgets() const { return widgets_; }
    const WidgetInfo* find(std::string_view id) const;
    // One line per widget: "id x0 y0 x1 y1 enabled", for scripts driving the real window.
    bool writeTo(const std::filesystem::path& file) const;

private:
    std::vector<WidgetInfo> widgets_;
};

}  // namespace buurtstem::ui
