// Font embedding with hb-subset, on the fonts in fonts/.
#include <doctest/doctest.h>

#include <filesystem>

#include "epub/font_subset.hpp"

using namespace folio::epub;
namespace fs = std::filesystem;

namespace {

const std::string fonts_dir = std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts";

std::set<char32_t> chars(std::u32string_view s) { return {s.begin(), s.end()}; }

const EmbeddedFont* find(const std::vector<EmbeddedFont>& fonts, const std::string& href) {
    for (const auto& f : fonts)
        if (f.href == href) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("fonts are subset to the characters used, with their family, weight and style") {
    if (!fs::exists(fonts_dir + "/NotoSerif-Regular.ttf")) {
        MESSAGE("fonts/ has no Noto Serif: skipped");
        return;
    }
    auto fonts = subset_fonts(fonts_dir, chars(U"Abc 통일"), false);
    const EmbeddedFont* serif = find(fonts, "fonts/NotoSerif-Regular.ttf");
    REQUIRE(serif != nullptr);
    CHECK(serif->family == "Noto Serif");
    CHECK(serif->weight == 400);
    CHECK_FALSE(serif->italic);
    CHECK(serif->media_type == "font/ttf");
    CHECK(serif->bytes.size() * 20 < serif->original_size);
    CHECK(font_coverage(serif->bytes) == chars(U"Abc "));

    const EmbeddedFont* bold_italic = find(fonts, "fonts/NotoSerif-BoldItalic.ttf");
    REQUIRE(bold_italic != nullptr);
    CHECK(bold_italic->weight == 700);
    CHECK(bold_italic->italic);

    // The Korean fonts carry only the Hangul (the Latin fonts come first).
    const EmbeddedFont* nanum = find(fonts, "fonts/NanumMyeongjo.ttf");
    REQUIRE(nanum != nullptr);
    CHECK(font_coverage(nanum->bytes) == chars(U" 통일"));

    // No code in the book: no monospaced font.
    CHECK(find(fonts, "fonts/NotoSansMono-Regular.ttf") == nullptr);
    CHECK(find(subset_fonts(fonts_dir, chars(U"x"), true), "fonts/NotoSansMono-Regular.ttf") != nullptr);

    std::string css = font_face_css(fonts);
    CHECK(css.find("font-family: \"Noto Serif\";\n  font-weight: 700;\n  font-style: italic;\n"
                   "  src: url(\"../fonts/NotoSerif-BoldItalic.ttf\");") != std::string::npos);
}

TEST_CASE("no Hangul in the book: no Korean fonts, and a missing folder gives no fonts") {
    if (!fs::exists(fonts_dir + "/NanumMyeongjo.ttf")) {
        MESSAGE("fonts/ has no Nanum fonts: skipped");
        return;
    }
    auto fonts = subset_fonts(fonts_dir, chars(U"Latin only"), false);
    CHECK(find(fonts, "fonts/NanumMyeongjo.ttf") == nullptr);
    CHECK(find(fonts, "fonts/NanumGothic.ttf") == nullptr);
    CHECK(subset_fonts("/nonexistent", chars(U"a"), true).empty());
    CHECK(subset_fonts("", chars(U"a"), true).empty());
    CHECK(is_house_family("Noto Sans"));
    CHECK(is_house_family("NanumMyeongjo"));
    CHECK_FALSE(is_house_family("DejaVu Sans"));
}
