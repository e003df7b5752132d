#pragma once
// Replays a Layout onto a Cairo PDF surface (text as real text with embedded
// subset fonts, links, destinations, outline, page labels, tagged structure,
// metadata) and onto an image surface for page previews.
#include <string>

#include "layout/items.hpp"
#include "model/result.hpp"

namespace folio {

// Writes `path` (the caller renames it into place). Identical layouts give
// byte-identical files: the creation date comes from DocInfo, never the clock.
Result<void> render_pdf(const Layout& layout, const std::string& path);

// Page `page` (0-based) as a PNG at `dpi` on a white background.
Result<void> render_page_png(const Layout& layout, int page, double dpi, const std::string& path);

}  // namespace folio
