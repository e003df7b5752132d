#pragma once
// Printing what a run found.
#include <ostream>

#include "model/diagnostic.hpp"

namespace folio {

// Every diagnostic, sorted by file and position, one per line (hints on the
// next), then a one-line count when there was anything to say.
void print_diagnostics(Diagnostics& diags, std::ostream& out);

}  // namespace folio
