// Locales: terms with their form fallbacks, the in-style overrides, ordinals
// and options, read from the official locale files.
#include <doctest/doctest.h>

#include "cite/csl_locale.hpp"
#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::csl;
using namespace folio::test;

namespace {
CslStyle minimal_style(const std::string& locale_xml = "") {
    auto st = parse_style("<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">" +
                              locale_xml + "<citation><layout><text value=\"x\"/></layout></citation></style>",
                          "s.csl");
    REQUIRE_MESSAGE(st, st.error());
    return *st;
}
}  // namespace

TEST_CASE("English ordinals follow the locale's ordinal terms, teens included") {
    if (!have_shared_csl()) return;
    auto loc = make_locale(minimal_style(), "en-US", locales_dir());
    REQUIRE_MESSAGE(loc, loc.error());
    CHECK(loc->ordinal(1, "") == "1st");
    CHECK(loc->ordinal(2, "") == "2nd");
    CHECK(loc->ordinal(3, "") == "3rd");
    CHECK(loc->ordinal(4, "") == "4th");
    CHECK(loc->ordinal(11, "") == "11th");
    CHECK(loc->ordinal(12, "") == "12th");
    CHECK(loc->ordinal(13, "") == "13th");
    CHECK(loc->ordinal(21, "") == "21st");
    CHECK(loc->ordinal(102, "") == "102nd");
    CHECK(loc->ordinal(111, "") == "111th");
    CHECK(loc->long_ordinal(3, "") == "third");
    CHECK(loc->long_ordinal(12, "") == "12th");
}

TEST_CASE("term forms fall back (verb-short to verb to long, symbol to short) and plurals use <multiple>") {
    if (!have_shared_csl()) return;
    auto loc = make_locale(minimal_style(), "en-US", locales_dir());
    REQUIRE(loc);
    CHECK(loc->term("page", "short") == "p.");
    CHECK(loc->term("page", "short", true) == "pp.");
    CHECK(loc->term("page", "long", true) == "pages");
    CHECK(loc->term("and", "symbol") == "&");
    CHECK(loc->term("editor", "verb-short").has_value());
    CHECK_FALSE(loc->term("no-such-term").has_value());
    CHECK(loc->term("month-02") == "February");
}

TEST_CASE("a style's own locale overrides single terms, the rest come from the file") {
    if (!have_shared_csl()) return;
    CslStyle st = minimal_style("<locale xml:lang=\"en\"><terms><term name=\"ibid\">ibid</term>"
                                "<term name=\"and\">plus</term></terms></locale>");
    auto gb = make_locale(st, "en-GB", locales_dir());
    REQUIRE(gb);
    CHECK(gb->term("and") == "plus");
    CHECK(gb->term("ibid") == "ibid");
    CHECK(gb->term("month-03") == "March");
    CHECK_FALSE(gb->punctuation_in_quote());
    CHECK(gb->term("open-quote") == "\xE2\x80\x98");  // en-GB quotes with single marks
    auto us = make_locale(st, "en-US", locales_dir());
    REQUIRE(us);
    CHECK(us->punctuation_in_quote());
    CHECK(us->term("open-quote") == "\xE2\x80\x9C");
}

TEST_CASE("a missing locale file falls back to en-US, no locale at all is an error") {
    if (!have_shared_csl()) return;
    auto fr = make_locale(minimal_style(), "fr-FR", locales_dir());
    REQUIRE(fr);
    CHECK(fr->term("and") == "and");
    auto none = make_locale(minimal_style(), "en-US", "/nonexistent");
    CHECK_FALSE(none);
}

TEST_CASE("a locale names the files it was read from, best first (a build lists them as inputs)") {
    if (!have_shared_csl()) return;
    const std::string dir = locales_dir();
    auto gb = make_locale(minimal_style(), "en-GB", dir);
    REQUIRE(gb);
    CHECK(gb->files() == std::vector<std::string>{dir + "/locales-en-GB.xml", dir + "/locales-en-US.xml"});
    auto fr = make_locale(minimal_style(), "fr-FR", dir);  // the suite has no French file: en-US alone
    REQUIRE(fr);
    CHECK(fr->files() == std::vector<std::string>{dir + "/locales-en-US.xml"});
}
