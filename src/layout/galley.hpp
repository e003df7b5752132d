#pragma once
// The galley: a pack's content as one long column of unbreakable chunks
// (a line, a table row, a rule, a figure) with the rules that say where a
// page may break. flow builds it from the document model; paginate cuts it
// into pages. Chunk items are relative to the chunk's top-left corner at the
// left edge of the text block.
#include <string>
#include <vector>

#include "layout/items.hpp"

namespace folio {

struct Chunk {
    double height = 0;
    double space_before = 0;     // dropped at the top of a page
    std::vector<Item> items;
    std::vector<int> notes;      // indices into Galley::notes first marked here
    bool break_before = true;    // may a page end just before this chunk?
    bool new_page = false;       // a post starts here
    int post = -1;               // index of the post in the pack
    int block = -1;              // index of the post's top-level block it belongs to; -1: the post's header
    int table = -1;              // index into Galley::table_headers for rows of a table
    double baseline = 0;         // of the chunk's first line, from its top (list labels hang on it)
    // Side notes in the outer margin (a post's kind label and date), placed
    // with the chunk and before its items (they read first). Set for a
    // right-hand page, flush left beyond the text block's right edge;
    // paginate mirrors each about the text block on a left-hand page, where
    // the outer margin is on the left, so they stay flush toward the text.
    std::vector<Item> margin;
};

// A footnote, set as lines of the note area, tagged as one Note.
struct NoteBody {
    std::vector<Chunk> lines;
    double height() const {
        double h = 0;
        for (const auto& l : lines) h += l.space_before + l.height;
        return h;
    }
};

// Adds `other` at the end, renumbering its note and table references.
struct Galley;
void append_galley(Galley& into, Galley&& other);

struct Galley {
    std::vector<Chunk> chunks;
    std::vector<NoteBody> notes;
    std::vector<Chunk> table_headers;  // repeated when a table continues on a new page
};

}  // namespace folio
