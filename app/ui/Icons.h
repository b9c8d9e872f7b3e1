// Icon glyphs from Debian's Font Awesome 4.7 (fonts-font-awesome), merged into every text font
// so an icon can stand beside a word in one string. Only the glyphs listed here are built.
#pragma once

#include <array>

namespace buurtstem::ui::icon {

// UTF-8 of the Font Awesome code points (U+F000 private use area).
inline constexpr const char* Idea = "\xef\x83\xab";        // f0eb lightbulb-o
inline constexpr const char* List = "\xef\x80\xba";        // f03a list
inline constexpr const char* Home = "\xef\x80\x95";        // f015 home
inline constexpr const char* Back = "\xef\x81\xa0";        // f060 arrow-left
inline constexpr const char* Next = "\xef\x81\xa1";        // f061 arrow-right
inline constexpr const char* Language = "\xef\x82\xac";    // f0ac globe
inline constexpr const char* TextSize = "\xef\x80\xb4";    // f034 text-height
inline constexpr const char* Contrast = "\xef\x81\x82";    // f042 adjust
inline constexpr const char* Meeting = "\xef\x83\x80";     // f0c0 users
inline constexpr const char* Care = "\xef\x80\x84";        // f004 heart
inline constexpr const char* LivingWell = "\xef\x86\xad";  // f1ad building
inline constexpr const char* Green = "\xef\x86\xbb";       // f1bb tree
inline constexpr const char* Play = "\xef\x86\xae";        // f1ae child
inline constexpr const char* CleanSafe = "\xef\x84\xb2";   // f132 shield
inline constexpr const char* Traffic = "\xef\x86\xb9";     // f1b9 car
inline constexpr const char* Other = "\xef\x85\x81";       // f141 ellipsis-h
inline constexpr const char* Check = "\xef\x80\x8c";       // f00c check
inline constexpr const char* Edit = "\xef\x81\x80";        // f040 pencil
inline constexpr const char* Send = "\xef\x87\x98";        // f1d8 paper-plane
inline constexpr const char* Support = "\xef\x85\xa4";     // f164 thumbs-up
inline constexpr const char* Close = "\xef\x80\x8d";       // f00d times
inline constexpr const char* Backspace = "\xef\x85\xb7";   // f177 long-arrow-left
inline constexpr const char* Shift = "\xef\x81\xa2";       // f062 arrow-up
inline constexpr const char* Tap = "\xef\x89\x9a";         // f25a hand-pointer-o
inline constexpr const char* Clock = "\xef\x80\x97";       // f017 clock-o
inline constexpr const char* Warning = "\xef\x81\xb1";     // f071 exclamation-triangle
inline constexpr const char* Info = "\xef\x81\x9a";        // f05a info-circle
inline constexpr const char* Keyboard = "\xef\x84\x9c";    // f11c keyboard-o
inline constexpr const char* Space = "\xef\x81\xbe";       // f07e arrows-h
inline constexpr const char* Comments = "\xef\x82\x86";    // f086 comments
inline constexpr const char* Pulse = "\xef\x84\x98";       // f118 smile-o
inline constexpr const char* Clean = "\xef\x87\xb8";       // f1f8 trash (litter bin)
// The meeting-needs flow: the home tile, then one icon per option where a word alone is hard.
inline constexpr const char* Handshake = "\xef\x8a\xb5";    // f2b5 handshake-o
inline constexpr const char* Coffee = "\xef\x83\xb4";       // f0f4 coffee
inline constexpr const char* Stethoscope = "\xef\x83\xb1";  // f0f1 stethoscope
inline constexpr const char* Wrench = "\xef\x82\xad";       // f0ad wrench
inline constexpr const char* Lock = "\xef\x80\xa3";         // f023 lock
inline constexpr const char* Quiet = "\xef\x80\xa6";        // f026 volume-off
inline constexpr const char* Calendar = "\xef\x81\xb3";     // f073 calendar
inline constexpr const char* Wheelchair = "\xef\x86\x93";   // f193 wheelchair
inline constexpr const char* HearingLoop = "\xef\x8a\xa2";  // f2a2 assistive-listening-systems
inline constexpr const char* Bus = "\xef\x88\x87";          // f207 bus
inline constexpr const char* Interpreter = "\xef\x86\xab";  // f1ab language
// A consent line: an empty box, or a ticked one.
inline constexpr const char* Unticked = "\xef\x82\x96";     // f096 square-o
inline constexpr const char* Ticked = "\xef\x81\x86";       // f046 check-square-o

// Initiatives: the home tile, the budget's amounts and lines, finding a proposal by its code.
inline constexpr const char* Initiative = "\xef\x84\xb5";  // f135 rocket
inline constexpr const char* Euro = "\xef\x85\x93";        // f153 eur
inline constexpr const char* Plus = "\xef\x81\xa7";        // f067 plus
inline constexpr const char* Minus = "\xef\x81\xa8";       // f068 minus
inline constexpr const char* Remove = "\xef\x80\x94";      // f014 trash-o
inline constexpr const char* Search = "\xef\x80\x82";      // f002 search
inline constexpr const char* Partners = "\xef\x83\xa8";    // f0e8 sitemap

// The results of a budget round: the home tile, and the projects that were not chosen.
inline constexpr const char* Results = "\xef\x82\x80";     // f080 bar-chart
inline constexpr const char* NotChosen = "\xef\x81\x96";   // f056 minus-circle

// Every code point above, for building the font atlas.
inline constexpr std::array<unsigned short, 54> kAllCodePoints = {
    0xf0eb, 0xf03a, 0xf015, 0xf060, 0xf061, 0xf0ac, 0xf034, 0xf042, 0xf0c0, 0xf004,
    0xf1ad, 0xf1bb, 0xf1ae, 0xf132, 0xf1b9, 0xf141, 0xf00c, 0xf040, 0xf1d8, 0xf164,
    0xf00d, 0xf177, 0xf062, 0xf25a, 0xf017, 0xf071, 0xf05a, 0xf11c, 0xf07e, 0xf086,
    0xf118, 0xf1f8, 0xf2b5, 0xf0f4, 0xf0f1, 0xf0ad, 0xf023, 0xf026, 0xf073, 0xf193,
    0xf2a2, 0xf207, 0xf1ab, 0xf096, 0xf046, 0xf135, 0xf153, 0xf067, 0xf068, 0xf014,
    0xf002, 0xf0e8, 0xf080, 0xf056};

}  // namespace buurtstem::ui::icon
