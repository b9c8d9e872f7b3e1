// NumericPad: a calculator-style pad for amounts in euros (budget lines, contributions). It
// edits the amount as typed text ("125,50") and converts it to integer cents, never floats.
#pragma once

#include "../Ui.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace buurtstem::ui {

// "1250" -> 125000, "12,5" -> 1250, "0,05" -> 5; empty or malformed -> nullopt.
std::optional<std::int64_t> parseEuroCents(std::string_view typed);
// 125050 -> "€ 1.250,50" (Dutch notation, with a no-break space after the sign).
std::string formatEuroCents(std::int64_t cents);
// As formatEuroCents, without ",00" for whole euros: 500000 -> "€ 5.000".
std::string formatEuroShort(std::int64_t cents);
// What the pad shows for an amount already stored: 125050 -> "1250,50", 500000 -> "5000", 0 -> "".
std::string typedEuroCents(std::int64_t cents);

struct NumericPadOptions {
    std::int64_t maxCents = 100'000'000;  // = €1,000,000 // digits that would exceed it are refused
    const char* doneKey = "osk.next";     // translation key of the Done key
};

enum class PadEvent { None, Edited, Done };

// Draws a 4x4 pad at the cursor and edits `typed`. At most two digits after the comma.
PadEvent numericPad(Ui& ui, std::string& typed, const NumericPadOptions& options, float width);
float numericPadHeight(const Ui& ui);

}  // namespace buurtstem::ui
