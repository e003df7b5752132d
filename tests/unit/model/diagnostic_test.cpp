#include <doctest/doctest.h>

#include "model/diagnostic.hpp"

using namespace folio;

TEST_CASE("diagnostics print as file:line:col: severity: message") {
    Diagnostic d{Severity::error, "input/a.md", {14, 3}, "unknown citation key 'coi2041'",
                 "did you mean 'coi2014'?"};
    CHECK(format_diagnostic(d) ==
          "input/a.md:14:3: error: unknown citation key 'coi2041'\n  hint: did you mean 'coi2014'?");
    Diagnostic w{Severity::warning, "input/a.md", {2, 0}, "unknown key 'colour'", ""};
    CHECK(format_diagnostic(w) == "input/a.md:2: warning: unknown key 'colour'");
    Diagnostic whole{Severity::error, "input/a.md", {}, "the file is empty", ""};
    CHECK(format_diagnostic(whole) == "input/a.md: error: the file is empty");
}

TEST_CASE("diagnostics sort by file and position, keeping insertion order for ties") {
    Diagnostics ds;
    ds.error("b.md", {1, 1}, "b1");
    ds.warning("a.md", {9, 1}, "a9");
    ds.error("a.md", {2, 5}, "a2-first");
    ds.error("a.md", {2, 5}, "a2-second");
    ds.sort();
    REQUIRE(ds.items().size() == 4);
    CHECK(ds.items()[0].message == "a2-first");
    CHECK(ds.items()[1].message == "a2-second");
    CHECK(ds.items()[2].message == "a9");
    CHECK(ds.items()[3].message == "b1");
    CHECK(ds.error_count() == 3);
    CHECK(ds.warning_count() == 1);
}
