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

    // The steps of fribidi_log2vis, but without FRIBIDI_FLAG_REORDER_NSM: a vowel mark (harakat)
    // must stay in front of its letter in visual order. The font draws a mark with no advance
    // over the glyph that follows it, as a shaper that lays out right-to-left text would; put
    // after its letter it would sit on the next letter instead.
    const auto length = static_cast<FriBidiStrIndex>(logical.size());
    std::vector<FriBidiCharType> types(logical.size());
    std::vector<FriBidiBracketType> brackets(logical.size());
    std::vector<FriBidiLevel> levels(logical.size());
    std::vector<FriBidiArabicProp> joining(logical.size());
    std::vector<FriBidiChar> visual(logical.begin(), logical.end());
    FriBidiParType base = rightToLeftBase ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
    constexpr FriBidiFlags kFlags = FRIBIDI_FLAGS_ARABIC | FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_REMOVE_SPECIALS;
    fribidi_get_bidi_types(logical.data(), length, types.data());
    fribidi_get_bracket_types(logical.data(), length, types.data(), brackets.data());
    if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), length, &base, levels.data()) == 0)
        return std::string(logicalUtf8);
    fribidi_get_joining_types(logical.data(), length, joining.data());
    fribidi_join_arabic(types.data(), length, levels.data(), joining.data());
    // Shaping picks each letter's joined form (and lam-alef ligatures) in logical order.
    fribidi_shape(kFlags, levels.data(), length, joining.data(), visual.data());
    if (fribidi_reorder_line(kFlags, types.data(), length, 0, base, levels.data(), visual.data(), nullptr) == 0)
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
