// Word lists for moderation: folded once when loaded, so checking an idea costs its own words only.
#include "FlaggedWords.h"

#include "Similarity.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace buurtstem {

namespace {

std::vector<std::string> foldedWords(std::string_view text) {
    std::vector<std::string> words;
    std::istringstream stream(foldForMatching(text));
    for (std::string word; stream >> word;) words.push_back(std::move(word));
    return words;
}

std::string trimmed(std::string_view line) {
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    const std::size_t last = line.find_last_not_of(" \t\r");
    return std::string(line.substr(first, last - first + 1));
}

}  // namespace

void FlaggedWords::addList(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string line = trimmed(text.substr(start, end - start));
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        std::vector<std::string> words = foldedWords(line);
        if (words.empty()) continue;
        // The same word in two languages' lists is one entry.
        const bool known = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.words == words; });
        if (!known) entries_.push_back({std::move(line), std::move(words)});
    }
}

Result<FlaggedWords> FlaggedWords::loadFolder(const std::filesystem::path& folder) {
    std::error_code error;
    std::vector<std::filesystem::path> files;
    for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
        if (it->path().extension() == ".txt" && it->is_regular_file(error)) files.push_back(it->path());
    if (error) return makeError(ErrorCode::MissingAsset, "cannot list " + folder.string() + ": " + error.message());
    std::sort(files.begin(), files.end());  // the same order of entries on every machine
    FlaggedWords words;
    for (const std::filesystem::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) return makeError(ErrorCode::MissingAsset, "cannot read " + file.string());
        words.addList(text.str());
    }
    return words;
}

std::vector<std::string> FlaggedWords::find(std::string_view text) const {
    std::vector<std::string> found;
    if (entries_.empty()) return found;
    const std::vector<std::string> words = foldedWords(text);
    for (const Entry& entry : entries_) {
        if (entry.words.size() > words.size()) continue;
        // Whole words in a row: a listed word inside a longer, innocent one is no match.
        for (std::size_t i = 0; i + entry.words.size() <= words.size(); ++i) {
            if (std::equal(entry.words.begin(), entry.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
                found.push_back(entry.listed);
                break;
            }
        }
    }
    return found;
}

}  // namespace buurtstem
