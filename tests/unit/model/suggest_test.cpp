#include <doctest/doctest.h>

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
    CHECK(closest_match("ab", {"xy"}).empty());
    CHECK(closest_match("artcle", {"article", "opinion", "letter"}) == "article");
    CHECK(closest_match("x", {}).empty());
}
