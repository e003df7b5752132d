// A link whose text is its own address, however the post writes the
// address, is never hyphenated (rich_text.cpp, shows_address).
#include <doctest/doctest.h>

#include <algorithm>

#include "layout/rich_text.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;

TEST_CASE("a link showing its address without the scheme is not hyphenated either") {
    const Style style;
    InlineEnv env{&style, test_context().hyphenator(), "t"};
    TextStyle base;
    base.families = style.serif;
    base.size = style.body_size;
    base.color = style.ink;
    using test::txt;
    // Posts write "koreafuture.org/..." for the address they link to: set
    // "korea-" / "future.org", it is copied as an address that does not exist.
    Inlines in{make_inline(Link{"https://koreafuture.org/news/accountability-imperative/", "",
                                txt("koreafuture.org/news/accountability-imperative")}),
               test::text(" and "),
               make_inline(Link{"http://parliamentarians.example.org", "", txt("parliamentarians.example.org")}),
               test::text(" and "),
               make_inline(Link{"https://example.org/report", "", txt("parliamentarians' documentation")})};
    RichText rt = build_rich_text(in, base, env, true);
    REQUIRE(rt.links.size() == 3);
    auto hyphens_in = [&](const RichText::LinkRange& l) {
        return std::count_if(rt.soft_hyphens.begin(), rt.soft_hyphens.end(),
                             [&](int at) { return at >= l.start && at < l.end; });
    };
    CHECK(hyphens_in(rt.links[0]) == 0);
    CHECK(hyphens_in(rt.links[1]) == 0);
    CHECK(hyphens_in(rt.links[2]) > 0);  // words are hyphenated as ever
}
