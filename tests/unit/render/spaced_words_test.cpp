// The letter-spaced words the archive edition marks with their text, so that
// pdftotext does not read a tracked "LETTER" as "LET TER".
#include <doctest/doctest.h>

#include "render/spaced_words.hpp"

using namespace folio;

namespace {

// A run of one glyph per character at `size`, each glyph `width` wide
// (the advance `advance` reports), `gap(i)` points after glyph i.
template <typename Gap>
GlyphRun run_of(const std::string& text, double size, double width, Gap gap) {
    GlyphRun run;
    run.size = size;
    run.text = text;
    double x = 50;
    for (std::size_t i = 0; i < text.size(); ++i) {
        run.glyphs.push_back({static_cast<std::uint32_t>(i + 1), static_cast<float>(x), 100.f});
        run.clusters.push_back({1, 1});
        x += width + gap(i);
    }
    return run;
}

std::vector<std::string> texts(const std::vector<SpacedWord>& words) {
    std::vector<std::string> out;
    for (const SpacedWord& w : words) out.push_back(w.text);
    return out;
}

}  // namespace

TEST_CASE("a tracked running head's words are letter-spaced words, each with its text") {
    // "LETTER FROM": 0.08 em of tracking at 8 pt, 0.10 em between the Ts.
    const std::string head = "LETTER FROM";
    const GlyphRun run = run_of(head, 8, 5, [&](std::size_t i) { return i == 2 ? 0.8 : 0.64; });
    const auto words = letter_spaced_words(run, [](std::size_t) { return 5.0; });
    CHECK(texts(words) == std::vector<std::string>{"LETTER", "FROM"});
    REQUIRE(words.size() == 2);
    CHECK(words[0].first == 0);
    CHECK(words[0].last == 5);
    CHECK(words[1].first == 7);
    CHECK(words[1].last == 10);
}

TEST_CASE("text set solid, or closed up by kerning, has no letter-spaced words") {
    const GlyphRun solid = run_of("Refugees and asylum", 10.5, 5, [](std::size_t) { return 0.0; });
    CHECK(letter_spaced_words(solid, [](std::size_t) { return 5.0; }).empty());
    // Kerning of up to 0.03 em either way is a word's own spacing.
    const GlyphRun kerned = run_of("AVATAR", 10, 5, [](std::size_t i) { return i % 2 ? 0.2 : -0.6; });
    CHECK(letter_spaced_words(kerned, [](std::size_t) { return 5.0; }).empty());
    // A justified line stretches its spaces, not its words.
    const std::string line = "a b";
    const GlyphRun justified = run_of(line, 10, 5, [&](std::size_t i) { return line[i] == ' ' ? 4.0 : 0.0; });
    CHECK(letter_spaced_words(justified, [](std::size_t) { return 5.0; }).empty());
}

TEST_CASE("a run set solid is told from a few of its glyphs, not measured glyph by glyph") {
    const GlyphRun solid = run_of("Parliamentarians read the briefing pack", 10.5, 5, [](std::size_t) { return 0.0; });
    int asked = 0;
    CHECK(letter_spaced_words(solid, [&](std::size_t) {
              ++asked;
              return 5.0;
          }).empty());
    CHECK(asked <= 4);
}

TEST_CASE("a letter-spaced ligature keeps its cluster's text, and a run without clusters has no words") {
    // "office" set as o, ffi (one glyph for three characters), c, e, tracked.
    GlyphRun run;
    run.size = 10;
    run.text = "office";
    const std::vector<TextCluster> clusters{{1, 1}, {3, 1}, {1, 1}, {1, 1}};
    run.clusters = clusters;
    for (int i = 0; i < 4; ++i) run.glyphs.push_back({static_cast<std::uint32_t>(i + 1), 50.f + 6.f * i, 100.f});
    CHECK(texts(letter_spaced_words(run, [](std::size_t) { return 5.0; })) == std::vector<std::string>{"office"});
    run.clusters.clear();
    CHECK(letter_spaced_words(run, [](std::size_t) { return 5.0; }).empty());
}
