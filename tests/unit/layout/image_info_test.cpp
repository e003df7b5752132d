// Image headers and whole-file checks: what `folio check` refuses before the
// PDF writer would fail on it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <zlib.h>

#include "layout/image_info.hpp"
#include "png_bytes.hpp"

using namespace folio;
using namespace folio::test;

namespace {

namespace fs = std::filesystem;

// A file of `bytes` in a folder of this test's own, removed at the end.
struct TempFile {
    fs::path path;
    explicit TempFile(const std::string& bytes) {
        static int n = 0;
        const fs::path dir = fs::temp_directory_path() / ("folio_image_info_" + std::to_string(::getpid()));
        fs::create_directories(dir);
        path = dir / ("image" + std::to_string(n++));
        std::ofstream(path, std::ios::binary) << bytes;
    }
    ~TempFile() { fs::remove(path); }
};

// An 8-bit grey PNG with right CRCs and real image data: every row, or for
// a picture too large to make here, one row (such files are only ever read
// for their header: their size is refused first).
std::string png(std::uint32_t w, std::uint32_t h, const std::string& idat = "") {
    const std::string ihdr = be32(w) + be32(h) + std::string("\x08\x00\x00\x00\x00", 5);
    std::string rows;
    const std::uint32_t made = std::uint64_t{w} * h <= 4'000'000 ? h : 1;
    for (std::uint32_t y = 0; y < made && w <= 100'000; ++y) rows += '\0' + std::string(w, '\x80');
    uLongf n = compressBound(rows.size());
    std::string data(n, '\0');
    compress(reinterpret_cast<Bytef*>(data.data()), &n, reinterpret_cast<const Bytef*>(rows.data()), rows.size());
    data.resize(n);
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) +
           png_chunk("IDAT", idat.empty() ? data : idat) + png_chunk("IEND", "");
}

}  // namespace

TEST_CASE("a whole PNG gives its size") {
    TempFile f(png(640, 480));
    const ImageCheck c = inspect_image(f.path.string(), true);
    CHECK(c.problem == ImageProblem::none);
    CHECK(c.info.width == 640);
    CHECK(c.info.height == 480);
}

TEST_CASE("a PNG cut short is truncated, whether in a chunk or before IEND") {
    const std::string whole = png(64, 64);
    TempFile inside(whole.substr(0, 40));
    CHECK(inspect_image(inside.path.string(), true).problem == ImageProblem::truncated);
    TempFile before_end(whole.substr(0, whole.size() - 12));
    const ImageCheck c = inspect_image(before_end.path.string(), true);
    CHECK(c.problem == ImageProblem::truncated);
    CHECK(c.detail == "the PNG file is cut short (no IEND chunk)");
    TempFile header(whole.substr(0, 20));
    CHECK(inspect_image(header.path.string(), false).problem == ImageProblem::truncated);
    // The header alone is enough for read_image_info (the layout's quick look).
    CHECK(read_image_info(before_end.path.string()));
}

TEST_CASE("a PNG whose chunk fails its CRC is damaged") {
    std::string bytes = png(64, 64);
    bytes[45] = static_cast<char>(bytes[45] ^ 0x20);  // inside the IDAT data
    TempFile f(bytes);
    const ImageCheck c = inspect_image(f.path.string(), true);
    CHECK(c.problem == ImageProblem::damaged);
    CHECK(c.detail == "the PNG file is damaged (a chunk fails its CRC check)");
}

TEST_CASE("a PNG whose image data does not decompress is damaged, though every CRC is right") {
    // Found by the hostile-input suite: check passed it, the build then
    // failed in Cairo with exit 2 and no line.
    TempFile f(png(64, 64, "not really deflate"));
    const ImageCheck c = inspect_image(f.path.string(), true);
    CHECK(c.problem == ImageProblem::damaged);
    CHECK(c.detail.starts_with("the PNG file is damaged (its image data does not decompress: "));
}

TEST_CASE("empty files, other formats and images without pixels") {
    TempFile empty("");
    CHECK(inspect_image(empty.path.string(), true).problem == ImageProblem::empty);
    TempFile gif("GIF89a....");
    CHECK(inspect_image(gif.path.string(), true).problem == ImageProblem::unknown_format);
    TempFile zero(png(0, 10));
    const ImageCheck c = inspect_image(zero.path.string(), true);
    CHECK(c.problem == ImageProblem::no_pixels);
    CHECK(c.detail == "its header gives it no pixels (0 x 10)");
    CHECK(inspect_image("/nonexistent/folio.png", true).problem == ImageProblem::unreadable);
}

TEST_CASE("read_image_info refuses what no limit can allow") {
    TempFile huge(png(100000, 100000));
    const auto r = read_image_info(huge.path.string());
    REQUIRE_FALSE(r);
    CHECK(r.error().find("is 100000 x 100000 pixels, more than folio can hold in memory") != std::string::npos);
    TempFile big(png(20000, 10000));  // 200 million: under the ceiling, over the default limit
    CHECK(read_image_info(big.path.string()));
}

TEST_CASE("a JPEG without its end-of-image marker is truncated") {
    // SOI, SOF0 (8 bits, 2 x 3 pixels, one component), SOS, a few bytes of scan, EOI.
    const std::string sof("\xff\xc0\x00\x0b\x08\x00\x03\x00\x02\x01\x01\x11\x00", 13);
    const std::string sos("\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00", 10);
    const std::string jpeg = std::string("\xff\xd8", 2) + sof + sos + std::string("\x12\x34\x56", 3);
    TempFile whole(jpeg + std::string("\xff\xd9", 2));
    const ImageCheck ok = inspect_image(whole.path.string(), true);
    CHECK(ok.problem == ImageProblem::none);
    CHECK(ok.info.width == 2);
    CHECK(ok.info.height == 3);
    TempFile cut(jpeg);
    CHECK(inspect_image(cut.path.string(), true).problem == ImageProblem::truncated);
}
