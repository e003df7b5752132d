// The rendering model on small inline styles: names, dates, numbers, page
// ranges, text-case, quotes and group suppression.
#include <doctest/doctest.h>

#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {
const char* render_items = R"([
  {"id": "a", "type": "book", "title": "the lord of the rings: a study of power",
   "author": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"},
              {"family": "Doe", "given": "John Edward"}, {"family": "Roe", "given": "Jean-Paul"}],
   "issued": {"date-parts": [[2014, 2, 7], [2014, 3, 9]]}, "page": "321-328", "edition": "3", "volume": "14"},
  {"id": "b", "type": "report", "title": "Annual report",
   "author": [{"literal": "United Nations"}], "issued": {"date-parts": [[1999]]}}
])";
}  // namespace

TEST_CASE("names: particles, initials with hyphens, and the 'and' before the last") {
    if (!have_shared_csl()) return;
    std::string s = citation_style(
        "<names variable=\"author\"><name and=\"text\" initialize-with=\". \" delimiter=\", \"/></names>");
    CHECK(cite_html(s, render_items, "a") == "L. van Beethoven, J. E. Doe, and J.-P. Roe");
    std::string inverted = citation_style(
        "<names variable=\"author\"><name name-as-sort-order=\"first\" and=\"symbol\" delimiter=\", \"/></names>");
    CHECK(cite_html(inverted, render_items, "a") ==
          "Beethoven, Ludwig van, John Edward Doe, &#38; Jean-Paul Roe");
    std::string etal = citation_style(
        "<names variable=\"author\"><name form=\"short\" et-al-min=\"3\" et-al-use-first=\"1\"/></names>");
    CHECK(cite_html(etal, render_items, "a") == "van Beethoven et al.");
    std::string count = citation_style("<names variable=\"author\"><name form=\"count\"/></names>");
    CHECK(cite_html(count, render_items, "a") == "3");
}

TEST_CASE("a names element with no names falls back to its substitute, which is then not repeated") {
    if (!have_shared_csl()) return;
    std::string s = citation_style(
        "<group delimiter=\" / \"><names variable=\"editor\"><substitute><text variable=\"title\"/></substitute>"
        "</names><text variable=\"title\"/><text variable=\"volume\"/></group>");
    CHECK(cite_html(s, render_items, "a") == "the lord of the rings: a study of power / 14");
}

TEST_CASE("dates: localized text form, and ranges repeat only the parts that differ") {
    if (!have_shared_csl()) return;
    std::string s = citation_style("<date variable=\"issued\" form=\"text\"/>");
    CHECK(cite_html(s, render_items, "a") == "February 7–March 9, 2014");
    std::string custom = citation_style(
        "<date variable=\"issued\" delimiter=\" \"><date-part name=\"day\"/><date-part name=\"month\" "
        "form=\"short\"/><date-part name=\"year\"/></date>");
    CHECK(cite_html(custom, render_items, "a") == "7 Feb.–9 Mar. 2014");
    std::string year = citation_style("<date variable=\"issued\" form=\"numeric\" date-parts=\"year\"/>");
    CHECK(cite_html(year, render_items, "b") == "1999");
}

TEST_CASE("numbers: ordinals, roman numerals and page-range formats") {
    if (!have_shared_csl()) return;
    CHECK(cite_html(citation_style("<number variable=\"edition\" form=\"ordinal\"/>"), render_items, "a") ==
          "3rd");
    CHECK(cite_html(citation_style("<number variable=\"edition\" form=\"long-ordinal\"/>"), render_items,
                    "a") == "third");
    CHECK(cite_html(citation_style("<number variable=\"volume\" form=\"roman\"/>"), render_items, "a") ==
          "xiv");
    CHECK(cite_html(citation_style("<text variable=\"page\"/>"), render_items, "a") == "321–328");
    CHECK(cite_html(citation_style("<text variable=\"page\"/>", "page-range-format=\"minimal\""),
                    render_items, "a") == "321–8");
    CHECK(cite_html(citation_style("<text variable=\"page\"/>", "page-range-format=\"chicago\""),
                    render_items, "a") == "321–28");
    CHECK(cite_html(citation_style("<group delimiter=\" \"><label variable=\"page\" form=\"short\"/>"
                                   "<text variable=\"page\"/></group>"),
                    render_items, "a") == "pp. 321–328");
}

TEST_CASE("text-case: title case keeps English stop words lower-case except first and after a colon") {
    if (!have_shared_csl()) return;
    CHECK(cite_html(citation_style("<text variable=\"title\" text-case=\"title\"/>"), render_items, "a") ==
          "The Lord of the Rings: A Study of Power");
    CHECK(cite_html(citation_style("<text variable=\"title\" text-case=\"capitalize-first\"/>"), render_items,
                    "a") == "The lord of the rings: a study of power");
    CHECK(cite_html(citation_style("<text variable=\"title\" text-case=\"uppercase\"/>"), render_items,
                    "b") == "ANNUAL REPORT");
}

TEST_CASE("formatting becomes inlines, quotes take the punctuation in with en-US") {
    if (!have_shared_csl()) return;
    std::string s = citation_style(
        "<group delimiter=\", \"><text variable=\"title\" quotes=\"true\"/><text value=\"x\" font-style=\"italic\" "
        "font-weight=\"bold\"/><text value=\"y\" font-variant=\"small-caps\" vertical-align=\"sup\"/></group>");
    CHECK(cite_html(s, render_items, "b") ==
          "“Annual report,” <i><b>x</b></i>, <span style=\"font-variant:small-caps;\"><sup>y</sup></span>");
}

TEST_CASE("a group whose variables are all empty is suppressed, with its terms") {
    if (!have_shared_csl()) return;
    std::string s = citation_style(
        "<group delimiter=\" \"><text value=\"[\"/><group delimiter=\" \"><text term=\"edition\"/>"
        "<text variable=\"edition\"/></group><text variable=\"title\"/></group>");
    CHECK(cite_html(s, render_items, "b") == "[ Annual report");
    CHECK(cite_html(s, render_items, "a") == "[ edition 3 the lord of the rings: a study of power");
}

TEST_CASE("choose: type, variable, is-numeric and locator conditions with match any/all/none") {
    if (!have_shared_csl()) return;
    std::string s = citation_style(
        "<choose><if type=\"report\" variable=\"page\" match=\"all\"><text value=\"R+P\"/></if>"
        "<else-if type=\"report thesis\" match=\"any\"><text value=\"R\"/></else-if>"
        "<else-if locator=\"paragraph\"><text value=\"para\"/></else-if>"
        "<else-if is-numeric=\"edition\" match=\"none\"><text value=\"no edition\"/></else-if>"
        "<else><text value=\"other\"/></else></choose>");
    CHECK(cite_html(s, render_items, "b") == "R");
    CHECK(cite_html(s, render_items, "a", "4", "paragraph") == "para");
    CHECK(cite_html(s, render_items, "a") == "other");
}

TEST_CASE("quotation marks in a title alternate with the style's quotes (en-GB: single outside, double inside)") {
    if (!have_shared_csl()) return;
    auto style = style_from_xml(citation_style("<text variable=\"title\" quotes=\"true\"/>"), "en-GB");
    REQUIRE_MESSAGE(style, style.error());
    Bibliography bib = bibliography_from(R"([{"id": "bbc", "type": "article",
        "title": "World Service announces biggest expansion \u2018since the 1940s\u2019"},
        {"id": "straight", "type": "article", "title": "Speak, \"friend\", and enter"}])");
    std::vector<Cite> cites{cite_of("bbc"), cite_of("straight")};
    auto out = run_cites(*style, bib, cites);
    CHECK(out[0] == "‘World Service announces biggest expansion “since the 1940s”’");
    CHECK(out[1] == "‘Speak, “friend”, and enter’");
}
