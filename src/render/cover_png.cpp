#include "render/cover_png.hpp"

#include "layout/front_matter.hpp"
#include "render/render_pdf.hpp"

namespace folio {

Result<std::vector<std::uint8_t>> render_cover_png(const Pack& pack, const Style& style, double dpi,
                                                   const Resources& resources) {
    Style sized = style;
    if (pack.page_size == PageSize::us_letter) {
        sized.page_width = 612;
        sized.page_height = 792;
    }
    auto page = layout_cover(pack, sized, resources);
    if (!page) return Error{page.error()};
    return render_page_png_bytes(*page, dpi);
}

}  // namespace folio
