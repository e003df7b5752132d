#include <doctest/doctest.h>

#include "model/toml_slips.hpp"

using namespace folio;

TEST_CASE("TOML's grammar errors for the common slips become what to write") {
    // toml++ said "Error while parsing value: could not determine value type".
    const std::string bare = "[[packs]]\nid = \"full\"\ntags = [refugees, \"china\"]\n";
    auto word = explain_toml_error("Error while parsing value: could not determine value type", bare, 3, 9);
    REQUIRE(word);
    CHECK(word->message == "'refugees' is text, and text in TOML goes in quotes");
    CHECK(word->hint == "write \"refugees\"");
    auto words = explain_toml_error("could not determine value type", "title = All \"packs\" # x\n", 1, 9);
    REQUIRE(words);
    CHECK(words->hint == "write \"All \\\"packs\\\"\"");

    // "... unescaped control characters other than TAB (U+0009) are explicitly prohibited"
    auto open = explain_toml_error(
        "Error while parsing string: unescaped control characters other than TAB (U+0009) are explicitly prohibited",
        "title = \"All\n", 1, 13);
    REQUIRE(open);
    CHECK(open->message == "this string is not closed on its line");
    CHECK(open->hint.starts_with("add the closing \" at the end of line 1"));
    auto literal = explain_toml_error(
        "Error while parsing literal string: control characters other than TAB (U+0009) are explicitly prohibited",
        "title = 'All\n", 1, 13);
    REQUIRE(literal);
    CHECK(literal->hint.starts_with("add the closing ' at the end of line 1"));

    // Anything else keeps the parser's words.
    CHECK_FALSE(explain_toml_error("Error while parsing decimal integer: expected digit, saw 'a'", "n = 12abc\n", 1, 7));
    CHECK_FALSE(explain_toml_error("could not determine value type", "n = -\n", 1, 5));
    CHECK_FALSE(explain_toml_error("could not determine value type", "n = x\n", 7, 5));
}
