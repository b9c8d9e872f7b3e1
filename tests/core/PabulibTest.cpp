// The Pabulib .pb reader and writer: each quirk of the format on small hand-written files, every
// error with its line number, and the real elections in shared/data/pabulib read, checked against
// their own META and PROJECTS columns, written and read back.
#include "app/core/tally/Pabulib.h"

#include <catch2/catch.hpp>

#include "SharedData.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace buurtstem;
using namespace buurtstem::tally;

namespace {

// A file from its three sections; each section's text brings its own header line.
// Line numbers: META 1, key;value 2, then the META rows from line 3.
std::string pb(std::string_view meta, std::string_view projects, std::string_view votes) {
    return "META\nkey;value\n" + std::string(meta) + "PROJECTS\n" + std::string(projects) + "VOTES\n" +
           std::string(votes);
}

// budget and vote_type on lines 3 and 4, PROJECTS on 5, its header on 6, projects 1 and 2 on 7
// and 8, VOTES on 9, its header on 10, ballots from line 11.
std::string approvalFile(std::string_view votes) {
    return pb("budget;1000\nvote_type;approval\n", "project_id;cost\n1;100\n2;200\n",
              "voter_id;vote\n" + std::string(votes));
}

Election readOk(std::string_view text) {
    Result<Election> election = readPabulib(text);
    INFO((election ? std::string() : election.error().detail));
    REQUIRE(election.ok());
    return std::move(election).value();
}

std::string errorOf(std::string_view text) {
    const Result<Election> election = readPabulib(text);
    REQUIRE_FALSE(election.ok());
    CHECK(election.error().code == ErrorCode::InvalidInput);
    return election.error().detail;
}

// Ballot b as project ids, in the stored order.
std::vector<std::string> ballotIds(const Election& election, std::size_t b) {
    std::vector<std::string> ids;
    for (std::uint32_t i = election.ballots.ballotStart[b]; i < election.ballots.ballotStart[b + 1]; ++i)
        ids.push_back(election.projects[election.ballots.projects[i]].id);
    return ids;
}

std::vector<std::int64_t> ballotPoints(const Election& election, std::size_t b) {
    const auto& points = election.ballots.points;
    REQUIRE(points.size() >= election.ballots.ballotStart[b + 1]);
    return {points.begin() + election.ballots.ballotStart[b], points.begin() + election.ballots.ballotStart[b + 1]};
}

std::string crlf(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

void checkSameElection(const Election& a, const Election& b) {
    CHECK(a.meta == b.meta);
    CHECK(a.voteType == b.voteType);
    CHECK(a.budget == b.budget);
    REQUIRE(a.projects.size() == b.projects.size());
    for (std::size_t i = 0; i < a.projects.size(); ++i) {
        INFO("project " << a.projects[i].id);
        CHECK(a.projects[i].id == b.projects[i].id);
        CHECK(a.projects[i].cost == b.projects[i].cost);
        CHECK(a.projects[i].name == b.projects[i].name);
        CHECK(a.projects[i].selected == b.projects[i].selected);
        CHECK(a.projects[i].extra == b.projects[i].extra);
    }
    // Parenthesised: on failure Catch would otherwise print arrays of 100,000 numbers.
    CHECK((a.ballots.ballotStart == b.ballots.ballotStart));
    CHECK((a.ballots.projects == b.ballots.projects));
    CHECK((a.ballots.points == b.ballots.points));
    CHECK((a.ballots.voterIds == b.ballots.voterIds));
}

std::string sharedFile(const std::string& name) {
    const std::filesystem::path path = std::filesystem::path(BUURTSTEM_SHARED_DATA_DIR) / "pabulib" / name;
    std::ifstream in(path, std::ios::binary);
    INFO(path.string());
    REQUIRE(in);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

const Project* projectById(const Election& election, std::string_view id) {
    for (const Project& project : election.projects)
        if (project.id == id) return &project;
    return nullptr;
}

std::optional<std::string_view> extraValue(const Project& project, std::string_view column) {
    for (const auto& [name, value] : project.extra)
        if (name == column) return std::string_view(value);
    return std::nullopt;
}

std::int64_t wholeNumber(std::string_view text) { return std::stoll(std::string(text)); }

}  // namespace

// [SECTION] Election basics

TEST_CASE("vote type ids are Pabulib's spelling and read back", "[pabulib]") {
    for (const VoteType type :
         {VoteType::Approval, VoteType::Choose1, VoteType::Cumulative, VoteType::Scoring, VoteType::Ordinal})
        CHECK(voteTypeFromId(voteTypeId(type)) == type);
    CHECK(voteTypeId(VoteType::Choose1) == "choose-1");
    CHECK(voteTypeId(VoteType::Ordinal) == "ordinal");
    CHECK(voteTypeFromId("cumulative") == VoteType::Cumulative);
    CHECK_FALSE(voteTypeFromId("Approval").has_value());
    CHECK_FALSE(voteTypeFromId("choose1").has_value());
    CHECK_FALSE(voteTypeFromId("").has_value());
}

TEST_CASE("metaValue finds the first value and treats None as absent", "[pabulib]") {
    Election election;
    election.meta = {{"unit", "Kraków"}, {"rule", "None"}, {"unit", "Warszawa"}, {"comment", ""}};
    CHECK(election.metaValue("unit") == std::optional<std::string_view>("Kraków"));
    CHECK_FALSE(election.metaValue("rule").has_value());
    CHECK(election.metaValue("comment") == std::optional<std::string_view>(""));
    CHECK_FALSE(election.metaValue("budget").has_value());
}

// [SECTION] Reading

TEST_CASE("a small approval file reads into projects, cents and flat ballots", "[pabulib]") {
    const Election election = readOk(approvalFile("v1;1,2\nv2;2\n"));
    CHECK(election.voteType == VoteType::Approval);
    CHECK(election.budget == 1000 * kCentsPerUnit);
    REQUIRE(election.projects.size() == 2);
    CHECK(election.projects[0].id == "1");
    CHECK(election.projects[0].cost == 10000);
    CHECK(election.projects[1].cost == 20000);
    CHECK(election.projects[0].name.empty());
    CHECK_FALSE(election.projects[0].selected.has_value());
    CHECK(election.projects[0].extra.empty());
    REQUIRE(election.ballots.count() == 2);
    CHECK(election.ballots.ballotStart == std::vector<std::uint32_t>{0, 2, 3});
    CHECK(election.ballots.projects == std::vector<std::uint32_t>{0, 1, 1});
    CHECK(election.ballots.points.empty());
    CHECK(election.ballots.voterIds == std::vector<std::string>{"v1", "v2"});
    CHECK(election.meta == std::vector<std::pair<std::string, std::string>>{{"budget", "1000"}, {"vote_type", "approval"}});
}

TEST_CASE("quoted fields hold ';', doubled quotes and line breaks", "[pabulib]") {
    const std::string text = pb("description;\"Wijk; noord \"\"2025\"\"\"\nbudget;1000\nvote_type;approval\n",
                                "project_id;cost;name;category\n"
                                "1;100;\"Park; \"\"groen\"\" en blauw\";\"a\nb\"\n"
                                "2;200;Boisko \"Orlik\";sport\n"
                                "\"3\";\"300\";\"\";\"\"\n",
                                "voter_id;vote\nv1;\"1,2\"\nv2;3\n");
    const Election election = readOk(text);
    CHECK(election.metaValue("description") == std::optional<std::string_view>("Wijk; noord \"2025\""));
    REQUIRE(election.projects.size() == 3);
    CHECK(election.projects[0].name == "Park; \"groen\" en blauw");
    CHECK(election.projects[0].extra == std::vector<std::pair<std::string, std::string>>{{"category", "a\nb"}});
    // A quote inside an unquoted field is an ordinary character (Częstochowa writes names like this).
    CHECK(election.projects[1].name == "Boisko \"Orlik\"");
    CHECK(election.projects[2].id == "3");
    CHECK(election.projects[2].cost == 30000);
    CHECK(ballotIds(election, 0) == std::vector<std::string>{"1", "2"});
    CHECK(ballotIds(election, 1) == std::vector<std::string>{"3"});

    // Line numbers count physical lines, also after a field that spans two.
    const std::string broken = pb("budget;1000\nvote_type;approval\n", "project_id;cost;name\n1;100;\"a\nb\"\n2;x;c\n",
                                  "voter_id;vote\n");
    CHECK(errorOf(broken) == "line 9: cost \"x\" is not a number");
}

TEST_CASE("CRLF, a byte order mark, blank lines and a missing last line break read the same", "[pabulib]") {
    const std::string plain = pb("budget;1000\nvote_type;cumulative\n", "project_id;cost;name\n1;100;Een\n2;200;\"Twee\"\n",
                                 "voter_id;vote;points\nv1;1,2;3,1\nv2;2;4\n");
    const Election expected = readOk(plain);
    REQUIRE(expected.ballots.count() == 2);

    checkSameElection(readOk(crlf(plain)), expected);
    checkSameElection(readOk("\xEF\xBB\xBF" + plain), expected);
    checkSameElection(readOk("\xEF\xBB\xBF" + crlf(plain)), expected);
    checkSameElection(readOk(plain.substr(0, plain.size() - 1)), expected);
    checkSameElection(readOk(crlf(plain.substr(0, plain.size() - 1))), expected);

    const std::string blanks = "\n\nMETA\n\nkey;value\nbudget;1000\n  \nvote_type;cumulative\n\nPROJECTS\n \n"
                               "project_id;cost;name\n1;100;Een\n;;\n2;200;\"Twee\"\n\nVOTES\nvoter_id;vote;points\n\n"
                               "v1;1,2;3,1\n\t\nv2;2;4\n\n\n";
    checkSameElection(readOk(blanks), expected);
    checkSameElection(readOk(crlf(blanks)), expected);
}

TEST_CASE("None stands for a missing value", "[pabulib]") {
    const Election election = readOk(pb("budget;1000\nvote_type;approval\nrule;None\n",
                                        "project_id;cost;name;selected;category\n"
                                        "1;100;None;None;None\n2;200;Speeltuin;1;play\n",
                                        "voter_id;vote\nv1;None\nv2;1\n"));
    CHECK_FALSE(election.metaValue("rule").has_value());
    CHECK(election.meta[2] == std::pair<std::string, std::string>{"rule", "None"});  // kept as read
    CHECK(election.projects[0].name.empty());
    CHECK_FALSE(election.projects[0].selected.has_value());
    CHECK(election.projects[0].extra == std::vector<std::pair<std::string, std::string>>{{"category", "None"}});
    CHECK(election.projects[1].selected == true);
    REQUIRE(election.ballots.count() == 2);
    CHECK(ballotIds(election, 0).empty());
    CHECK(ballotIds(election, 1) == std::vector<std::string>{"1"});
}

TEST_CASE("costs and budget convert exactly to cents", "[pabulib]") {
    const Election election =
        readOk(pb("budget;400000.0\nvote_type;approval\n",
                  "project_id;cost\na;400000.0\nb;1234.5\nc;0.05\nd;12.340\ne;0\nf;999999999\ng;007\nh; 15 \ni;3.\nj;.5\n",
                  "voter_id;vote\n"));
    CHECK(election.budget == 40000000);
    std::vector<Money> costs;
    for (const Project& project : election.projects) costs.push_back(project.cost);
    CHECK(costs == std::vector<Money>{40000000, 123450, 5, 1234, 0, 99999999900, 700, 1500, 300, 50});
    CHECK(election.ballots.count() == 0);
    CHECK(readOk(pb("budget;10000000000000\nvote_type;approval\n", "project_id;cost\n1;1\n", "voter_id;vote\n")).budget ==
          kPabulibMaxAmount);
}

TEST_CASE("a cost or budget that is not an exact amount is refused with its line", "[pabulib]") {
    const auto withCost = [](std::string_view cost) {
        return pb("budget;1000\nvote_type;approval\n", "project_id;cost\n1;100\n2;" + std::string(cost) + "\n",
                  "voter_id;vote\n");
    };
    CHECK(errorOf(withCost("12.345")) == "line 8: cost \"12.345\" has more than 2 decimals");
    CHECK(errorOf(withCost("12.3401")) == "line 8: cost \"12.3401\" has more than 2 decimals");
    CHECK(errorOf(withCost("-5")) == "line 8: cost \"-5\" is negative");
    CHECK(errorOf(withCost("abc")) == "line 8: cost \"abc\" is not a number");
    CHECK(errorOf(withCost("1e5")) == "line 8: cost \"1e5\" is not a number");
    CHECK(errorOf(withCost("1,5")) == "line 8: cost \"1,5\" is not a number");
    CHECK(errorOf(withCost("+5")) == "line 8: cost \"+5\" is not a number");
    CHECK(errorOf(withCost("1.2.3")) == "line 8: cost \"1.2.3\" is not a number");
    CHECK(errorOf(withCost(".")) == "line 8: cost \".\" is not a number");
    CHECK(errorOf(withCost("None")) == "line 8: project \"2\" has no cost");
    CHECK(errorOf(withCost("")) == "line 8: project \"2\" has no cost");
    CHECK(errorOf(withCost("10000000000000.01")) ==
          "line 8: cost \"10000000000000.01\" is too large (at most 10000000000000)");
    CHECK_THAT(errorOf(withCost(std::string(5000, '9'))),
               Catch::StartsWith("line 8: cost \"9999") && Catch::EndsWith("...\" is too large (at most 10000000000000)"));

    CHECK(errorOf(pb("vote_type;approval\nbudget;1.001\n", "project_id;cost\n", "voter_id;vote\n")) ==
          "line 4: META budget \"1.001\" has more than 2 decimals");
    CHECK(errorOf(pb("vote_type;approval\nbudget;-1\n", "project_id;cost\n", "voter_id;vote\n")) ==
          "line 4: META budget \"-1\" is negative");
    CHECK(errorOf(pb("vote_type;approval\nbudget;lots\n", "project_id;cost\n", "voter_id;vote\n")) ==
          "line 4: META budget \"lots\" is not a number");
}

TEST_CASE("a project named twice in one ballot counts once", "[pabulib]") {
    const std::string projects = "project_id;cost\n1;100\n2;200\n3;300\n";
    const Election approval = readOk(pb("budget;1000\nvote_type;approval\n", projects, "voter_id;vote\nv;1,2,1,1\n"));
    CHECK(ballotIds(approval, 0) == std::vector<std::string>{"1", "2"});

    const Election choose1 = readOk(pb("budget;1000\nvote_type;choose-1\n", projects, "voter_id;vote\nv;3,3\n"));
    CHECK(ballotIds(choose1, 0) == std::vector<std::string>{"3"});

    const Election cumulative =
        readOk(pb("budget;1000\nvote_type;cumulative\n", projects, "voter_id;vote;points\nv;1,2,1;2,1,3\nw;3,3,3;1,1,1\n"));
    CHECK(ballotIds(cumulative, 0) == std::vector<std::string>{"1", "2"});
    CHECK(ballotPoints(cumulative, 0) == std::vector<std::int64_t>{5, 1});
    CHECK(ballotIds(cumulative, 1) == std::vector<std::string>{"3"});
    CHECK(ballotPoints(cumulative, 1) == std::vector<std::int64_t>{3});

    const Election scoring =
        readOk(pb("budget;1000\nvote_type;scoring\n", projects, "voter_id;vote;points\nv;2,1,2;-2,4,1\n"));
    CHECK(ballotIds(scoring, 0) == std::vector<std::string>{"2", "1"});
    CHECK(ballotPoints(scoring, 0) == std::vector<std::int64_t>{-1, 4});

    // Ordinal: the first position stands, the later mention is dropped.
    const Election ordinal = readOk(pb("budget;1000\nvote_type;ordinal\n", projects, "voter_id;vote\nv;2,1,2,3\n"));
    CHECK(ballotIds(ordinal, 0) == std::vector<std::string>{"2", "1", "3"});

    // A duplicate in one ballot does not leak into the next.
    const Election next = readOk(pb("budget;1000\nvote_type;approval\n", projects, "voter_id;vote\nv;1,1\nw;1\n"));
    CHECK(ballotIds(next, 1) == std::vector<std::string>{"1"});
}

TEST_CASE("empty ballots are kept as voters", "[pabulib]") {
    const Election approval = readOk(approvalFile("v1;\nv2;None\nv3;2\nv4; \n"));
    REQUIRE(approval.ballots.count() == 4);
    CHECK(approval.ballots.ballotStart == std::vector<std::uint32_t>{0, 0, 0, 1, 1});
    CHECK(approval.ballots.voterIds == std::vector<std::string>{"v1", "v2", "v3", "v4"});

    const Election cumulative = readOk(pb("budget;1000\nvote_type;cumulative\n", "project_id;cost\n1;100\n",
                                          "voter_id;vote;points\nv1;;\nv2;None;None\nv3;1;2\n"));
    REQUIRE(cumulative.ballots.count() == 3);
    CHECK(cumulative.ballots.ballotStart == std::vector<std::uint32_t>{0, 0, 0, 1});
    CHECK(cumulative.ballots.points == std::vector<std::int64_t>{2});
}

TEST_CASE("every vote type reads with its own ballot shape", "[pabulib]") {
    const std::string projects = "project_id;cost;name\nA;100;Aap\nB;200;Beer\nC;300;Cavia\n";
    const auto read = [&](std::string_view type, std::string_view votes) {
        return readOk(pb("budget;1000\nvote_type;" + std::string(type) + "\n", projects, votes));
    };

    const Election approval = read("approval", "voter_id;vote;age\n1;A,C;40\n2;B;33\n");
    CHECK(approval.voteType == VoteType::Approval);
    CHECK(ballotIds(approval, 0) == std::vector<std::string>{"A", "C"});
    CHECK(approval.ballots.points.empty());

    // A points column means nothing for approval ballots and is not kept.
    const Election approvalWithPoints = read("approval", "voter_id;vote;points\n1;A,C;1,1\n");
    CHECK(approvalWithPoints.ballots.points.empty());

    // A choose-1 ballot naming two projects is kept as it is: the tally decides.
    const Election choose1 = read("choose-1", "voter_id;vote\n1;B\n2;A,C\n");
    CHECK(choose1.voteType == VoteType::Choose1);
    CHECK(ballotIds(choose1, 0) == std::vector<std::string>{"B"});
    CHECK(ballotIds(choose1, 1) == std::vector<std::string>{"A", "C"});

    const Election cumulative = read("cumulative", "voter_id;vote;points\n1;C,A;7,3\n2;B;10\n");
    CHECK(cumulative.voteType == VoteType::Cumulative);
    CHECK(ballotIds(cumulative, 0) == std::vector<std::string>{"C", "A"});
    CHECK(ballotPoints(cumulative, 0) == std::vector<std::int64_t>{7, 3});
    CHECK(ballotPoints(cumulative, 1) == std::vector<std::int64_t>{10});

    const Election scoring = read("scoring", "voter_id;points;vote\n1;5, -1 ,0;A, B ,C\n2;2.0;B\n");
    CHECK(scoring.voteType == VoteType::Scoring);
    CHECK(ballotIds(scoring, 0) == std::vector<std::string>{"A", "B", "C"});
    CHECK(ballotPoints(scoring, 0) == std::vector<std::int64_t>{5, -1, 0});
    CHECK(ballotPoints(scoring, 1) == std::vector<std::int64_t>{2});

    const Election ordinal = read("ordinal", "voter_id;vote\n1;C,A,B\n2;B,C\n");
    CHECK(ordinal.voteType == VoteType::Ordinal);
    CHECK(ballotIds(ordinal, 0) == std::vector<std::string>{"C", "A", "B"});
    CHECK(ballotIds(ordinal, 1) == std::vector<std::string>{"B", "C"});
    CHECK(ordinal.ballots.points.empty());
}

TEST_CASE("the selected column fills Project::selected", "[pabulib]") {
    const Election election = readOk(pb("budget;1000\nvote_type;approval\n",
                                        "project_id;cost;selected\n1;1;1\n2;1;0\n3;1;1.0\n4;1;0.0\n5;1;None\n6;1;\n",
                                        "voter_id;vote\n"));
    std::vector<std::optional<bool>> selected;
    for (const Project& project : election.projects) selected.push_back(project.selected);
    CHECK(selected == std::vector<std::optional<bool>>{true, false, true, false, std::nullopt, std::nullopt});

    const auto withSelected = [](std::string_view value) {
        return pb("budget;1000\nvote_type;approval\n", "project_id;cost;selected\n1;1;" + std::string(value) + "\n",
                  "voter_id;vote\n");
    };
    CHECK(errorOf(withSelected("2")) == "line 7: selected \"2\" is not 1 or 0");
    CHECK(errorOf(withSelected("yes")) == "line 7: selected \"yes\" is not 1 or 0");
    CHECK(errorOf(withSelected("-1")) == "line 7: selected \"-1\" is not 1 or 0");
}

TEST_CASE("errors name the line where the problem is", "[pabulib]") {
    // Ballots
    CHECK(errorOf(approvalFile("v1;1\nv2;2,7\n")) == "line 12: the vote names project \"7\", which PROJECTS does not list");
    CHECK(errorOf(approvalFile("v1;1,,2\n")) == "line 11: an empty project id in the vote \"1,,2\"");
    CHECK(errorOf(approvalFile("v1;1,\n")) == "line 11: an empty project id in the vote \"1,\"");
    CHECK(errorOf(approvalFile("v1;1;x\n")) == "line 11: 3 fields where the VOTES header has 2");
    CHECK(errorOf(approvalFile("v1\n")) == "line 11: 1 field where the VOTES header has 2");
    const auto cumulative = [](std::string_view votes) {
        return pb("budget;1000\nvote_type;cumulative\n", "project_id;cost\n1;100\n2;200\n",
                  "voter_id;vote;points\n" + std::string(votes));
    };
    CHECK(errorOf(cumulative("v1;1,2;3\n")) == "line 11: fewer points than projects in the vote");
    CHECK(errorOf(cumulative("v1;1;3,1\n")) == "line 11: more points than projects in the vote");
    CHECK(errorOf(cumulative("v1;1;\n")) == "line 11: a vote without points");
    CHECK(errorOf(cumulative("v1;;4\n")) == "line 11: points \"4\" without a vote");
    CHECK(errorOf(cumulative("v1;1,2;1,x\n")) == "line 11: points \"x\" are not a whole number");
    CHECK(errorOf(cumulative("v1;1;1.5\n")) == "line 11: points \"1.5\" are not a whole number");
    CHECK(errorOf(cumulative("v1;1;1000000001\n")) == "line 11: points \"1000000001\" are too large (at most 1000000000)");
    CHECK(errorOf(cumulative("v1;1,1;1000000000,1\n")) ==
          "line 11: the points for project \"1\" add up to more than 1000000000");
    CHECK(errorOf(pb("budget;1000\nvote_type;scoring\n", "project_id;cost\n1;100\n", "voter_id;vote\n")) ==
          "line 9: scoring ballots need a points column");

    // META
    CHECK(errorOf(pb("vote_type;approval\n", "project_id;cost\n", "voter_id;vote\n")) == "line 1: META has no budget");
    CHECK(errorOf(pb("vote_type;approval\nbudget;None\n", "project_id;cost\n", "voter_id;vote\n")) ==
          "line 4: META has no budget");
    CHECK(errorOf(pb("budget;1\n", "project_id;cost\n", "voter_id;vote\n")) == "line 1: META has no vote_type");
    CHECK(errorOf(pb("budget;1\nvote_type;approvals\n", "project_id;cost\n", "voter_id;vote\n")) ==
          "line 4: META vote_type \"approvals\" is not approval, choose-1, cumulative, scoring or ordinal");
    CHECK(errorOf(pb("budget;1\nvote_type;approval\ncomment;a;b\n", "project_id;cost\n", "voter_id;vote\n")) ==
          "line 5: a META row has 3 fields, expected key;value (quote a value that holds ';')");

    // PROJECTS
    const std::string meta = "budget;1000\nvote_type;approval\n";
    CHECK(errorOf(pb(meta, "project_id;cost\n1;100\n2;200\n1;300\n", "voter_id;vote\n")) ==
          "line 9: project id \"1\" appears twice in PROJECTS");
    CHECK(errorOf(pb(meta, "project_id;cost\n1;100;x\n", "voter_id;vote\n")) ==
          "line 7: 3 fields where the PROJECTS header has 2");
    CHECK(errorOf(pb(meta, "project_id;name\n1;a\n", "voter_id;vote\n")) ==
          "line 6: the PROJECTS header has no cost column");
    CHECK(errorOf(pb(meta, "id;cost\n1;1\n", "voter_id;vote\n")) == "line 6: the PROJECTS header has no project_id column");
    CHECK(errorOf(pb(meta, "project_id;cost;name;name\n", "voter_id;vote\n")) ==
          "line 6: the PROJECTS header names column \"name\" twice");
    CHECK(errorOf(pb(meta, "project_id;cost\nNone;1\n", "voter_id;vote\n")) == "line 7: a project without project_id");
    CHECK(errorOf(pb(meta, "project_id;cost\n\"1,2\";1\n", "voter_id;vote\n")) ==
          "line 7: project id \"1,2\" contains a comma");

    // VOTES header
    CHECK(errorOf(pb(meta, "project_id;cost\n", "voter;vote\n")) == "line 8: the VOTES header has no voter_id column");
    CHECK(errorOf(pb(meta, "project_id;cost\n", "voter_id;votes\n")) == "line 8: the VOTES header has no vote column");
    CHECK(errorOf(pb(meta, "project_id;cost\n", "voter_id;vote;vote\n")) ==
          "line 8: the VOTES header names column \"vote\" twice");

    // Sections and quoting
    CHECK(errorOf("") == "line 1: the file has no META section");
    CHECK(errorOf("\xEF\xBB\xBF\n\n") == "line 2: the file has no META section");
    CHECK(errorOf("budget;1\nMETA\n") == "line 1: the file does not start with META");
    CHECK(errorOf("META\nkey;value\nbudget;1\nvote_type;approval\n") == "line 4: the file has no PROJECTS section");
    CHECK(errorOf("META\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;1\n") ==
          "line 6: the file has no VOTES section");
    CHECK(errorOf("META\nbudget;1\nvote_type;approval\nPROJECTS\nproject_id;cost\nVOTES\n") ==
          "line 6: VOTES has no header line");
    CHECK(errorOf("META\nbudget;1\nvote_type;approval\nPROJECTS\nVOTES\nvoter_id;vote\n") ==
          "line 4: PROJECTS has no header line");
    CHECK(errorOf("META\nbudget;1\nvote_type;approval\nVOTES\nvoter_id;vote\n") ==
          "line 4: VOTES where PROJECTS was expected");
    CHECK(errorOf("PROJECTS\nproject_id;cost\n") == "line 1: PROJECTS where META was expected");
    CHECK(errorOf(approvalFile("v1;1\nMETA\n")) == "line 12: META again after VOTES");
    CHECK(errorOf(pb(meta, "project_id;cost\n", "voter_id;vote\nPROJECTS\n")) == "line 9: PROJECTS again after VOTES");
    CHECK(errorOf(pb(meta, "project_id;cost;name\n1;1;\"open\n2;2;b\n", "voter_id;vote\n")) ==
          "line 7: a quoted field is not closed");
    CHECK(errorOf(pb(meta, "project_id;cost;name\n1;1;\"a\"b\n", "voter_id;vote\n")) ==
          "line 7: text after the closing quote of a field");
    // The error for a huge garbage field stays short.
    CHECK(errorOf(approvalFile("v1;" + std::string(100000, 'x') + "\n")).size() < 120);
}

TEST_CASE("the reader neither throws nor crashes on damaged files", "[pabulib]") {
    const std::string text =
        "\xEF\xBB\xBFMETA\r\nkey;value\r\nbudget;1000.5\r\nvote_type;cumulative\r\ndescription;\"a;\"\"b\"\"\nc\"\r\n"
        "PROJECTS\r\nproject_id;cost;name;selected\r\n1;10.5;\"x;y\";1\r\n2;0;None;None\r\n3;999999999;z;0\r\n\r\n"
        "VOTES\r\nvoter_id;vote;points\r\nv1;1,2,1;1,2,3\r\nv2;;\r\nv3;3;7";
    const Election whole = readOk(text);
    CHECK(whole.ballots.count() == 3);
    // Every prefix, and every single-byte change to a few telling characters, reads or fails cleanly.
    std::size_t failures = 0;
    for (std::size_t length = 0; length <= text.size(); ++length)
        if (!readPabulib(std::string_view(text).substr(0, length))) ++failures;
    CHECK(failures > 0);
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (const char c : {'"', ';', '\n', '\r', ',', '9', '\0', '\xFF'}) {
            std::string changed = text;
            changed[i] = c;
            const Result<Election> election = readPabulib(changed);
            if (election) CHECK(election->ballots.ballotStart.size() == election->ballots.count() + 1);
        }
    }
}

// [SECTION] Writing

TEST_CASE("written files read back to the same Election, quirks included", "[pabulib]") {
    // "PROJECTS;" is the section marker with a trailing ';'; "" is an empty voter id, not a blank row.
    const std::string text = "META\nkey;value\ndescription;\"Wijk; noord \"\"2025\"\"\"\nbudget;400000.0\n"
                             "vote_type;cumulative\nnum_projects;3\nnum_votes;3\nrule;None\nPROJECTS;\n"
                             "project_id;cost;votes;name;selected;category\n"
                             "1;1234.5;2;\"Park; \"\"groen\"\"\";1;\"a\nb\"\n"
                             "2;0;1;None;None;\n"
                             "3;999999999;1;Boisko \"Orlik\";0;sport\n"
                             "VOTES\nvoter_id;vote;points\nv1;1,2,1;1,2,3\n\"\";;\nv3;3;7\n";
    const Election election = readOk(text);
    REQUIRE(election.ballots.count() == 3);
    CHECK(election.ballots.voterIds[1].empty());

    const std::string written = writePabulib(election);
    checkSameElection(readOk(written), election);
    // The META text for the budget is kept while it still says the same amount.
    CHECK_THAT(written, Catch::Contains("\nbudget;400000.0\n"));
    CHECK_THAT(written, Catch::Contains("\"Park; \"\"groen\"\"\""));
    CHECK_THAT(written, Catch::Contains("\n1;1234.5;"));
    CHECK_THAT(written, Catch::Contains("\nv1;1,2;4,2\n"));
    CHECK(writePabulib(readOk(written)) == written);

    // Quoted first fields that would otherwise read as a section marker or a blank row.
    Election odd = election;
    odd.meta.emplace_back("PROJECTS", "");
    odd.meta.emplace_back("meta", "");
    odd.meta.emplace_back("", "");
    odd.ballots.voterIds = {"", "VOTES", "x;y"};
    odd.ballots.ballotStart = {0, 0, 0, 0};
    odd.ballots.projects.clear();
    odd.ballots.points.clear();
    odd.projects[0].id = "META";
    odd.projects[1].name = "two\r\nlines";
    checkSameElection(readOk(writePabulib(odd)), odd);
}

TEST_CASE("the writer completes META for an Election built in code", "[pabulib]") {
    Election election;
    election.voteType = VoteType::Ordinal;
    election.budget = 250050;  // 2500.50
    election.projects.push_back(Project{"p1", 100000, "Bankjes", true, {}});
    election.projects.push_back(Project{"p2", 99, "", std::nullopt, {{"category", "groen"}}});
    election.ballots.ballotStart = {0, 2, 2};
    election.ballots.projects = {1, 0};
    election.ballots.voterIds = {"a", "b"};
    const std::string written = writePabulib(election);
    CHECK(written == "META\nkey;value\nnum_projects;2\nnum_votes;2\nbudget;2500.5\nvote_type;ordinal\n"
                     "PROJECTS\nproject_id;cost;name;category;selected\n"
                     "p1;1000;Bankjes;None;1\np2;0.99;;groen;None\n"
                     "VOTES\nvoter_id;vote\na;p2,p1\nb;\n");

    // META values that disagree with the Election are corrected; the order stays.
    election.meta = {{"budget", "1"}, {"vote_type", "approval"}, {"num_votes", "7"}, {"unit", "Zuid"}};
    const Election back = readOk(writePabulib(election));
    CHECK(back.budget == 250050);
    CHECK(back.voteType == VoteType::Ordinal);
    CHECK(back.meta == std::vector<std::pair<std::string, std::string>>{
                           {"budget", "2500.5"}, {"vote_type", "ordinal"}, {"num_votes", "2"}, {"unit", "Zuid"},
                           {"num_projects", "2"}});
    CHECK(ballotIds(back, 0) == std::vector<std::string>{"p2", "p1"});
}

// [SECTION] Real elections

namespace {

struct RealFile {
    const char* name;
    VoteType voteType;
    std::size_t projects;
    std::size_t ballots;
    Money budget;      // cents
    int selectedCount; // -1: no selected column
};

// Counts and budgets as the files' META states them, written out so a misread META shows too.
const RealFile kRealFiles[] = {
    {"France_Toulouse_2019.pb", VoteType::Cumulative, 30, 1494, 1000000'00, -1},
    {"Hungary_Budapest_2024.pb", VoteType::Approval, 175, 28943, 1000000000'00, 13},
    {"Poland_Czestochowa_2020.pb", VoteType::Cumulative, 90, 16978, 2367122'00, -1},
    {"Poland_Gdansk_2020.pb", VoteType::Choose1, 28, 30237, 3600000'00, -1},
    {"Poland_Krakow_2018_Bienczyce.pb", VoteType::Ordinal, 13, 878, 163100'00, -1},
    {"Poland_Krakow_2024.pb", VoteType::Ordinal, 119, 65101, 9200000'00, 10},
    {"Poland_Swiecie_2023.pb", VoteType::Approval, 22, 2553, 1070000'00, 17},
    {"Poland_Warszawa_2026.pb", VoteType::Approval, 83, 61668, 24186815'00, 17},
    {"Poland_Wroclaw_2015_150_-_500.pb", VoteType::Choose1, 197, 131778, 7500000'00, 15},
    {"Switzerland_Zurich_D10.pb", VoteType::Cumulative, 24, 180, 60000'00, -1},
    {"Switzerland_Zurich_S5R.pb", VoteType::Ordinal, 24, 180, 60000'00, -1},
    {"Switzerland_Zurich_SN.pb", VoteType::Approval, 24, 180, 60000'00, -1},
    {"US_Stanford_Dataset_2022_Jersey_City_Ward_B_vote_knapsacks.pb", VoteType::Approval, 7, 127, 50000'00, -1},
};

}  // namespace

TEST_CASE("the real Pabulib elections read, agree with their META and round-trip", "[pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    std::size_t filesChecked = 0;
    for (const RealFile& file : kRealFiles) {
        INFO(file.name);
        const std::string text = sharedFile(file.name);
        const auto start = std::chrono::steady_clock::now();
        const Election election = readOk(text);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        INFO("read in " << seconds * 1000 << " ms");

        CHECK(election.voteType == file.voteType);
        CHECK(election.budget == file.budget);
        CHECK(election.projects.size() == file.projects);
        CHECK(election.ballots.count() == file.ballots);
        REQUIRE(election.metaValue("num_projects"));
        REQUIRE(election.metaValue("num_votes"));
        CHECK(election.projects.size() == static_cast<std::size_t>(wholeNumber(*election.metaValue("num_projects"))));
        CHECK(election.ballots.count() == static_cast<std::size_t>(wholeNumber(*election.metaValue("num_votes"))));
        CHECK(election.ballots.voterIds.size() == election.ballots.count());
        const bool withPoints = file.voteType == VoteType::Cumulative || file.voteType == VoteType::Scoring;
        CHECK(election.ballots.points.size() == (withPoints ? election.ballots.projects.size() : 0));

        int selected = 0;
        bool anySelectedValue = false;
        for (const Project& project : election.projects) {
            anySelectedValue = anySelectedValue || project.selected.has_value();
            if (project.selected == true) ++selected;
        }
        CHECK(anySelectedValue == (file.selectedCount >= 0));
        if (file.selectedCount >= 0) CHECK(selected == file.selectedCount);

        // The files' own PROJECTS columns, counted independently by their publishers: `votes` is
        // the number of ballots naming the project, `score` the points it got (cumulative) or its
        // Borda score with max_length points for a first place (ordinal, fixed-length ballots).
        std::vector<std::int64_t> ballotsNaming(election.projects.size(), 0);
        std::vector<std::int64_t> score(election.projects.size(), 0);
        const std::int64_t maxLength =
            election.metaValue("max_length") ? wholeNumber(*election.metaValue("max_length")) : 0;
        for (std::size_t b = 0; b < election.ballots.count(); ++b) {
            const std::uint32_t begin = election.ballots.ballotStart[b];
            for (std::uint32_t i = begin; i < election.ballots.ballotStart[b + 1]; ++i) {
                const std::uint32_t project = election.ballots.projects[i];
                ++ballotsNaming[project];
                score[project] += withPoints ? election.ballots.points[i] : maxLength - (i - begin);
            }
        }
        const bool checkVotes = !withPoints;  // cumulative `votes` count a project named twice twice
        const bool checkScore = withPoints || (file.voteType == VoteType::Ordinal &&
                                               election.metaValue("min_length") == election.metaValue("max_length"));
        std::size_t votesMismatches = 0;
        std::size_t scoreMismatches = 0;
        for (std::size_t p = 0; p < election.projects.size(); ++p) {
            const Project& project = election.projects[p];
            if (checkVotes) {
                const auto votes = extraValue(project, "votes");
                REQUIRE(votes);
                if (wholeNumber(*votes) != ballotsNaming[p]) ++votesMismatches;
            }
            if (checkScore) {
                const auto expected = extraValue(project, "score");
                REQUIRE(expected);
                if (wholeNumber(*expected) != score[p]) ++scoreMismatches;
            }
        }
        CHECK(votesMismatches == 0);
        CHECK(scoreMismatches == 0);

        checkSameElection(readOk(writePabulib(election)), election);
        ++filesChecked;
    }
    CHECK(filesChecked == std::size(kRealFiles));
}

TEST_CASE("particular rows of the real files read as their publishers meant", "[pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    // Częstochowa: voter 13026 named project 579 four times with a point each.
    const Election czestochowa = readOk(sharedFile("Poland_Czestochowa_2020.pb"));
    const auto& voters = czestochowa.ballots.voterIds;
    const auto voter = std::find(voters.begin(), voters.end(), "13026");
    REQUIRE(voter != voters.end());
    const auto b = static_cast<std::size_t>(voter - voters.begin());
    CHECK(ballotIds(czestochowa, b) == std::vector<std::string>{"579"});
    CHECK(ballotPoints(czestochowa, b) == std::vector<std::int64_t>{4});

    // Wrocław and Gdańsk quote names with doubled quotes.
    const Election wroclaw = readOk(sharedFile("Poland_Wroclaw_2015_150_-_500.pb"));
    const Project* podworze = projectById(wroclaw, "32");
    REQUIRE(podworze);
    CHECK(podworze->name ==
          "Projekt Obywatelski odnowy podwórka \"Podwórze: Nowowiejska - Stein - Barlickiego - Kluczborska\"");
    CHECK(podworze->selected == true);
    CHECK(extraValue(*podworze, "neighborhood") == std::optional<std::string_view>("Ołbin"));
    CHECK(wroclaw.ballots.voterIds[0] == "1");
    CHECK(ballotIds(wroclaw, 0) == std::vector<std::string>{"139"});

    const Election gdanskElection = readOk(sharedFile("Poland_Gdansk_2020.pb"));
    const Project* gdansk = projectById(gdanskElection, "20");
    REQUIRE(gdansk);
    CHECK_THAT(gdansk->name, Catch::StartsWith("\"BEZPIECZNY GDAŃSK\" - Zajęcia"));

    // Kraków 2024: string ids, ordinal order kept.
    const Election krakow = readOk(sharedFile("Poland_Krakow_2024.pb"));
    CHECK(ballotIds(krakow, 0) == std::vector<std::string>{"BO.OM.63/24", "BO.OM.81/24", "BO.OM.178/24"});
    const Project* first = projectById(krakow, "BO.OM.97/24");
    REQUIRE(first);
    CHECK(first->cost == 200000'00);
    CHECK(first->name == "Diagnostyka w Schronisku dla Zwierząt - II etap");

    // Warszawa: empty coordinates stay empty; Toulouse: points per project.
    const Election warszawa = readOk(sharedFile("Poland_Warszawa_2026.pb"));
    const Project* trees = projectById(warszawa, "93");
    REQUIRE(trees);
    CHECK(extraValue(*trees, "latitude") == std::optional<std::string_view>(""));
    const Election toulouse = readOk(sharedFile("France_Toulouse_2019.pb"));
    CHECK(ballotIds(toulouse, 0) == std::vector<std::string>{"15", "22", "25", "10"});
    CHECK(ballotPoints(toulouse, 0) == std::vector<std::int64_t>{2, 2, 2, 1});
}

TEST_CASE("the largest files read quickly", "[pabulib]") {
    SKIP_WITHOUT_PABULIB_DATA();
    for (const char* name : {"Poland_Krakow_2024.pb", "Poland_Wroclaw_2015_150_-_500.pb", "Poland_Warszawa_2026.pb"}) {
        const std::string text = sharedFile(name);
        double best = 1e9;
        std::size_t ballots = 0;
        for (int run = 0; run < 3; ++run) {
            const auto start = std::chrono::steady_clock::now();
            const Result<Election> election = readPabulib(text);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            REQUIRE(election.ok());
            ballots = election->ballots.count();
        }
        const auto start = std::chrono::steady_clock::now();
        const Election election = readOk(text);
        const std::string written = writePabulib(election);
        const double writeSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // Timing is reported, never asserted: machines and build types differ too much.
        INFO(name << ": " << ballots << " ballots read in " << best * 1000 << " ms (best of 3); read and written in "
                  << writeSeconds * 1000 << " ms");
        CHECK(ballots > 60000);
        CHECK(written.size() > text.size() / 4);
    }
}
