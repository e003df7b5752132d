#pragma once
// A paragraph's text prepared for Pango: UTF-8 with soft hyphens at the
// libhyphen break points and word joiners between Hangul syllables (so Korean
// breaks between words, not inside them), plus non-overlapping styled spans,
// link ranges and note marks, all as byte ranges into `text`.
#include <string>
#include <vector>

#include "layout/style.hpp"
#include "model/document.hpp"

namespace folio {

class Hyphenator;

struct TextStyle {
    std::string families;
    double size = 10.5;
    bool bold = false;
    bool italic = false;
    bool small_caps = false;
    bool strike = false;
    bool oldstyle = false;   // oldstyle figures (body text)
    bool tabular = false;    // tabular lining figures (folios, tables of numbers)
    double rise = 0;         // points, up
    double tracking = 0;     // em, letter-spacing
    Color color;
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

struct RichText {
    struct Span {
        int start = 0, end = 0;
        TextStyle style;
    };
    struct LinkRange {
        int start = 0, end = 0;
        std::string uri;   // external
        std::string dest;  // internal destination name
    };
    struct NoteMark {
        int start = 0, end = 0;
        int number = 0;
    };
    std::string text;
    std::vector<Span> spans;
    std::vector<LinkRange> links;
    std::vector<NoteMark> notes;
    std::vector<int> soft_hyphens;  // byte offsets of U+00AD, ascending
};

// How inlines become rich text for one post.
struct InlineEnv {
    const Style* style = nullptr;
    Hyphenator* hyphenator = nullptr;  // null: no hyphenation
    std::string post_id;                // prefixes note destinations
};

// Names of the destinations that link a note mark and its note both ways.
std::string note_dest(const std::string& post_id, int number);
std::string note_ref_dest(const std::string& post_id, int number);

class RichTextBuilder {
public:
    explicit RichTextBuilder(const InlineEnv& env) : m_env(env) {}
    // Appends text in a style; hyphenates when `hyphenate` and a dictionary is set.
    void append(std::string_view text, const TextStyle& style, bool hyphenate);
    void append_inlines(const Inlines& inlines, const TextStyle& style, bool hyphenate);
    RichText take() { return std::move(m_out); }
    int size() const { return static_cast<int>(m_out.text.size()); }

private:
    void append_raw(std::string_view text, const TextStyle& style);
    void append_word(std::string_view word, const TextStyle& style, bool hyphenate);
    void append_note_mark(int number, const TextStyle& style);
    const InlineEnv& m_env;
    RichText m_out;
};

// Convenience: one call for a run of inlines in one base style.
RichText build_rich_text(const Inlines& inlines, const TextStyle& base, const InlineEnv& env, bool hyphenate);

}  // namespace folio
