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
// - the structure element whose children are the pages' content (the
//   Document element), its children rotated likewise, so the reading order
//   is the page order again.
// What refers to pages refers to page objects, not positions (named
// destinations, links, the outline, /StructParents and the parent tree), so
// nothing else changes. Anything that is not what cairo 1.16 writes is an
// error, never a guess.
#include <string>

#include "model/result.hpp"
#include "render/pdf_objects.hpp"

namespace folio {

// The bytes to append to `pdf` (a complete file as cairo 1.16 writes it,
// possibly already updated) so that its last `front_pages` pages come first.
// Empty when there is nothing to move.
Result<std::string> front_first_update(std::string_view pdf, int front_pages);

// That update, to append with pdf::append_updates.
pdf::Update move_front_first(int front_pages);

}  // namespace folio
