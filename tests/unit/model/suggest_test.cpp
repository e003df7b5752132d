#include <doctest/doctest.h>

#include <array>

#include "model/suggest.hpp"

using namespace folio;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("coi2041", "coi2014") == 1);  // adjacent swap
    CHECK(edit_distance("titel", "title") == 1);
}

TEST_CASE("closest match suggests only plausible typos") {
    const std::vector<std::string> keys{"coi2014", "hrc2022", "udhr1948", "refugee1951"};
    CHECK(closest_match("coi2041", keys) == "coi2014");
    CHECK(closest_match("udhr1984", keys) == "udhr1948");
    CHECK(closest_match("smith2020", keys).empty());
    using Names = std::vector<std::string>;
    CHECK(closest_match("ab", Names{"xy"}).empty());
    CHECK(closest_match("artcle", Names{"article", "opinion", "letter"}) == "article");
    CHECK(closest_match("x", Names{}).empty());
    CHECK(closest_match("", Names{"a"}).empty());
}

TEST_CASE("matching ignores ASCII case and works on static name tables") {
    static constexpr std::array<std::string_view, 3> kinds{"article", "opinion", "letter"};
    CHECK(closest_match("Letter", kinds) == "letter");
    CHECK(did_you_mean("opinon", kinds) == "did you mean 'opinion'?");
    CHECK(did_you_mean("memo", kinds).empty());
    // Long words tolerate more edits than short ones.
    CHECK(closest_match("refuge1915", std::vector<std::string>{"refugee1951"}) == "refugee1951");
    CHECK(closest_match("cat", std::vector<std::string>{"car"}) == "car");
    CHECK(closest_match("cat", std::vector<std::string>{"cow"}).empty());
}
