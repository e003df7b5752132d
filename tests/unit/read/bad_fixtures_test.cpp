// tests/fixtures/bad/: one realistic post per reader error, each with the
// first diagnostic it must give written in EXPECTED (the e2e test checks the
// same lines through `folio check`).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "read_test_support.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

TEST_CASE("each bad fixture's first diagnostic is the one in EXPECTED") {
    const fs::path root(FOLIO_TEST_SOURCE_DIR);
    std::ifstream expected_file(root / "tests/fixtures/bad/EXPECTED");
    REQUIRE(expected_file);
    std::map<std::string, std::string> expected;  // fixture path -> first line
    for (std::string line; std::getline(expected_file, line);) {
        if (line.empty() || line[0] == '#') continue;
        expected[line.substr(0, line.find(':'))] = line;
    }
    CHECK(expected.size() >= 10);
    for (const char* name : {"empty", "invalid-utf8", "no-front-matter", "bad-yaml", "missing-title", "wrong-type",
                             "unknown-kind", "bad-date", "duplicate-footnote", "undefined-footnote"}) {
        const std::string rel = std::string("tests/fixtures/bad/") + name + ".md";
        CAPTURE(rel);
        REQUIRE(expected.count(rel));
        std::ifstream in(root / rel, std::ios::binary);
        REQUIRE(in);
        std::ostringstream ss;
        ss << in.rdbuf();
        Diagnostics diags;
        (void)read_post(rel, ss.str(), diags);
        diags.sort();
        REQUIRE(diags.error_count() >= 1);
        const std::string first = format_diagnostic(diags.items().front());
        CHECK(first.substr(0, first.find('\n')) == expected[rel]);
    }
}
