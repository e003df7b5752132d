#pragma once
// The letter-spaced words of a glyph run, which the archive edition marks
// with their text. pdftotext (poppler) guesses words from the gaps between
// glyphs: a gap of more than 0.1 em after a glyph's advance starts a new
// word, and on a line with words of more than one letter the break stays, as
// a space. Tracked capitals sit at that threshold: in a running head 0.08 em
// apart, and 0.10 em between the Ts of "LETTER" with their kerning, which
// libharu's widths (whole thousandths of an em, rounded down) tip over, so
// the archive edition read "LET TER". A word marked with its text (PDF's
// ActualText) is read as that text, whatever the gaps.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "layout/items.hpp"

namespace folio {

struct SpacedWord {
    std::size_t first = 0;  // its glyphs, first and last (inclusive)
    std::size_t last = 0;
    std::string text;       // what they stand for, from the run's clusters
};

// The words of `run` (glyphs between whitespace clusters, two or more of
// them) with a gap of more than 0.03 em (poppler's own limit for spacing
// inside a word it has not seen tracked) between one glyph's advance and the
// next glyph on its baseline. `advance(i)` is glyph i's advance in points as
// the embedded font gives it to a reader; it is asked for a few glyphs of a
// run set solid, not for each. Justification stretches spaces only and
// kerning mostly closes glyphs up, so body text has none. A run without
// clusters has no text to give and none.
std::vector<SpacedWord> letter_spaced_words(const GlyphRun& run, const std::function<double(std::size_t)>& advance);

}  // namespace folio
