#pragma once
// Breaks a paragraph into lines with Pango, then places every glyph itself:
// Pango decides where lines break (with our soft hyphens), folio decides where
// glyphs go. Justification stretches or shrinks inter-word spaces so that a
// justified line is exactly the measure and no line is ever wider (Pango 1.50's
// own justification lets hyphenated lines overflow by up to ~5 pt).
#include <vector>

#include "layout/items.hpp"
#include "layout/rich_text.hpp"
#include "layout/type_context.hpp"

namespace folio {

enum class TextAlign { justify, left, right, center };

struct ParaSpec {
    double measure = 0;
    double leading = 14.5;
    TextAlign align = TextAlign::justify;
    int max_consecutive_hyphens = 2;
};

// One line, positioned relative to its own baseline at x = 0, y = 0.
struct SetLine {
    std::vector<Item> items;    // glyph runs, strike rules
    std::vector<LinkItem> links;
    struct NoteAt {
        int number = 0;
        double x = 0;  // where the mark starts
    };
    std::vector<NoteAt> notes;  // notes marked on this line
    double width = 0;           // as set (<= measure)
    double natural = 0;         // before justification
    bool hyphenated = false;    // ends with a hyphen
    int start = 0, end = 0;     // byte range in the paragraph's text
};

std::vector<SetLine> set_paragraph(TypeContext& tc, RichText text, const ParaSpec& spec);

// The width of the widest unbreakable stretch of `text` (its longest word,
// hyphenation aside): the narrowest a table column can be without breaking
// inside words.
double widest_word(TypeContext& tc, const RichText& text);

// Moves an item by (dx, dy): used to place lines on a page.
void translate(Item& item, double dx, double dy);

}  // namespace folio
