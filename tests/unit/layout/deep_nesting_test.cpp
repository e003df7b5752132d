// Quotes and lists nested far deeper than any real post (the hostile-input
// suite's case): every word is still on the page. Quotes used to indent
// without bound, so the innermost text was set beyond the page's right edge.
#include <doctest/doctest.h>

#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// `pairs` block quotes, each holding a list whose one item holds the next.
Block nested(int pairs, const std::string& innermost) {
    Block b = para(innermost);
    for (int i = 0; i < pairs; ++i) {
        Block item = list(false, 1, {{std::move(b)}});
        BlockQuote q;
        q.children.push_back(std::move(item));
        b = make_block(std::move(q));
    }
    return b;
}

void check_on_page(const Layout& layout, const std::string& word) {
    bool found = false;
    for (const Page& page : layout.pages)
        for (const Item& it : page.items)
            if (auto* g = std::get_if<GlyphRun>(&it)) {
                CHECK_MESSAGE(g->x + g->width <= page.width, g->text);
                CHECK(g->x >= 0);
                if (g->text.find(word) != std::string::npos) found = true;
            }
    CHECK_MESSAGE(found, word);
}

}  // namespace

TEST_CASE("quotes and lists nested 30 deep keep their innermost text on the page, in the text and in a note") {
    Blocks text;
    text.push_back(nested(30, "Innermostword of the text."));
    text.push_back(para(Inlines{folio::test::text("A sentence with a note"), note_ref(1), folio::test::text(".")}));
    Footnote f;
    f.label = "n1";
    f.number = 1;
    f.content.push_back(nested(30, "Innermostnote of the note."));
    LayoutOptions o;
    o.resources = test_resources();
    o.front_matter = false;
    auto r = layout_pack(pack({post("deep", "Deep", std::move(text), {std::move(f)})}), Style{}, o);
    REQUIRE_MESSAGE(r.ok(), r.error());
    check_on_page(*r, "Innermostword");
    check_on_page(*r, "Innermostnote");
}
