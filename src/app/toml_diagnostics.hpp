#pragma once
// What every reader of folio.toml's tables ([site], [[pack]], [limits])
// reports the same way: a value's position, and an unknown key with a
// did-you-mean among the table's keys.
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "model/diagnostic.hpp"

namespace folio {

// Where a TOML node or key begins (line and column, 1-based as toml++ has them).
SourcePos toml_pos(const toml::source_region& region);
inline SourcePos toml_pos(const toml::node& node) { return toml_pos(node.source()); }

// A warning at `key`: "unknown key 'k' in [where]", with the nearest of
// `known` as a hint, or the list of them when none is near.
void unknown_key(Diagnostics& diags, const std::string& path, const toml::key& key, const std::string& where,
                 const std::vector<std::string>& known);

}  // namespace folio
