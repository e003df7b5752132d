// A passage a post repeats for emphasis is set as a pull quote (LOOK.md
// "Kinds"): larger, navy italic, between rules; a quotation stays a quotation.
#include <doctest/doctest.h>

#include <chrono>

#include "model/pull_quote.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Block quote_of(std::vector<Block> children) { return make_block(BlockQuote{std::move(children)}); }

// As the group's "Preparing for change" repeats two of its passages.
const char* horrors =
    "North Korea\xE2\x80\x99s horrors should not suffer distance or time. Nor should they be far from our "
    "thoughts, because what is happening in these concentration camps is not a part of the past.";
const char* sanctions =
    "Stricter and better enforced sanctions on a raft of luxury goods; the dismissal of North Korean slave "
    "labourers in Europe and further afield; increasing information inflows to North Korean citizens; and the "
    "recognition that diplomatic relations with Pyongyang are effectively a fa\xC3\xA7" "ade, would all have notable effects.";

Document doc_of(Blocks blocks) {
    Document d;
    d.blocks = std::move(blocks);
    return d;
}

}  // namespace

TEST_CASE("a block quote of the post's own words, whole or abridged, is a pull quote, a quotation is not") {
    auto is_pull = [](const std::string& quoted, Blocks around) {
        around.push_back(quote_of({para(quoted)}));
        Document d = doc_of(std::move(around));
        return PullQuotes(d).contains(std::get<BlockQuote>(d.blocks.back().value));
    };
    const Blocks text{para(horrors), para(sanctions)};
    // Repeated with its end cut off, as the post does.
    CHECK(is_pull("North Korea\xE2\x80\x99s horrors should not suffer distance or time. Nor should they be far from our thoughts\xE2\x80\xA6", text));
    // Abridged in the middle, with "…" or "...".
    CHECK(is_pull("Stricter and better enforced sanctions on a raft of luxury goods; the dismissal of North Korean slave "
                  "labourers in Europe and further afield\xE2\x80\xA6" "and the recognition that diplomatic relations "
                  "with Pyongyang are effectively a fa\xC3\xA7" "ade, would all have notable effects.",
                  text));
    CHECK(is_pull("the dismissal of North Korean slave labourers in Europe ... are effectively a fa\xC3\xA7" "ade", text));
    // Someone else's words, or one piece that is not the post's.
    CHECK_FALSE(is_pull("I visited North Korea. From a most unlikely source, there was a remark that will live with me.", text));
    CHECK_FALSE(is_pull("North Korea\xE2\x80\x99s horrors should not suffer distance or time\xE2\x80\xA6 and the world must act now.", text));
    // Too short to be more than chance; too long to be set apart (a page of
    // the post repeated is a mistake, not emphasis).
    CHECK_FALSE(is_pull("concentration camps", text));
    std::string long_passage;
    for (int i = 0; i < 12; ++i) long_passage += std::string(i ? " " : "") + sanctions;
    CHECK_FALSE(is_pull(long_passage, {para(long_passage)}));
    CHECK(is_pull(sanctions, {para(long_passage)}));
    // A quote cannot repeat itself: the same words only inside the quote.
    CHECK_FALSE(is_pull(horrors, {para("Another paragraph entirely, about something else.")}));
    // Two paragraphs are a quotation, even of the post's own words.
    Blocks two = text;
    two.push_back(quote_of({para(horrors), para(sanctions)}));
    Document d = doc_of(std::move(two));
    CHECK_FALSE(PullQuotes(d).contains(std::get<BlockQuote>(d.blocks.back().value)));
    // Only at the top level: inside a list it stays a quotation.
    Blocks listed = text;
    listed.push_back(list(false, 1, {{quote_of({para(horrors)})}}));
    Document in_list = doc_of(std::move(listed));
    const auto& item = std::get<List>(in_list.blocks.back().value).items.front();
    CHECK_FALSE(PullQuotes(in_list).contains(std::get<BlockQuote>(item.children.front().value)));
}

TEST_CASE("finding pull quotes is not quadratic: a post of thousands of quotations is read once") {
    // 9,439 one-line quotations in a 1 MB post took 57 s to lay out and
    // write, each quotation searched against the whole post's text rebuilt.
    Blocks b;
    for (int i = 0; i < 20000; ++i) {
        b.push_back(para(test::words(12, i)));
        b.push_back(quote_of({para(test::words(10, i + 7) + " " + std::to_string(i))}));
    }
    // The one real pull quote, first, is still found.
    b.insert(b.begin(), quote_of({para(test::words(12, 3))}));
    Document d = doc_of(std::move(b));
    const auto start = std::chrono::steady_clock::now();
    PullQuotes found(d);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(found.contains(std::get<BlockQuote>(d.blocks.front().value)));
    CHECK(seconds < 2.0);
}

TEST_CASE("a pull quote is set larger in navy italic between rules across the measure, with no quote bar") {
    const Style st;
    Blocks b{para(horrors), quote_of({para("North Korea\xE2\x80\x99s horrors should not suffer distance or time. Nor "
                                           "should they be far from our thoughts\xE2\x80\xA6")}),
             para(sanctions)};
    Layout l = lay(pack({post("p", "Preparing for change", std::move(b))}));
    REQUIRE(l.pages.size() == 1);
    const Page& page = l.pages[0];
    double quote_top = 0, quote_bottom = 0;
    int quote_runs = 0;
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->text.find("horrors") != std::string::npos && g->text.find("thoughts,") == std::string::npos &&
                                                  g->font_name.find("Italic") != std::string::npos) {
            ++quote_runs;
            CHECK(g->size == doctest::Approx(st.standfirst_size));
            CHECK(g->color == st.accent);
            quote_top = g->y;
        }
    CHECK(quote_runs == 1);
    std::vector<const RuleItem*> across, bars;
    for (const Item& it : page.items)
        if (auto* r = std::get_if<RuleItem>(&it)) {
            if (r->x0 == r->x1) bars.push_back(r);
            else if (r->color == st.accent && std::abs((r->x1 - r->x0) - st.measure()) < 0.01) across.push_back(r);
        }
    CHECK(bars.empty());
    // The post's header rule, then the two around the quote: above and below its text.
    REQUIRE(across.size() == 3);
    for (const Item& it : page.items)
        if (auto* g = std::get_if<GlyphRun>(&it); g && g->text.find("thoughts") != std::string::npos &&
                                                  g->font_name.find("Italic") != std::string::npos)
            quote_bottom = g->y;
    CHECK(across[1]->y0 < quote_top - st.standfirst_size);
    CHECK(across[2]->y0 > quote_bottom);
}

TEST_CASE("only an article, opinion or news post sets a repeated passage as a pull quote") {
    // LOOK.md gives pull quotes to those kinds: a letter quoting back the
    // words it answers, or a statement, keeps its quotation as a quotation.
    Blocks b{para(horrors), quote_of({para(horrors)})};
    Document d = doc_of(b);
    const auto& q = std::get<BlockQuote>(d.blocks.back().value);
    for (Kind kind : {Kind::article, Kind::opinion, Kind::news, Kind::letter, Kind::statement, Kind::event, Kind::page}) {
        Post p;
        p.meta.kind = kind;
        p.doc = d;
        const auto& pq = std::get<BlockQuote>(p.doc.blocks.back().value);
        CAPTURE(to_string(kind));
        CHECK(PullQuotes(p).contains(pq) == (kind == Kind::article || kind == Kind::opinion || kind == Kind::news));
    }
    CHECK(PullQuotes(d).contains(q));

    // Laid out, the letter's quotation keeps its bar and the body size.
    Post letter = post("l", "A reply", std::move(b));
    letter.meta.kind = Kind::letter;
    Layout l = lay(pack({letter}));
    bool italic_accent = false, bar = false;
    for (const Page& page : l.pages)
        for (const Item& it : page.items) {
            if (auto* g = std::get_if<GlyphRun>(&it); g && g->text.find("horrors") != std::string::npos &&
                                                      g->font_name.find("Italic") != std::string::npos)
                italic_accent = true;
            if (auto* r = std::get_if<RuleItem>(&it); r && r->x0 == r->x1) bar = true;
        }
    CHECK_FALSE(italic_accent);
    CHECK(bar);
}
