// Justified text is broken for the whole paragraph (total fit), not line by
// line: far fewer word spaces stretched beyond twice their natural width,
// and none shrunk below 80 %. A link that shows its address is never
// hyphenated (rich_text.cpp, shows_address), however the post writes it.
#include <doctest/doctest.h>

#include <algorithm>

#include "layout/rich_text.hpp"
#include "layout/set_paragraph.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;

namespace {

// Each justified line's word space as a multiple of the natural one.
std::vector<double> space_ratios(const std::vector<SetLine>& lines, double natural_space) {
    std::vector<double> out;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        std::string t = line_text(lines[i]);
        while (!t.empty() && t.back() == ' ') t.pop_back();
        const auto spaces = std::count(t.begin(), t.end(), ' ');
        if (spaces == 0) continue;
        out.push_back(1 + (lines[i].width - lines[i].natural) / (static_cast<double>(spaces) * natural_space));
    }
    return out;
}

// Body text as the layout builds it, hyphenation on.
RichText body_rich_text(const Inlines& in) {
    const Style style;
    InlineEnv env{&style, test_context().hyphenator(), "t"};
    TextStyle base;
    base.families = style.serif;
    base.size = style.body_size;
    base.color = style.ink;
    return build_rich_text(in, base, env, true);
}

// How many soft hyphens fall inside a link's text.
long hyphens_in(const RichText& rt, const RichText::LinkRange& l) {
    return std::count_if(rt.soft_hyphens.begin(), rt.soft_hyphens.end(),
                         [&](int at) { return at >= l.start && at < l.end; });
}

}  // namespace

TEST_CASE("justified word spaces are rarely stretched far, and shrink at most to 80 %") {
    TypeContext& tc = test_context();
    const Style style;
    const double natural_space = 0.26 * style.body_size;  // Noto Serif's space: 260 units of 1000
    // The house measure. This vocabulary is hard to set (long words, few
    // short ones): first fit stretched 18 % of its lines beyond twice the
    // natural space, total fit about 5 %.
    for (double measure : {style.measure()}) {
        size_t lines_seen = 0, over_15 = 0, over_2 = 0;
        double tightest = 10;
        for (int seed = 0; seed < 16; ++seed) {
            ParaSpec spec{measure, style.body_leading, TextAlign::justify, 2};
            auto lines = set_paragraph(tc, body_text(test::words(220, seed)), spec);
            REQUIRE(lines.size() > 3);
            for (const SetLine& l : lines) CHECK(l.width <= measure + 0.001);
            for (double r : space_ratios(lines, natural_space)) {
                tightest = std::min(tightest, r);
                ++lines_seen;
                over_15 += r > 1.5;
                over_2 += r > 2.0;
            }
        }
        const double share_15 = double(over_15) / double(lines_seen), share_2 = double(over_2) / double(lines_seen);
        MESSAGE("measure " << measure << ": " << lines_seen << " lines, beyond 1.5x " << share_15 << ", beyond 2x "
                           << share_2 << ", tightest " << tightest);
        // Measured with total fit: 51 % beyond 1.5x, 5.2 % beyond 2x (first
        // fit: 18 % beyond 2x). The bounds sit just above, so a drift back
        // towards first fit fails.
        CHECK(share_15 < 0.55);
        CHECK(share_2 < 0.07);
        CHECK(tightest >= 0.8 - 1e-6);
    }
}

TEST_CASE("total fit still allows at most two hyphenated lines in a row") {
    TypeContext& tc = test_context();
    const Style style;
    for (int seed = 0; seed < 12; ++seed) {
        ParaSpec spec{150.0, style.body_leading, TextAlign::justify, 2};
        auto lines = set_paragraph(tc, body_text(test::words(200, seed)), spec);
        int run = 0;
        for (const SetLine& l : lines) {
            run = l.hyphenated ? run + 1 : 0;
            CHECK(run <= 2);
            CHECK(l.width <= 150.001);
        }
    }
}

TEST_CASE("a link that shows its address is never hyphenated, but one that shows words is") {
    // A reference list's URL was set "<https://undocs.org/.../dprk-penal-sys-" / "tem>":
    // the reader copies an address that does not exist.
    const std::string url = "https://koreafuture.org/news/report-the-accountability-imperativetorture-amp-ill-treatmentin-the-dprk-penal-system";
    using test::text;
    using test::txt;
    Inlines in{text("Korea Future, The Accountability Imperative <"), make_inline(Link{url, "", txt(url)}),
               text("> and "), make_inline(Link{"http://www.whiletheywatched.com", "", txt("www.whiletheywatched.com")}),
               text(" and "), make_inline(Link{"https://example.org", "", txt("comprehensive international documentation")})};
    RichText rt = body_rich_text(in);
    REQUIRE(rt.links.size() == 3);
    CHECK(hyphens_in(rt, rt.links[0]) == 0);
    CHECK(hyphens_in(rt, rt.links[1]) == 0);
    CHECK(hyphens_in(rt, rt.links[2]) > 0);
    CHECK_FALSE(rt.soft_hyphens.empty());  // the text around them still hyphenates ("Accountability")

    // Set in a reference list's measure, the address breaks only where it
    // may (after a slash or at its own hyphens), never with an added hyphen.
    auto lines = set_paragraph(test_context(), rt, {120.0, 12.5, TextAlign::left, 2});
    REQUIRE(lines.size() > 3);
    for (const SetLine& l : lines) {
        const std::string t = line_text(l);
        if (t.find("koreafuture") != std::string::npos || t.find("dprk") != std::string::npos ||
            t.find("treatmentin") != std::string::npos)
            CHECK_FALSE(l.hyphenated);
    }
}

TEST_CASE("a link showing its address without the scheme is not hyphenated either") {
    // Posts write "koreafuture.org/..." for the address they link to: set
    // "korea-" / "future.org", it is copied as an address that does not exist.
    using test::text;
    using test::txt;
    Inlines in{make_inline(Link{"https://koreafuture.org/news/accountability-imperative/", "",
                                txt("koreafuture.org/news/accountability-imperative")}),
               text(" and "),
               make_inline(Link{"http://parliamentarians.example.org", "", txt("parliamentarians.example.org")}),
               text(" and "),
               make_inline(Link{"https://example.org/report", "", txt("parliamentarians' documentation")})};
    RichText rt = body_rich_text(in);
    REQUIRE(rt.links.size() == 3);
    CHECK(hyphens_in(rt, rt.links[0]) == 0);
    CHECK(hyphens_in(rt, rt.links[1]) == 0);
    CHECK(hyphens_in(rt, rt.links[2]) > 0);  // words are hyphenated as ever
}

TEST_CASE("a justified paragraph seldom ends on the remnant of a hyphenated word") {
    // The joint statement's "...Human Rights Coun-" / "cil,": a paragraph's
    // last line made of a word's tail, as TeX's \finalhyphendemerits avoids.
    const Style st;
    int paragraphs = 0, final_hyphens = 0, hyphens = 0;
    for (int seed = 0; seed < 60; ++seed)
        for (int n : {23, 37, 52, 71}) {
            auto lines = set_paragraph(test_context(), body_text(test::words(n, seed)),
                                       {st.measure(), st.body_leading, TextAlign::justify, st.max_consecutive_hyphens});
            if (lines.size() < 2) continue;
            ++paragraphs;
            for (const SetLine& l : lines) hyphens += l.hyphenated;
            // The last line nothing but the tail of the word broken above it.
            final_hyphens += lines[lines.size() - 2].hyphenated && line_text(lines.back()).find(' ') == std::string::npos;
        }
    MESSAGE(paragraphs << " paragraphs, " << hyphens << " hyphenated lines, " << final_hyphens << " before the last line");
    REQUIRE(hyphens > paragraphs / 4);  // the text does hyphenate
    CHECK(final_hyphens * 40 <= paragraphs);
}
