// The pipeline's entry point: diagnostics for unknown keys and unusable
// locator labels, narrative cites, positions across notes.
#include <doctest/doctest.h>

#include "cite_test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {
std::string author_date() {
    return "<style xmlns=\"http://purl.org/net/xbiblio/csl\" class=\"in-text\" version=\"1.0\">"
           "<info><title>t</title><id>t</id><updated>2026-01-01T00:00:00+00:00</updated></info>"
           "<citation disambiguate-add-year-suffix=\"true\"><layout prefix=\"(\" suffix=\")\" delimiter=\"; \">"
           "<group delimiter=\", \"><names variable=\"author\"><name form=\"short\"/></names>"
           "<date variable=\"issued\"><date-part name=\"year\"/></date>"
           "<group delimiter=\" \"><label variable=\"locator\" form=\"short\"/><text variable=\"locator\"/></group>"
           "</group></layout></citation>"
           "<bibliography><sort><key variable=\"author\"/><key variable=\"issued\"/></sort><layout>"
           "<group delimiter=\". \"><names variable=\"author\"><name name-as-sort-order=\"all\"/></names>"
           "<date variable=\"issued\"><date-part name=\"year\"/></date><text variable=\"title\"/></group>"
           "</layout></bibliography></style>";
}
const char* processor_items = R"([
  {"id": "coi2014", "type": "report", "title": "Report", "author": [{"family": "Kirby", "given": "Michael"}],
   "issued": {"date-parts": [[2014]]}},
  {"id": "kirby2014b", "type": "book", "title": "Another", "author": [{"family": "Kirby", "given": "Michael"}],
   "issued": {"date-parts": [[2014]]}},
  {"id": "abe2001", "type": "book", "title": "First", "author": [{"family": "Abe", "given": "Kobo"}],
   "issued": {"date-parts": [[2001]]}}
])";
}  // namespace

TEST_CASE("an unknown key is an error at the key with a did-you-mean hint, and the cite keeps its source") {
    if (!have_shared_csl()) return;
    auto style = style_from_xml(author_date());
    REQUIRE_MESSAGE(style, style.error());
    Bibliography bib = bibliography_from(processor_items);
    Cite c = cite_of("coi2041", 0);
    c.items[0].pos = {14, 3};
    std::vector<Cite> cites{c};
    Diagnostics diags;
    auto out = run_cites(*style, bib, cites, nullptr, &diags);
    REQUIRE(diags.items().size() == 1);
    const Diagnostic& d = diags.items()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.file == "post.md");
    CHECK(d.pos.line == 14);
    CHECK(d.message == "unknown citation key 'coi2041'");
    CHECK(d.hint == "did you mean 'coi2014'?");
    CHECK(out[0] == "[@coi2041]");
}

TEST_CASE("a locator label the locale has no term for is a warning") {
    if (!have_shared_csl()) return;
    auto style = style_from_xml(author_date());
    REQUIRE(style);
    Bibliography bib = bibliography_from(processor_items);
    std::vector<Cite> cites{cite_of("coi2014", 0, "3", "widget")};
    Diagnostics diags;
    run_cites(*style, bib, cites, nullptr, &diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].severity == Severity::warning);
    CHECK(diags.items()[0].message.find("'widget'") != std::string::npos);
}

TEST_CASE("year-suffixes tell same-author same-year works apart, in citations and the reference list") {
    if (!have_shared_csl()) return;
    auto style = style_from_xml(author_date());
    REQUIRE(style);
    Bibliography bib = bibliography_from(processor_items);
    std::vector<Cite> cites{cite_of("coi2014", 0, "12", "paragraph"), cite_of("kirby2014b", 0), cite_of("abe2001", 0)};
    std::vector<std::string> entries;
    auto out = run_cites(*style, bib, cites, &entries);
    CHECK(out[0] == "(Kirby, 2014a, para. 12)");
    CHECK(out[1] == "(Kirby, 2014b)");
    CHECK(out[2] == "(Abe, 2001)");
    REQUIRE(entries.size() == 3);
    CHECK(entries[0] == "Abe, Kobo. 2001. First");
    CHECK(entries[1] == "Kirby, Michael. 2014a. Report");
}

TEST_CASE("a narrative cite in an in-text style renders as Author (date)") {
    if (!have_shared_csl()) return;
    auto style = style_from_xml(author_date());
    REQUIRE(style);
    Bibliography bib = bibliography_from(processor_items);
    Cite c = cite_of("abe2001", 0);
    c.mode = CiteMode::narrative;
    std::vector<Cite> cites{c};
    auto out = run_cites(*style, bib, cites);
    CHECK(out[0] == "Abe (2001)");
}

TEST_CASE("every item of a bibliography can be listed, cited or not") {
    if (!have_shared_csl()) return;
    auto style = style_from_xml(author_date());
    REQUIRE(style);
    Bibliography bib = bibliography_from(processor_items);
    auto entries = format_bibliography(*style, bib);
    REQUIRE(entries.size() == 3);
    CHECK(plain_text(entries[0]) == "Abe, Kobo. 2001. First");
}
