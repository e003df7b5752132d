// Pagination through the layout: widows and orphans, keeps, notes at the
// foot of their page, table header repeat, list numbering, balanced tags.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "layout/dump.hpp"
#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Layout lay(const Pack& p, const Style& style = Style{}) {
    LayoutOptions o;
    o.resources = test_resources();
    auto r = layout_pack(p, style, o);
    REQUIRE_MESSAGE(r.ok(), r.error());
    return std::move(r.value());
}

// Structure tags must open and close in order on every page.
bool balanced(const Page& page, std::string& why) {
    std::vector<std::string> stack;
    for (const Item& it : page.items) {
        if (auto* b = std::get_if<TagBegin>(&it)) stack.push_back(b->tag);
        if (auto* e = std::get_if<TagEnd>(&it)) {
            if (stack.empty() || stack.back() != e->tag) {
                why = "unexpected </" + e->tag + "> on page " + page.label;
                return false;
            }
            stack.pop_back();
        }
    }
    if (!stack.empty()) why = "<" + stack.back() + "> left open on page " + page.label;
    return stack.empty();
}

std::vector<const GlyphRun*> runs(const Page& page) {
    std::vector<const GlyphRun*> out;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it)) out.push_back(g);
    return out;
}

}  // namespace

TEST_CASE("tags are balanced on every page and every body line is inside the text block") {
    Blocks b;
    b.push_back(para(Inlines{text(words(60, 1)), note_ref(1), text(" " + words(40, 2))}));
    b.push_back(heading(2, "Evidence", "evidence"));
    for (int i = 0; i < 10; ++i) b.push_back(para(words(90, i)));
    b.push_back(list(true, 3, {{para("First")}, {para("Second"), list(false, 1, {{para("inner")}})}}));
    Layout layout = lay(pack({post("a", "A post", std::move(b), {note(1, words(30, 5))})}));
    REQUIRE(layout.pages.size() >= 2);
    Style style;
    for (const Page& page : layout.pages) {
        std::string why;
        CHECK_MESSAGE(balanced(page, why), why);
        const bool left = std::stoi(page.label) % 2 == 0;
        const double x0 = left ? style.margin_outer : style.margin_inner;
        for (const GlyphRun* g : runs(page)) {
            CHECK(g->x >= x0 - 25.0);  // list labels hang into the margin a little
            CHECK(g->x + g->width <= x0 + style.measure() + 0.01);
        }
    }
}
