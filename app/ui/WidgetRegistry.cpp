// Per-frame record of touch widgets for tests and scripted runs.
#include "WidgetRegistry.h"

#include <cstdio>
#include <fstream>

namespace buurtstem::ui {

const WidgetInfo* WidgetRegistry::find(std::string_view id) const {
    for (const WidgetInfo& w : widgets_)
        if (w.id == id) return &w;
    return nullptr;
}

bool WidgetRegistry::writeTo(const std::filesystem::path& file) const {
    const std::filesystem::path temporary = file.string() + ".tmp";
    {
        std::ofstream out(temporary, std::ios::trunc);
        if (!out) return false;
        for (const WidgetInfo& w : widgets_)
            out << w.id << ' ' << static_cast<int>(w.x0) << ' ' << static_cast<int>(w.y0) << ' '
                << static_cast<int>(w.x1) << ' ' << static_cast<int>(w.y1) << ' ' << (w.enabled ? 1 : 0) << '\n';
        if (!out) return false;
    }
    // Readers never see a half-written list.
    return std::rename(temporary.c_str(), file.c_str()) == 0;
}

}  // namespace buurtstem::ui
