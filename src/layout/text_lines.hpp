#pragma once
// Small helpers for pages composed piece by piece (cover, front matter, a
// letter's blocks): set a string in one style, place set lines on a page.
#include <string>
#include <vector>

#include "layout/rich_text.hpp"
#include "layout/set_paragraph.hpp"

namespace folio {

inline std::string upper_ascii(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

inline TextStyle text_style(const std::string& families, double size, Color color) {
    TextStyle s;
    s.families = families;
    s.size = size;
    s.color = color;
    return s;
}

inline std::vector<SetLine> set_text(TypeContext& tc, const Style& style, const std::string& text, const TextStyle& ts,
                                     double measure, double leading, TextAlign align, bool hyphenate = false) {
    InlineEnv env{&style, hyphenate ? tc.hyphenator() : nullptr, ""};
    RichTextBuilder b(env);
    b.append(text, ts, hyphenate);
    return set_paragraph(tc, b.take(), {measure, leading, align, style.max_consecutive_hyphens});
}

// Places lines with the first baseline at y; returns the baseline after the
// last line (y + lines * leading).
inline double place(std::vector<Item>& out, std::vector<SetLine> lines, double x, double y, double leading) {
    for (auto& l : lines) {
        for (Item& it : l.items) {
            translate(it, x, y);
            out.push_back(std::move(it));
        }
        y += leading;
    }
    return y;
}

}  // namespace folio
