#include <doctest/doctest.h>

#include "helpers.hpp"
#include "model/web_address.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;

TEST_CASE("a web address written wrong gives the address meant") {
    CHECK(meant_web_address("http//undocs.org/A/HRC/25/63") == "http://undocs.org/A/HRC/25/63");
    CHECK(meant_web_address("https:/www.gov.uk/x") == "https://www.gov.uk/x");
    CHECK(meant_web_address("https;//hrw.org") == "https://hrw.org");
    CHECK(meant_web_address("HTTPS//hrw.org") == "https://hrw.org");
    CHECK(meant_web_address("http:\\\\x.org") == "http://x.org");
    CHECK(meant_web_address("www.nkdb.org/en") == "https://www.nkdb.org/en");
    // Well formed, a post, an anchor, or not an address at all.
    CHECK_FALSE(meant_web_address("https://undocs.org/"));
    CHECK_FALSE(meant_web_address("http://x.org"));
    CHECK_FALSE(meant_web_address("mailto:a@b.org"));
    CHECK_FALSE(meant_web_address("2023-10-21-letter.md"));
    CHECK_FALSE(meant_web_address("http-guide.md"));
    CHECK_FALSE(meant_web_address("https"));
    CHECK_FALSE(meant_web_address("http:"));
    CHECK_FALSE(meant_web_address("#references"));
    CHECK_FALSE(meant_web_address("www."));
}

TEST_CASE("check_links warns at the link, in the text and in notes, with the address meant") {
    // `[the report](http//undocs.org/...)` was said only when the EPUB was
    // written, as a link that 'points at nothing in the book': `folio check`
    // never said it.
    Post p = post_with({para({make_inline(Link{"http//undocs.org/A/HRC/25/63", "", {text("the report")}}, {6, 3}),
                              make_inline(Link{"https://hrw.org", "", {text("HRW")}}, {6, 40})})},
                       {note("n", {make_inline(Link{"www.nkdb.org", "", {text("NKDB")}}, {9, 7})})});
    Diagnostics d;
    check_links(p, d);
    REQUIRE(d.items().size() == 2);
    CHECK(d.items()[0].severity == Severity::warning);
    CHECK(d.items()[0].pos == SourcePos{6, 3});
    CHECK(d.items()[0].message == "link to 'http//undocs.org/A/HRC/25/63' is not a web address: it leads nowhere");
    CHECK(d.items()[0].hint == "write it as http://undocs.org/A/HRC/25/63");
    CHECK(d.items()[1].pos == SourcePos{9, 7});
    CHECK(d.items()[1].hint == "write it as https://www.nkdb.org");
}
