// The group's own posts in input/ must read without a single error.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

TEST_CASE("every post in input/ reads without errors") {
    const fs::path dir = fs::path(FOLIO_TEST_SOURCE_DIR) / "input";
    std::vector<fs::path> posts;
    if (fs::is_directory(dir))
        for (const auto& entry : fs::directory_iterator(dir))
            if (entry.path().extension() == ".md") posts.push_back(entry.path());
    if (posts.empty()) {
        MESSAGE("no input/*.md: skipped");
        return;
    }
    std::sort(posts.begin(), posts.end());
    for (const auto& path : posts) {
        CAPTURE(path.string());
        std::ifstream in(path, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        Diagnostics diags;
        auto post = read_post("input/" + path.filename().string(), ss.str(), diags);
        CHECK(post.has_value());
        CHECK(short_forms(diags) == std::vector<std::string>{});
        if (post) {
            CHECK_FALSE(post->meta.title.empty());
            CHECK_FALSE(post->doc.blocks.empty());
        }
    }
}
