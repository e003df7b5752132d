#pragma once
// Depth-first traversal of a Document, for passes that look at or rewrite
// nodes wherever they are: in blocks, list items, table cells, block quotes,
// inline containers, and footnote bodies (after the main text, in note order).
#include <functional>

#include "model/document.hpp"

namespace folio {

// Calls `fn` on every inline sequence (a paragraph's content, a link's
// children, a cell...) before descending into its elements, so `fn` may
// replace elements of the sequence it is given.
void walk_inline_lists(Document& doc, const std::function<void(Inlines&)>& fn);

// Calls `fn` on the top-level inline sequence of every block (paragraph and
// heading content, table cells) without descending: for passes that recurse
// themselves because they create containers they must not re-enter.
void walk_block_inline_lists(Document& doc, const std::function<void(Inlines&)>& fn);

// The children of an inline container (Emph, Link, Image alt, Span...), or
// nullptr for leaves.
Inlines* inline_children(Inline& in);

// Calls `fn` on every inline node, parents before children, in reading order.
void walk_inlines(Document& doc, const std::function<void(Inline&)>& fn);
// The same over some blocks only (the running text, or one footnote's body).
void walk_inlines(Blocks& blocks, const std::function<void(Inline&)>& fn);
void walk_inline_lists(Blocks& blocks, const std::function<void(Inlines&)>& fn);
void walk_inlines(const Document& doc, const std::function<void(const Inline&)>& fn);

// Calls `fn` on every block, parents before children, in reading order.
void walk_blocks(Document& doc, const std::function<void(Block&)>& fn);

}  // namespace folio
