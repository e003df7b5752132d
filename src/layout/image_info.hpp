#pragma once
// Reads an image's pixel size from its header (PNG IHDR, JPEG SOF) without
// decoding it, so a 20,000 x 20,000 image is refused before anything
// allocates 1.6 GB for it; and checks that the file is whole, so a truncated
// or damaged image is an input error at `folio check`, not a failure halfway
// through writing the PDF.
#include <cstdint>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace folio {

enum class ImageFormat { png, jpeg };

struct ImageInfo {
    ImageFormat format = ImageFormat::png;
    int width = 0;
    int height = 0;
};

// What no configuration can raise: Cairo's largest image surface, and the
// memory 4 bytes a pixel takes. The configurable limits (model/limits.hpp,
// image_side and image_pixels) are checked against the post, at its line.
constexpr std::uint64_t max_image_side = 32'767;
constexpr std::uint64_t max_image_pixels = 250'000'000;

enum class ImageProblem { none, unreadable, empty, unknown_format, truncated, damaged, no_size, no_pixels };

struct ImageCheck {
    ImageInfo info;
    ImageProblem problem = ImageProblem::none;
    std::string detail;  // what is wrong, in words, without the file name
};

// The header, and with `whole` the structure of the whole file: every PNG
// chunk present with a matching CRC up to IEND; a JPEG's markers up to its
// start of scan and an end-of-image marker at the end.
ImageCheck inspect_image(const std::string& path, bool whole);
// The same on a file's bytes already read (`whole`: all of them; else at
// least its first megabyte), for a caller that also hashes them.
ImageCheck inspect_image_bytes(std::string_view bytes, bool whole);

// The header only; fails with a message naming the file for unreadable files,
// other formats, and images past max_image_side / max_image_pixels.
Result<ImageInfo> read_image_info(const std::string& path);

}  // namespace folio
