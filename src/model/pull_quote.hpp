#pragma once
// Pull quotes (LOOK.md "Kinds"): a passage a post repeats for emphasis, as
// the group's website does. Markdown has no mark for one; the posts write it
// as a block quote, which set as a quotation (indented, a bar) reads as a
// second source saying the same words. It is recognised by what it is: a
// block quote of one paragraph whose words all stand elsewhere in the post.
// Both writers ask here, so the PDF and the EPUB agree on which is which.
#include "model/document.hpp"

namespace folio {

// Whether `quote`, a block of `doc`, repeats the post's own words: a single
// paragraph whose text, cut at each ellipsis (where the post abridged the
// passage), is found piece by piece in the post's other paragraphs, with at
// least eight words found. A quotation of someone else is not found there;
// a short phrase ("as we said") could be by chance, so is not enough.
bool is_pull_quote(const BlockQuote& quote, const Document& doc);

}  // namespace folio
