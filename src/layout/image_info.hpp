#pragma once
// Reads an image's pixel size from its header (PNG IHDR, JPEG SOF) without
// decoding it, so a 20,000 x 20,000 image is refused before anything
// allocates 1.6 GB for it.
#include <string>

#include "model/result.hpp"

namespace folio {

enum class ImageFormat { png, jpeg };

struct ImageInfo {
    ImageFormat format = ImageFormat::png;
    int width = 0;
    int height = 0;
};

// The largest image folio accepts, per side and in total.
constexpr int max_image_side = 10000;
constexpr long long max_image_pixels = 40'000'000;

// Fails with a message naming the file for unreadable files, other formats,
// and images over the limits.
Result<ImageInfo> read_image_info(const std::string& path);

}  // namespace folio
