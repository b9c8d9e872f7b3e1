// Finding ideas like the one being typed, with the demo neighbourhood's ideas as the list.
#include "app/core/DemoNeighbourhood.h"
#include "app/core/Similarity.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace buurtstem;

namespace {

std::vector<Idea> demoIdeas() {
    std::vector<Idea> ideas;
    for (const IdeaDraft& draft : demoNeighbourhood().ideas) {
        Idea idea;
        idea.id = "demo-" + std::to_string(ideas.size());
        idea.theme = draft.theme;
        idea.title = draft.title;
        idea.body = draft.body;
        ideas.push_back(idea);
    }
    return ideas;
}

// The titles of what find() returns, best first.
std::vector<std::string> titlesFound(const SimilarIdeaIndex& index, const std::vector<Idea>& ideas, std::string_view title,
                                     std::string_view body = {}) {
    std::vector<std::string> titles;
    for (const SimilarIdea& similar : index.find(title, body)) titles.push_back(ideas[similar.index].title);
    return titles;
}

}  // namespace

TEST_CASE("folding drops case, accents and punctuation", "[similarity]") {
    CHECK(foldForMatching("Bánkjes, in 't PARK!") == "bankjes in t park");
    CHECK(foldForMatching("Één café, één crème brûlée") == "een cafe een creme brulee");
    CHECK(foldForMatching("Çocuk parkı için ağaç, İYİ") == "cocuk parki icin agac iyi");  // Turkish
    CHECK(foldForMatching("Ławka przy źródle, ŻÓŁTA") == "lawka przy zrodle zolta");        // Polish
    CHECK(foldForMatching("opa's en oma’s") == "opas en omas");
    CHECK(foldForMatching("ІГРОВИЙ Майданчик Її") == "ігровий майданчик її");              // Ukrainian
    CHECK(foldForMatching("أَلْحَدِيقَة") == "الحديقه");                                      // Arabic marks and forms
    CHECK(foldForMatching("  -- ... ") == "");
}

TEST_CASE("match words leave out stop words and meet across Dutch word forms", "[similarity]") {
    CHECK(matchWords("Bankjes in het park") == std::vector<std::string>{"bank", "park"});
    CHECK(matchWords("een bankje") == matchWords("BANKJES"));
    CHECK(matchWords("bomen") == matchWords("boom"));
    CHECK(matchWords("drempels") == matchWords("drempel"));
    CHECK(matchWords("kinderen") == matchWords("kind"));
    CHECK(matchWords("fietsen") == matchWords("fiets"));
    CHECK(matchWords("het pleintje") == matchWords("plein"));
    CHECK(matchWords("the benches") == matchWords("a bench"));
    CHECK(matchWords("de en het een van voor met").empty());
    CHECK(matchWords("the and of with").empty());
    CHECK(matchWords("ve bir için").empty());
    CHECK(matchWords("i się nie że").empty());
    CHECK(matchWords("та що для не").empty());
    CHECK(matchWords("في من على").empty());
    CHECK(matchWords("speeltuin speeltuin Speeltuin").size() == 1);
}

TEST_CASE("typing about a bench in the park finds the demo bench idea", "[similarity]") {
    const std::vector<Idea> ideas = demoIdeas();
    const SimilarIdeaIndex index(ideas);
    REQUIRE(index.size() == ideas.size());
    const std::vector<std::string> found = titlesFound(index, ideas, "bankjes in het park");
    REQUIRE_FALSE(found.empty());
    CHECK(found.front() == "Bankje bij de speeltuin");
}

TEST_CASE("accents and case do not matter", "[similarity]") {
    const std::vector<Idea> ideas = demoIdeas();
    const SimilarIdeaIndex index(ideas);
    const std::vector<std::string> plain = titlesFound(index, ideas, "bankjes in het park");
    CHECK(titlesFound(index, ideas, "BANKJES IN HET PARK") == plain);
    CHECK(titlesFound(index, ideas, "Bánkjés ín hét pärk") == plain);
    CHECK(titlesFound(index, ideas, "Drempels in de KASTANJESTRAAT") ==
          titlesFound(index, ideas, "drempels in de kastanjestraat"));
}

TEST_CASE("more trees, a speed bump, the community room: each finds its demo idea", "[similarity]") {
    const std::vector<Idea> ideas = demoIdeas();
    const SimilarIdeaIndex index(ideas);
    CHECK(titlesFound(index, ideas, "Meer bomen op het Kastanjeplein").front() == "Nieuwe bomen op het pleintje");
    CHECK(titlesFound(index, ideas, "drempel").front() == "Drempels in de Kastanjestraat");
    CHECK(titlesFound(index, ideas, "Repair cafe").front() == "Repair Café in de buurtkamer");
    // The text counts too, less than the title: the idea is found once the text says enough.
    CHECK(titlesFound(index, ideas, "Iets voor de jeugd", "Een filmavond voor tieners in de zomervakantie").front() ==
          "Zomeractiviteiten voor tieners");
}

TEST_CASE("unrelated text and stop words alone find nothing", "[similarity]") {
    const std::vector<Idea> ideas = demoIdeas();
    const SimilarIdeaIndex index(ideas);
    CHECK(index.find("Ruimteschip naar de maan", "").empty());
    CHECK(index.find("Een kapotte lantaarnpaal", "").empty());
    CHECK(index.find("de het een", "").empty());
    CHECK(index.find("", "").empty());
    CHECK(index.find("zz", "").empty());
    CHECK(SimilarIdeaIndex().find("bankje", "").empty());
}

TEST_CASE("at most the limit, best first, equal scores in the list's order", "[similarity]") {
    std::vector<Idea> ideas;
    for (const char* title : {"Bankje bij de vijver", "Bankje bij de vijver", "Bankje bij de school", "Voetbalkooi",
                              "Een bankje bij de vijver"}) {
        Idea idea;
        idea.id = "idea-" + std::to_string(ideas.size());
        idea.title = title;
        ideas.push_back(idea);
    }
    const SimilarIdeaIndex index(ideas);
    const std::vector<SimilarIdea> found = index.find("Een bankje bij de vijver", "");
    REQUIRE(found.size() == kSimilarShown);
    CHECK(found[0].ideaId == "idea-0");  // the same score: the order given
    CHECK(found[1].ideaId == "idea-1");
    CHECK(found[0].score == Approx(1.0));
    CHECK(index.find("Een bankje bij de vijver", "", 1).size() == 1);
    // The bench by the school shares a word, far less than the three by the pond: not shown with them.
    const std::vector<SimilarIdea> all = index.find("Een bankje bij de vijver", "", 5);
    REQUIRE(all.size() == 3);
    CHECK(all[2].ideaId == "idea-4");
    CHECK(index.find("Een bankje bij de school", "", 5).front().ideaId == "idea-2");
}

TEST_CASE("a few thousand ideas are searched fast enough for every key", "[similarity]") {
    // Thousands of ideas made from the demo's words in other combinations.
    const std::vector<Idea> demo = demoIdeas();
    std::vector<Idea> ideas;
    for (std::size_t i = 0; i < 4000; ++i) {
        Idea idea;
        idea.id = "idea-" + std::to_string(i);
        idea.title = demo[i % demo.size()].title + " " + std::to_string(i);
        idea.body = demo[(i * 7) % demo.size()].body;
        ideas.push_back(idea);
    }
    const SimilarIdeaIndex index(ideas);
    const std::string typed = "Bankjes en meer bomen in het park bij de speeltuin";
    const auto start = std::chrono::steady_clock::now();
    std::size_t found = 0;
    for (std::size_t length = 1; length <= typed.size(); ++length) found += index.find(typed.substr(0, length), "").size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(found > 0);
    // One search per key typed; generous for sanitizer and debug builds.
    CHECK(seconds / static_cast<double>(typed.size()) < 0.05);
}
