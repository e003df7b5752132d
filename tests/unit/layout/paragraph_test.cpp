// Paragraph setting: measure, justification, hyphenation, Hangul, extraction.
#include <doctest/doctest.h>

#include <algorithm>

#include "layout/set_paragraph.hpp"
#include "test_support.hpp"

using namespace folio;

namespace {

const char* long_text =
    "The Inquiry's report documented systematic, widespread and gross human rights violations, including "
    "extermination, murder, enslavement, torture, imprisonment, rape, forced abortions and other sexual violence, "
    "persecution on political, religious, racial and gender grounds, the forcible transfer of populations, the "
    "enforced disappearance of persons and the inhumane act of knowingly causing prolonged starvation. "
    "Parliamentarians representing constituencies throughout the United Kingdom acknowledged the extraordinary "
    "responsibilities incumbent upon internationally recognised institutions, notwithstanding considerable "
    "administrative, organisational and jurisdictional complications.";

}  // namespace

TEST_CASE("justified lines fill the measure exactly and never exceed it") {
    TypeContext& tc = test_context();
    Style style;
    for (double measure : {120.0, 180.0, 250.0, style.measure()}) {
        ParaSpec spec{measure, style.body_leading, TextAlign::justify, 2};
        auto lines = set_paragraph(tc, body_text(long_text), spec);
        REQUIRE(lines.size() > 2);
        for (size_t i = 0; i < lines.size(); ++i) {
            CHECK(lines[i].width <= measure + 0.001);
            for (const Item& it : lines[i].items)
                if (auto* g = std::get_if<GlyphRun>(&it)) {
                    CHECK(g->x + g->width <= measure + 0.001);
                    for (const auto& gl : g->glyphs) CHECK(gl.x <= measure);
                }
            const bool has_space = line_text(lines[i]).find(' ') + 1 < line_text(lines[i]).size();
            if (i + 1 < lines.size() && has_space) CHECK(lines[i].width == doctest::Approx(measure).epsilon(1e-6));
        }
        CHECK(lines.back().width < measure);  // ragged last line
    }
}

TEST_CASE("hyphenation inserts hyphens, at most two hyphenated lines in a row") {
    TypeContext& tc = test_context();
    int hyphenated = 0;
    for (double measure : {100.0, 130.0, 160.0}) {
        auto lines = set_paragraph(tc, body_text(long_text), {measure, 14.5, TextAlign::justify, 2});
        int run = 0;
        for (const auto& l : lines) {
            run = l.hyphenated ? run + 1 : 0;
            CHECK(run <= 2);
            if (l.hyphenated) {
                ++hyphenated;
                CHECK(line_text(l).ends_with("-"));
            }
        }
    }
    CHECK(hyphenated > 0);
}

TEST_CASE("the text of the lines gives back every word of the source") {
    TypeContext& tc = test_context();
    auto lines = set_paragraph(tc, body_text(long_text), {140, 14.5, TextAlign::justify, 2});
    std::string joined;
    for (const auto& l : lines) {
        std::string t = line_text(l);
        if (l.hyphenated) t.pop_back();  // the hyphen is not part of the word
        else if (!t.ends_with(" ")) t += " ";
        joined += t;
    }
    while (joined.ends_with(" ")) joined.pop_back();
    CHECK(joined == long_text);
}

TEST_CASE("a 5,000-character word breaks inside the measure") {
    TypeContext& tc = test_context();
    std::string word(5000, 'x');
    auto lines = set_paragraph(tc, body_text(word), {200, 14.5, TextAlign::justify, 2});
    CHECK(lines.size() > 10);
    for (const auto& l : lines) CHECK(l.width <= 200.001);
}

TEST_CASE("Korean uses the Hangul font, extracts unchanged, and breaks between words") {
    TypeContext& tc = test_context();
    std::string text = "According to 조선일보 the committee met; 북한 인권 문제에 대한 국제 사회의 관심이 높아지고 있다 and the "
                       "group welcomed 조선일보 reporting on 북한 인권 문제에 대한 국제 사회의 관심.";
    auto is_hangul_lead = [](unsigned char c) { return c >= 0xEA && c <= 0xED; };
    for (double measure : {90.0, 120.0, 150.0}) {
        auto lines = set_paragraph(tc, body_text(text), {measure, 14.5, TextAlign::justify, 2});
        REQUIRE(lines.size() > 2);
        bool nanum = false;
        std::string joined;
        for (size_t i = 0; i < lines.size(); ++i) {
            for (const Item& it : lines[i].items)
                if (auto* g = std::get_if<GlyphRun>(&it))
                    if (g->font_name.find("Nanum") != std::string::npos && g->text.find("조선일보") != std::string::npos) nanum = true;
            std::string t = line_text(lines[i]);
            joined += t;
            if (i + 1 == lines.size()) continue;
            // Never a break between two Hangul syllables: a line that ends
            // in Hangul ends at a space, or the next one starts with non-Hangul.
            std::string next = line_text(lines[i + 1]);
            const bool ends_hangul = t.size() >= 3 && is_hangul_lead(static_cast<unsigned char>(t[t.size() - 3]));
            const bool starts_hangul = !next.empty() && is_hangul_lead(static_cast<unsigned char>(next[0]));
            CHECK_FALSE((ends_hangul && starts_hangul));
        }
        CHECK(nanum);
        CHECK(joined.find("조선일보") != std::string::npos);
        CHECK(joined.find("\xE2\x81\xA0") == std::string::npos);  // no word joiner in the extracted text
    }
}

TEST_CASE("widest_word measures the longest unbreakable stretch") {
    TypeContext& tc = test_context();
    const double one = widest_word(tc, body_text("internationally"));
    const double two = widest_word(tc, body_text("a b internationally c"));
    CHECK(one > 50);
    CHECK(two == doctest::Approx(one));
}
