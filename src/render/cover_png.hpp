#pragma once
// The EPUB's cover image: the PDF's cover drawing (layout_cover), rendered to
// PNG, so both editions carry the same picture.
#include <cstdint>
#include <vector>

#include "layout/style.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

// PNG bytes of the cover at `dpi` (96 dpi gives 794 x 1123 px on A4; EPUB
// readers want about 1600 px tall, so the app asks for ~137 dpi). US Letter
// packs get a Letter-sized cover. Fails as layout_cover does (fonts, logo).
Result<std::vector<std::uint8_t>> render_cover_png(const Pack& pack, const Style& style, double dpi,
                                                   const Resources& resources = default_resources());

}  // namespace folio
