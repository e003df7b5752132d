#include "passes/format_citations.hpp"

#include <map>
#include <set>

#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace {

// Moves each citation of the running text into a new footnote and leaves a
// NoteRef in its place. Labels cannot clash with written ones: those never
// contain a space.
void citations_to_notes(Post& post) {
    int made = 0;
    std::vector<Footnote> added;
    // Only the main text: a citation inside a footnote stays there.
    walk_inline_lists(post.doc.blocks, [&](Inlines& list) {
        for (auto& in : list) {
            auto* cite = std::get_if<Cite>(&in.value);
            if (!cite) continue;
            Footnote note;
            note.label = "cite " + std::to_string(++made);
            note.from_citation = true;
            note.pos = in.pos;
            Inlines content;
            content.push_back(make_inline(std::move(*cite), in.pos));
            note.content.push_back(make_block(Paragraph{std::move(content)}, in.pos));
            in.value = NoteRef{note.label, 0};
            added.push_back(std::move(note));
        }
    });
    for (auto& n : added) post.doc.notes.push_back(std::move(n));
}

// The citations of a post in reading order: the running text first, then
// the notes in their numbered order, each cite knowing its note number.
std::vector<CiteRequest> collect(Post& post) {
    std::vector<CiteRequest> out;
    walk_inlines(post.doc.blocks, [&](Inline& in) {
        if (auto* c = std::get_if<Cite>(&in.value)) {
            c->note = 0;
            out.push_back({c, post.path});
        }
    });
    for (auto& note : post.doc.notes) {
        walk_inlines(note.content, [&](Inline& in) {
            if (auto* c = std::get_if<Cite>(&in.value)) {
                c->note = note.number;
                out.push_back({c, post.path});
            }
        });
    }
    return out;
}

// The items of `all` whose ids are in `keys`, in file order.
Bibliography subset(const Bibliography& all, const std::set<std::string>& keys) {
    Bibliography b;
    b.path = all.path;
    for (const auto& item : all.items)
        if (keys.count(item.id)) b.items.push_back(item);
    return b;
}

}  // namespace

void format_pack_citations(Pack& pack, const CitationStyle& style, Diagnostics& diags) {
    std::set<std::string> pack_keys;
    for (Post& post : pack.posts) {
        bool any = false;
        walk_inlines(post.doc, [&](Inline& in) { any = any || std::holds_alternative<Cite>(in.value); });
        if (!any) continue;
        if (style.is_note_style()) {
            citations_to_notes(post);
            number_notes(post, diags);
        }
        std::vector<CiteRequest> requests = collect(post);
        std::set<std::string> keys;
        for (const auto& r : requests)
            for (const auto& item : r.cite->items) keys.insert(item.key);
        pack_keys.insert(keys.begin(), keys.end());
        format_citations(style, pack.bibliography, requests, diags);
        if (!pack.references_per_pack && style.has_bibliography()) {
            const Bibliography cited = subset(pack.bibliography, keys);
            post.doc.references = format_reference_list(style, cited);
        }
    }
    if (pack.references_per_pack && style.has_bibliography() && !pack_keys.empty())
        pack.references = format_reference_list(style, subset(pack.bibliography, pack_keys));
}

}  // namespace folio
