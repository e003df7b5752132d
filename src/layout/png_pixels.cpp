#include "layout/png_pixels.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "layout/big_endian.hpp"

namespace folio {
namespace {

bool is_type(const unsigned char* p, const char* type) { return std::equal(p, p + 4, type); }

struct Header {
    std::uint32_t width = 0, height = 0;
    unsigned depth = 0, colour = 0, interlace = 0;
};

// Bits a pixel takes, or 0 for a bit depth its colour type cannot have
// (PNG's table of allowed combinations).
unsigned bits_per_pixel(const Header& h) {
    auto allowed = [&](std::initializer_list<unsigned> depths) {
        return std::find(depths.begin(), depths.end(), h.depth) != depths.end();
    };
    switch (h.colour) {
        case 0: return allowed({1, 2, 4, 8, 16}) ? h.depth : 0;      // grey
        case 2: return allowed({8, 16}) ? 3 * h.depth : 0;           // RGB
        case 3: return allowed({1, 2, 4, 8}) ? h.depth : 0;          // palette
        case 4: return allowed({8, 16}) ? 2 * h.depth : 0;           // grey + alpha
        case 6: return allowed({8, 16}) ? 4 * h.depth : 0;           // RGBA
        default: return 0;
    }
}

// The rows the decompressed data must hold, in order: `count` rows of
// `bytes` each (the filter-type byte included); one run, or one per Adam7
// pass that has pixels.
struct RowRun {
    std::uint64_t bytes = 0;
    std::uint64_t count = 0;
};

std::vector<RowRun> expected_rows(const Header& h) {
    const unsigned bpp = bits_per_pixel(h);
    auto run = [&](std::uint64_t w, std::uint64_t rows) { return RowRun{1 + (w * bpp + 7) / 8, rows}; };
    if (h.interlace == 0) return {run(h.width, h.height)};
    // Adam7: each pass's first column and row, and its steps.
    static constexpr std::array<std::array<unsigned, 4>, 7> passes{
        {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}};
    std::vector<RowRun> out;
    for (const auto& [x0, y0, dx, dy] : passes) {
        const std::uint64_t w = h.width > x0 ? (h.width - x0 + dx - 1) / dx : 0;
        const std::uint64_t rows = h.height > y0 ? (h.height - y0 + dy - 1) / dy : 0;
        if (w > 0 && rows > 0) out.push_back(run(w, rows));
    }
    return out;
}

// Follows the decompressed bytes through the rows, checking each row's
// filter-type byte (0 to 4) as it goes by.
class RowWalker {
public:
    explicit RowWalker(std::vector<RowRun> runs) : m_runs(std::move(runs)) {}

    // False with `problem` set at the first bad filter type.
    bool take(const unsigned char* p, std::size_t n, std::string& problem) {
        while (n > 0 && !done()) {
            const RowRun& run = m_runs[m_run];
            if (m_in_row == 0 && p[0] > 4) {
                problem = "the PNG file is damaged (a row of its image data has the unknown filter type " +
                          std::to_string(p[0]) + ")";
                return false;
            }
            const std::uint64_t step = std::min<std::uint64_t>(n, run.bytes - m_in_row);
            p += step;
            n -= static_cast<std::size_t>(step);
            m_in_row += step;
            if (m_in_row == run.bytes) {
                m_in_row = 0;
                if (++m_row == run.count) {
                    m_row = 0;
                    ++m_run;
                }
            }
        }
        return true;
    }
    bool done() const { return m_run == m_runs.size(); }

private:
    std::vector<RowRun> m_runs;
    std::size_t m_run = 0;
    std::uint64_t m_row = 0, m_in_row = 0;
};

struct Inflater {
    z_stream z{};
    bool open = false;
    Inflater() { open = inflateInit(&z) == Z_OK; }
    ~Inflater() {
        if (open) inflateEnd(&z);
    }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
};

}  // namespace

std::string png_pixel_data_problem(std::span<const unsigned char> png) {
    // The chunks, as walk_png found them whole: signature, then length,
    // type, data, CRC each.
    std::size_t at = 8;
    auto next_chunk = [&](std::uint32_t& length, const unsigned char*& type, const unsigned char*& data) {
        if (at + 12 > png.size()) return false;
        length = big_endian32(&png[at]);
        if (png.size() - at - 12 < length) return false;
        type = &png[at + 4];
        data = &png[at + 8];
        at += 12 + std::size_t{length};
        return true;
    };
    std::uint32_t length = 0;
    const unsigned char* type = nullptr;
    const unsigned char* data = nullptr;
    if (!next_chunk(length, type, data) || !is_type(type, "IHDR") || length != 13)
        return "the PNG file is damaged (it does not begin with its header chunk, IHDR)";
    Header h{big_endian32(data), big_endian32(data + 4), data[8], data[9], data[12]};
    if (h.width == 0 || h.height == 0) return "";  // reported as an image without pixels
    if (bits_per_pixel(h) == 0)
        return "the PNG file is damaged (its header gives colour type " + std::to_string(h.colour) +
               " with bit depth " + std::to_string(h.depth) + ", which PNG does not allow)";
    if (data[10] != 0 || data[11] != 0 || h.interlace > 1)
        return "the PNG file is damaged (its header names a compression, filter or interlace method PNG does not have)";

    Inflater inflater;
    if (!inflater.open) return "";  // zlib could not start (no memory): the writer will say so
    RowWalker rows(expected_rows(h));
    std::array<unsigned char, 64 * 1024> out{};
    bool palette = false, seen_data = false, data_ended = false, stream_end = false;
    std::string problem;
    while (next_chunk(length, type, data)) {
        if (is_type(type, "IEND")) break;
        if (is_type(type, "PLTE")) palette = true;
        if (!is_type(type, "IDAT")) {
            data_ended = data_ended || seen_data;
            continue;
        }
        if (data_ended) return "the PNG file is damaged (its image data is split by another chunk)";
        if (h.colour == 3 && !palette) return "the PNG file is damaged (a palette image without a palette before its data)";
        seen_data = true;
        if (stream_end) continue;  // data after the end of the stream: decoders ignore it
        inflater.z.next_in = const_cast<unsigned char*>(data);
        inflater.z.avail_in = length;
        // Until the stream ends, or this chunk's bytes are used up and the
        // output buffer was not filled (so nothing is pending in zlib).
        for (;;) {
            inflater.z.next_out = out.data();
            inflater.z.avail_out = static_cast<uInt>(out.size());
            const int r = inflate(&inflater.z, Z_NO_FLUSH);
            if (r == Z_NEED_DICT || r == Z_DATA_ERROR || r == Z_STREAM_ERROR)
                return std::string("the PNG file is damaged (its image data does not decompress: ") +
                       (inflater.z.msg ? inflater.z.msg : "invalid deflate data") + ")";
            if (r == Z_MEM_ERROR) return "";  // no memory to check with: the writer will say so
            if (!rows.take(out.data(), out.size() - inflater.z.avail_out, problem)) return problem;
            if (r == Z_STREAM_END) {
                stream_end = true;
                break;
            }
            if (inflater.z.avail_out != 0) break;
        }
    }
    if (!seen_data) return "the PNG file has no image data (no IDAT chunk)";
    if (!stream_end) return "the PNG file is cut short (its compressed image data stops before its end)";
    if (!rows.done()) return "the PNG file is damaged (its image data holds fewer rows than its header gives)";
    return "";
}

}  // namespace folio
