// FriBidi: the Unicode bidirectional algorithm and Arabic joining for one display line.
#include "Bidi.h"

#include "../Utf8.h"

#include <fribidi.h>

#include <vector>

namespace buurtstem::i18n {

namespace {

bool isRightToLeftLetter(char32_t c) {
    return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

}  // namespace

bool hasRightToLeft(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        const unsigned char lead = static_cast<unsigned char>(utf8[pos]);
        if (lead < 0x80) {  // ASCII is never right-to-left: skip the decoder
            ++pos;
            continue;
        }
        if (isRightToLeftLetter(utf8::decode(utf8, pos))) return true;
    }
    return false;
}

std::string visualLine(std::string_view logicalUtf8, bool rightToLeftBase) {
    if (!hasRightToLeft(logicalUtf8)) return std::string(logicalUtf8);

    std::vector<FriBidiChar> logical;
    logical.reserve(logicalUtf8.size());
    for (std::size_t pos = 0; pos < logicalUtf8.size();) logical.push_back(utf8::decode(logicalUtf8, pos));

    std::vector<FriBidiChar> visual(logical.size() + 1, 0);
    FriBidiParType base = rightToLeftBase ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
    // log2vis runs the whole pipeline: bidi levels, Arabic joining and ligatures into
    // presentation forms (FRIBIDI_FLAGS_ARABIC), then reordering.
    if (!fribidi_log2vis(logical.data(), static_cast<FriBidiStrIndex>(logical.size()), &base, visual.data(), nullptr,
                         nullptr, nullptr))
        return std::string(logicalUtf8);

    std::string out;
    out.reserve(logicalUtf8.size() + 8);
    for (std::size_t i = 0; i < logical.size(); ++i) {
        // Ligatures (lam-alef) leave a zero-width placeholder behind: drop it.
        if (visual[i] == 0xFEFF || visual[i] == 0) continue;
        utf8::append(out, static_cast<char32_t>(visual[i]));
    }
    return out;
}

}  // namespace buurtstem::i18n
