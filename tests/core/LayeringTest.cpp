// Proves the layering rule: nothing under app/core includes the GUI, the window system or SQLite,
// so the domain core builds and runs headless.
// GCC 12 with -fsanitize reports a false -Wmaybe-uninitialized inside libstdc++'s <regex>
// (std::function in the regex compiler); silenced here so sanitizer builds stay -Werror clean.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace {

// The included path when a line is an #include of something app/core must not use.
std::optional<std::string> forbiddenInclude(const std::string& line) {
    static const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    static const std::regex forbidden(R"(imgui|sqlite3|sqlitecpp|glfw|backends/)", std::regex::icase);
    std::smatch match;
    if (!std::regex_search(line, match, include)) return std::nullopt;
    const std::string path = match[1];
    if (!std::regex_search(path, forbidden)) return std::nullopt;
    return path;
}

bool isSourceFile(const std::filesystem::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".h" || extension == ".hpp" || extension == ".cpp" || extension == ".cc" ||
           extension == ".inl";
}

}  // namespace

TEST_CASE("the include check recognises forbidden includes", "[layering]") {
    CHECK(forbiddenInclude("#include <imgui.h>"));
    CHECK(forbiddenInclude("#include \"imgui_internal.h\""));
    CHECK(forbiddenInclude("  #  include <sqlite3.h>"));
    CHECK(forbiddenInclude("#include <SQLiteCpp/Database.h>"));
    CHECK(forbiddenInclude("#include <GLFW/glfw3.h>"));
    CHECK(forbiddenInclude("#include \"backends/imgui_impl_opengl3.h\""));
    CHECK_FALSE(forbiddenInclude("#include <string>"));
    CHECK_FALSE(forbiddenInclude("#include \"Idea.h\""));
    CHECK_FALSE(forbiddenInclude("// The core never includes imgui.h or sqlite3.h"));
    CHECK_FALSE(forbiddenInclude("// #include <imgui.h>"));
}

TEST_CASE("app/core includes no GUI, window system or SQLite header", "[layering]") {
    const std::filesystem::path core = std::filesystem::path(BUURTSTEM_SOURCE_DIR) / "app" / "core";
    REQUIRE(std::filesystem::is_directory(core));

    std::vector<std::string> violations;
    std::size_t filesChecked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(core)) {
        if (!entry.is_regular_file() || !isSourceFile(entry.path())) continue;
        ++filesChecked;
        std::ifstream file(entry.path());
        REQUIRE(file);
        std::string line;
        for (int number = 1; std::getline(file, line); ++number) {
            if (const auto path = forbiddenInclude(line)) {
                violations.push_back(entry.path().lexically_relative(core).string() + ":" + std::to_string(number) +
                                     ": " + *path);
            }
        }
    }
    // Guards against the walk silently finding nothing (wrong root, renamed folder).
    CHECK(filesChecked >= 10);
    INFO("forbidden includes:\n" << [&] {
        std::string list;
        for (const std::string& violation : violations) list += violation + "\n";
        return list;
    }());
    CHECK(violations.empty());
}

TEST_CASE("app/core links no GUI, window system or SQLite library", "[layering]") {
    std::ifstream cmake(std::filesystem::path(BUURTSTEM_SOURCE_DIR) / "app" / "core" / "CMakeLists.txt");
    REQUIRE(cmake);
    static const std::regex forbidden(R"(imgui|sqlite|glfw|OpenGL)", std::regex::icase);
    std::string line;
    bool inLinkCommand = false;
    while (std::getline(cmake, line)) {
        // Comments may name the forbidden libraries to explain the rule; only commands count.
        const std::string code = line.substr(0, line.find('#'));
        if (code.find("target_link_libraries") != std::string::npos) inLinkCommand = true;
        if (inLinkCommand) {
            INFO(line);
            CHECK_FALSE(std::regex_search(code, forbidden));
        }
        if (code.find(')') != std::string::npos) inLinkCommand = false;
    }
}
