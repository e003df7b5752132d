#include "layout/image_info.hpp"

#include <fstream>
#include <vector>

namespace folio {
namespace {

unsigned be16(const unsigned char* p) { return (p[0] << 8) | p[1]; }
unsigned long be32(const unsigned char* p) {
    return (static_cast<unsigned long>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3];
}

}  // namespace

Result<ImageInfo> read_image_info(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot open image '" + path + "'"};
    // The SOF marker of a JPEG may follow large EXIF blocks: read up to 1 MB.
    std::vector<unsigned char> head(1 << 20);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    ImageInfo info;
    static const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (head.size() >= 24 && std::equal(png_sig, png_sig + 8, head.begin())) {
        info.format = ImageFormat::png;
        info.width = static_cast<int>(std::min(be32(&head[16]), 0x7fffffffUL));
        info.height = static_cast<int>(std::min(be32(&head[20]), 0x7fffffffUL));
    } else if (head.size() >= 4 && head[0] == 0xff && head[1] == 0xd8) {
        info.format = ImageFormat::jpeg;
        size_t i = 2;
        bool found = false;
        while (i + 9 < head.size()) {
            if (head[i] != 0xff) return Error{"image '" + path + "' is a damaged JPEG"};
            unsigned marker = head[i + 1];
            if (marker == 0xff) {
                ++i;
                continue;
            }
            unsigned len = be16(&head[i + 2]);
            bool sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                info.height = static_cast<int>(be16(&head[i + 5]));
                info.width = static_cast<int>(be16(&head[i + 7]));
                found = true;
                break;
            }
            i += 2 + len;
        }
        if (!found) return Error{"image '" + path + "': no frame header found in the JPEG"};
    } else {
        return Error{"image '" + path + "' is neither PNG nor JPEG"};
    }
    if (info.width <= 0 || info.height <= 0) return Error{"image '" + path + "' has no pixels"};
    if (info.width > max_image_side || info.height > max_image_side ||
        static_cast<long long>(info.width) * info.height > max_image_pixels)
        return Error{"image '" + path + "' is " + std::to_string(info.width) + " x " + std::to_string(info.height) +
                     " pixels; folio accepts at most " + std::to_string(max_image_side) + " pixels a side and " +
                     std::to_string(max_image_pixels / 1'000'000) + " million in all (scale it down)"};
    return info;
}

}  // namespace folio
