// Spec examples: each tests/spec/read/NAME.md is a whole post, and NAME.dump
// the exact dump_post() of reading it. With FOLIO_ACCEPT=1 in the environment
// the dumps are rewritten instead of compared (then read them, and check each
// by eye before committing).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/dump.hpp"
#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<fs::path> examples(const fs::path& dir) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".md") out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("spec examples: Markdown posts in, model dumps out") {
    const fs::path dir = fs::path(FOLIO_TEST_SOURCE_DIR) / "tests/spec/read";
    const auto files = examples(dir);
    REQUIRE(files.size() >= 15);
    const char* accept_env = std::getenv("FOLIO_ACCEPT");
    const bool accept = accept_env && std::string(accept_env) == "1";
    for (const auto& md : files) {
        const std::string name = md.stem().string();
        SUBCASE(name.c_str()) {
            Diagnostics diags;
            auto post = read_post("tests/spec/read/" + md.filename().string(), slurp(md), diags);
            CHECK(short_forms(diags) == std::vector<std::string>{});
            REQUIRE(post);
            const std::string got = dump_post(*post);
            fs::path expected_path = md;
            expected_path.replace_extension(".dump");
            if (accept) {
                std::ofstream(expected_path, std::ios::binary) << got;
                MESSAGE("wrote " << expected_path.string());
            } else {
                REQUIRE_MESSAGE(fs::exists(expected_path), "no ", expected_path.string(), ": run with FOLIO_ACCEPT=1");
                CHECK(got == slurp(expected_path));
            }
        }
    }
}
