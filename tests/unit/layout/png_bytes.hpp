#pragma once
// PNG bytes built by hand, for the tests of what folio reads from images
// (image_info_test, png_pixels_test): a big-endian u32 and a chunk with its
// right CRC, so that a test's file is wrong only where the test means it.
#include <zlib.h>

#include <cstdint>
#include <string>

namespace folio::test {

inline std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

// Length, type, data and the CRC of type + data.
inline std::string png_chunk(const std::string& type, const std::string& data) {
    const std::string body = type + data;
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    return be32(static_cast<std::uint32_t>(data.size())) + body + be32(static_cast<std::uint32_t>(crc));
}

}  // namespace folio::test
