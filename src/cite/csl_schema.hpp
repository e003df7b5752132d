#pragma once
// What CSL 1.0.2 allows, for the loader's checks: the values of its
// enumerated and numeric attributes, and that macros do not call themselves.
// Kept apart from csl_load.cpp so the rules read as a table and need no XML.
#include <optional>
#include <string>
#include <string_view>

#include "cite/csl_style.hpp"

namespace folio::csl {

struct SchemaProblem {
    int line = 0;  // in the style file; 0 when the caller knows it
    std::string message;
    std::string hint;
};

// A CSL count attribute (et-al-min, et-al-use-first, names-min,
// near-note-distance...): digits only, at most INT_MAX; nullopt otherwise.
// The loader refuses any other value, so code reading a loaded style's
// counts may rely on this succeeding.
std::optional<int> parse_count(std::string_view value);

// Checks one attribute of element `element` (for <date-part>, `part_name`
// is its name="day|month|year", whose forms differ). Attributes CSL leaves
// free (prefix, delimiter, variable...) and ones it does not define pass:
// styles carry extensions that processors are told to ignore.
std::optional<SchemaProblem> check_attribute(std::string_view element, std::string_view attr, std::string_view value,
                                             std::string_view part_name = {});

// The first macro that calls itself, directly or through other macros
// (A → B → A), reported at the <macro> line of the first macro on the cycle.
// Rendering such a style would never end, so it is refused at load time.
std::optional<SchemaProblem> find_macro_cycle(const CslStyle& style);

}  // namespace folio::csl
