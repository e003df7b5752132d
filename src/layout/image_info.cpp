#include "layout/image_info.hpp"

#include <zlib.h>

#include <array>
#include <fstream>
#include <iterator>
#include <span>
#include <string>
#include <string_view>

#include "layout/big_endian.hpp"
#include "layout/png_pixels.hpp"

namespace folio {
namespace {

const unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

ImageCheck problem(ImageProblem p, std::string detail) {
    ImageCheck c;
    c.problem = p;
    c.detail = std::move(detail);
    return c;
}

// Every chunk after the signature: length, type, data, CRC, up to IEND.
ImageCheck walk_png(std::span<const unsigned char> b, ImageCheck c) {
    std::size_t at = 8;
    while (true) {
        if (at + 12 > b.size()) return problem(ImageProblem::truncated, "the PNG file is cut short (no IEND chunk)");
        const unsigned long len = big_endian32(&b[at]);
        if (len > 0x7fffffffUL || b.size() - at - 12 < len)
            return problem(ImageProblem::truncated, "the PNG file is cut short inside a chunk");
        const unsigned long crc = big_endian32(&b[at + 8 + len]);
        // PNG's CRC is zlib's CRC-32 (ISO 3309) over the chunk's type and data.
        if (::crc32(0, &b[at + 4], static_cast<uInt>(4 + len)) != crc)
            return problem(ImageProblem::damaged, "the PNG file is damaged (a chunk fails its CRC check)");
        const bool end = std::equal(&b[at + 4], &b[at + 8], "IEND");
        at += 12 + len;
        if (!end) continue;
        // Every CRC can be right and the compressed pixels still broken,
        // which Cairo would find only while writing the PDF. An image past
        // what folio can hold is not decompressed: its size is refused.
        const auto w = static_cast<std::uint64_t>(c.info.width), h = static_cast<std::uint64_t>(c.info.height);
        if (w <= max_image_side && h <= max_image_side && w * h <= max_image_pixels)
            if (std::string pixels = png_pixel_data_problem(b); !pixels.empty())
                return problem(ImageProblem::damaged, std::move(pixels));
        return c;
    }
}

}  // namespace

ImageCheck inspect_image(const std::string& path, bool whole) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return problem(ImageProblem::unreadable, "it cannot be opened");
    std::string head;
    if (whole) {
        head.assign(std::istreambuf_iterator<char>(in), {});
    } else {
        // The SOF marker of a JPEG may follow large EXIF blocks: read up to 1 MB.
        head.resize(1 << 20);
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<size_t>(in.gcount()));
    }
    return inspect_image_bytes(head, whole);
}

ImageCheck inspect_image_bytes(std::string_view bytes, bool whole) {
    const std::span<const unsigned char> head(reinterpret_cast<const unsigned char*>(bytes.data()),
                                                     bytes.size());
    if (head.empty()) return problem(ImageProblem::empty, "the file is empty");
    ImageCheck c;
    if (head.size() >= 8 && std::equal(png_sig, png_sig + 8, head.begin())) {
        c.info.format = ImageFormat::png;
        if (head.size() < 24) return problem(ImageProblem::truncated, "the PNG file is cut short in its header");
        c.info.width = static_cast<int>(std::min<unsigned long>(big_endian32(&head[16]), 0x7fffffffUL));
        c.info.height = static_cast<int>(std::min<unsigned long>(big_endian32(&head[20]), 0x7fffffffUL));
        if (whole) c = walk_png(head, c);
    } else if (head.size() >= 2 && head[0] == 0xff && head[1] == 0xd8) {
        c.info.format = ImageFormat::jpeg;
        size_t i = 2;
        bool found = false;
        while (i + 9 < head.size()) {
            if (head[i] != 0xff) return problem(ImageProblem::damaged, "the JPEG file is damaged (a marker is missing)");
            unsigned marker = head[i + 1];
            if (marker == 0xff) {
                ++i;
                continue;
            }
            unsigned len = big_endian16(&head[i + 2]);
            bool sof = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (sof) {
                c.info.height = static_cast<int>(big_endian16(&head[i + 5]));
                c.info.width = static_cast<int>(big_endian16(&head[i + 7]));
                found = true;
                break;
            }
            i += 2 + len;
        }
        if (!found) {
            return i + 9 >= head.size() && whole
                       ? problem(ImageProblem::truncated, "the JPEG file is cut short before its frame header")
                       : problem(ImageProblem::no_size, "the JPEG file has no frame header");
        }
        // Decoders stop at the end-of-image marker; one missing means the
        // scan data was cut short (trailing padding after it is allowed).
        if (whole) {
            const std::size_t tail = head.size() > 4096 ? head.size() - 4096 : 0;
            bool eoi = false;
            for (std::size_t k = head.size() - 1; k > tail && !eoi; --k) eoi = head[k - 1] == 0xff && head[k] == 0xd9;
            if (!eoi) return problem(ImageProblem::truncated, "the JPEG file is cut short (no end-of-image marker)");
        }
    } else {
        return problem(ImageProblem::unknown_format, "it is neither PNG nor JPEG");
    }
    if (c.problem == ImageProblem::none && (c.info.width <= 0 || c.info.height <= 0)) {
        ImageInfo info = c.info;
        c = problem(ImageProblem::no_pixels, "its header gives it no pixels (" + std::to_string(info.width) + " x " +
                                                 std::to_string(info.height) + ")");
        c.info = info;
    }
    return c;
}

Result<ImageInfo> read_image_info(const std::string& path) {
    const ImageCheck c = inspect_image(path, false);
    if (c.problem != ImageProblem::none) return Error{"image '" + path + "': " + c.detail};
    const auto w = static_cast<std::uint64_t>(c.info.width), h = static_cast<std::uint64_t>(c.info.height);
    if (w > max_image_side || h > max_image_side || w * h > max_image_pixels)
        return Error{"image '" + path + "' is " + std::to_string(w) + " x " + std::to_string(h) +
                     " pixels, more than folio can hold in memory (scale it down)"};
    return c.info;
}

}  // namespace folio
