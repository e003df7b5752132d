#pragma once
// Big-endian integers as PNG and JPEG headers store them.
#include <cstdint>

namespace folio {

inline std::uint32_t big_endian16(const unsigned char* p) { return (std::uint32_t{p[0]} << 8) | p[1]; }
inline std::uint32_t big_endian32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

}  // namespace folio
