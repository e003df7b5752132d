#pragma once
// Embedding the house fonts: each font file in fonts/ whose family the
// stylesheet names is cut down with HarfBuzz's hb-subset to the characters
// the book uses, and declared with @font-face.
#include <set>
#include <string>
#include <vector>

namespace folio::epub {

struct EmbeddedFont {
    std::string href;        // "fonts/NotoSerif-Regular.ttf" inside the EPUB folder
    std::string media_type;  // "font/ttf" or "font/otf"
    std::string family;      // from the font's name table: "Noto Serif"
    int weight = 400;
    bool italic = false;
    std::string bytes;       // the subset font
    std::size_t original_size = 0;
};

// The families epub.css asks for, compared without spaces or case:
// "Noto Serif", "Noto Sans", "Noto Sans Mono", "Nanum Myeongjo", "Nanum Gothic".
bool is_house_family(const std::string& family);

// Subsets every .ttf/.otf directly in `dir` (sorted by file name) whose
// family is a house family and which covers at least one of `used`
// (Korean fonts only for Hangul and CJK characters, since the Latin fonts come
// first in every stack). The monospaced family only when `with_mono` (the
// book has code). A missing directory gives no fonts.
std::vector<EmbeddedFont> subset_fonts(const std::string& dir, const std::set<char32_t>& used, bool with_mono);

// The characters a font file (as bytes) maps to glyphs: to check a subset.
std::set<char32_t> font_coverage(const std::string& bytes);

// @font-face rules for the fonts, with URLs relative to css/.
std::string font_face_css(const std::vector<EmbeddedFont>& fonts);

}  // namespace folio::epub
