#pragma once
// The [limits] table of folio.toml (model/limits.hpp lists the keys).
#include <string>

#include <toml++/toml.h>

#include "model/diagnostic.hpp"
#include "model/limits.hpp"

namespace folio {

// Reads [limits] into `limits`: sizes as a number of bytes or a string with
// a unit (app/byte_size.hpp: "1 MiB", "512 KiB", "16 MB"), counts as whole numbers. A wrong type,
// a value under 1 or above the key's hard ceiling is an error at the value;
// an unknown key is a warning with a did-you-mean.
void read_limits(const std::string& path, const toml::table& table, Limits& limits, Diagnostics& diags);

}  // namespace folio
