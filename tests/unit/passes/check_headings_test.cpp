#include <doctest/doctest.h>

#include "helpers.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("a paragraph opening ##Word was meant as a heading") {
    // `##Background` was set as a paragraph: the heading, its contents entry
    // and its bookmark were lost without a word.
    Post p = post_with({para({text("##Background to the inquiry")}, {7, 1}), para({text("#NorthKorea trends.")}, {9, 1}),
                        para({text("## not a slip")}, {11, 1}), para({text("#######Seven")}, {13, 1}),
                        para({text("##2023 in review")}, {15, 1})});
    Diagnostics d;
    check_headings(p, d);
    REQUIRE(d.items().size() == 1);
    CHECK(d.items()[0].severity == Severity::warning);
    CHECK(d.items()[0].pos == SourcePos{7, 1});
    CHECK(d.items()[0].message ==
          "'##Background to the inquiry' is set as text, not as a heading: a heading needs a space after ##");
    CHECK(d.items()[0].hint == "write `## Background to the inquiry`");
}
