#pragma once
// The page a pack is set on. A pack's `page_size = "Letter"` in folio.toml
// wins over its style file's page size (README, Styles); every stage that
// sizes pages for a pack (the PDF's layout, the EPUB's cover picture and the
// resolution it is drawn at) asks here, so they cannot disagree.
#include "layout/style.hpp"
#include "model/pack.hpp"

namespace folio {

// US Letter, 8.5 x 11 in, in points.
inline constexpr double us_letter_width = 612;
inline constexpr double us_letter_height = 792;

// `style` with the page `size` asks for: A4 leaves the style's own page (the
// style file may have chosen A5 or its own width and height), Letter
// replaces it.
inline Style sized_for(Style style, PageSize size) {
    if (size == PageSize::us_letter) {
        style.page_width = us_letter_width;
        style.page_height = us_letter_height;
    }
    return style;
}

}  // namespace folio
