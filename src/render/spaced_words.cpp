#include "render/spaced_words.hpp"

#include "model/utf8.hpp"

namespace folio {

namespace {

bool is_whitespace_text(const std::string& text) {
    if (text.empty()) return false;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8_next(text, i);
        if (c != U' ' && c != U'\t' && c != U'\n' && c != 0xA0 && c != 0x2009 && c != 0x202F) return false;
    }
    return true;
}

}  // namespace

std::vector<SpacedWord> letter_spaced_words(const GlyphRun& run, const std::function<double(std::size_t)>& advance) {
    std::vector<SpacedWord> out;
    if (run.clusters.empty()) return out;
    // Each glyph's text (a cluster's on its first glyph) and whether it is a space.
    const std::size_t n = run.glyphs.size();
    std::vector<std::string> text(n);
    std::vector<char> space(n, 0);
    std::size_t byte = 0, glyph = 0;
    for (const TextCluster& c : run.clusters) {
        const auto bytes = static_cast<std::size_t>(c.bytes), glyphs = static_cast<std::size_t>(c.glyphs);
        if (byte + bytes > run.text.size() || glyph + glyphs > n) return {};  // not this run's clusters
        if (glyphs > 0) {
            text[glyph] = run.text.substr(byte, bytes);
            const bool blank = is_whitespace_text(text[glyph]);
            for (std::size_t g = glyph; g < glyph + glyphs; ++g) space[g] = blank;
        }
        byte += bytes;
        glyph += glyphs;
    }
    const double most = 0.03 * run.size;
    auto wide_gap_after = [&](std::size_t i) {
        const PlacedGlyph& g = run.glyphs[i];
        const PlacedGlyph& next = run.glyphs[i + 1];
        return next.y == g.y && static_cast<double>(next.x) - g.x - advance(i) > most;
    };
    // A run is one style, so its tracking is the same throughout: if none of
    // its first four gaps inside a word is wide, none is (kerning can close
    // up a pair or two of tracked capitals, "TA", not four), and the body
    // text's glyphs are not measured one by one.
    int sampled = 0;
    bool tracked = false;
    for (std::size_t i = 0; i + 1 < n && sampled < 4 && !tracked; ++i) {
        if (space[i] || space[i + 1]) continue;
        ++sampled;
        tracked = wide_gap_after(i);
    }
    if (!tracked) return out;
    for (std::size_t first = 0; first < n;) {
        if (space[first]) {
            ++first;
            continue;
        }
        std::size_t last = first;
        while (last + 1 < n && !space[last + 1]) ++last;
        bool spaced = false;
        for (std::size_t i = first; i < last && !spaced; ++i) spaced = wide_gap_after(i);
        if (spaced) {
            SpacedWord word{first, last, {}};
            for (std::size_t i = first; i <= last; ++i) word.text += text[i];
            out.push_back(std::move(word));
        }
        first = last + 1;
    }
    return out;
}

}  // namespace folio
