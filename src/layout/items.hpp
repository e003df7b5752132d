#pragma once
// What the typesetter produces and every renderer replays: pages of
// positioned items (in the spirit of typst's Frame/FrameItem). Coordinates are
// points from the page's top-left corner, y downwards; a glyph run's y is its
// baseline. Renderers take no layout decisions: everything is placed here.
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "layout/style.hpp"
#include "model/roman.hpp"

typedef struct _cairo_scaled_font cairo_scaled_font_t;

namespace folio {

// A font as the renderer needs it: cairo's scaled font, shared by the runs
// that use it (Pango's own objects never leave layout).
using FontHandle = std::shared_ptr<cairo_scaled_font_t>;

// Positions as float: a page is under 1,000 pt, so float keeps 1/10,000 pt,
// and a pack of thousands of pages holds millions of glyphs.
struct PlacedGlyph {
    std::uint32_t index = 0;
    float x = 0;  // absolute
    float y = 0;
};
// Maps bytes of the run's text to glyphs, so extraction gives back the source
// text (ligatures included), as cairo_show_text_glyphs wants it.
struct TextCluster {
    int bytes = 0;
    int glyphs = 0;
};

struct GlyphRun {
    FontHandle font;
    std::string font_name;  // "Noto Serif Italic 10.5": for dumps and tests
    double size = 0;
    Color color;
    double x = 0, y = 0;    // start of the run on the baseline
    double width = 0;       // advance, after justification
    std::string text;
    std::vector<PlacedGlyph> glyphs;
    std::vector<TextCluster> clusters;
};

struct RuleItem {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width = 0.5;
    Color color;
};

struct RectItem {
    double x = 0, y = 0, w = 0, h = 0;
    Color fill;
};

struct ImageItem {
    std::string path;  // PNG or JPEG, already checked by layout
    double x = 0, y = 0, w = 0, h = 0;
    std::string alt;
};

// A clickable area: to a URI or to a named destination in this document.
struct LinkItem {
    double x = 0, y = 0, w = 0, h = 0;
    std::string uri;
    std::string dest;
};

struct DestItem {
    std::string name;
    double x = 0, y = 0;
};

// Tagged-PDF structure: begin/end pairs, balanced on every page. An element
// split by a page break is closed at the foot of one page and reopened at
// the head of the next; when the two halves are one element (a paragraph
// running on), the close says `continues` and the reopen `continued`, and a
// renderer that can keep an element open across pages (Cairo's PDF) skips
// both, so the structure has one P where the page has two pieces.
struct TagBegin {
    std::string tag;   // "P", "H2", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Figure", "Note", "Span"
    std::string alt;   // Figure alt text
    bool continued = false;
};
struct TagEnd {
    std::string tag;
    bool continues = false;
};

using Item = std::variant<GlyphRun, RuleItem, RectItem, ImageItem, LinkItem, DestItem, TagBegin, TagEnd>;

// How a page is numbered. Layout decides; a renderer that writes real
// page-label ranges (the archive edition: /S /r, then /S /D) reads the
// numbering and the number, never the label's text back.
enum class PageNumbering { none, decimal, lower_roman };

struct Page {
    double width = 0, height = 0;
    std::string label;  // "i", "7": what a reader calls the page
    PageNumbering numbering = PageNumbering::none;  // none: `label` is a name, not a number
    int number = 0;
    // Numbers the page and gives it the matching label ("iv", "7").
    void set_number(PageNumbering how, int n) {
        numbering = how;
        number = n;
        label = how == PageNumbering::lower_roman ? roman(n) : std::to_string(n);
    }
    std::vector<Item> items;
    // Where the page begins in the pack (for the EPUB's page-list): the post
    // index and the top-level block the page's first line belongs to (-1:
    // the post's header). post -1: front matter or a blank page.
    int post = -1;
    int block = -1;
};

struct OutlineEntry {
    std::string title;
    int level = 1;      // 1 = a post, 2 = its headings
    std::string dest;   // a DestItem name
};

struct DocInfo {
    std::string title, author, subject, keywords;
    std::string creator;      // "folio 0.1.0"
    std::string create_date;  // ISO 8601 from SOURCE_DATE_EPOCH; empty: none
};

struct Layout {
    std::vector<Page> pages;
    // The first `front_pages` pages (cover, inside cover, contents) are set
    // after the body, whose page numbers the contents print; the Cairo
    // edition draws them last too, as a streamed build does, so every path
    // writes the same bytes (render/front_first puts them first).
    int front_pages = 0;
    std::vector<OutlineEntry> outline;
    DocInfo info;
};

}  // namespace folio
