#pragma once
// The citation pass: runs a pack's citations through its CSL style, so both
// writers print the same formatted text (DESIGN: decided once, before the
// writers).
//
// With a note style (OSCOLA, Chicago notes) every citation in the running
// text becomes a footnote of its own, numbered with the post's written notes;
// a citation already inside a footnote is formatted in place. With an
// author-date or numeric style citations stay in the text. Positions (ibid,
// subsequent, near-note) restart with each post: each post of a pack is read
// as a document of its own. Numbering (IEEE's [n]) and disambiguation
// (2014a) go with the reference list: they restart with each post when each
// post has its list, and run over the whole pack when the pack has one.
#include "cite/cite_processor.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"

namespace folio {

// Fills every Cite::rendered of the pack's posts, adds the footnotes a note
// style asks for, and the reference lists: each post's own
// (Document::references) or, with pack.references_per_pack, one for the
// whole pack (Pack::references).
void format_pack_citations(Pack& pack, const CitationStyle& style, Diagnostics& diags);

}  // namespace folio
