#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

const GlyphRun* find_run(const Page& page, const std::string& text) {
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->text.find(text) != std::string::npos) return g;
    return nullptr;
}

}  // namespace

TEST_CASE("a letter: sender block right-aligned above the date, recipient on the left, salutation, sign-off") {
    Post p = post("l", "A letter", {para(words(60, 1)), para(words(40, 2))});
    p.meta.kind = Kind::letter;
    p.meta.from = Party{"Lord Alton of Liverpool", "Co-Chair", {"House of Lords", "London SW1A 0PW"}};
    p.meta.to = Party{"The Rt Hon James Cleverly MP", "Foreign Secretary", {"King Charles Street"}};
    p.meta.salutation = "Dear Foreign Secretary,";
    p.meta.closing = "Yours sincerely,";
    p.meta.signature = "Lord Alton of Liverpool";
    p.meta.cc = {"Lord Ahmad"};
    Layout l = lay(pack({p}));
    const Page& page = l.pages.at(0);
    const Style st;
    const double right = st.margin_inner + st.measure();
    // The first bold run that is exactly the name (the byline names the author too, in regular).
    const GlyphRun* sender = nullptr;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && !sender && g->text == "Lord Alton of Liverpool" &&
                                                   g->font_name.find("Bold") != std::string::npos)
            sender = g;
    auto* london = find_run(page, "SW1A 0PW");
    auto* date = find_run(page, "21 October 2023");
    auto* recipient = find_run(page, "James Cleverly");
    auto* dear = find_run(page, "Dear Foreign");
    auto* yours = find_run(page, "Yours sincerely");
    auto* cc = find_run(page, "cc Lord Ahmad");
    REQUIRE(sender);
    REQUIRE(london);
    REQUIRE(recipient);
    REQUIRE(dear);
    REQUIRE(yours);
    REQUIRE(cc);
    CHECK(sender->font_name.find("Bold") != std::string::npos);
    CHECK(sender->x + sender->width == doctest::Approx(right).epsilon(0.002));
    CHECK(london->x + london->width == doctest::Approx(right).epsilon(0.002));
    CHECK(recipient->x == doctest::Approx(st.margin_inner));
    CHECK(recipient->font_name.find("Bold") != std::string::npos);
    // In reading order: sender, recipient, salutation, body, closing, signature, cc.
    CHECK(sender->y < recipient->y);
    CHECK(recipient->y < dear->y);
    CHECK(dear->y < yours->y);
    CHECK(yours->y < cc->y);
    // date under the sender's address, right-aligned
    bool dated = false;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->text == "21 October 2023" && g->y > london->y &&
                                                   std::abs(g->x + g->width - right) < 0.5)
            dated = true;
    CHECK(dated);
    (void)date;
    // The signature: the last bold serif run with the signer's name, below the closing.
    bool signed_ = false;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->text == "Lord Alton of Liverpool" && g->y > yours->y &&
                                                   g->font_name.find("Serif Bold") != std::string::npos)
            signed_ = true;
    CHECK(signed_);
}

TEST_CASE("a letter's body is ragged right, an article's is justified") {
    Post a = post("a", "Article", {para(words(120, 3))});
    Post l = a;
    l.slug = "l";
    l.meta.kind = Kind::letter;
    const Style st;
    auto widths = [&](const Post& p) {
        Layout out = lay(pack({p}));
        std::vector<double> w;
        for (const Item& it : out.pages.at(0).items)
            if (auto* g = std::get_if<GlyphRun>(&it); g && g->size == st.body_size && !g->font_name.starts_with("Noto Serif Italic"))
                w.push_back(g->x + g->width);
        return w;
    };
    auto full = [&](const std::vector<double>& ends) {
        int n = 0;
        for (double e : ends) n += std::abs(e - (st.margin_inner + st.measure())) < 0.05;
        return n;
    };
    CHECK(full(widths(a)) >= 4);
    CHECK(full(widths(l)) <= 1);
}

TEST_CASE("an event: a tinted panel with a navy bar, and Date, Time, Venue, Admission") {
    Post p = post("e", "An event", {para(words(40, 4))});
    p.meta.kind = Kind::event;
    EventInfo ev;
    ev.when = DateTime{Date{2017, 3, 22}, 16, 0};
    ev.venue = "Committee Room 4, the Houses of Parliament";
    ev.admission = "Free and open to the public.";
    p.meta.event = ev;
    Layout l = lay(pack({p}));
    const Page& page = l.pages.at(0);
    const Style st;
    const RectItem* tint = nullptr;
    const RectItem* bar = nullptr;
    for (const Item& it : page.items)
        if (auto* r = std::get_if<RectItem>(&it)) {
            if (r->fill == st.tint) tint = r;
            if (r->fill == st.accent && r->w == 3) bar = r;
        }
    REQUIRE(tint);
    REQUIRE(bar);
    CHECK(bar->x == doctest::Approx(tint->x));
    CHECK(bar->h == doctest::Approx(tint->h));
    for (const char* s : {"DATE", "22 March 2017", "TIME", "4.00 pm", "VENUE", "Committee Room 4", "ADMISSION"}) {
        auto* g = find_run(page, s);
        REQUIRE_MESSAGE(g, s);
        CHECK(g->y > tint->y);
        CHECK(g->y < tint->y + tint->h);
    }
    // the description follows the panel
    CHECK(find_run(page, words(40, 4).substr(0, 10))->y > tint->y + tint->h);
}

TEST_CASE("a statement's clauses: bold sans numbers hanging in the margin, the text at full measure") {
    Post p = post("s", "A statement", {para("Preamble."), list(true, 1, {{para(words(50, 1))}, {para(words(50, 2))}})});
    p.meta.kind = Kind::statement;
    Layout l = lay(pack({p}));
    const Page& page = l.pages.at(0);
    const Style st;
    auto* one = find_run(page, "1.");
    auto* two = find_run(page, "2.");
    REQUIRE(one);
    REQUIRE(two);
    CHECK(one->font_name.find("Sans Bold") != std::string::npos);
    CHECK(one->x + one->width <= st.margin_inner - 3);  // in the margin
    auto* body = find_run(page, words(50, 1).substr(0, 12));
    REQUIRE(body);
    CHECK(body->x == doctest::Approx(st.margin_inner));
    // half a line more between clauses than between lines
    CHECK(two->y - one->y > 0);
}

TEST_CASE("a post's reference list: a References heading in the outline, entries with a hanging indent") {
    Post p = post("r", "With references", {para("Text.")});
    p.doc.references.push_back({"coi2014", txt("United Nations Human Rights Council, " + words(40, 6))});
    p.doc.references.push_back({"hrw2023", txt("Human Rights Watch, short entry.")});
    Layout l = lay(pack({p}));
    const Page& page = l.pages.at(0);
    const Style st;
    bool outlined = false;
    for (const auto& o : l.outline) outlined |= o.title == "References" && o.level == 2 && o.dest == "r/references";
    CHECK(outlined);
    auto* first = find_run(page, "United Nations Human Rights Council");
    REQUIRE(first);
    CHECK(first->size == doctest::Approx(9.5));
    CHECK(first->x == doctest::Approx(st.margin_inner));
    // a continuation line of the long entry starts 5 mm in
    bool hung = false;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->size == 9.5 && g->y > first->y && g->y < first->y + 14 &&
                                                   std::abs(g->x - (st.margin_inner + 5 * mm)) < 0.01)
            hung = true;
    CHECK(hung);
    bool dest = false;
    for (const Item& it : page.items)
        if (auto* d = std::get_if<DestItem>(&it); d && d->name == "r/ref-coi2014") dest = true;
    CHECK(dest);
}

TEST_CASE("a letter's body is not hyphenated, as the EPUB's letters are not, but an article's is") {
    // The Foreign Secretary's letter was set "even exe-" / "cution." and "preg-" / "nant women."
    const std::string text =
        "These punishments may include imprisonment without legal process, enforced disappearances, lifelong "
        "detention in prison camps, and even execution. The repatriated North Korean refugees are treated as "
        "criminals or traitors by North Korean authorities, and they face harsh punishments under charges of "
        "treason if they are found to have any connections with Westerners, missionaries, churches, or their "
        "intention was to go to the Republic of Korea. We also strongly call upon our diplomatic channels with the "
        "authorities to urge them to comply with their international legal obligations concerning all returned "
        "escapees, especially women, children, and pregnant women, and the prohibition of arbitrary detention.";
    const Style st;
    auto hyphenated_lines = [&](Kind kind) {
        Post p = post("p", "A post", {para(text), para(text), para(text)});
        p.meta.kind = kind;
        Layout out = lay(pack({p}));
        int n = 0;
        for (const Page& page : out.pages)
            for (const Item& it : page.items)
                if (auto* g = std::get_if<GlyphRun>(&it); g && g->size == st.body_size && g->text.ends_with("-")) ++n;
        return n;
    };
    CHECK(hyphenated_lines(Kind::article) > 0);
    CHECK(hyphenated_lines(Kind::letter) == 0);
}

TEST_CASE("a reference entry of a few lines is never cut by a page turn") {
    // The pack's reference list left a URL's tail alone at the top of a
    // page, under no name: every page of a long list starts with an entry.
    Post p = post("r", "Many references", {para("Text.")});
    for (int i = 0; i < 60; ++i)
        p.doc.references.push_back(
            {"ref" + std::to_string(i), txt("Author " + std::to_string(i) + ", " + words(15 + (i * 7) % 30, 100 + i))});
    Layout l = lay(pack({p}));
    int pages_with_entries = 0;
    for (const Page& page : l.pages) {
        const GlyphRun* top = nullptr;
        double left = 1e9;
        for (const Item& it : page.items)
            if (auto* g = std::get_if<GlyphRun>(&it); g && g->size == 9.5) {
                left = std::min(left, g->x);
                if (!top || g->y < top->y - 0.1 || (std::abs(g->y - top->y) <= 0.1 && g->x < top->x)) top = g;
            }
        if (!top) continue;
        ++pages_with_entries;
        CAPTURE(top->text);
        CHECK(top->x == doctest::Approx(left));
    }
    CHECK(pages_with_entries >= 3);
}

TEST_CASE("a letter's notes are ragged right and unhyphenated, as its body is, an article's justified") {
    // The minister's letter set its note's citation justified, the words
    // before a long address spread across the measure.
    const Style st;
    auto note_lines = [&](Kind kind) {
        Post p = post("p", "A post", {para(Inlines{text("Text."), note_ref(1)})}, {note(1, words(160, 7))});
        p.meta.kind = kind;
        Layout out = lay(pack({p}));
        int full = 0, hyphenated = 0;
        for (const Item& it : out.pages.at(0).items)
            if (auto* g = std::get_if<GlyphRun>(&it); g && g->size == st.note_size) {
                full += std::abs(g->x + g->width - (st.margin_inner + st.measure())) < 0.05;
                hyphenated += g->text.ends_with("-");
            }
        return std::pair{full, hyphenated};
    };
    const auto [article_full, article_hyphens] = note_lines(Kind::article);
    const auto [letter_full, letter_hyphens] = note_lines(Kind::letter);
    CHECK(article_full >= 4);
    CHECK(article_hyphens >= 1);
    CHECK(letter_full <= 1);
    CHECK(letter_hyphens == 0);
}
