#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "layout/front_matter.hpp"
#include "layout/layout_pack.hpp"
#include "model/overloaded.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

bool has_text(const Page& page, const std::string& needle) { return page_text(page).find(needle) != std::string::npos; }

Post with_kind(Post p, Kind kind, Date date) {
    p.meta.kind = kind;
    p.meta.date = date;
    return p;
}

// Posts long enough to take several pages each, of several kinds and years.
Pack sample_pack(int posts = 4, int paragraphs = 12) {
    std::vector<Post> v;
    const Kind kinds[] = {Kind::letter, Kind::event, Kind::opinion, Kind::letter, Kind::article, Kind::news};
    for (int i = 0; i < posts; ++i) {
        Blocks b;
        for (int k = 0; k < paragraphs + i * 3; ++k) b.push_back(para(words(90, i * 31 + k)));
        v.push_back(with_kind(post("p" + std::to_string(i), "Post number " + std::to_string(i), std::move(b)),
                              kinds[i % 6], Date{2016 + i, 3, 10}));
    }
    Pack p = pack(std::move(v));
    p.site.description = "The group exists to study the questions in these posts.";
    p.site.about = "First paragraph of the history.\n\nSecond paragraph,\nwrapped in the source.\n";
    p.site.disclaimer = "This is not an official publication of the House of Commons or the House of Lords.";
    p.site.contact = "The Lord Alton of Liverpool, House of Lords, London SW1A 0PW";
    return p;
}

// With the front matter, dated as the inside cover's checks expect.
Layout lay_front(const Pack& p) {
    LayoutOptions o;
    o.create_date = "2023-11-14T22:13:20Z";
    return lay(p, Style{}, o);
}

size_t first_arabic(const Layout& l) {
    for (size_t i = 0; i < l.pages.size(); ++i)
        if (!l.pages[i].label.empty() && std::isdigit(static_cast<unsigned char>(l.pages[i].label[0]))) return i;
    return l.pages.size();
}

}  // namespace

TEST_CASE("the pack summary counts posts by kind, with plurals and the span of years") {
    Pack p = sample_pack(6, 1);
    // kinds: letter, event, opinion, letter, article, news; years 2016..2021
    // A no-break space (U+00A0) ties each count to its noun, so no line ends on a bare number.
    CHECK(pack_summary(p) == "6\xC2\xA0posts: 2\xC2\xA0letters, 1\xC2\xA0" "event, 1\xC2\xA0opinion piece, 1\xC2\xA0"
                             "article, 1\xC2\xA0news item, 2016\xE2\x80\x93" "2021");
    Pack one = sample_pack(1, 1);
    CHECK(pack_summary(one) == "1\xC2\xA0post: 1\xC2\xA0letter, 2016");
}

TEST_CASE("the cover: a navy panel over the top 60 %, the title in white bold sans, the disclaimer in 7.5 pt grey") {
    Pack p = sample_pack(3, 1);
    p.title = "North Korea: human rights";
    auto cover = layout_cover(test_context(), p, Style{});
    REQUIRE(cover.ok());
    const Style st;
    bool panel = false;
    for (const Item& it : cover->items)
        if (auto* r = std::get_if<RectItem>(&it))
            if (r->y == 0 && r->w == st.page_width && std::abs(r->h - st.page_height * 0.6) < 1 && r->fill == st.accent)
                panel = true;
    CHECK(panel);
    bool title = false, disclaimer = false, summary = false;
    for (const Item& it : cover->items)
        if (auto* g = std::get_if<GlyphRun>(&it)) {
            if (g->text.find("North") != std::string::npos && g->size == 34 && g->color == rgb(0xffffff) &&
                g->font_name.find("Bold") != std::string::npos && g->y < st.page_height * 0.6)
                title = true;
            if (g->text.find("official") != std::string::npos && g->size == 7.5 && g->color == st.grey &&
                g->y > st.page_height * 0.9)
                disclaimer = true;
            if (g->text.find("3\xC2\xA0posts") != std::string::npos && g->y > st.page_height * 0.6) summary = true;
        }
    CHECK(title);
    CHECK(disclaimer);
    CHECK(summary);
    CHECK(has_text(*cover, "Briefing"));
    CHECK(cover->label == "i");
}

TEST_CASE("a logo that does not exist is a clear error naming it") {
    Pack p = sample_pack(1, 1);
    p.site.logo = "/nonexistent/logo.png";
    auto cover = layout_cover(test_context(), p, Style{});
    REQUIRE_FALSE(cover.ok());
    CHECK(cover.error().find("logo") != std::string::npos);
    CHECK(cover.error().find("/nonexistent/logo.png") != std::string::npos);
}

TEST_CASE("front matter has roman labels, the first post is page 1, the contents print the real page numbers") {
    Pack p = sample_pack(4, 12);
    Layout l = lay_front(p);
    const size_t body = first_arabic(l);
    REQUIRE(body >= 3);
    CHECK(l.pages[0].label == "i");
    for (size_t i = 0; i < body; ++i) CHECK(l.pages[i].label == roman(static_cast<int>(i) + 1));
    CHECK(l.pages[body].label == "1");
    // The cover prints no folio; the inside cover prints "ii".
    CHECK_FALSE(has_text(l.pages[0], "i "));
    CHECK(has_text(l.pages[1], "About the group"));
    CHECK(has_text(l.pages[1], "Second paragraph, wrapped in the source."));
    CHECK(has_text(l.pages[1], "Produced by folio"));
    CHECK(has_text(l.pages[1], "from 4 posts on 14 November 2023."));
    // Each contents entry's number is the label of the page that holds the
    // post's destination.
    const Page* contents = nullptr;
    for (size_t i = 0; i < body; ++i)
        if (has_text(l.pages[i], "Contents")) contents = contents ? contents : &l.pages[i];
    REQUIRE(contents != nullptr);
    for (size_t k = 0; k < p.posts.size(); ++k) {
        const std::string dest = "post-p" + std::to_string(k);
        std::string label;
        for (const Page& page : l.pages)
            for (const Item& it : page.items)
                if (auto* d = std::get_if<DestItem>(&it); d && d->name == dest) label = page.label;
        REQUIRE(!label.empty());
        // The entry: a link to the post, and the number in the same band.
        const LinkItem* link = nullptr;
        for (const Item& it : contents->items)
            if (auto* li = std::get_if<LinkItem>(&it); li && li->dest == dest) link = li;
        REQUIRE(link != nullptr);
        bool number = false;
        for (const Item& it : contents->items)
            if (auto* g = std::get_if<GlyphRun>(&it))
                if (g->text == label && g->y > link->y && g->y <= link->y + link->h + 1 && g->x > link->x + link->w - 30)
                    number = true;
        CHECK_MESSAGE(number, "contents entry for " << dest << " should print " << label);
    }
}

TEST_CASE("the outline opens with Cover and Contents, then each post") {
    Layout l = lay_front(sample_pack(2, 2));
    REQUIRE(l.outline.size() >= 4);
    CHECK(l.outline[0].title == "Cover");
    CHECK(l.outline[0].dest == cover_dest);
    CHECK(l.outline[1].title == "Contents");
    CHECK(l.outline[2].dest == "post-p0");
    CHECK(l.outline[3].dest == "post-p1");
}

TEST_CASE("long contents flow over several pages, only the first has no running head") {
    Pack p = sample_pack(60, 0);
    Layout l = lay_front(p);
    const size_t body = first_arabic(l);
    std::vector<size_t> contents_pages;
    for (size_t i = 2; i < body; ++i) contents_pages.push_back(i);
    REQUIRE(contents_pages.size() >= 2);
    CHECK(has_text(l.pages[contents_pages[0]], "Contents"));
    CHECK_FALSE(has_text(l.pages[contents_pages[0]], "CONTENTS"));
    // a continuation page: a running head (pack title on the left, CONTENTS on the right)
    const Page& next = l.pages[contents_pages[1]];
    CHECK((has_text(next, "CONTENTS") || has_text(next, "BRIEFING PACK")));
    CHECK(has_text(l.pages[contents_pages.back()], "Post number 59"));
}

TEST_CASE("with start_on_right the front matter has an even page count, so each post is on an odd page") {
    Pack p = sample_pack(4, 7);
    p.start_on_right = true;
    Layout l = lay_front(p);
    const size_t body = first_arabic(l);
    CHECK(body % 2 == 0);
    for (size_t k = 0; k < p.posts.size(); ++k)
        for (size_t i = 0; i < l.pages.size(); ++i)
            for (const Item& it : l.pages[i].items)
                if (auto* d = std::get_if<DestItem>(&it); d && d->name == "post-p" + std::to_string(k)) {
                    CHECK(std::stoi(l.pages[i].label) % 2 == 1);
                    CHECK(i % 2 == 0);  // physical page i+1 is odd: a right-hand page
                }
}

TEST_CASE("each page records where it begins: post and top-level block, for the EPUB page-list") {
    Pack p = sample_pack(3, 14);
    Layout l = lay_front(p);
    const size_t body = first_arabic(l);
    for (size_t i = 0; i < body; ++i) CHECK(l.pages[i].post == -1);
    int last_post = -1, last_block = -2;
    for (size_t i = body; i < l.pages.size(); ++i) {
        const Page& page = l.pages[i];
        REQUIRE(page.post >= 0);
        if (page.post != last_post) {
            CHECK(page.post == last_post + 1);
            CHECK(page.block == -1);  // a post's first page begins with its header
            // and that page holds the post's destination
            bool dest = false;
            for (const Item& it : page.items)
                if (auto* d = std::get_if<DestItem>(&it); d && d->name == "post-p" + std::to_string(page.post)) dest = true;
            CHECK(dest);
        } else {
            CHECK(page.block >= last_block);
            CHECK(page.block < static_cast<int>(p.posts[static_cast<size_t>(page.post)].doc.blocks.size()));
        }
        last_post = page.post;
        last_block = page.block;
    }
    CHECK(last_post == 2);
}

TEST_CASE("a pack's own reference list closes the body on a new page, last in the outline") {
    Pack p = sample_pack(2, 3);
    p.references_per_pack = true;
    p.references.push_back({"coi2014", txt("United Nations, Report of the commission of inquiry, 2014.")});
    Layout l = lay_front(p);
    REQUIRE(!l.outline.empty());
    CHECK(l.outline.back().title == "References");
    CHECK(l.outline.back().level == 1);
    CHECK(l.outline.back().dest == "references");
    const Page& last = l.pages.back();
    CHECK(has_text(last, "References"));
    CHECK(has_text(last, "commission of inquiry"));
    CHECK_FALSE(has_text(last, "Post number 1"));  // a page of its own
    CHECK(last.post == -1);
}

TEST_CASE("page 1 is a right-hand page without start_on_right: the front matter has an even page count") {
    // Cover, inside cover and contents are three pages; page 1 came fourth,
    // on the back of a leaf, though set with a right-hand page's margins.
    for (int posts : {2, 4, 60}) {
        Pack p = sample_pack(posts, 1);
        REQUIRE_FALSE(p.start_on_right);
        Layout l = lay_front(p);
        const size_t body = first_arabic(l);
        REQUIRE(body < l.pages.size());
        CHECK(l.pages[body].label == "1");
        CHECK(body % 2 == 0);  // physical page body+1 is odd
        // The filler is a blank page: no folio, no running head.
        if (body > 0 && l.pages[body - 1].items.empty()) CHECK(l.pages[body - 1].label == roman(static_cast<int>(body)));
        // Left-hand pages (even physical page numbers) keep the wide margin on the left.
        for (size_t i = body; i < l.pages.size(); ++i) {
            double x = -1;
            for (const Item& it : l.pages[i].items)
                if (auto* g = std::get_if<GlyphRun>(&it); g && g->font_name.find("Serif") != std::string::npos) {
                    x = g->x;
                    break;
                }
            if (x < 0) continue;
            const Style st;
            CHECK(x >= (i % 2 == 1 ? st.margin_outer : st.margin_inner) - 0.01);
        }
    }
}
