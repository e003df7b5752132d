#pragma once
// Front matter drawn last, shown first. The contents print the body's page
// numbers, so the front matter can only be set once the body is; cairo 1.16
// writes pages in the order they are drawn, and holding every body page
// until the front matter is set keeps the whole pack in memory and leaves
// cairo idle through layout. So the body is drawn as it is set, the front
// matter after it, and then this incremental update (ISO 32000-1, 7.5.6)
// puts the front matter first: new versions of
// - the /Pages node, its /Kids rotated (cairo's page tree is flat);
// - the page-label tree, its entries moved with their pages (each block of
//   pages keeps its own labels: the body's implicit start at index 0, which
//   cairo leaves out, is written out as /S /D /St 1);
// - the Document element (the structure tree's one child), its children
//   rotated likewise, so the reading order is the page order again. Which
//   of them are the front matter's the writer knows (the elements it opened
//   on those pages), so the tree is not read back element by element (a
//   1,000-post pack has about 200,000): only the two elements either side
//   of the boundary are, to check that it lies between the body's content
//   and the front matter's.
// What refers to pages refers to page objects, not positions (named
// destinations, links, the outline, /StructParents and the parent tree), so
// nothing else changes. Anything that is not what cairo 1.16 writes is an
// error, never a guess.
#include <cstddef>
#include <string>

#include "model/result.hpp"
#include "render/pdf_objects.hpp"

namespace folio {

// What the writer drew last: its pages, and the structure elements it
// opened directly inside the Document element on them (Links included:
// cairo makes each a structure element).
struct FrontMatter {
    int pages = 0;
    std::size_t elements = 0;
};

// The bytes to append to `pdf` (a complete file as cairo 1.16 writes it,
// possibly already updated) so that its last `front.pages` pages, and the
// Document element's last `front.elements` children, come first. Empty when
// there is nothing to move.
Result<std::string> front_first_update(std::string_view pdf, FrontMatter front);

// That update, to append with pdf::append_updates.
pdf::Update move_front_first(FrontMatter front);

}  // namespace folio
