#pragma once
// Printing what a run found.
#include <ostream>

#include "model/diagnostic.hpp"

namespace folio {

// Every diagnostic, sorted by file and position, one per line (hints on the
// next), then a one-line count when there was anything to say.
void print_diagnostics(Diagnostics& diags, std::ostream& out);

// Appends the diagnostics of `from` that `into` does not hold yet. Each pack's
// EPUB is written from the same posts, so a problem in a post shared by three
// packs is found three times and must be said once.
void append_new(Diagnostics& into, const Diagnostics& from);

}  // namespace folio
