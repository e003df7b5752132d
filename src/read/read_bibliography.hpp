#pragma once
// Reading input/references.json (CSL-JSON) into a Bibliography.
#include <string>
#include <string_view>

#include "model/bibliography.hpp"
#include "model/diagnostic.hpp"
#include "model/limits.hpp"

namespace folio {

// Parses a CSL-JSON array. Syntax errors are reported at their line and
// column; items without an id, duplicate ids and values of the wrong type are
// errors at the item's line. Unknown variables are kept as text fields. More
// items than limits.bibliography_entries, or more names in one list than
// limits.names_per_entry, are errors (the size limit is the caller's to check
// before reading the file).
Bibliography read_bibliography(const std::string& path, std::string_view bytes, Diagnostics& diags,
                               const Limits& limits = {});

}  // namespace folio
