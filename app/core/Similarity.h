// Similarity: "is there already an idea like this one?" while a resident types. Words are folded
// (case, the accents of Dutch, Turkish and Polish, punctuation), the small words of the six kiosk
// languages dropped and Dutch endings trimmed; ideas are then scored by the words they share with
// the draft, rare words and the idea's title counting most.
#pragma once

#include "Idea.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace buurtstem {

// Lower case without accents and with every run of punctuation or spaces made one space:
// "Bánkjes, in 't PARK!" -> "bankjes in t park". Apostrophes inside words are dropped ("opa's"
// -> "opas"). Latin, Ukrainian Cyrillic and Arabic letters are kept (Arabic without its vowel
// marks and with one form of alef); any other character separates words.
std::string foldForMatching(std::string_view text);

// The words that carry meaning, folded and lightly stemmed ("bankjes" and "bankje" -> "bank",
// "bomen" and "boom" -> "bom"), without stop words, in order of appearance, each once.
std::vector<std::string> matchWords(std::string_view text);

inline constexpr std::size_t kSimilarShown = 2;       // at most this many suggestions
inline constexpr double kSimilarThreshold = 0.35;      // = 0.35 // a score below this is not similar enough
inline constexpr double kSimilarNearBest = 0.8;        // = 0.8  // a second suggestion only scoring this share of the best

// One idea that looks like the draft.
struct SimilarIdea {
    std::string ideaId;
    std::size_t index = 0;  // = 0 // position in the list the index was built from
    double score = 0.0;     // = 0 // 0..1: half how much of the draft the idea has, half how much of its title the draft has
};

// The ideas' words, prepared once (when the list of ideas changes) so that find() costs only the
// draft's few words, also over thousands of ideas: a sorted vocabulary with, per word, the ideas
// that hold it.
class SimilarIdeaIndex {
public:
    SimilarIdeaIndex() = default;
    explicit SimilarIdeaIndex(const std::vector<Idea>& ideas);

    // The best ideas for a draft, best first, at most `limit`, none below `threshold` nor below
    // kSimilarNearBest of the best one (a clear match is not joined by a weak one). Equal scores
    // keep the order the ideas were given in. Empty for a draft without meaningful words.
    std::vector<SimilarIdea> find(std::string_view title, std::string_view body, std::size_t limit = kSimilarShown,
                                  double threshold = kSimilarThreshold) const;

    std::size_t size() const { return ideaIds_.size(); }

private:
    // Scores every idea sharing a word with `draft` (words with their weight in the draft) and
    // keeps, per idea, the higher of that and what `scores` already holds.
    void score(const std::vector<std::pair<std::string, double>>& draft,
               std::unordered_map<std::uint32_t, double>& scores) const;

    struct Posting {
        std::uint32_t idea = 0;
        bool inTitle = false;  // = false // in the title (else only in the text)
    };
    std::vector<std::string> ideaIds_;
    std::vector<std::string> words_;                // sorted, unique
    std::vector<std::vector<Posting>> postings_;    // per word: the ideas holding it, each once
    std::vector<double> wordWeight_;                // per word: how rare it is among the ideas
    std::vector<double> titleWeight_;               // per idea: the summed weight of its title's words
};

}  // namespace buurtstem
