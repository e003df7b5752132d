#include <doctest/doctest.h>

#include "app/site_config.hpp"

using namespace folio;

TEST_CASE("the [site] table fills SiteMeta") {
    Diagnostics d;
    SiteMeta s = read_site_config("folio.toml",
                                  "[site]\n"
                                  "name = \"All-Party Parliamentary Group on North Korea\"\n"
                                  "short_name = \"APPG North Korea\"\n"
                                  "disclaimer = \"\"\"Not an official website.\"\"\"\n",
                                  d);
    CHECK(d.empty());
    CHECK(s.name == "All-Party Parliamentary Group on North Korea");
    CHECK(s.short_name == "APPG North Korea");
    CHECK(s.disclaimer == "Not an official website.");
    CHECK(s.language == "en-GB");
}

TEST_CASE("folio.toml problems are reported at their line") {
    Diagnostics d;
    read_site_config("in/folio.toml",
                     "[site]\n"
                     "name = \"x\"\n"
                     "disclamer = \"typo\"\n"
                     "language = 5\n"
                     "[stie]\n",
                     d);
    d.sort();
    REQUIRE(d.items().size() == 3);
    CHECK(format_diagnostic(d.items()[0]) ==
          "in/folio.toml:3:1: warning: unknown key 'disclamer' in [site]\n  hint: did you mean 'disclaimer'?");
    CHECK(d.items()[1].severity == Severity::error);
    CHECK(d.items()[1].pos.line == 4);
    CHECK(d.items()[1].message == "'language' in [site] must be a string");
    CHECK(d.items()[2].pos.line == 5);
    CHECK(d.items()[2].hint == "did you mean 'site'?");
}

TEST_CASE("a TOML syntax error is an error at its line, not an exception") {
    Diagnostics d;
    read_site_config("folio.toml", "[site]\nname = \"unterminated\n", d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].pos.line == 2);
}
