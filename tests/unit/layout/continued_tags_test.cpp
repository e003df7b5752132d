// A paragraph split by a page break is one structure element: the close at
// the foot of the first page and the reopen at the head of the next are
// marked as one element running on, and nothing else (notes, running heads,
// folios) is placed while it is open.
#include <doctest/doctest.h>

#include <algorithm>

#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// Depth of open tags at each glyph run whose text is `needle`.
std::vector<size_t> depths_at(const Page& page, const std::string& needle) {
    std::vector<size_t> out;
    size_t depth = 0;
    for (const Item& it : page.items) {
        if (std::get_if<TagBegin>(&it)) ++depth;
        else if (std::get_if<TagEnd>(&it)) --depth;
        else if (auto* g = std::get_if<GlyphRun>(&it); g && g->text == needle)
            out.push_back(depth);
    }
    return out;
}

}  // namespace

TEST_CASE("a paragraph split over two pages is one P running on") {
    Blocks b;
    b.push_back(para(words(380, 1)));
    b.push_back(para(words(500, 2)));  // runs from page 1 (or 2) onto the next
    b.push_back(para(Inlines{text(words(30, 3)), note_ref(1), text(".")}));
    Layout layout = lay(pack({post("run", "Running on", std::move(b), {note(1, words(20, 4))})}));
    REQUIRE(layout.pages.size() >= 2);

    int continued_pairs = 0;
    for (size_t p = 0; p + 1 < layout.pages.size(); ++p) {
        const auto& here = layout.pages[p].items;
        const auto& next = layout.pages[p + 1].items;
        // Continued elements: the last items of one page, the first of the next, in mirror order.
        std::vector<std::string> closes, opens;
        for (auto it = here.rbegin(); it != here.rend(); ++it) {
            auto* e = std::get_if<TagEnd>(&*it);
            if (!e || !e->continues) break;
            closes.push_back(e->tag);
        }
        for (const Item& it : next) {
            auto* o = std::get_if<TagBegin>(&it);
            if (!o || !o->continued) break;
            opens.push_back(o->tag);
        }
        std::reverse(closes.begin(), closes.end());
        CHECK(closes == opens);
        if (!opens.empty()) {
            ++continued_pairs;
            CHECK(opens.back() == "P");
        }
    }
    CHECK(continued_pairs >= 1);

    // No furniture and no note is inside a body element on any page.
    for (const Page& page : layout.pages) {
        INFO("page " << page.label);
        const auto folio = depths_at(page, page.label);
        CHECK(folio.size() == 1);
        for (size_t d : folio) CHECK(d == 0);
        size_t depth = 0;
        bool in_note = false;
        for (const Item& it : page.items) {
            if (auto* o = std::get_if<TagBegin>(&it)) {
                if (o->tag == "Note") {
                    CHECK(depth == 0);
                    in_note = true;
                }
                ++depth;
            } else if (auto* e = std::get_if<TagEnd>(&it)) {
                --depth;
                if (e->tag == "Note") in_note = false;
            }
        }
        CHECK(depth == 0);  // every page stays balanced
        CHECK_FALSE(in_note);
    }
}

TEST_CASE("a paragraph that ends with its page is not marked as running on") {
    Blocks b;
    b.push_back(para(words(40, 1)));
    b.push_back(para(words(40, 2)));
    Layout layout = lay(pack({post("short", "Short", std::move(b))}));
    for (const Page& page : layout.pages)
        for (const Item& it : page.items) {
            if (auto* o = std::get_if<TagBegin>(&it)) CHECK_FALSE(o->continued);
            if (auto* e = std::get_if<TagEnd>(&it)) CHECK_FALSE(e->continues);
        }
}
