// Finding ideas like the one being typed: folding, stop words, light stemming and a weighted
// word overlap over an inverted index. Plain C++ with no Unicode library: the kiosk's scripts
// are few and known (Latin with Dutch, Turkish and Polish accents, Ukrainian Cyrillic, Arabic).
#include "Similarity.h"

#include "Utf8.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace buurtstem {

namespace {

// [SECTION] Folding

// Base letters of Latin Extended-A (U+0100..U+017F), two per upper/lower pair; '*' marks the
// ligatures Ĳ ĳ Œ œ, which fold to two letters.
constexpr std::string_view kLatinExtendedA =
    "aaaaaa"        // Ā ā Ă ă Ą ą
    "cccccccc"      // Ć ć Ĉ ĉ Ċ ċ Č č
    "dddd"          // Ď ď Đ đ
    "eeeeeeeeee"    // Ē ē Ĕ ĕ Ė ė Ę ę Ě ě
    "gggggggg"      // Ĝ ĝ Ğ ğ Ġ ġ Ģ ģ
    "hhhh"          // Ĥ ĥ Ħ ħ
    "iiiiiiiiii"    // Ĩ ĩ Ī ī Ĭ ĭ Į į İ ı
    "**"            // Ĳ ĳ
    "jj"            // Ĵ ĵ
    "kkk"           // Ķ ķ ĸ
    "llllllllll"    // Ĺ ĺ Ļ ļ Ľ ľ Ŀ ŀ Ł ł
    "nnnnnnnnn"     // Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ
    "oooooo"        // Ō ō Ŏ ŏ Ő ő
    "**"            // Œ œ
    "rrrrrr"        // Ŕ ŕ Ŗ ŗ Ř ř
    "ssssssss"      // Ś ś Ŝ ŝ Ş ş Š š
    "tttttt"        // Ţ ţ Ť ť Ŧ ŧ
    "uuuuuuuuuuuu"  // Ũ ũ Ū ū Ŭ ŭ Ů ů Ű ű Ų ų
    "ww"            // Ŵ ŵ
    "yyy"           // Ŷ ŷ Ÿ
    "zzzzzz"        // Ź ź Ż ż Ž ž
    "s";            // ſ
static_assert(kLatinExtendedA.size() == 0x80, "one base letter per code point of Latin Extended-A");

// Base letters of U+00C0..U+00FF; '*' folds to two letters (Æ æ ß), ' ' separates (× ÷).
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiii"  // À..Ï
    "dnooooo ouuuuyt*"  // Ð..ß
    "aaaaaa*ceeeeiiii"  // à..ï
    "dnooooo ouuuuyty"; // ð..ÿ
static_assert(kLatin1.size() == 0x40, "one base letter per code point of U+00C0..U+00FF");

bool isApostrophe(char32_t c) { return c == U'\'' || c == U'\u2019' || c == U'\u02BC' || c == U'`' || c == U'\u00B4'; }

// Appends the folded form of `c`; returns false when `c` separates words.
bool appendFolded(std::string& out, char32_t c) {
    if (c >= U'a' && c <= U'z') return out.push_back(static_cast<char>(c)), true;
    if (c >= U'0' && c <= U'9') return out.push_back(static_cast<char>(c)), true;
    if (c >= U'A' && c <= U'Z') return out.push_back(static_cast<char>(c - U'A' + U'a')), true;
    if (c >= 0xC0 && c <= 0xFF) {
        const char base = kLatin1[c - 0xC0];
        if (base == ' ') return false;
        if (base != '*') return out.push_back(base), true;
        out += c == 0xDF ? "ss" : "ae";
        return true;
    }
    if (c >= 0x100 && c <= 0x17F) {
        const char base = kLatinExtendedA[c - 0x100];
        if (base != '*') return out.push_back(base), true;
        out += c <= 0x133 ? "ij" : "oe";
        return true;
    }
    if (c >= 0x218 && c <= 0x21B) return out.push_back(c <= 0x219 ? 's' : 't'), true;  // Ș ș Ț ț
    // Cyrillic: lower case; Ukrainian's own letters (Є І Ї Ґ) included.
    if (c >= 0x410 && c <= 0x42F) return utf8::append(out, c + 0x20), true;
    if (c >= 0x400 && c <= 0x40F) return utf8::append(out, c + 0x50), true;
    if (c == 0x490) return utf8::append(out, 0x491), true;
    if ((c >= 0x430 && c <= 0x45F) || c == 0x491) return utf8::append(out, c), true;
    // Arabic: one alef, the final forms residents type either way, Arabic-Indic digits.
    if (c == 0x622 || c == 0x623 || c == 0x625 || c == 0x671) return utf8::append(out, 0x627), true;
    if (c == 0x629) return utf8::append(out, 0x647), true;                  // ة -> ه
    if (c == 0x649 || c == 0x6CC) return utf8::append(out, 0x64A), true;    // ى ی -> ي
    if (c >= 0x660 && c <= 0x669) return out.push_back(static_cast<char>('0' + (c - 0x660))), true;
    if (c >= 0x621 && c <= 0x63A) return utf8::append(out, c), true;
    if (c >= 0x641 && c <= 0x64A) return utf8::append(out, c), true;
    return false;
}

// Marks that belong to the letter before them and disappear: Arabic vowel signs and tatweel.
bool isDroppedMark(char32_t c) { return (c >= 0x64B && c <= 0x65F) || c == 0x670 || c == 0x640; }

// [SECTION] Stop words
// Folded like the text (no accents, lower case), compared before stemming. Short lists: the
// words that carry no meaning in a wish for the neighbourhood. Dutch, the kiosk's main
// language, also has the general request words ("graag", "zou", "nieuwe") that would otherwise
// make unrelated wishes look alike.

const std::unordered_set<std::string_view>& stopWords() {
    static const std::unordered_set<std::string_view> words = {
        // nl
        "de", "het", "een", "en", "of", "maar", "want", "dus", "dan", "als", "omdat", "dat", "die", "dit", "deze",
        "wat", "wie", "waar", "hoe", "wanneer", "waarom", "ik", "je", "jij", "u", "we", "wij", "ze", "zij", "hij",
        "mijn", "jouw", "jullie", "ons", "onze", "zijn", "haar", "hun", "hen", "me", "mij", "men", "er", "hier",
        "daar", "in", "op", "aan", "bij", "met", "van", "voor", "naar", "uit", "om", "over", "onder", "tot", "door",
        "tegen", "zonder", "na", "sinds", "tussen", "achter", "naast", "is", "ben", "bent", "was", "waren", "wordt",
        "worden", "werd", "geweest", "heb", "hebt", "heeft", "hebben", "had", "kan", "kun", "kunt", "kunnen", "moet",
        "moeten", "mag", "mogen", "wil", "wilt", "willen", "zou", "zouden", "zal", "zullen", "gaat", "gaan", "doe",
        "doet", "doen", "maak", "maakt", "maken", "komt", "komen", "niet", "geen", "wel", "ook", "nog", "al", "nu",
        "heel", "erg", "veel", "meer", "meest", "minder", "weinig", "elke", "elk", "iedere", "ieder", "alle", "alles",
        "iets", "niets", "graag", "zo", "te", "toe", "eens", "even", "weer", "nou", "ja", "nee", "toch", "alleen",
        "echt", "vaak", "soms", "altijd", "nooit", "goed", "beter", "fijn", "mooi", "nieuw", "nieuwe", "extra",
        "paar", "keer", "per", "hele", "ander", "andere",
        // en
        "the", "an", "and", "or", "but", "so", "if", "then", "that", "this", "these", "those", "what", "who",
        "where", "when", "why", "how", "you", "he", "she", "it", "its", "they", "my", "your", "our", "their", "us",
        "them", "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did", "can", "could",
        "will", "would", "should", "may", "must", "not", "no", "yes", "of", "to", "on", "at", "by", "for", "with",
        "from", "about", "into", "up", "out", "as", "than", "too", "very", "more", "some", "any", "all", "also",
        "just", "only", "there", "here", "please", "new", "more",
        // tr
        "ve", "veya", "ile", "ama", "fakat", "ki", "bu", "su", "bir", "icin", "gibi", "da", "mi", "mu", "cok",
        "daha", "her", "hic", "ne", "neden", "nasil", "ben", "sen", "biz", "siz", "onlar", "var", "yok", "olan",
        "olarak", "ise", "kadar", "sonra", "once", "ya", "lutfen",
        // pl
        "na", "do", "od", "po", "ze", "sie", "nie", "tak", "to", "ten", "ta", "te", "jest", "sa", "byl", "byla",
        "bylo", "by", "jak", "ale", "lub", "czy", "dla", "przy", "oraz", "juz", "tez", "bardzo", "wiecej", "co",
        "kto", "gdzie", "kiedy", "ja", "ty", "my", "wy", "oni", "ona", "ono", "jego", "jej", "ich", "nasz", "prosze",
        // uk
        "та", "або", "але", "що", "це", "цей", "ця", "ці", "той", "як", "для", "на", "до", "від", "по", "про", "при",
        "не", "ні", "так", "є", "був", "була", "було", "були", "буде", "я", "ти", "ми", "ви", "він", "вона", "вони",
        "воно", "його", "її", "їх", "мій", "наш", "ваш", "дуже", "більше", "також", "вже", "ще", "коли", "де", "хто",
        "чому", "зі", "будь", "ласка",
        // ar (folded: one alef, ى as ي, ة as ه)
        "في", "من", "الى", "علي", "عن", "مع", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "او", "ثم", "لكن", "ان",
        "كان", "كانت", "لا", "ما", "لم", "لن", "هو", "هي", "هم", "نحن", "انا", "انت", "كل", "بعض", "قد", "هناك",
        "جدا", "ايضا", "يوجد", "نريد", "اريد",
    };
    return words;
}

// [SECTION] Stemming
// Light and symmetric: the same rules run on ideas and drafts, so a rule only has to make the
// forms of one word meet, not produce a real stem. Dutch first (diminutives, plurals, the -e of
// adjectives, doubled letters), with English plurals on the side.

bool endsWith(const std::string& word, std::string_view suffix) {
    return word.size() >= suffix.size() && std::string_view(word).substr(word.size() - suffix.size()) == suffix;
}

bool isVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Cuts `suffix` when at least `keep` letters remain.
bool cut(std::string& word, std::string_view suffix, std::size_t keep = 3) {
    if (!endsWith(word, suffix) || word.size() < suffix.size() + keep) return false;
    word.resize(word.size() - suffix.size());
    return true;
}

std::string stemLatin(std::string word) {
    // Diminutives: bankje(s) -> bank, pleintje -> plein, bloemetje -> bloem, boompje -> boom.
    const bool diminutive = cut(word, "etjes") || cut(word, "etje") || cut(word, "tjes") || cut(word, "tje") ||
                            ((endsWith(word, "mpjes") || endsWith(word, "mpje")) && (cut(word, "pjes") || cut(word, "pje"))) ||
                            cut(word, "jes") || cut(word, "je");
    if (!diminutive) {
        if (cut(word, "eren", 4)) {                    // kinderen -> kind
        } else if (cut(word, "en")) {                  // bomen -> bom, fietsen -> fiets (and on)
            cut(word, "s", 3);
        } else if (endsWith(word, "ches") || endsWith(word, "shes") || endsWith(word, "xes")) {
            cut(word, "es");                           // benches -> bench
        } else if (word.size() >= 4 && endsWith(word, "s") && !endsWith(word, "ss")) {
            word.pop_back();                           // drempels -> drempel, trees -> tree
        } else if (word.size() >= 4 && endsWith(word, "e")) {
            word.pop_back();                           // grote -> grot(e), nieuwe -> nieuw
        }
    }
    // Doubled consonant at the end (bakk -> bak, kapott -> kapot), doubled vowels anywhere
    // (boom -> bom, straat -> strat), so the open and closed syllables of one word meet.
    if (word.size() >= 3 && word[word.size() - 1] == word[word.size() - 2] && !isVowel(word.back())) word.pop_back();
    std::string out;
    out.reserve(word.size());
    for (char c : word)
        if (!(isVowel(c) && c != 'i' && !out.empty() && out.back() == c)) out.push_back(c);
    return out;
}

// Arabic: the article and a leading "and" (و, وال, بال, كال, فال, لل) when three letters remain.
std::string stemArabic(std::string word) {
    static constexpr std::string_view kPrefixes[] = {"\xd9\x88\xd8\xa7\xd9\x84", "\xd8\xa8\xd8\xa7\xd9\x84",
                                                     "\xd9\x83\xd8\xa7\xd9\x84", "\xd9\x81\xd8\xa7\xd9\x84",
                                                     "\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84", "\xd9\x88"};
    for (std::string_view prefix : kPrefixes) {
        if (word.size() >= prefix.size() + 6 && std::string_view(word).substr(0, prefix.size()) == prefix) {
            word.erase(0, prefix.size());
            break;
        }
    }
    return word;
}

bool isAscii(const std::string& word) {
    return std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool isArabic(const std::string& word) {
    return !word.empty() && (static_cast<unsigned char>(word[0]) == 0xD8 || static_cast<unsigned char>(word[0]) == 0xD9);
}

// [SECTION] Scoring weights

constexpr double kTitleWeight = 1.0;   // a word in a title says what the idea is about
constexpr double kBodyWeight = 0.5;    // a word only in the text says less
constexpr double kPrefixMatch = 0.7;   // "koffie" in "koffieochtend": related, not the same
constexpr std::size_t kPrefixMin = 4;  // shorter words would start too many others

// How much a word tells apart: rare words much, a word in every idea little.
double rarity(std::size_t ideas, std::size_t holding) {
    return std::log(1.0 + static_cast<double>(ideas) / (static_cast<double>(holding) + 0.5));
}

bool startsWith(std::string_view word, std::string_view prefix) {
    return word.size() >= prefix.size() && word.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string foldForMatching(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pendingSpace = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = utf8::decode(text, pos);
        if (isApostrophe(c) || isDroppedMark(c)) continue;  // inside a word: "opa's" -> "opas"
        std::string folded;
        if (appendFolded(folded, c)) {
            if (pendingSpace && !out.empty()) out.push_back(' ');
            pendingSpace = false;
            out += folded;
        } else {
            pendingSpace = true;
        }
    }
    return out;
}

std::vector<std::string> matchWords(std::string_view text) {
    const std::string folded = foldForMatching(text);
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string::npos) end = folded.size();
        std::string word = folded.substr(start, end - start);
        start = end + 1;
        if (utf8::countCodePoints(word) < 2 || stopWords().count(word) > 0) continue;
        if (isAscii(word))
            word = stemLatin(std::move(word));
        else if (isArabic(word))
            word = stemArabic(std::move(word));
        if (utf8::countCodePoints(word) < 2) continue;
        if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(std::move(word));
    }
    return words;
}

SimilarIdeaIndex::SimilarIdeaIndex(const std::vector<Idea>& ideas) {
    // Word -> (idea -> in its title); gathered by idea, then laid out sorted.
    std::unordered_map<std::string, std::vector<Posting>> byWord;
    ideaIds_.reserve(ideas.size());
    for (std::size_t i = 0; i < ideas.size(); ++i) {
        ideaIds_.push_back(ideas[i].id);
        const auto idea = static_cast<std::uint32_t>(i);
        for (const std::string& word : matchWords(ideas[i].title)) byWord[word].push_back({idea, true});
        for (const std::string& word : matchWords(ideas[i].body)) {
            std::vector<Posting>& list = byWord[word];
            if (list.empty() || list.back().idea != idea) list.push_back({idea, false});
        }
    }
    words_.reserve(byWord.size());
    for (const auto& entry : byWord) words_.push_back(entry.first);
    std::sort(words_.begin(), words_.end());
    postings_.reserve(words_.size());
    wordWeight_.reserve(words_.size());
    titleWeight_.assign(ideas.size(), 0.0);
    for (const std::string& word : words_) {
        std::vector<Posting>& list = byWord[word];
        const double weight = rarity(ideas.size(), list.size());
        for (const Posting& posting : list)
            if (posting.inTitle) titleWeight_[posting.idea] += weight;
        wordWeight_.push_back(weight);
        postings_.push_back(std::move(list));
    }
}

void SimilarIdeaIndex::score(const std::vector<std::pair<std::string, double>>& draft,
                             std::unordered_map<std::uint32_t, double>& scores) const {
    const std::size_t ideaCount = ideaIds_.size();
    std::unordered_map<std::uint32_t, double> draftShared;  // per idea: the weight of the draft's words it has
    std::unordered_map<std::size_t, double> wordsHit;       // per index word: the best match any draft word made
    double draftTotal = 0.0;
    for (const auto& [word, draftWeight] : draft) {
        // This draft word's best match per idea: the word itself, or a longer word it starts.
        std::unordered_map<std::uint32_t, double> best;
        auto first = std::lower_bound(words_.begin(), words_.end(), word);
        for (auto it = first; it != words_.end(); ++it) {
            const bool exact = *it == word;
            if (!exact && (word.size() < kPrefixMin || !startsWith(*it, word))) break;
            const std::size_t w = static_cast<std::size_t>(it - words_.begin());
            const double quality = exact ? 1.0 : kPrefixMatch;
            double& hit = wordsHit[w];
            hit = std::max(hit, quality);
            for (const Posting& posting : postings_[w]) {
                double& b = best[posting.idea];
                b = std::max(b, quality * (posting.inTitle ? kTitleWeight : kBodyWeight));
            }
        }
        // A word no idea has weighs most: a draft full of them is about something else.
        const double weight = draftWeight * rarity(ideaCount, best.size());
        draftTotal += weight;
        for (const auto& [idea, quality] : best) draftShared[idea] += weight * quality;
    }

    std::unordered_map<std::uint32_t, double> titleShared;  // per idea: the weight of its title words the draft has
    for (const auto& [w, quality] : wordsHit)
        for (const Posting& posting : postings_[w])
            if (posting.inTitle) titleShared[posting.idea] += quality * wordWeight_[w];

    for (const auto& [idea, shared] : draftShared) {
        const double ofDraft = shared / draftTotal;
        const auto title = titleShared.find(idea);
        const double ofTitle =
            title == titleShared.end() || titleWeight_[idea] <= 0.0 ? 0.0 : title->second / titleWeight_[idea];
        double& kept = scores[idea];
        kept = std::max(kept, 0.5 * std::min(1.0, ofDraft) + 0.5 * std::min(1.0, ofTitle));
    }
}

std::vector<SimilarIdea> SimilarIdeaIndex::find(std::string_view title, std::string_view body, std::size_t limit,
                                                 double threshold) const {
    if (ideaIds_.empty()) return {};
    // The draft's words, a title word counting more than one only in the text.
    std::vector<std::pair<std::string, double>> draft;
    for (std::string& word : matchWords(title)) draft.emplace_back(std::move(word), kTitleWeight);
    const std::size_t titleWords = draft.size();
    for (std::string& word : matchWords(body)) {
        const bool seen = std::any_of(draft.begin(), draft.end(), [&](const auto& d) { return d.first == word; });
        if (!seen) draft.emplace_back(std::move(word), kBodyWeight);
    }
    if (draft.empty()) return {};

    // The title alone and the title with the text, each idea keeping its better score: a long
    // text (or one in another language than the ideas) may add a match, never hide one.
    std::unordered_map<std::uint32_t, double> scores;
    score(draft, scores);
    if (titleWords > 0 && titleWords < draft.size()) {
        draft.resize(titleWords);
        score(draft, scores);
    }

    std::vector<SimilarIdea> found;
    for (const auto& [idea, value] : scores)
        if (value >= threshold) found.push_back({ideaIds_[idea], idea, value});
    std::sort(found.begin(), found.end(), [](const SimilarIdea& a, const SimilarIdea& b) {
        return a.score != b.score ? a.score > b.score : a.index < b.index;
    });
    const double nearBest = found.empty() ? 0.0 : found.front().score * kSimilarNearBest;
    while (!found.empty() && found.back().score < nearBest) found.pop_back();
    if (found.size() > limit) found.resize(limit);
    return found;
}

}  // namespace buurtstem
