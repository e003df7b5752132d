#pragma once
// Sizes written by people: `--cache-size 512M` on the command line and
// `post_size = "4 MiB"` in folio.toml's [limits] read the same way, and
// limit errors print sizes back in the same units.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace folio {

// A whole or decimal number, optional spaces, then a unit, with GNU
// coreutils' meaning (`du`, `sort -S`): none or B is bytes; K, M, G, T alone
// or with "iB" are binary multiples (512M = 512 MiB); with "B" alone they are
// decimal (16 MB = 16,000,000 bytes). Units are read case-insensitively
// ("512m", "2 gib"). A fraction needs a unit and is rounded down to whole
// bytes ("1.5G"). nullopt for anything else: no number, a sign, an unknown
// unit, or more than 2^64 - 1 bytes.
std::optional<std::uint64_t> parse_byte_size(std::string_view text);

// What a hint says parse_byte_size accepts.
inline constexpr const char* byte_size_units =
    "bytes, or a number with K, M, G or T (binary: 512M, 2G, 1.5 GiB) or KB, MB, GB, TB (decimal)";

// 1048576 -> "1 MiB", 52428800 -> "50 MiB", 1500 -> "1,500 bytes": how limit
// errors show sizes (exact: a size that is no whole multiple is in bytes).
std::string format_byte_size(std::uint64_t bytes);
// 10000000 -> "10,000,000".
std::string format_count(std::uint64_t n);

}  // namespace folio
