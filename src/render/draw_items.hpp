#pragma once
// Drawing one layout item on a cairo context: shared by the PDF and PNG
// renderers. Nothing here decides where anything goes.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "layout/items.hpp"
#include "model/result.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace folio {

struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const;
};
struct CairoDestroy {
    void operator()(cairo_t* cr) const;
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;

// Images are loaded once per render and drawn wherever they recur, except
// twice on one page: cairo 1.16 then lists the one surface twice in the
// page's /XObject resources, a duplicated key (PDF wants keys unique, and
// qpdf --check warns), so a repeat on the same page gets a copy of its own.
class ImageCache {
public:
    Result<cairo_surface_t*> get(const std::string& path);
    // Forgets which images the current page has drawn.
    void new_page();

private:
    std::map<std::string, SurfacePtr> m_images;
    std::set<std::string> m_on_page;
    std::vector<SurfacePtr> m_page_copies;
};

void draw_glyph_run(cairo_t* cr, const GlyphRun& run);
void draw_rule(cairo_t* cr, const RuleItem& rule);
void draw_rect(cairo_t* cr, const RectItem& rect);
Result<void> draw_image(cairo_t* cr, const ImageItem& image, ImageCache& cache);

}  // namespace folio
