// What a footnote may hold besides paragraphs: lists (nested, numbered),
// block quotes, code, tables. Each used to be dropped from the note.
#include <doctest/doctest.h>

#include "layout/dump.hpp"
#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

// The note lines of a one-page layout: glyph runs at the note size, top to bottom.
std::vector<const GlyphRun*> note_runs(const Layout& layout) {
    std::vector<const GlyphRun*> out;
    for (const Item& it : layout.pages.at(0).items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->size == Style{}.note_size) out.push_back(g);
    return out;
}

const GlyphRun* run_with(const std::vector<const GlyphRun*>& runs, const std::string& text) {
    for (auto* g : runs)
        if (g->text.find(text) != std::string::npos) return g;
    return nullptr;
}

Footnote note_with(int n, Blocks blocks) {
    Footnote f;
    f.label = "n" + std::to_string(n);
    f.number = n;
    f.content = std::move(blocks);
    return f;
}

}  // namespace

TEST_CASE("a list inside a footnote is set, labelled and indented, with list tags") {
    Blocks note_blocks;
    note_blocks.push_back(para("See the following reports."));
    note_blocks.push_back(list(true, 3, {{para("First report on detention.")},
                                         {para("Second report on repatriation."),
                                          list(false, 1, {{para("Annex on camps.")}})}}));
    note_blocks.push_back(para("Closing remark."));
    Blocks b;
    b.push_back(para(Inlines{text("A sentence with a note"), note_ref(1), text(".")}));
    Layout layout = lay(pack({post("l", "Listed", std::move(b), {note_with(1, std::move(note_blocks))})}));
    auto runs = note_runs(layout);

    auto* intro = run_with(runs, "1. See the following");
    auto* first = run_with(runs, "First report");
    auto* second = run_with(runs, "Second report");
    auto* annex = run_with(runs, "Annex on camps");
    auto* closing = run_with(runs, "Closing remark");
    REQUIRE(intro);
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(annex);
    REQUIRE(closing);
    // Labels as written (the list starts at 3), the nested list bulleted.
    auto* three = run_with(runs, "3.");
    auto* four = run_with(runs, "4.");
    auto* bullet = run_with(runs, "\xE2\x80\x93");  // a second-level bullet: an en dash
    REQUIRE(three);
    REQUIRE(four);
    REQUIRE(bullet);
    // Items are indented from the note's edge, the nested one further; the
    // labels hang before their text on the same baseline.
    CHECK(first->x > intro->x + 5);
    CHECK(annex->x > first->x + 5);
    CHECK(closing->x == doctest::Approx(intro->x));
    CHECK(three->y == doctest::Approx(first->y));
    CHECK(three->x + three->width <= first->x);
    CHECK(four->y == doctest::Approx(second->y));
    CHECK(bullet->y == doctest::Approx(annex->y));
    CHECK(bullet->x + bullet->width <= annex->x);
    // Reading order, top to bottom.
    CHECK(intro->y < first->y);
    CHECK(first->y < second->y);
    CHECK(second->y < annex->y);
    CHECK(annex->y < closing->y);

    const std::string d = dump_layout(layout);
    const auto note = d.find("  <Note>\n"), end = d.find("  </Note>\n");
    REQUIRE(note != std::string::npos);
    REQUIRE(end != std::string::npos);
    const std::string in_note = d.substr(note, end - note);
    CHECK(in_note.find("  <L>\n  <LI>\n  <Lbl>\n") != std::string::npos);
    CHECK(in_note.find("  </LBody>\n  </LI>\n  </L>\n") != std::string::npos);
}

TEST_CASE("a footnote that opens with a list has its number on a line of its own") {
    Blocks b;
    b.push_back(para(Inlines{text("Text"), note_ref(1), text(".")}));
    Layout layout = lay(pack({post("o", "Opening", std::move(b),
                                   {note_with(1, {list(false, 1, {{para("Only item.")}})})})}));
    auto runs = note_runs(layout);
    auto* number = run_with(runs, "1.");
    auto* item = run_with(runs, "Only item.");
    REQUIRE(number);
    REQUIRE(item);
    CHECK(number->text == "1. ");
    CHECK(number->y < item->y);
}

TEST_CASE("block quotes, code and tables in a footnote are kept") {
    Blocks note_blocks;
    note_blocks.push_back(para("As the report says:"));
    note_blocks.push_back(make_block(BlockQuote{{para("Crimes without parallel.")}}));
    note_blocks.push_back(make_block(CodeBlock{"", "A/HRC/25/63\n"}));
    Table t;
    t.aligns = {Align::none, Align::none};
    t.header.cells = {TableCell{txt("Year"), {}}, TableCell{txt("Cases"), {}}};
    t.rows.push_back(TableRow{{TableCell{txt("2014"), {}}, TableCell{txt("12"), {}}}});
    note_blocks.push_back(make_block(std::move(t)));
    Blocks b;
    b.push_back(para(Inlines{text("Text"), note_ref(1), text(".")}));
    Layout layout = lay(pack({post("q", "Quoted", std::move(b), {note_with(1, std::move(note_blocks))})}));
    const std::string d = dump_layout(layout);
    CHECK(d.find("\"Crimes without parallel.\"") != std::string::npos);
    CHECK(d.find("Noto Sans Mono") != std::string::npos);
    CHECK(d.find("A/HRC/25/63") != std::string::npos);
    CHECK(d.find("2014") != std::string::npos);
    auto runs = note_runs(layout);
    auto* says = run_with(runs, "As the report says");
    auto* quote = run_with(runs, "Crimes without");
    REQUIRE(says);
    REQUIRE(quote);
    CHECK(quote->x > says->x + 5);
}
