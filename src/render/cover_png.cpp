#include "render/cover_png.hpp"

#include "layout/front_matter.hpp"
#include "layout/page_size.hpp"
#include "render/render_pdf.hpp"

namespace folio {

Result<std::vector<std::uint8_t>> render_cover_png(const Pack& pack, const Style& style, double dpi,
                                                   const Resources& resources) {
    auto page = layout_cover(pack, sized_for(style, pack.page_size), resources);
    if (!page) return Error{page.error()};
    return render_page_png_bytes(*page, dpi);
}

}  // namespace folio
