// A PNG's image data decompressed and checked against its header: what
// Cairo would refuse while writing the PDF, found before anything is written.
#include <doctest/doctest.h>
#include <zlib.h>

#include <string>

#include "layout/png_pixels.hpp"
#include "png_bytes.hpp"

using namespace folio;
using namespace folio::test;

namespace {

std::string deflated(const std::string& raw) {
    uLongf n = compressBound(raw.size());
    std::string out(n, '\0');
    REQUIRE(compress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(raw.data()), raw.size()) ==
            Z_OK);
    out.resize(n);
    return out;
}

// `rows` rows of `width` grey bytes, each after filter type `filter`.
std::string grey_rows(std::uint32_t width, std::uint32_t rows, char filter = 0) {
    std::string out;
    for (std::uint32_t y = 0; y < rows; ++y) out += filter + std::string(width, '\x80');
    return out;
}

struct Png {
    std::uint32_t width = 64, height = 64;
    char depth = 8, colour = 0, interlace = 0;
    bool palette = false;
    std::string header() const {
        return be32(width) + be32(height) + depth + colour + std::string(2, '\0') + interlace;
    }
    // Right CRCs everywhere: only the image data can be wrong.
    std::string with_data(const std::string& idat) const {
        return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", header()) +
               (palette ? png_chunk("PLTE", std::string(3, '\0')) : "") + png_chunk("IDAT", idat) +
               png_chunk("IEND", "");
    }
};

std::string problem(const std::string& png) {
    return png_pixel_data_problem({reinterpret_cast<const unsigned char*>(png.data()), png.size()});
}

}  // namespace

TEST_CASE("whole image data passes") {
    Png png;
    CHECK(problem(png.with_data(deflated(grey_rows(64, 64)))) == "");
    // Split over two IDAT chunks, as encoders do for large images.
    const std::string data = deflated(grey_rows(64, 64));
    const std::string two = std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", png.header()) +
                            png_chunk("IDAT", data.substr(0, 9)) + png_chunk("IDAT", data.substr(9)) +
                            png_chunk("IEND", "");
    CHECK(problem(two) == "");
    // Larger than the checker's buffer: 3,000 rows of 3,000 pixels.
    Png big{3000, 3000};
    CHECK(problem(big.with_data(deflated(grey_rows(3000, 3000)))) == "");
}

TEST_CASE("compressed data that does not decompress is damage, though every CRC is right") {
    std::string data = deflated(grey_rows(64, 64));
    for (std::size_t i = 2; i + 4 < data.size(); ++i) data[i] = static_cast<char>(data[i] ^ 0x5A);
    CHECK(problem(Png{}.with_data(data)).starts_with(
        "the PNG file is damaged (its image data does not decompress: "));
}

TEST_CASE("a stream cut short, too few rows, an unknown filter type") {
    std::string data = deflated(grey_rows(64, 64));
    data.resize(data.size() / 2);
    CHECK(problem(Png{}.with_data(data)) == "the PNG file is cut short (its compressed image data stops before its end)");
    CHECK(problem(Png{}.with_data(deflated(grey_rows(64, 63)))) ==
          "the PNG file is damaged (its image data holds fewer rows than its header gives)");
    CHECK(problem(Png{}.with_data(deflated(grey_rows(64, 64, 7)))) ==
          "the PNG file is damaged (a row of its image data has the unknown filter type 7)");
}

TEST_CASE("interlaced rows are counted pass by pass") {
    // 5 x 3 pixels: Adam7's pass 3 (from row 4) has no pixels, so no rows.
    Png png{5, 3};
    png.interlace = 1;
    const unsigned x0[] = {0, 4, 0, 2, 0, 1, 0}, y0[] = {0, 0, 4, 0, 2, 0, 1};
    const unsigned dx[] = {8, 8, 4, 4, 2, 2, 1}, dy[] = {8, 8, 8, 4, 4, 2, 2};
    std::string raw;
    for (int p = 0; p < 7; ++p) {
        const unsigned w = 5 > x0[p] ? (5 - x0[p] + dx[p] - 1) / dx[p] : 0;
        const unsigned h = 3 > y0[p] ? (3 - y0[p] + dy[p] - 1) / dy[p] : 0;
        if (w > 0 && h > 0) raw += grey_rows(w, h);
    }
    CHECK(problem(png.with_data(deflated(raw))) == "");
    raw.pop_back();
    CHECK(problem(png.with_data(deflated(raw))) ==
          "the PNG file is damaged (its image data holds fewer rows than its header gives)");
}

TEST_CASE("a header PNG does not allow, a palette image without its palette") {
    Png rgb4;
    rgb4.colour = 2;
    rgb4.depth = 4;
    CHECK(problem(rgb4.with_data(deflated(grey_rows(64, 64)))) ==
          "the PNG file is damaged (its header gives colour type 2 with bit depth 4, which PNG does not allow)");
    Png indexed;
    indexed.colour = 3;
    CHECK(problem(indexed.with_data(deflated(grey_rows(64, 64)))) ==
          "the PNG file is damaged (a palette image without a palette before its data)");
    indexed.palette = true;
    CHECK(problem(indexed.with_data(deflated(grey_rows(64, 64)))) == "");
}
