#pragma once
// The citation pass: runs a pack's citations through its CSL style, so both
// writers print the same formatted text (DESIGN: decided once, before the
// writers).
//
// With a note style (OSCOLA, Chicago notes) every citation in the running
// text becomes a footnote of its own, numbered with the post's written notes;
// a citation already inside a footnote stays there, in parentheses unless it
// opens the note, as pandoc sets it. With an
// author-date or numeric style citations stay in the text. Positions (ibid,
// subsequent, near-note) restart with each post: each post of a pack is read
// as a document of its own. Numbering (IEEE's [n]) and disambiguation
// (2014a) go with the reference list: they restart with each post when each
// post has its list, and run over the whole pack when the pack has one.
#include <cstddef>
#include <functional>

#include "cite/cite_processor.hpp"
#include "model/diagnostic.hpp"
#include "model/pack.hpp"

namespace folio {

// How the pass runs its per-post work: calls task(i) for every i in [0, n)
// and returns when all are done, in any order, on any threads (the app hands
// in its parallel_for; passes know nothing of threads).
using ForEachIndex = std::function<void(std::size_t n, const std::function<void(std::size_t)>& task)>;

// The default: one after another, on the calling thread.
void one_after_another(std::size_t n, const std::function<void(std::size_t)>& task);

// Fills every Cite::rendered of the pack's posts, adds the footnotes a note
// style asks for, and the reference lists: each post's own
// (Document::references) or, with pack.references_per_pack, one for the
// whole pack (Pack::references).
//
// Each post's own work (its footnotes, and with a list per post or none, its
// processor run) is one task of `for_each`: a task writes only its post,
// and the style and the bibliography are only read (the CSL engine keeps
// its state per run, nothing static), so tasks may run at once. The pack's
// one run (references per pack) is a single run, after them. Diagnostics
// come out in post order whatever the threads, each post's in its own
// order.
void format_pack_citations(Pack& pack, const CitationStyle& style, Diagnostics& diags,
                           const ForEachIndex& for_each = one_after_another);

}  // namespace folio
