#include <map>
#include <set>

#include "passes/passes.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace {

// The NoteRefs of `blocks` in reading order.
void refs_in(Blocks& blocks, std::vector<NoteRef*>& out) {
    walk_inlines(blocks, [&](Inline& in) {
        if (auto* ref = std::get_if<NoteRef>(&in.value)) out.push_back(ref);
    });
}

}  // namespace

void number_notes(Post& post, Diagnostics& diags) {
    auto& notes = post.doc.notes;
    std::map<std::string, std::size_t> index;  // label -> position in notes
    for (std::size_t i = 0; i < notes.size(); ++i) index.emplace(notes[i].label, i);

    std::map<std::string, int> numbers;
    int next = 1;
    // Breadth-first over notes: the main text's references first, then
    // references made inside notes, in the order those notes are numbered.
    std::vector<NoteRef*> pending;
    refs_in(post.doc.blocks, pending);
    std::set<std::string> expanded;
    std::size_t cursor = 0;
    while (cursor < pending.size()) {
        NoteRef* ref = pending[cursor++];
        auto found = numbers.find(ref->label);
        if (found != numbers.end()) {
            ref->number = found->second;
            continue;
        }
        auto at = index.find(ref->label);
        if (at == index.end()) continue;  // the reader reports undefined notes
        ref->number = numbers[ref->label] = next++;
        if (expanded.insert(ref->label).second) {
            std::vector<NoteRef*> inner;
            refs_in(notes[at->second].content, inner);
            for (NoteRef* r : inner) {
                if (r->label == ref->label) {
                    diags.error(post.path, notes[at->second].pos,
                                "footnote '" + ref->label + "' refers to itself",
                                "remove the [^" + ref->label + "] reference from its own text");
                    r->number = numbers[ref->label];
                    continue;
                }
                pending.push_back(r);
            }
        }
    }
    for (auto& note : notes) {
        auto n = numbers.find(note.label);
        note.number = n == numbers.end() ? 0 : n->second;
    }
    std::stable_sort(notes.begin(), notes.end(), [](const Footnote& a, const Footnote& b) {
        if ((a.number == 0) != (b.number == 0)) return b.number == 0;
        return a.number < b.number;
    });
}

}  // namespace folio
