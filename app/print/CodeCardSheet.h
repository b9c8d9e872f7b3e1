// What goes on a round's printed voting-code cards (stemcodekaartjes) and in their CSV export.
// The caller translates every text; printing knows no languages and no storage.
#pragma once

#include <string>
#include <vector>

namespace buurtstem::print {

// The words on every card and the CSV's column names, already in the facilitator's language.
// The English defaults are for tests and the command line.
struct CodeCardTexts {
    std::string heading = "Your voting code";   // = "Your voting code" // top of each card
    std::string whereToVote = "Vote at the kiosk";  // = "Vote at the kiosk" // with the place: "... in De Kastanje"
    std::string validOnce = "Valid once";       // = "Valid once" // above the card's number
    std::string columnNumber = "Number";        // = "Number" // CSV header of the card number (1, 2, ...)
    std::string columnCode = "Code";            // = "Code"
    std::string columnRound = "Round";          // = "Round"
    std::string columnValidUntil = "Valid until";  // = "Valid until"
};

struct CodeCardSheet {
    std::string roundName;            // = "" // the budget round, e.g. "Buurtbudget 2025"
    std::string neighbourhood;        // = "" // e.g. "Kastanjebuurt"
    std::string votingWindow;         // = "" // when voting is open, as a resident reads it: "2 – 16 June 2025"
    std::string validUntil;           // = "" // the last day codes work, for the CSV: "16-06-2025"
    std::vector<std::string> codes;   // = {} // canonical codes; card and CSV row i + 1 hold codes[i]
    CodeCardTexts texts;              // = English // the words on the cards and the CSV header
    int cardsPerPage = 8;             // = 8 // 8 (2 x 4 cards of 95 x 69 mm) or 10 (2 x 5, 95 x 55 mm)
};

}  // namespace buurtstem::print
