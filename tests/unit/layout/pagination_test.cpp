// Pagination through the layout: widows and orphans, keeps, notes at the
// foot of their page, table header repeat, list numbering, balanced tags.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "layout/dump.hpp"
#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

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
            // The first page's side note is in the outer margin (side_note_test.cpp).
            if (page.number == 1 && (g->text == "ARTICLE" || g->text == "21 October 2023")) continue;
            CHECK(g->x >= x0 - 25.0);  // list labels hang into the margin a little
            CHECK(g->x + g->width <= x0 + style.measure() + 0.01);
        }
    }
}

namespace {

// Lines (distinct baselines) of body text per P element on each page.
std::vector<int> lines_per_paragraph(const Page& page) {
    std::vector<int> out;
    int depth = 0;
    std::set<long> ys;
    for (const Item& it : page.items) {
        if (auto* b = std::get_if<TagBegin>(&it); b && b->tag == "P") {
            depth = 1;
            ys.clear();
        } else if (auto* e = std::get_if<TagEnd>(&it); e && e->tag == "P" && depth) {
            depth = 0;
            if (!ys.empty()) out.push_back(static_cast<int>(ys.size()));
        } else if (auto* g = std::get_if<GlyphRun>(&it); g && depth && g->size == 10.5) {  // body text only
            ys.insert(std::lround(g->y * 10));
        }
    }
    return out;
}

std::map<std::string, size_t> dest_pages(const Layout& layout) {
    std::map<std::string, size_t> out;
    for (size_t p = 0; p < layout.pages.size(); ++p)
        for (const Item& it : layout.pages[p].items)
            if (auto* d = std::get_if<DestItem>(&it)) out[d->name] = p;
    return out;
}

}  // namespace

TEST_CASE("no paragraph leaves fewer than two lines at the foot or the head of a page") {
    Blocks b;
    for (int i = 0; i < 40; ++i) b.push_back(para(words(50 + (i * 13) % 60, i)));
    Layout layout = lay(pack({post("w", "Widows", std::move(b))}));
    REQUIRE(layout.pages.size() >= 4);
    for (const Page& page : layout.pages) {
        for (int n : lines_per_paragraph(page)) CHECK(n >= 2);
        // The page's last line of body text never ends with a hyphen.
        const GlyphRun* last = nullptr;
        for (const GlyphRun* g : runs(page))
            if (g->size == 10.5 && (!last || g->y >= last->y)) last = g;
        if (last) CHECK_FALSE(last->text.ends_with("-"));
    }
}

TEST_CASE("each footnote is set at the foot of the page that marks it, linked both ways") {
    Blocks b;
    std::vector<Footnote> notes;
    for (int i = 1; i <= 12; ++i) {
        b.push_back(para(Inlines{text(words(70, i)), note_ref(i), text(" " + words(30, i + 1))}));
        notes.push_back(note(i, words(20 + i * 3, i)));
    }
    Layout layout = lay(pack({post("n", "Notes", std::move(b), std::move(notes))}));
    auto dests = dest_pages(layout);
    for (int i = 1; i <= 12; ++i) {
        const std::string mark = note_ref_dest("n", i), body = note_dest("n", i);
        REQUIRE(dests.count(mark));
        REQUIRE(dests.count(body));
        CHECK(dests[mark] == dests[body]);
    }
    // The mark links to the note and the note's number back to the mark.
    std::set<std::string> link_targets;
    for (const Page& p : layout.pages)
        for (const Item& it : p.items)
            if (auto* l = std::get_if<LinkItem>(&it)) link_targets.insert(l->dest);
    CHECK(link_targets.count(note_dest("n", 3)));
    CHECK(link_targets.count(note_ref_dest("n", 3)));
    // Notes sit below the text: every note line is lower than every body line of its page.
    Style style;
    for (const Page& p : layout.pages) {
        for (const Item& it : p.items)
            if (auto* g = std::get_if<GlyphRun>(&it)) CHECK(g->y <= style.page_height - style.margin_bottom + 30);
    }
}

TEST_CASE("a long table repeats its header row on every page it runs onto") {
    Table t;
    t.aligns = {Align::left, Align::right};
    t.header.cells = {TableCell{txt("Year"), {}}, TableCell{txt("Returned"), {}}};
    for (int i = 0; i < 120; ++i)
        t.rows.push_back(TableRow{{TableCell{txt(std::to_string(1900 + i)), {}}, TableCell{txt(std::to_string(i * 37)), {}}}});
    Blocks b;
    b.push_back(para(words(40)));
    b.push_back(make_block(std::move(t)));
    Layout layout = lay(pack({post("t", "Table", std::move(b))}));
    int pages_with_rows = 0;
    for (const Page& p : layout.pages) {
        const std::string s = page_text(p, "|");
        if (s.find("19") == std::string::npos) continue;
        ++pages_with_rows;
        CHECK(s.find("Year|") != std::string::npos);
        CHECK(s.find("Returned|") != std::string::npos);
        std::string why;
        CHECK_MESSAGE(balanced(p, why), why);
    }
    CHECK(pages_with_rows >= 3);
}

TEST_CASE("ordered lists number from their start value, nested lists hang deeper") {
    Blocks b;
    b.push_back(list(true, 3, {{para("Alpha")}, {para("Beta"), list(false, 1, {{para("inner")}})}, {para("Gamma")}}));
    Layout layout = lay(pack({post("l", "Lists", std::move(b))}));
    const std::string s = page_text(layout.pages.at(0), "|");
    const size_t p3 = s.find("3.|"), p4 = s.find("4.|"), p5 = s.find("5.|");
    REQUIRE(p3 != std::string::npos);
    REQUIRE(p4 != std::string::npos);
    REQUIRE(p5 != std::string::npos);
    CHECK(p3 < p4);
    CHECK(p4 < p5);
    double x_alpha = 0, x_inner = 0;
    for (const GlyphRun* g : runs(layout.pages[0])) {
        if (g->text == "Alpha") x_alpha = g->x;
        if (g->text == "inner") x_inner = g->x;
    }
    CHECK(x_inner > x_alpha);
}

TEST_CASE("pathological input: 50 nested lists and a 200-column table stay on the page") {
    Block inner = para("deepest");
    for (int i = 0; i < 50; ++i) inner = list(i % 2 == 0, 1, {{inner}});
    Table t;
    for (int c = 0; c < 200; ++c) {
        t.aligns.push_back(Align::none);
        t.header.cells.push_back(TableCell{txt("Column" + std::to_string(c)), {}});
    }
    t.rows.push_back(t.header);
    Blocks b;
    b.push_back(inner);
    b.push_back(make_block(std::move(t)));
    Layout layout = lay(pack({post("p", "Pathological", std::move(b))}));
    Style style;
    for (const Page& page : layout.pages)
        for (const GlyphRun* g : runs(page)) CHECK(g->x + g->width <= style.page_width);
    CHECK(page_text(layout.pages[0], "|").find("deepest") != std::string::npos);
}

TEST_CASE("an image of 20,000 x 20,000 pixels is refused with a clear error") {
    auto dir = std::filesystem::temp_directory_path() / "folio_layout_test";
    std::filesystem::create_directories(dir);
    const auto png = dir / "huge.png";
    {
        // A PNG signature and IHDR declaring 20000 x 20000: enough for the header check.
        const unsigned char head[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                      0, 0, 0x4e, 0x20, 0, 0, 0x4e, 0x20, 8, 6, 0, 0, 0};
        std::ofstream(png, std::ios::binary).write(reinterpret_cast<const char*>(head), sizeof head);
    }
    Image im;
    im.url = png.string();
    im.alt = txt("A huge picture");
    Blocks b;
    b.push_back(para(Inlines{make_inline(std::move(im))}));
    Pack p = pack({post("i", "Image", std::move(b))});
    LayoutOptions o;
    o.resources = test_resources();
    auto r = layout_pack(p, Style{}, o);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("20000 x 20000") != std::string::npos);
    CHECK(r.error().find("huge.png") != std::string::npos);
}

TEST_CASE("the layout is the same whatever the thread count") {
    std::vector<Post> posts;
    for (int i = 0; i < 5; ++i) {
        Blocks b;
        for (int k = 0; k < 6; ++k) b.push_back(para(words(80, i * 10 + k)));
        posts.push_back(post("p" + std::to_string(i), "Post " + std::to_string(i), std::move(b)));
    }
    Pack p = pack(std::move(posts));
    LayoutOptions one, three;
    one.resources = three.resources = test_resources();
    three.threads = 3;
    auto a = layout_pack(p, Style{}, one);
    auto b = layout_pack(p, Style{}, three);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(dump_layout(*a) == dump_layout(*b));
    CHECK(a->outline.size() == 2 + 5);  // Cover, Contents, the posts
}

TEST_CASE("a note too long for its page continues at the foot of the next") {
    Blocks b;
    b.push_back(para(Inlines{text(words(40)), note_ref(1), text(" " + words(40, 1))}));
    for (int i = 0; i < 8; ++i) b.push_back(para(words(90, i)));
    Layout layout = lay(pack({post("long", "Long note", std::move(b), {note(1, words(2200, 9))})}));
    REQUIRE(layout.pages.size() >= 2);
    Style style;
    // The note starts on the page of its mark and runs on to the next, always
    // below the body text.
    auto dests = dest_pages(layout);
    const size_t mark_page = dests.at(note_ref_dest("long", 1));
    CHECK(dests.at(note_dest("long", 1)) == mark_page);
    REQUIRE(mark_page + 1 < layout.pages.size());
    int pages_with_note = 0;
    for (size_t p = mark_page; p < mark_page + 2; ++p) {
        double lowest_body = 0, highest_note = 1e9;
        for (const GlyphRun* g : runs(layout.pages[p])) {
            if (g->size == 10.5) lowest_body = std::max(lowest_body, g->y);
            if (g->size == style.note_size && g->font_name.starts_with("Noto Serif")) highest_note = std::min(highest_note, g->y);
        }
        if (highest_note < 1e9) {
            ++pages_with_note;
            CHECK(highest_note > lowest_body);
            CHECK(highest_note <= style.page_height - style.margin_bottom);
        }
    }
    CHECK(pages_with_note == 2);
    for (const Page& page : layout.pages) {
        std::string why;
        CHECK_MESSAGE(balanced(page, why), why);
    }
}

TEST_CASE("a table row taller than a page is split between pages") {
    Table t;
    t.aligns = {Align::left, Align::left};
    t.header.cells = {TableCell{txt("Item"), {}}, TableCell{txt("Description"), {}}};
    t.rows.push_back(TableRow{{TableCell{txt("one"), {}}, TableCell{txt(words(1500, 2)), {}}}});
    t.rows.push_back(TableRow{{TableCell{txt("two"), {}}, TableCell{txt("short"), {}}}});
    Blocks b;
    b.push_back(make_block(std::move(t)));
    Layout layout = lay(pack({post("tall", "Tall row", std::move(b))}));
    REQUIRE(layout.pages.size() >= 2);
    Style style;
    std::string all;
    for (const Page& page : layout.pages) {
        all += page_text(page, "|");
        std::string why;
        CHECK_MESSAGE(balanced(page, why), why);
        for (const GlyphRun* g : runs(page))
            if (g->size == style.table_size && g->text != page.label)  // the folio sits below the margin
                CHECK(g->y <= style.page_height - style.margin_bottom + 0.01);
    }
    CHECK(all.find("short|") != std::string::npos);
    CHECK(all.find("two|") != std::string::npos);
}

TEST_CASE("with start_on_right every post starts on an odd page") {
    std::vector<Post> posts;
    for (int i = 0; i < 4; ++i) {
        Blocks b;
        for (int k = 0; k < 3 + i * 4; ++k) b.push_back(para(words(80, i + k)));
        posts.push_back(post("s" + std::to_string(i), "Post " + std::to_string(i), std::move(b)));
    }
    Pack p = pack(std::move(posts));
    p.start_on_right = true;
    Layout layout = lay(p);
    auto dests = dest_pages(layout);
    for (int i = 0; i < 4; ++i) CHECK(dests.at("post-s" + std::to_string(i)) % 2 == 0);  // 0-based index: odd page number
    for (size_t k = 0; k < layout.pages.size(); ++k) CHECK(layout.pages[k].label == std::to_string(k + 1));
}

TEST_CASE("the layout dump lists pages, items, tags and the outline") {
    Blocks b;
    b.push_back(para(Inlines{text("Short text with a mark"), note_ref(1), text(".")}));
    b.push_back(heading(2, "Section", "section"));
    b.push_back(para("More."));
    Layout layout = lay(pack({post("d", "Dumped", std::move(b), {note(1, "The note.")})}));
    const std::string d = dump_layout(layout);
    CHECK(d.find("page 1 label=1 595.28x841.89\n") == 0);
    CHECK(d.find("  <H1>\n") != std::string::npos);
    CHECK(d.find("font=\"Noto Sans Bold 22\" #14365d \"Dumped\"") != std::string::npos);
    CHECK(d.find("  <Note>\n") != std::string::npos);
    CHECK(d.find("font=\"Noto Serif 8.5\" #1a1a1a \"1. The note.\"") != std::string::npos);  // number full size, full stop
    CHECK(d.find(" dest=noteref-d-1\n") != std::string::npos);  // ...linked back to the mark
    CHECK(d.find(" dest=note-d-1\n") != std::string::npos);
    CHECK(d.find("  dest noteref-d-1 ") != std::string::npos);
    CHECK(d.find("outline 1 \"Dumped\" -> post-d\n") != std::string::npos);
    CHECK(d.find("outline 2 \"Section\" -> d/section\n") != std::string::npos);
}

TEST_CASE("a table's rows follow at little more than their leading, padded fully only next to the rules") {
    // Booktabs: with the cell padding above and below every row, one-line
    // rows stood 20 pt apart for 9 pt type, a table that read double spaced.
    Table t;
    t.aligns = {Align::left, Align::right};
    t.header.cells = {TableCell{txt("Year"), {}}, TableCell{txt("Escapees"), {}}};
    for (int i = 0; i < 4; ++i)
        t.rows.push_back(TableRow{{TableCell{txt(std::to_string(2012 + i)), {}}, TableCell{txt(std::to_string(1500 - i * 70)), {}}}});
    Blocks b;
    b.push_back(para(words(20)));
    b.push_back(make_block(std::move(t)));
    Layout layout = lay(pack({post("t", "Table", std::move(b))}));
    const Style st;
    std::vector<double> years;
    double header = 0;
    for (const GlyphRun* g : runs(layout.pages.at(0))) {
        if (g->text.starts_with("201")) years.push_back(g->y);
        if (g->text == "Year") header = g->y;
    }
    REQUIRE(years.size() == 4);
    for (size_t i = 1; i < years.size(); ++i) {
        CHECK(years[i] - years[i - 1] <= st.table_leading + st.table_cell_pad / 2 + 0.01);
        CHECK(years[i] - years[i - 1] >= st.table_leading);
    }
    // Next to the rules the full padding: the header's rule is as far from
    // the first row as from the header's own baseline region.
    std::vector<double> rules;
    for (const Item& it : layout.pages.at(0).items)
        if (auto* r = std::get_if<RuleItem>(&it); r && r->y0 == r->y1 && r->width >= 0.5 && r->y0 > header - 20) rules.push_back(r->y0);
    std::sort(rules.begin(), rules.end());
    REQUIRE(rules.size() >= 3);  // above the header, below it, at the end
    CHECK(years.front() - rules[rules.size() - 2] >= st.table_cell_pad + st.table_size * 0.8);
    CHECK(rules.back() - years.back() >= st.table_cell_pad);
}

TEST_CASE("a table or code under a heading keeps half a line between the heading and its top rule or tint") {
    // The heading's descenders sat on the table's top rule.
    Table t;
    t.header.cells = {TableCell{txt("Year"), {}}, TableCell{txt("Escapees"), {}}};
    t.rows.push_back(TableRow{{TableCell{txt("2012"), {}}, TableCell{txt("1,502"), {}}}});
    CodeBlock code;
    code.text = "code line\n";
    Blocks b{para(words(20)), heading(3, "Arrivals by year", "arrivals"), make_block(std::move(t)),
             heading(3, "A listing", "listing"), make_block(std::move(code))};
    Layout layout = lay(pack({post("t", "Table", std::move(b))}));
    const Style st;
    const Page& page = layout.pages.at(0);
    double arrivals = 0, listing = 0;
    for (const GlyphRun* g : runs(page)) {
        if (g->text.starts_with("Arrivals")) arrivals = g->y;
        if (g->text.starts_with("A listing")) listing = g->y;
    }
    REQUIRE(arrivals > 0);
    REQUIRE(listing > 0);
    double rule = 0, tint = 0;
    for (const Item& it : page.items) {
        if (auto* r = std::get_if<RuleItem>(&it); r && r->y0 > arrivals && (rule == 0 || r->y0 < rule)) rule = r->y0;
        if (auto* r = std::get_if<RectItem>(&it); r && r->y > listing && (tint == 0 || r->y < tint)) tint = r->y;
    }
    // Below the heading's line (its baseline, then the rest of its leading) half a line.
    const double below_baseline = st.h3_leading - ((st.h3_leading - st.h3_size) / 2 + st.h3_size * 0.8);
    CHECK(rule - arrivals >= below_baseline + st.half_line() - 0.01);
    CHECK(tint - listing >= below_baseline + st.half_line() - 0.01);
}

TEST_CASE("a running head cut short ends on a word and its ellipsis, never on punctuation") {
    // "LETTER FROM THE APPG ... JAMES CLEVERLY MP,…": the cut fell after a comma.
    std::string title;
    for (int i = 0; i < 12; ++i) title += std::string(i ? " " : "") + "Refugees, detention \xE2\x80\x93 camps;";
    Blocks b;
    for (int k = 0; k < 12; ++k) b.push_back(para(words(90, k)));
    Layout layout = lay(pack({post("t", title, std::move(b))}));
    const Style st;
    int heads = 0;
    for (const Page& page : layout.pages)
        for (const GlyphRun* g : runs(page))
            if (g->size == st.running_head_size && g->text.starts_with("REFUGEES")) {
                ++heads;
                INFO(g->text);
                REQUIRE(g->text.ends_with("\xE2\x80\xA6"));
                const std::string before = g->text.substr(0, g->text.size() - 3);
                CHECK(std::isalpha(static_cast<unsigned char>(before.back())));
            }
    CHECK(heads >= 1);
}

TEST_CASE("links to a heading or another post go to destinations the pack names, web addresses stay URIs") {
    // "#background" linked to a destination 'background' nothing named (the
    // heading's is 'a/background'), and '2023-01-02-b.md' was a URI to a file
    // the reader never has.
    Post a = post("a", "First", {heading(2, "Background", "background"),
                                 para(Inlines{make_inline(Link{"#background", "", txt("above")}), text(", "),
                                              make_inline(Link{"2023-01-02-b.md", "", txt("the other post")}), text(", "),
                                              make_inline(Link{"2023-01-02-b.md#part", "", txt("its part")}), text(", "),
                                              make_inline(Link{"b#title", "", txt("its title")}), text(", "),
                                              make_inline(Link{"https://example.org/a.md", "", txt("the web")})})});
    Post b = post("b", "Second", {heading(2, "Part", "part"), para("Text.")});
    b.path = "input/2023-01-02-b.md";
    Layout layout = lay(pack({a, b}));
    const auto dests = dest_pages(layout);
    std::set<std::string> targets, uris;
    for (const Page& p : layout.pages)
        for (const Item& it : p.items)
            if (auto* l = std::get_if<LinkItem>(&it)) (l->uri.empty() ? targets : uris).insert(l->uri.empty() ? l->dest : l->uri);
    for (const char* dest : {"a/background", "post-b", "b/part"}) {
        CAPTURE(dest);
        CHECK(targets.count(dest));
        CHECK(dests.count(dest));  // a destination the pack names
    }
    CHECK(uris == std::set<std::string>{"https://example.org/a.md"});
}
