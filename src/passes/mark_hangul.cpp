#include "passes/passes.hpp"
#include "passes/walk.hpp"

#include "model/utf8.hpp"

namespace folio {

namespace {

bool is_hangul(char32_t cp) {
    return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
           (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

// Splits one text into alternating non-Hangul / Hangul pieces. Spaces between
// two Hangul words stay inside the Korean run.
Inlines split(const std::string& text, SourcePos pos) {
    Inlines out;
    std::string plain, korean;
    std::string gap;  // spaces seen after a Hangul run, not yet assigned
    auto flush_korean = [&] {
        if (korean.empty()) return;
        Inlines kids;
        kids.push_back(make_inline(Text{korean}, pos));
        out.push_back(make_inline(Span{"ko", "", std::move(kids)}, pos));
        korean.clear();
    };
    auto flush_plain = [&] {
        if (!plain.empty()) out.push_back(make_inline(Text{plain}, pos));
        plain.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const char32_t cp = utf8_next(text, i);
        const std::string piece = text.substr(start, i - start);
        if (is_hangul(cp)) {
            if (korean.empty()) flush_plain();
            korean += gap;
            gap.clear();
            korean += piece;
        } else if (!korean.empty() && cp == U' ') {
            gap += piece;
        } else {
            flush_korean();
            plain += gap;
            gap.clear();
            plain += piece;
        }
    }
    flush_korean();
    plain += gap;
    flush_plain();
    return out;
}

bool has_hangul(const std::string& text) {
    for (std::size_t i = 0; i < text.size();)
        if (is_hangul(utf8_next(text, i))) return true;
    return false;
}

void mark_list(Inlines& list) {
    Inlines out;
    out.reserve(list.size());
    for (auto& in : list) {
        auto* t = std::get_if<Text>(&in.value);
        if (t && has_hangul(t->text)) {
            for (auto& piece : split(t->text, in.pos)) out.push_back(std::move(piece));
            continue;
        }
        // A span that already names a language is the author's decision.
        const auto* span = std::get_if<Span>(&in.value);
        if (!(span && !span->lang.empty()))
            if (Inlines* kids = inline_children(in)) mark_list(*kids);
        out.push_back(std::move(in));
    }
    list = std::move(out);
}

}  // namespace

void mark_hangul(Post& post) { walk_block_inline_lists(post.doc, mark_list); }

}  // namespace folio
