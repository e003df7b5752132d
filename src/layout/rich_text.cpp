#include "layout/rich_text.hpp"

#include <algorithm>
#include <string_view>

#include "layout/hyphenator.hpp"

#include "model/link_target.hpp"
#include "model/overloaded.hpp"

namespace folio {
namespace {

constexpr std::string_view soft_hyphen = "\xC2\xAD";       // U+00AD
constexpr std::string_view word_joiner = "\xE2\x81\xA0";   // U+2060
constexpr std::string_view line_separator = "\xE2\x80\xA8"; // U+2028: a hard break inside a paragraph

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Decodes one UTF-8 code point at s[i]; returns its length (1 for bad bytes).
int decode(std::string_view s, size_t i, char32_t& cp) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + len > s.size()) len = 1;
    if (len == 1) {
        cp = c;
        return 1;
    }
    cp = c & (0x7f >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    return len;
}

bool is_hangul(char32_t cp) {
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F);
}

// Minimum word length worth hyphenating: shorter words only make ugly breaks.
constexpr size_t min_hyphenated_word = 6;

}  // namespace

std::string note_dest(const std::string& post_id, int number) {
    return "note-" + post_id + "-" + std::to_string(number);
}
std::string note_ref_dest(const std::string& post_id, int number) {
    return "noteref-" + post_id + "-" + std::to_string(number);
}

void RichTextBuilder::append_raw(std::string_view text, const TextStyle& style) {
    if (text.empty()) return;
    const int start = size();
    m_out.text.append(text);
    auto& spans = m_out.spans;
    if (!spans.empty() && spans.back().end == start && spans.back().style == style)
        spans.back().end = size();
    else
        spans.push_back({start, size(), style});
}

void RichTextBuilder::append_word(std::string_view word, const TextStyle& style, bool hyphenate) {
    if (!hyphenate || !m_env.hyphenator || word.size() < min_hyphenated_word) {
        append_raw(word, style);
        return;
    }
    // Left minimum 2, right minimum 3 (British practice).
    size_t from = 0;
    for (int i : m_env.hyphenator->points(word, 2, 3)) {
        const size_t after = static_cast<size_t>(i) + 1;
        append_raw(word.substr(from, after - from), style);
        m_out.soft_hyphens.push_back(size());
        append_raw(soft_hyphen, style);
        from = after;
    }
    append_raw(word.substr(from), style);
}

void RichTextBuilder::append(std::string_view text, const TextStyle& style, bool hyphenate) {
    size_t i = 0;
    std::string chunk;  // non-letter text, with word joiners added
    bool last_hangul = false;
    auto flush = [&] {
        append_raw(chunk, style);
        chunk.clear();
    };
    while (i < text.size()) {
        if (is_ascii_letter(text[i])) {
            size_t j = i;
            while (j < text.size() && is_ascii_letter(text[j])) ++j;
            // A word glued to non-ASCII letters (accents) is left whole.
            char32_t next = 0;
            bool glued = j < text.size() && (decode(text, j, next), next >= 0x80 && next != 0x2019 && next != 0x201D);
            flush();
            append_word(text.substr(i, j - i), style, hyphenate && !glued && (i == 0 || static_cast<unsigned char>(text[i - 1]) < 0x80));
            i = j;
            last_hangul = false;
            continue;
        }
        char32_t cp = 0;
        int len = decode(text, i, cp);
        bool hangul = is_hangul(cp);
        if (hangul && last_hangul) chunk.append(word_joiner);
        if (cp == '\n' || cp == '\t') chunk.push_back(' ');
        else chunk.append(text.substr(i, static_cast<size_t>(len)));
        last_hangul = hangul;
        i += static_cast<size_t>(len);
    }
    flush();
}

void RichTextBuilder::append_note_mark(int number, const TextStyle& style) {
    TextStyle mark = style;
    mark.size = style.size * m_env.style->note_mark_scale;
    mark.rise = m_env.style->note_mark_rise * style.size / m_env.style->body_size;
    mark.oldstyle = false;
    const int start = size();
    append_raw(std::to_string(number), mark);
    m_out.notes.push_back({start, size(), number});
    m_out.links.push_back({start, size(), "", note_dest(m_env.post_id, number)});
}

void RichTextBuilder::append_inlines(const Inlines& inlines, const TextStyle& style, bool hyphenate) {
    const Style& st = *m_env.style;
    for (const Inline& in : inlines) {
        std::visit(Overloaded{
                       [&](const Text& t) { append(t.text, style, hyphenate); },
                       [&](const SoftBreak&) { append_raw(" ", style); },
                       [&](const LineBreak&) { append_raw(line_separator, style); },
                       [&](const Emph& e) {
                           TextStyle s = style;
                           s.italic = !s.italic;
                           append_inlines(e.children, s, hyphenate);
                       },
                       [&](const Strong& e) {
                           TextStyle s = style;
                           s.bold = true;
                           append_inlines(e.children, s, hyphenate);
                       },
                       [&](const Strikethrough& e) {
                           TextStyle s = style;
                           s.strike = true;
                           append_inlines(e.children, s, hyphenate);
                       },
                       [&](const Superscript& e) {
                           TextStyle s = style;
                           s.size = style.size * 0.7;
                           s.rise = style.rise + style.size * 0.33;
                           append_inlines(e.children, s, false);
                       },
                       [&](const Subscript& e) {
                           TextStyle s = style;
                           s.size = style.size * 0.7;
                           s.rise = style.rise - style.size * 0.15;
                           append_inlines(e.children, s, false);
                       },
                       [&](const SmallCaps& e) {
                           TextStyle s = style;
                           s.small_caps = true;
                           append_inlines(e.children, s, hyphenate);
                       },
                       [&](const Code& c) {
                           TextStyle s = style;
                           s.families = st.mono;
                           s.size = style.size * st.code_size / st.body_size;
                           s.oldstyle = false;
                           append(c.text, s, false);
                       },
                       [&](const Link& l) {
                           TextStyle s = style;
                           s.color = st.accent;
                           const int start = size();
                           append_inlines(l.children, s, hyphenate && !shows_address(l));
                           if (size() > start) {
                               // A web address as it is; a heading or a post
                               // (the EPUB's reading, model/link_target) as the
                               // destination flow names it: "<slug>/<heading
                               // id>", "post-<slug>". A relative address was a
                               // URI to a file the reader never has, and
                               // "#background" a destination nothing named.
                               const LinkTarget t = link_target(l.url);
                               if (t.web) {
                                   m_out.links.push_back({start, size(), l.url, ""});
                               } else {
                                   const std::string& slug = t.slug.empty() ? m_env.post_id : t.slug;
                                   const std::string dest = t.fragment.empty() || t.fragment == "title"
                                                                ? "post-" + slug
                                                                : slug + "/" + t.fragment;
                                   m_out.links.push_back({start, size(), "", dest});
                               }
                           }
                       },
                       [&](const Image& im) {
                           // An image inside running text keeps its alt text; figures are
                           // paragraphs of one image and are handled as blocks.
                           append_inlines(im.alt, style, hyphenate);
                       },
                       [&](const RawInline&) {},
                       [&](const Span& sp) { append_inlines(sp.children, style, hyphenate); },
                       [&](const NoteRef& n) {
                           if (n.number > 0) append_note_mark(n.number, style);
                       },
                       [&](const Cite& c) {
                           // With a note style the citation pass has moved the
                           // citation into a footnote and left a NoteRef here.
                           if (!c.rendered.empty())
                               append_inlines(c.rendered, style, hyphenate);
                           else
                               append(c.source, style, false);
                       },
                   },
                   in.value);
    }
}

RichText build_rich_text(const Inlines& inlines, const TextStyle& base, const InlineEnv& env, bool hyphenate) {
    RichTextBuilder b(env);
    b.append_inlines(inlines, base, hyphenate);
    return b.take();
}

}  // namespace folio
