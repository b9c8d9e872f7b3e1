// Drawing the voting-code cards with cairo's PDF surface and libqrencode. All lengths are in PDF
// points (1/72 inch) and written in millimetres through mm().
#include "CodeCardsPdf.h"

#include "../core/Utf8.h"
#include "../core/i18n/Bidi.h"
#include "AtomicFile.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <numbers>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace buurtstem::print {

namespace {

// [SECTION] Page geometry

constexpr double mm(double millimetres) { return millimetres * 72.0 / 25.4; }

constexpr double kPageWidth = mm(210);   // A4
constexpr double kPageHeight = mm(297);
constexpr double kPageMargin = mm(10);   // most printers cannot print the outer 4-5 mm
constexpr int kColumns = 2;
constexpr double kCardWidth = (kPageWidth - 2 * kPageMargin) / kColumns;  // 95 mm
// Card sizes are designed for 4 rows (8 cards, 69.25 mm high). With 5 rows the card is 0.8 as
// high; shapes scale with it, text only by 0.9, as small print is hard to read for many residents.
constexpr double kDesignCardHeight = (kPageHeight - 2 * kPageMargin) / 4;
constexpr double textScaleFor(double cardScale) { return (1 + cardScale) / 2; }

constexpr double kCardPadding = mm(5);
constexpr double kQrModulesSide = mm(25);  // the QR's modules at design size, 1.2 mm each for version 1
constexpr int kQrQuietModules = 4;         // white modules the QR standard wants around the code
constexpr int kQrVersion1Modules = 21;     // what a canonical code needs
// The card's padding is the QR code's quiet zone on the top and right.
static_assert(kCardPadding >= kQrQuietModules * kQrModulesSide / kQrVersion1Modules);
constexpr double kCodeBoxHeight = mm(13);
constexpr std::size_t kLongestCode = 64;   // bytes; longer text would make QR modules too small to scan

constexpr const char* kSansFamily = "DejaVu Sans";
constexpr const char* kMonoFamily = "DejaVu Sans Mono";
constexpr double kLineSpacing = 1.25;         // line height as a multiple of the font size
constexpr double kSmallestTextScale = 0.7;    // texts shrink to fit down to this share of their size

constexpr double kCutLineGrey = 0.55;
constexpr double kCutLineWidth = 0.6;         // points
constexpr double kCutDash[] = {mm(3), mm(2)};
constexpr double kCodeBoxGrey = 0.93;
constexpr double kQuietTextGrey = 0.35;       // headings, card numbers, the page footer

// [SECTION] Cairo and libqrencode handles

struct SurfaceDeleter {
    void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
    void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
struct QrDeleter {
    void operator()(QRcode* qr) const { QRcode_free(qr); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;
using QrPtr = std::unique_ptr<QRcode, QrDeleter>;

cairo_status_t writeToFile(void* closure, const unsigned char* data, unsigned int length) {
    return static_cast<AtomicFile*>(closure)->write(data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

QrPtr encodeQr(const std::string& code) {
    // Case-sensitive with mode hint 8-bit lets libqrencode pick its modes: a canonical code is
    // all alphanumeric-mode characters and fits version 1 (21 x 21 modules) at level Q.
    return QrPtr(QRcode_encodeString(code.c_str(), 0, QR_ECLEVEL_Q, QR_MODE_8, 1));
}

// [SECTION] Text fitting

struct TextStyle {
    const char* family = kSansFamily;                         // = DejaVu Sans
    cairo_font_weight_t weight = CAIRO_FONT_WEIGHT_NORMAL;    // = normal
    double size = 10;                                         // = 10 // points, at design card size
    double grey = 0;                                          // = 0 // 0 black .. 1 white
};

struct FittedText {
    std::vector<std::string> lines;  // in reading (logical) order
    double size = 0;                 // the font size they fit at
};

void useFont(cairo_t* cr, const TextStyle& style, double size) {
    cairo_select_font_face(cr, style.family, CAIRO_FONT_SLANT_NORMAL, style.weight);
    cairo_set_font_size(cr, size);
}

// Arabic is measured and drawn as shown: joined and in visual order.
double textWidth(cairo_t* cr, std::string_view line) {
    const std::string visual = i18n::visualLine(line, false);
    cairo_text_extents_t extents;
    cairo_text_extents(cr, visual.c_str(), &extents);
    return extents.x_advance;
}

std::vector<std::string> splitWords(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        // Line breaks and tabs in a translated text are spaces here: the card wraps by itself.
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::vector<std::string> wrapWords(cairo_t* cr, const std::vector<std::string>& words, double maxWidth) {
    std::vector<std::string> lines;
    for (const std::string& word : words) {
        if (!lines.empty() && textWidth(cr, lines.back() + " " + word) <= maxWidth) {
            lines.back() += " " + word;
        } else {
            lines.push_back(word);
        }
    }
    return lines;
}

void ellipsise(cairo_t* cr, std::string& line, double maxWidth) {
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …
    if (textWidth(cr, line) <= maxWidth) return;
    while (!line.empty() && textWidth(cr, line + std::string(kEllipsis)) > maxWidth) utf8::popBack(line);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += kEllipsis;
}

// Wraps by words into at most `maxLines`, shrinking the font down to kSmallestTextScale; what
// still does not fit ends in an ellipsis. Leaves the fitted font selected.
FittedText fitText(cairo_t* cr, const TextStyle& style, double size, std::string_view text, double maxWidth,
                   std::size_t maxLines) {
    const std::vector<std::string> words = splitWords(text);
    const double smallest = size * kSmallestTextScale;
    FittedText fitted;
    for (fitted.size = size;; fitted.size = std::max(smallest, fitted.size - 0.5)) {
        useFont(cr, style, fitted.size);
        fitted.lines = wrapWords(cr, words, maxWidth);
        const bool fits = fitted.lines.size() <= maxLines &&
                          std::all_of(fitted.lines.begin(), fitted.lines.end(),
                                      [&](const std::string& line) { return textWidth(cr, line) <= maxWidth; });
        if (fits) return fitted;
        if (fitted.size <= smallest) break;
    }
    if (fitted.lines.size() > maxLines) {
        fitted.lines.resize(maxLines);
        fitted.lines.back() += " \xE2\x80\xA6";  // force the ellipsis: words were left out
    }
    for (std::string& line : fitted.lines) ellipsise(cr, line, maxWidth);
    return fitted;
}

enum class Align {
    Start,   // where the line's own direction starts: the left edge, or the right for Arabic
    Right,   // the right edge whatever the script, for things tied to the card's layout
    Centre,
};

// Draws fitted lines from the top edge `top`; returns the y below the last line.
double drawLines(cairo_t* cr, const TextStyle& style, const FittedText& text, double left, double top, double width,
                 Align align) {
    useFont(cr, style, text.size);
    cairo_set_source_rgb(cr, style.grey, style.grey, style.grey);
    cairo_font_extents_t font;
    cairo_font_extents(cr, &font);
    const double lineHeight = text.size * kLineSpacing;
    double y = top;
    for (const std::string& line : text.lines) {
        const std::string visual = i18n::visualLine(line, false);
        const double lineWidth = textWidth(cr, line);
        const bool rightToLeft = i18n::hasRightToLeft(line);
        double x = left;
        if (align == Align::Centre) {
            x = left + (width - lineWidth) / 2;
        } else if (align == Align::Right || (align == Align::Start && rightToLeft)) {
            x = left + width - lineWidth;
        }
        cairo_move_to(cr, x, y + font.ascent);
        cairo_show_text(cr, visual.c_str());
        y += lineHeight;
    }
    return y;
}

double linesHeight(const FittedText& text) { return static_cast<double>(text.lines.size()) * text.size * kLineSpacing; }

// [SECTION] One card

struct CardPlace {
    double x = 0;          // = 0 // top-left corner on the page, points
    double y = 0;          // = 0
    double width = 0;      // = 0
    double height = 0;     // = 0
    double scale = 1;      // = 1 // card height against the 8-per-page design: paddings, boxes, the QR code
    double textScale = 1;  // = 1 // font sizes against the design (textScaleFor(scale))
};

void drawQr(cairo_t* cr, const QRcode& qr, double right, double top, double side) {
    const double module = side / qr.width;
    const double left = right - side;
    cairo_set_source_rgb(cr, 0, 0, 0);
    // One path for all dark modules, each row's runs merged: filled at once, neighbouring
    // modules leave no hairline seams in a viewer or on a printer.
    for (int row = 0; row < qr.width; ++row) {
        int column = 0;
        while (column < qr.width) {
            if ((qr.data[row * qr.width + column] & 1) == 0) {
                ++column;
                continue;
            }
            const int start = column;
            while (column < qr.width && (qr.data[row * qr.width + column] & 1) != 0) ++column;
            cairo_rectangle(cr, left + start * module, top + row * module, (column - start) * module, module);
        }
    }
    cairo_fill(cr);
}

void drawCard(cairo_t* cr, const CardPlace& card, const CodeCardSheet& sheet, std::size_t index, const QRcode& qr) {
    const double s = card.scale;
    const double t = card.textScale;
    const double pad = kCardPadding * s;
    const double innerLeft = card.x + pad;
    const double innerWidth = card.width - 2 * pad;
    const double innerBottom = card.y + card.height - pad;
    const CodeCardTexts& texts = sheet.texts;

    // Bottom row: where to vote on the left; "valid once" and the card's number on the right.
    const TextStyle small{kSansFamily, CAIRO_FONT_WEIGHT_NORMAL, 9.5 * t, 0};
    const TextStyle smallBold{kSansFamily, CAIRO_FONT_WEIGHT_BOLD, 9.5 * t, 0};
    const TextStyle number{kSansFamily, CAIRO_FONT_WEIGHT_NORMAL, 8 * t, kQuietTextGrey};
    const double rightColumn = innerWidth * 0.32;
    const FittedText valid = fitText(cr, smallBold, smallBold.size, texts.validOnce, rightColumn, 1);
    const FittedText count = fitText(cr, number, number.size,
                                     std::to_string(index + 1) + " / " + std::to_string(sheet.codes.size()),
                                     rightColumn, 1);
    const double whereWidth = innerWidth - rightColumn - mm(3);
    const FittedText where = fitText(cr, small, small.size, texts.whereToVote, whereWidth, 2);
    const double bottomRowHeight = 2 * small.size * kLineSpacing;
    const double bottomTop = innerBottom - bottomRowHeight;
    drawLines(cr, small, where, innerLeft, bottomTop, whereWidth, Align::Start);
    const double afterValid = drawLines(cr, smallBold, valid, innerLeft + innerWidth - rightColumn, bottomTop,
                                        rightColumn, Align::Right);
    drawLines(cr, number, count, innerLeft + innerWidth - rightColumn, afterValid, rightColumn, Align::Right);

    // The code, large, in a light box across the card.
    const double boxHeight = kCodeBoxHeight * s;
    const double boxTop = bottomTop - mm(2.5) * s - boxHeight;
    const double radius = mm(2) * s;
    constexpr double kQuarter = std::numbers::pi / 2;
    cairo_new_sub_path(cr);
    cairo_arc(cr, innerLeft + innerWidth - radius, boxTop + radius, radius, -kQuarter, 0);
    cairo_arc(cr, innerLeft + innerWidth - radius, boxTop + boxHeight - radius, radius, 0, kQuarter);
    cairo_arc(cr, innerLeft + radius, boxTop + boxHeight - radius, radius, kQuarter, 2 * kQuarter);
    cairo_arc(cr, innerLeft + radius, boxTop + radius, radius, 2 * kQuarter, 3 * kQuarter);
    cairo_close_path(cr);
    cairo_set_source_rgb(cr, kCodeBoxGrey, kCodeBoxGrey, kCodeBoxGrey);
    cairo_fill(cr);
    const TextStyle codeStyle{kMonoFamily, CAIRO_FONT_WEIGHT_BOLD, 26 * t, 0};
    const FittedText code = fitText(cr, codeStyle, codeStyle.size, sheet.codes[index], innerWidth - mm(6) * s, 1);
    useFont(cr, codeStyle, code.size);
    cairo_font_extents_t codeFont;
    cairo_font_extents(cr, &codeFont);
    // Centred on the capitals' height rather than the font's full height: the code has no descenders.
    cairo_text_extents_t capitals;
    cairo_text_extents(cr, "H", &capitals);
    const double codeTop = boxTop + (boxHeight + capitals.y_bearing) / 2 - codeFont.ascent - capitals.y_bearing;
    drawLines(cr, codeStyle, code, innerLeft, codeTop, innerWidth, Align::Centre);

    // Top: the QR code at the right, the round's details beside it.
    const double qrSide = kQrModulesSide * s;
    drawQr(cr, qr, innerLeft + innerWidth, card.y + pad, qrSide);
    const double quiet = qrSide / qr.width * kQrQuietModules;
    const double columnWidth = innerWidth - qrSide - quiet;
    const double columnBottom = boxTop - mm(2) * s;
    const TextStyle heading{kSansFamily, CAIRO_FONT_WEIGHT_BOLD, 10 * t, kQuietTextGrey};
    const TextStyle roundName{kSansFamily, CAIRO_FONT_WEIGHT_BOLD, 13 * t, 0};
    const TextStyle detail{kSansFamily, CAIRO_FONT_WEIGHT_NORMAL, 10 * t, 0};
    double y = card.y + pad;
    y = drawLines(cr, heading, fitText(cr, heading, heading.size, texts.heading, columnWidth, 1), innerLeft, y,
                  columnWidth, Align::Start);
    y += mm(1) * s;
    y = drawLines(cr, roundName, fitText(cr, roundName, roundName.size, sheet.roundName, columnWidth, 2), innerLeft,
                  y, columnWidth, Align::Start);
    // The voting window may take two lines; when the space above the code box runs out it gets
    // one, and what still does not fit is left out rather than drawn over the code.
    const std::pair<const std::string*, std::size_t> details[] = {{&sheet.neighbourhood, 1}, {&sheet.votingWindow, 2}};
    for (const auto& [text, mostLines] : details) {
        for (std::size_t lines = mostLines; lines >= 1; --lines) {
            const FittedText fitted = fitText(cr, detail, detail.size, *text, columnWidth, lines);
            if (fitted.lines.empty() || y + linesHeight(fitted) > columnBottom) continue;
            y = drawLines(cr, detail, fitted, innerLeft, y, columnWidth, Align::Start);
            break;
        }
    }
}

// [SECTION] Pages

// Dashed lines along the edges of the rows in use, running out to the paper's edge so the
// cutter can line up a ruler. On a last page that is not full the columns' lines stop a margin
// below the last row.
void drawCutLines(cairo_t* cr, int rowsUsed, int rows, double cardHeight) {
    cairo_save(cr);
    cairo_set_source_rgb(cr, kCutLineGrey, kCutLineGrey, kCutLineGrey);
    cairo_set_line_width(cr, kCutLineWidth);
    cairo_set_dash(cr, kCutDash, 2, 0);
    const double bottom = rowsUsed == rows ? kPageHeight : kPageMargin + rowsUsed * cardHeight + kPageMargin;
    for (int row = 0; row <= rowsUsed; ++row) {
        const double y = kPageMargin + row * cardHeight;
        cairo_move_to(cr, 0, y);
        cairo_line_to(cr, kPageWidth, y);
    }
    for (int column = 0; column <= kColumns; ++column) {
        const double x = kPageMargin + column * kCardWidth;
        cairo_move_to(cr, x, 0);
        cairo_line_to(cr, x, bottom);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

// Round, neighbourhood and page number in the bottom margin, cut off with it: sorts a pile of pages.
void drawFooter(cairo_t* cr, const CodeCardSheet& sheet, int page, int pages) {
    const TextStyle footer{kSansFamily, CAIRO_FONT_WEIGHT_NORMAL, 7, kQuietTextGrey};
    std::string text = sheet.roundName;
    if (!sheet.neighbourhood.empty()) text += (text.empty() ? "" : " \xC2\xB7 ") + sheet.neighbourhood;  // ·
    text += (text.empty() ? "" : " \xC2\xB7 ") + std::to_string(page) + " / " + std::to_string(pages);
    // Within the left card's width, clear of the cut lines.
    const double left = kPageMargin + mm(3);
    const double width = kCardWidth - mm(6);
    const FittedText fitted = fitText(cr, footer, footer.size, text, width, 1);
    drawLines(cr, footer, fitted, left, kPageHeight - kPageMargin + mm(3), width, Align::Start);
}

Error invalid(std::string detail) { return makeError(ErrorCode::InvalidInput, std::move(detail)); }

}  // namespace

int codeCardPageCount(const CodeCardSheet& sheet) {
    if (sheet.cardsPerPage <= 0) return 0;
    const auto perPage = static_cast<std::size_t>(sheet.cardsPerPage);
    return static_cast<int>((sheet.codes.size() + perPage - 1) / perPage);
}

Result<void> writeCodeCardsPdf(const std::filesystem::path& out, const CodeCardSheet& sheet) {
    if (sheet.cardsPerPage != 8 && sheet.cardsPerPage != 10) {
        return invalid("cards per page must be 8 or 10, not " + std::to_string(sheet.cardsPerPage));
    }
    if (sheet.codes.empty()) return invalid("no voting codes to print");
    // Every QR code is made before the file is, so a bad code leaves nothing on disk.
    std::vector<QrPtr> qrCodes;
    qrCodes.reserve(sheet.codes.size());
    for (std::size_t i = 0; i < sheet.codes.size(); ++i) {
        const std::string& code = sheet.codes[i];
        if (code.empty() || code.size() > kLongestCode) {
            return invalid("code " + std::to_string(i + 1) + " is empty or longer than " +
                           std::to_string(kLongestCode) + " bytes");
        }
        QrPtr qr = encodeQr(code);
        if (!qr) return invalid("no QR code can hold code " + std::to_string(i + 1));
        qrCodes.push_back(std::move(qr));
    }

    Result<AtomicFile> file = AtomicFile::create(out);
    if (!file) return file.error();

    SurfacePtr surface(cairo_pdf_surface_create_for_stream(writeToFile, &*file, kPageWidth, kPageHeight));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, sheet.roundName.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Buurtstem");
    ContextPtr context(cairo_create(surface.get()));
    cairo_t* cr = context.get();

    const int rows = sheet.cardsPerPage / kColumns;
    const double cardHeight = (kPageHeight - 2 * kPageMargin) / rows;
    const int pages = codeCardPageCount(sheet);
    for (int page = 0; page < pages; ++page) {
        const std::size_t first = static_cast<std::size_t>(page) * static_cast<std::size_t>(sheet.cardsPerPage);
        const std::size_t onPage = std::min(sheet.codes.size() - first, static_cast<std::size_t>(sheet.cardsPerPage));
        for (std::size_t i = 0; i < onPage; ++i) {
            const int row = static_cast<int>(i) / kColumns;
            const int column = static_cast<int>(i) % kColumns;
            const double scale = cardHeight / kDesignCardHeight;
            const CardPlace place{kPageMargin + column * kCardWidth, kPageMargin + row * cardHeight, kCardWidth,
                                  cardHeight, scale, textScaleFor(scale)};
            drawCard(cr, place, sheet, first + i, *qrCodes[first + i]);
        }
        const int rowsUsed = static_cast<int>((onPage + kColumns - 1) / kColumns);
        drawCutLines(cr, rowsUsed, rows, cardHeight);
        drawFooter(cr, sheet, page + 1, pages);
        cairo_show_page(cr);
    }

    context.reset();
    cairo_surface_finish(surface.get());
    const cairo_status_t status = cairo_surface_status(surface.get());
    surface.reset();
    // A failed write is reported by the file with its reason (a full disk, say); anything else
    // is cairo's own.
    if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR) {
        return file->fail(ErrorCode::StorageFailure, cairo_status_to_string(status));
    }
    return file->commit();
}

}  // namespace buurtstem::print
