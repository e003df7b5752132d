#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

#include "../layout/pack_builder.hpp"
#include "render/cover_png.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Resources cover_resources() {
    Resources r;
    r.fonts_dir = std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts";
    return r;
}

std::uint32_t be32(const std::vector<std::uint8_t>& b, size_t at) {
    return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) | (std::uint32_t{b[at + 2]} << 8) | b[at + 3];
}

}  // namespace

TEST_CASE("the EPUB cover is the PDF cover as PNG bytes, of the page's proportions, the same every time") {
    Pack p = pack({post("a", "A post", {para("Text.")})});
    p.title = "North Korea: human rights, refugees and accountability";
    auto a = render_cover_png(p, Style{}, 144, cover_resources());
    REQUIRE_MESSAGE(a.ok(), a.error());
    const auto& png = *a;
    REQUIRE(png.size() > 1000);
    const std::uint8_t signature[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    CHECK(std::equal(std::begin(signature), std::end(signature), png.begin()));
    CHECK(be32(png, 16) == 1191);  // 595.28 pt at 144 dpi
    CHECK(be32(png, 20) == 1684);  // 841.89 pt
    auto b = render_cover_png(p, Style{}, 144, cover_resources());
    REQUIRE(b.ok());
    CHECK(*a == *b);

    p.page_size = PageSize::us_letter;
    auto letter = render_cover_png(p, Style{}, 72, cover_resources());
    REQUIRE(letter.ok());
    CHECK(be32(*letter, 16) == 612);
    CHECK(be32(*letter, 20) == 792);
}

TEST_CASE("a cover whose logo is missing is an error, not a picture without it") {
    Pack p = pack({post("a", "A post", {para("Text.")})});
    p.site.logo = "/nonexistent/folio-logo.png";
    auto r = render_cover_png(p, Style{}, 72, cover_resources());
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find("folio-logo.png") != std::string::npos);
}
