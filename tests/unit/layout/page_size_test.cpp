#include <doctest/doctest.h>

#include "layout/page_size.hpp"

using namespace folio;

TEST_CASE("a pack's Letter page wins over its style's page, A4 leaves the style's own") {
    Style a5;
    a5.page_width = 148 * mm;
    a5.page_height = 210 * mm;
    const Style kept = sized_for(a5, PageSize::a4);
    CHECK(kept.page_width == a5.page_width);
    CHECK(kept.page_height == a5.page_height);
    const Style letter = sized_for(a5, PageSize::us_letter);
    CHECK(letter.page_width == 612);
    CHECK(letter.page_height == 792);
    CHECK(letter.margin_inner == a5.margin_inner);  // only the page changes
}
