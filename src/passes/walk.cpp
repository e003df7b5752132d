#include "passes/walk.hpp"

#include "model/overloaded.hpp"

namespace folio {

namespace {

// Inline containers: everything that holds an Inlines. Citations' rendered
// text is generated, not written, so passes over the source skip it.
}  // namespace

Inlines* inline_children(Inline& in) {
    return std::visit(Overloaded{
                          [](Emph& e) -> Inlines* { return &e.children; },
                          [](Strong& e) -> Inlines* { return &e.children; },
                          [](Strikethrough& e) -> Inlines* { return &e.children; },
                          [](Superscript& e) -> Inlines* { return &e.children; },
                          [](Subscript& e) -> Inlines* { return &e.children; },
                          [](SmallCaps& e) -> Inlines* { return &e.children; },
                          [](Link& e) -> Inlines* { return &e.children; },
                          [](Image& e) -> Inlines* { return &e.alt; },
                          [](Span& e) -> Inlines* { return &e.children; },
                          [](auto&) -> Inlines* { return nullptr; },
                      },
                      in.value);
}

namespace {

void visit_list(Inlines& list, const std::function<void(Inlines&)>& fn) {
    fn(list);
    for (auto& in : list)
        if (Inlines* kids = inline_children(in)) visit_list(*kids, fn);
}

void visit_blocks(Blocks& blocks, const std::function<void(Block&)>& fn);

void visit_block(Block& b, const std::function<void(Block&)>& fn) {
    fn(b);
    std::visit(Overloaded{
                   [&](BlockQuote& q) { visit_blocks(q.children, fn); },
                   [&](List& l) {
                       for (auto& item : l.items) visit_blocks(item.children, fn);
                   },
                   [](auto&) {},
               },
               b.value);
}

void visit_blocks(Blocks& blocks, const std::function<void(Block&)>& fn) {
    for (auto& b : blocks) visit_block(b, fn);
}

void walk_all_blocks(Document& doc, const std::function<void(Block&)>& fn) {
    visit_blocks(doc.blocks, fn);
    for (auto& note : doc.notes) visit_blocks(note.content, fn);
}

// The top-level inline sequences of one block (paragraph and heading
// content, table cells).
void block_inline_lists(Block& b, const std::function<void(Inlines&)>& fn) {
    std::visit(Overloaded{
                   [&](Paragraph& p) { fn(p.content); },
                   [&](Heading& h) { fn(h.content); },
                   [&](Table& t) {
                       for (auto& cell : t.header.cells) fn(cell.content);
                       for (auto& row : t.rows)
                           for (auto& cell : row.cells) fn(cell.content);
                   },
                   [](auto&) {},
               },
               b.value);
}

}  // namespace

void walk_blocks(Document& doc, const std::function<void(Block&)>& fn) { walk_all_blocks(doc, fn); }

void walk_block_inline_lists(Document& doc, const std::function<void(Inlines&)>& fn) {
    walk_all_blocks(doc, [&](Block& b) { block_inline_lists(b, fn); });
}

void walk_inline_lists(Document& doc, const std::function<void(Inlines&)>& fn) {
    walk_block_inline_lists(doc, [&](Inlines& list) { visit_list(list, fn); });
}

void walk_inline_lists(Blocks& blocks, const std::function<void(Inlines&)>& fn) {
    visit_blocks(blocks, [&](Block& b) { block_inline_lists(b, [&](Inlines& list) { visit_list(list, fn); }); });
}

void walk_inlines(Blocks& blocks, const std::function<void(Inline&)>& fn) {
    walk_inline_lists(blocks, [&](Inlines& list) {
        for (auto& in : list) fn(in);
    });
}

void walk_inlines(Document& doc, const std::function<void(Inline&)>& fn) {
    walk_inline_lists(doc, [&](Inlines& list) {
        for (auto& in : list) fn(in);
    });
}

void walk_inlines(const Document& doc, const std::function<void(const Inline&)>& fn) {
    // The traversal never modifies anything itself; only a caller's fn could.
    walk_inlines(const_cast<Document&>(doc), [&](Inline& in) { fn(in); });
}

}  // namespace folio
