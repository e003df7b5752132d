#pragma once
// Small builders for hand-made documents in pass tests.
#include "model/post.hpp"

namespace folio::test {

inline Inline text(std::string s) { return make_inline(Text{std::move(s)}); }
inline Inline note_ref(std::string label, SourcePos pos = {}) { return make_inline(NoteRef{std::move(label), 0}, pos); }
inline Block para(Inlines content, SourcePos pos = {}) { return make_block(Paragraph{std::move(content)}, pos); }
inline Footnote note(std::string label, Inlines content, SourcePos pos = {}) {
    Footnote f;
    f.label = std::move(label);
    f.content.push_back(para(std::move(content)));
    f.pos = pos;
    return f;
}
inline Post post_with(Blocks blocks, std::vector<Footnote> notes = {}) {
    Post p;
    p.path = "input/test.md";
    p.slug = "test";
    p.doc.blocks = std::move(blocks);
    p.doc.notes = std::move(notes);
    return p;
}

}  // namespace folio::test
