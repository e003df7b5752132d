#pragma once
// The house style as data: every typographic value the typesetter uses, with
// defaults from LOOK.md (styles/house.toml says the same; style_file.hpp
// reads a style file over these). Lengths are PDF points (1/72 in).
#include <string>

namespace folio {

constexpr double mm = 72.0 / 25.4;

struct Color {
    double r = 0, g = 0, b = 0;
    friend bool operator==(const Color&, const Color&) = default;
};
constexpr Color rgb(unsigned hex) {
    return Color{((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0};
}

// A face as Pango understands it: a comma-separated family list (the Hangul
// family comes second so Korean falls back to it), plus size.
struct FontSpec {
    std::string families;
    double size = 10.5;
    bool bold = false;
    bool italic = false;
};

struct Style {
    // page and grid (A4, mirrored margins: inner/outer swap on left pages)
    double page_width = 210 * mm;
    double page_height = 297 * mm;
    double margin_inner = 25 * mm;
    double margin_outer = 55 * mm;
    double margin_top = 25 * mm;
    double margin_bottom = 30 * mm;
    double measure() const { return page_width - margin_inner - margin_outer; }
    double body_height() const { return page_height - margin_top - margin_bottom; }

    // families
    std::string serif = "Noto Serif, NanumMyeongjo";
    std::string sans = "Noto Sans, NanumGothic";
    std::string mono = "Noto Sans Mono, NanumGothic";

    // body text
    double body_size = 10.5;
    double body_leading = 14.5;
    bool justify = true;
    bool hyphenate = true;
    int max_consecutive_hyphens = 2;
    int widows = 2;
    int orphans = 2;
    double paragraph_indent = 0;           // block paragraphs spaced by half a line instead
    double half_line() const { return body_leading / 2; }

    // headings (title 22 pt bold, H2 13 pt, H3 11 pt; deeper levels as H3)
    double title_size = 22;
    double title_leading = 26;
    double h2_size = 13;
    double h2_leading = 17;
    double h3_size = 11;
    double h3_leading = 14.5;
    int heading_keep_lines = 2;

    // furniture
    double kind_label_size = 8;
    double kind_label_tracking = 0.12;     // em
    double standfirst_size = 12.5;
    double standfirst_leading = 17;
    double byline_size = 8.5;
    double running_head_size = 8;
    double folio_size = 9;

    // notes
    double note_size = 8.5;
    double note_leading = 11;
    double note_rule_length = 40 * mm;
    double note_rule_width = 0.5;
    double note_mark_scale = 0.62;         // superscript reference marks
    double note_mark_rise = 3.2;

    // other blocks
    double code_size = 9;
    double code_leading = 12;
    double table_size = 9;
    double table_leading = 12;
    double table_cell_pad = 4;
    double quote_indent = 6 * mm;
    double quote_bar_width = 1;
    double list_indent = 6 * mm;
    double caption_size = 8.5;

    // colour
    Color ink = rgb(0x1a1a1a);
    Color accent = rgb(0x14365d);
    Color accent2 = rgb(0xb3262d);
    Color grey = rgb(0x5f6b7a);
    Color tint = rgb(0xeef2f7);

    // cover: the accent-coloured panel over the top 60 %; off: the cover's
    // type in ink and accent on white paper, under an accent rule
    bool cover_panel = true;
};

// Where the typesetter finds its data. Defaults: the source tree's fonts/ and
// Debian's en-GB patterns. The app passes these; nothing reads the environment.
struct Resources {
    std::string fonts_dir;
    std::string hyphen_dict = "/usr/share/hyphen/hyph_en_GB.dic";
};
Resources default_resources();

}  // namespace folio
