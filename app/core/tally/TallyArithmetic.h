// Exact integer arithmetic for the tally: 128-bit products and the comparison of non-negative
// fractions whose cross products need up to 256 bits. No floating point takes part in a decision.
#pragma once

#include <cstdint>

namespace buurtstem::tally::detail {

using Int128 = __int128;
using UInt128 = unsigned __int128;

// A non-negative fraction num/den with den > 0, not necessarily in lowest terms.
struct Fraction {
    UInt128 num = 0;  // = 0
    UInt128 den = 1;  // = 1
};

// -1, 0 or 1 as a*b is less than, equal to or greater than c*d, exactly.
inline int compareProducts(UInt128 a, UInt128 b, UInt128 c, UInt128 d) {
    struct Wide {
        UInt128 high, low;
    };
    const auto multiply = [](UInt128 x, UInt128 y) {
        const UInt128 mask = ~std::uint64_t{0};
        const UInt128 x0 = x & mask, x1 = x >> 64, y0 = y & mask, y1 = y >> 64;
        const UInt128 p00 = x0 * y0, p01 = x0 * y1, p10 = x1 * y0, p11 = x1 * y1;
        const UInt128 middle = (p00 >> 64) + (p01 & mask) + (p10 & mask);  // < 3 * 2^64: no overflow
        return Wide{p11 + (p01 >> 64) + (p10 >> 64) + (middle >> 64), (middle << 64) | (p00 & mask)};
    };
    const Wide left = multiply(a, b), right = multiply(c, d);
    if (left.high != right.high) return left.high < right.high ? -1 : 1;
    if (left.low != right.low) return left.low < right.low ? -1 : 1;
    return 0;
}

inline int compare(const Fraction& x, const Fraction& y) { return compareProducts(x.num, y.den, y.num, x.den); }

// floor(a / b) and ceil(a / b) for a >= 0, b > 0.
inline UInt128 divideDown(UInt128 a, UInt128 b) { return a / b; }
inline UInt128 divideUp(UInt128 a, UInt128 b) { return a / b + (a % b != 0 ? 1 : 0); }

}  // namespace buurtstem::tally::detail
