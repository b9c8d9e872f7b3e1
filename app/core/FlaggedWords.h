// FlaggedWords: the word lists (one per kiosk language, assets/moderation/<code>.txt) that mark a
// new idea for the facilitator's attention. A match only flags: nothing is hidden or dropped by
// itself, because a list cannot tell an insult from a quote or a name.
#pragma once

#include "Result.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace buurtstem {

class FlaggedWords {
public:
    // Adds the entries of one list: one word or phrase per line; blank lines and lines starting
    // with '#' are skipped. Entries are folded like ideas are (case, accents, punctuation).
    void addList(std::string_view text);
    // Reads every <code>.txt in `folder`. Errors: MissingAsset (no such folder, or a list that
    // cannot be read).
    static Result<FlaggedWords> loadFolder(const std::filesystem::path& folder);

    // The listed words and phrases that occur in `text` as whole words, each once, in list order
    // and as the list writes them. Matching is on folded words of any language's list: "Klootzak!"
    // and "KLOOTZAK" match "klootzak"; "kutsal" does not match "kut".
    std::vector<std::string> find(std::string_view text) const;

    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::string listed;               // as the list writes it
        std::vector<std::string> words;   // folded
    };
    std::vector<Entry> entries_;
};

}  // namespace buurtstem
