#pragma once
// The [limits] table of folio.toml (model/limits.hpp lists the keys).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "model/diagnostic.hpp"
#include "model/limits.hpp"

namespace folio {

// Reads [limits] into `limits`: sizes as a number of bytes or a string with
// a unit ("1 MiB", "512 KiB", "16 MB"), counts as whole numbers. A wrong type,
// a value under 1 or above the key's hard ceiling is an error at the value;
// an unknown key is a warning with a did-you-mean.
void read_limits(const std::string& path, const toml::table& table, Limits& limits, Diagnostics& diags);

// "1 MiB" -> 1048576; nullopt for anything else.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// 1048576 -> "1 MiB", 52428800 -> "50 MiB", 1500 -> "1,500 bytes": how limit
// errors show sizes.
std::string format_byte_size(std::uint64_t bytes);

}  // namespace folio
