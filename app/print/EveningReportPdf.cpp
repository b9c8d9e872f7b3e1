// Laying out an evening's report with cairo's PDF surface. Lengths are PDF points written in
// millimetres through mm(); text is wrapped by words and Arabic drawn joined and in visual order.
#include "EveningReportPdf.h"

#include "../core/i18n/Bidi.h"
#include "AtomicFile.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem::print {

namespace {

constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

constexpr double kPageWidth = mm(210);  // A4
constexpr double kPageHeight = mm(297);
constexpr double kMargin = mm(20);
constexpr double kFooterHeight = mm(10);
constexpr double kTextWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - kFooterHeight;
constexpr double kBulletIndent = mm(6);
constexpr double kBarHeight = mm(3);
constexpr double kLineSpacing = 1.35;

constexpr const char* kFamily = "DejaVu Sans";
constexpr double kTitleSize = 20;
constexpr double kSubtitleSize = 11;
constexpr double kHeadingSize = 13.5;
constexpr double kBodySize = 10.5;
constexpr double kFooterSize = 8;
constexpr double kQuietGrey = 0.35;
constexpr double kBarGrey = 0.55;
constexpr double kRuleGrey = 0.75;

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};

cairo_status_t writeToFile(void* closure, const unsigned char* data, unsigned int length) {
    return static_cast<AtomicFile*>(closure)->write(data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

// Places lines top to bottom and starts a new page when the next block does not fit.
class Layout {
public:
    // `totalPages` is only for the footers ("2 / 3"); 0 while counting.
    Layout(cairo_t* cr, const EveningReport& report, int totalPages) : cr_(cr), report_(report), totalPages_(totalPages) {
        footer();
    }

    void font(double size, bool bold) {
        cairo_select_font_face(cr_, kFamily, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
    }

    double width(std::string_view line) {
        const std::string visual = i18n::visualLine(line, report_.rightToLeft);
        cairo_text_extents_t extents;
        cairo_text_extents(cr_, visual.c_str(), &extents);
        return extents.x_advance;
    }

    std::vector<std::string> wrap(std::string_view text, double maxWidth) {
        std::vector<std::string> lines;
        std::string word;
        const auto add = [&] {
            if (word.empty()) return;
            if (!lines.empty() && width(lines.back() + " " + word) <= maxWidth)
                lines.back() += " " + word;
            else
                lines.push_back(word);
            word.clear();
        };
        for (char c : text) {
            if (c == '\n') {
                add();
                lines.emplace_back();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                add();
            } else {
                word.push_back(c);
            }
        }
        add();
        std::erase_if(lines, [](const std::string& line) { return line.empty(); });
        return lines;
    }

    // Draws wrapped text in the current font at `indent` from the start side; returns its height.
    void paragraph(std::string_view text, double size, bool bold, double grey, double indent = 0) {
        font(size, bold);
        const double available = kTextWidth - indent;
        const std::vector<std::string> lines = wrap(text, available);
        cairo_font_extents_t extents;
        cairo_font_extents(cr_, &extents);
        for (const std::string& line : lines) {
            room(size * kLineSpacing);
            cairo_set_source_rgb(cr_, grey, grey, grey);
            const double x = report_.rightToLeft ? kMargin + available - width(line) : kMargin + indent;
            cairo_move_to(cr_, x, y_ + extents.ascent);
            cairo_show_text(cr_, i18n::visualLine(line, report_.rightToLeft).c_str());
            y_ += size * kLineSpacing;
        }
    }

    void bullet(const ReportLine& line) {
        font(kBodySize, line.strong);
        room(kBodySize * kLineSpacing);
        const double dotX = report_.rightToLeft ? kMargin + kTextWidth - mm(2) : kMargin + mm(2);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_new_path(cr_);  // not joined to where the last text ended
        cairo_arc(cr_, dotX, y_ + kBodySize * 0.55, mm(0.8), 0, 6.2832);
        cairo_fill(cr_);
        paragraph(line.text, kBodySize, line.strong, 0, kBulletIndent);
    }

    void bar(double share) {
        room(kBarHeight + mm(2));
        const double full = kTextWidth - kBulletIndent;
        const double length = std::clamp(share, 0.0, 1.0) * full;
        const double x = report_.rightToLeft ? kMargin + full - length : kMargin + kBulletIndent;
        cairo_set_source_rgb(cr_, kBarGrey, kBarGrey, kBarGrey);
        cairo_rectangle(cr_, x, y_, std::max(length, mm(0.5)), kBarHeight);
        cairo_fill(cr_);
        y_ += kBarHeight + mm(2);
    }

    void rule() {
        cairo_set_source_rgb(cr_, kRuleGrey, kRuleGrey, kRuleGrey);
        cairo_set_line_width(cr_, 0.6);
        cairo_move_to(cr_, kMargin, y_);
        cairo_line_to(cr_, kMargin + kTextWidth, y_);
        cairo_stroke(cr_);
    }

    void gap(double height) { y_ += height; }
    // A heading is kept with at least two lines of what follows it.
    void keepWith(double height) { room(height); }

    int page() const { return page_; }

private:
    void room(double height) {
        if (y_ + height <= kBottom) return;
        cairo_show_page(cr_);
        ++page_;
        y_ = kMargin;
        footer();
    }

    // "Buurtstem  2 / 3" at the foot of the page.
    void footer() {
        cairo_save(cr_);  // the text being laid out keeps its font and colour
        font(kFooterSize, false);
        cairo_set_source_rgb(cr_, kQuietGrey, kQuietGrey, kQuietGrey);
        const std::string text = report_.footer + "  " + std::to_string(page_) + " / " + std::to_string(totalPages_);
        const std::string visual = i18n::visualLine(text, report_.rightToLeft);
        cairo_text_extents_t extents;
        cairo_text_extents(cr_, visual.c_str(), &extents);
        cairo_move_to(cr_, (kPageWidth - extents.x_advance) / 2, kPageHeight - kMargin);
        cairo_show_text(cr_, visual.c_str());
        cairo_restore(cr_);
    }

    cairo_t* cr_;
    const EveningReport& report_;
    int totalPages_;
    double y_ = kMargin;
    int page_ = 1;  // the page being drawn
};

// Lays the report out on `cr` and shows its last page; returns the number of pages.
int layOut(cairo_t* cr, const EveningReport& report, int totalPages) {
    Layout layout(cr, report, totalPages);
    layout.paragraph(report.title, kTitleSize, true, 0);
    layout.gap(mm(1));
    for (const std::string& line : report.subtitle) layout.paragraph(line, kSubtitleSize, false, kQuietGrey);
    layout.gap(mm(3));
    layout.rule();
    layout.gap(mm(5));
    for (const ReportSection& section : report.sections) {
        layout.keepWith(kHeadingSize * kLineSpacing + 2 * kBodySize * kLineSpacing);
        layout.paragraph(section.heading, kHeadingSize, true, 0);
        layout.gap(mm(1));
        if (section.lines.empty()) layout.paragraph(section.emptyText, kBodySize, false, kQuietGrey);
        for (const ReportLine& line : section.lines) {
            if (line.bullet)
                layout.bullet(line);
            else
                layout.paragraph(line.text, kBodySize, line.strong, 0);
            if (line.bar) layout.bar(*line.bar);
        }
        layout.gap(mm(5));
    }
    cairo_show_page(cr);
    return layout.page();
}

}  // namespace

Result<int> writeEveningReportPdf(const std::filesystem::path& out, const EveningReport& report) {
    if (report.title.empty()) return makeError(ErrorCode::InvalidInput, "the report has no title");

    // First pass on a surface that keeps nothing, to count the pages every footer names.
    int pages = 0;
    {
        std::unique_ptr<cairo_surface_t, SurfaceDeleter> counting(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
        std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(counting.get()));
        pages = layOut(context.get(), report, 0);
    }

    Result<AtomicFile> file = AtomicFile::create(out);
    if (!file) return file.error();
    std::unique_ptr<cairo_surface_t, SurfaceDeleter> surface(cairo_pdf_surface_create_for_stream(writeToFile, &*file, kPageWidth, kPageHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, report.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Buurtstem");
    {
        std::unique_ptr<cairo_t, ContextDeleter> context(cairo_create(surface.get()));
        layOut(context.get(), report, pages);
    }
    cairo_surface_finish(surface.get());
    const cairo_status_t status = cairo_surface_status(surface.get());
    surface.reset();
    if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
        return file->fail(ErrorCode::StorageFailure, cairo_status_to_string(status));
    if (Result<void> committed = file->commit(); !committed) return committed.error();
    return pages;
}

}  // namespace buurtstem::print
