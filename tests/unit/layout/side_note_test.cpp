// A post's kind label and date are a side note in the outer margin of its
// first page: on the right of a right-hand page, on the left of a left-hand
// one, flush toward the text, on the title's first baseline.
#include <doctest/doctest.h>

#include <string>

#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// The index in page.items of the first glyph run whose text is exactly `text`; -1 if none.
long run_index(const Page& page, const std::string& text) {
    for (size_t i = 0; i < page.items.size(); ++i)
        if (auto* g = std::get_if<GlyphRun>(&page.items[i]); g && g->text == text) return static_cast<long>(i);
    return -1;
}

const GlyphRun& run_at(const Page& page, long index) {
    REQUIRE(index >= 0);
    return std::get<GlyphRun>(page.items[static_cast<size_t>(index)]);
}

int count_containing(const Page& page, const std::string& text) {
    int n = 0;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->text.find(text) != std::string::npos) ++n;
    return n;
}

// The page that sets a run reading exactly `title` (a post's one-word title).
const Page& first_page(const Layout& l, const std::string& title) {
    for (const Page& p : l.pages)
        if (run_index(p, title) >= 0) return p;
    FAIL("no page holds " << title);
    return l.pages.front();
}

Post of_kind(const std::string& slug, const std::string& title, Kind kind) {
    Post p = post(slug, title, {para(words(40, 1))});
    p.meta.kind = kind;
    return p;
}

}  // namespace

TEST_CASE("the kind label and date sit in the outer margin on the title's baseline, mirrored on a left-hand page") {
    const Style st;
    Layout l = lay(pack({of_kind("a", "Recto", Kind::opinion), of_kind("b", "Verso", Kind::opinion)}));
    REQUIRE(l.pages.size() >= 2);
    const Page& recto = first_page(l, "Recto");
    const Page& verso = first_page(l, "Verso");
    REQUIRE(recto.number % 2 == 1);
    REQUIRE(verso.number % 2 == 0);

    // Right-hand page: left of the label a few mm clear of the text block's
    // right edge, the label and date flush left, within 40 mm.
    const double text_right = st.margin_inner + st.measure();
    const GlyphRun& label = run_at(recto, run_index(recto, "OPINION"));
    const GlyphRun& date = run_at(recto, run_index(recto, "21 October 2023"));
    const GlyphRun& title = run_at(recto, run_index(recto, "Recto"));
    CHECK(label.x >= text_right + 3 * mm);
    CHECK(label.x <= text_right + 8 * mm);
    CHECK(label.x + label.width <= text_right + 45 * mm);
    CHECK(date.x == doctest::Approx(label.x));
    CHECK(label.y == doctest::Approx(title.y));
    CHECK(date.y > label.y);
    CHECK(label.size == st.kind_label_size);
    CHECK(date.size == st.byline_size);

    // Left-hand page: the text block starts at the outer margin; the note
    // is flush right a few mm short of it.
    const double text_left = st.margin_outer;
    const GlyphRun& vlabel = run_at(verso, run_index(verso, "OPINION"));
    const GlyphRun& vdate = run_at(verso, run_index(verso, "21 October 2023"));
    const GlyphRun& vtitle = run_at(verso, run_index(verso, "Verso"));
    CHECK(vlabel.x + vlabel.width <= text_left - 3 * mm);
    CHECK(vlabel.x + vlabel.width >= text_left - 8 * mm);
    CHECK(vlabel.x >= text_left - 45 * mm);
    CHECK(vlabel.x + vlabel.width == doctest::Approx(vdate.x + vdate.width));
    CHECK(vlabel.y == doctest::Approx(vtitle.y));
    // The glyphs moved with their runs.
    REQUIRE(!vlabel.glyphs.empty());
    REQUIRE(vlabel.glyphs.size() == label.glyphs.size());
    for (size_t i = 0; i < label.glyphs.size(); ++i)
        CHECK(vlabel.glyphs[i].x - vlabel.x == doctest::Approx(label.glyphs[i].x - label.x));

    // The date is printed once (the byline no longer carries it), and the
    // label comes first on the page: before the title, in text and structure.
    for (const Page* p : {&recto, &verso}) {
        CHECK(count_containing(*p, "21 October 2023") == 1);
        const long h1 = [&] {
            for (size_t i = 0; i < p->items.size(); ++i)
                if (auto* b = std::get_if<TagBegin>(&p->items[i]); b && b->tag == "H1") return static_cast<long>(i);
            return -1L;
        }();
        REQUIRE(h1 >= 0);
        CHECK(run_index(*p, "OPINION") < h1);
    }
}

TEST_CASE("a letter's margin holds its label alone: the letter's head has the date") {
    Post p = of_kind("l", "Letter", Kind::letter);
    p.meta.from = Party{"Lord Alton of Liverpool", "Co-Chair", {"House of Lords"}};
    Layout l = lay(pack({p}));
    const Page& page = l.pages.at(0);
    const Style st;
    const GlyphRun& label = run_at(page, run_index(page, "LETTER"));
    CHECK(label.x > st.margin_inner + st.measure());
    CHECK(count_containing(page, "21 October 2023") == 1);
    const GlyphRun& date = run_at(page, run_index(page, "21 October 2023"));
    CHECK(date.x < st.margin_inner + st.measure());
}

TEST_CASE("a margin too narrow for a side note keeps the label above the title and the date in the byline") {
    Style st;
    st.margin_outer = 20 * mm;
    Layout l = lay(pack({of_kind("n", "Narrow", Kind::opinion)}), st);
    const Page& page = l.pages.at(0);
    const GlyphRun& label = run_at(page, run_index(page, "OPINION"));
    const GlyphRun& title = run_at(page, run_index(page, "Narrow"));
    CHECK(label.x == doctest::Approx(st.margin_inner));
    CHECK(label.y < title.y);
    CHECK(count_containing(page, "21 October 2023") == 1);
    CHECK(count_containing(page, "Lord Alton of Liverpool") == 1);
    CHECK(page_text(page).find("Lord Alton of Liverpool") < page_text(page).find("21 October 2023"));
}
