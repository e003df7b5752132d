#pragma once
// Builds model trees by hand for layout and render tests (the model is plain
// structs, so no reader is needed).
#include <string>
#include <vector>

#include "model/pack.hpp"

namespace folio::test {

inline Inline text(const std::string& s) { return make_inline(Text{s}); }
inline Inlines txt(const std::string& s) { return {text(s)}; }
inline Block para(const std::string& s) { return make_block(Paragraph{txt(s)}); }
inline Block para(Inlines in) { return make_block(Paragraph{std::move(in)}); }
inline Block heading(int level, const std::string& s, const std::string& id) {
    return make_block(Heading{level, txt(s), id});
}
inline Inline note_ref(int n) { return make_inline(NoteRef{"n" + std::to_string(n), n}); }
inline Footnote note(int n, const std::string& s) {
    Footnote f;
    f.label = "n" + std::to_string(n);
    f.number = n;
    f.content.push_back(para(s));
    return f;
}
inline Block list(bool ordered, int start, std::vector<std::vector<Block>> items) {
    List l;
    l.ordered = ordered;
    l.start = start;
    for (auto& i : items) l.items.push_back(ListItem{std::move(i), std::nullopt, {}});
    return make_block(std::move(l));
}

inline std::string words(int n, int seed = 0) {
    static const char* vocab[] = {"parliament", "the", "committee", "considered", "evidence", "of", "detention",
                                  "and", "forced", "repatriation", "across", "northern", "borders", "witnesses",
                                  "described", "conditions", "in", "camps", "humanitarian", "obligations"};
    std::string s;
    for (int i = 0; i < n; ++i) {
        if (i) s += ' ';
        s += vocab[(i * 7 + seed * 3 + i / 5) % 20];
    }
    s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s + ".";
}

inline Post post(const std::string& slug, const std::string& title, Blocks blocks, std::vector<Footnote> notes = {}) {
    Post p;
    p.slug = slug;
    p.path = "input/" + slug + ".md";
    p.meta.title = title;
    p.meta.date = Date{2023, 10, 21};
    p.meta.authors = {"Lord Alton of Liverpool"};
    p.meta.summary = "A short standfirst that says what the post is about.";
    p.doc.blocks = std::move(blocks);
    p.doc.notes = std::move(notes);
    return p;
}

inline Pack pack(std::vector<Post> posts) {
    Pack p;
    p.title = "Briefing pack";
    p.subtitle = "Test";
    p.edition = Date{2023, 10, 21};
    p.site.name = "The Group";
    p.posts = std::move(posts);
    return p;
}

}  // namespace folio::test
