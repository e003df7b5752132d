#pragma once
// Printing what a run found.
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"

namespace folio {

// Every diagnostic, sorted by file and position, one per line (hints on the
// next), then a one-line count when there was anything to say.
void print_diagnostics(Diagnostics& diags, std::ostream& out);

// Appends the diagnostics of `from` that `into` does not hold yet. Each pack's
// EPUB is written from the same posts, so a problem in a post shared by three
// packs is found three times and must be said once.
void append_new(Diagnostics& into, const Diagnostics& from);

// "1 post", "3 posts": a count and its noun, for the summary lines.
std::string counted(std::size_t n, std::string_view one, std::string_view many);

}  // namespace folio
