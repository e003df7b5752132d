#include <doctest/doctest.h>

#include "helpers.hpp"
#include "passes/passes.hpp"

using namespace folio;
using namespace folio::test;

namespace {
Inline cite(std::string key, SourcePos pos) {
    Cite c;
    c.items.push_back(CiteItem{std::move(key), "", "", "", "", false, pos});
    return make_inline(std::move(c), pos);
}
Bibliography bib() {
    Bibliography b;
    b.path = "input/references.json";
    for (auto id : {"coi2014", "hrc2022", "udhr1948"}) {
        CslItem item;
        item.id = id;
        b.items.push_back(item);
    }
    return b;
}
}  // namespace

TEST_CASE("a known key passes, an unknown one is an error at the key with a suggestion") {
    Post p = post_with({para({cite("coi2014", {3, 10}), cite("coi2041", {14, 3}), cite("nothing9", {15, 1})})});
    Diagnostics d;
    check_citations(p, bib(), d);
    REQUIRE(d.items().size() == 2);
    CHECK(format_diagnostic(d.items()[0]) ==
          "input/test.md:14:3: error: unknown citation key 'coi2041'\n  hint: did you mean 'coi2014'?");
    CHECK(d.items()[1].hint == "add an entry with this id to input/references.json");
}

TEST_CASE("citations without any bibliography say how to add one") {
    Post p = post_with({para({cite("coi2014", {2, 5})})});
    Diagnostics d;
    check_citations(p, Bibliography{}, d);
    REQUIRE(d.error_count() == 1);
    CHECK(d.items()[0].message == "citation '@coi2014' but there is no bibliography");
}
