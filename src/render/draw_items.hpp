#pragma once
// Drawing one layout item on a cairo context: shared by the PDF and PNG
// renderers. Nothing here decides where anything goes.
#include <map>
#include <memory>
#include <string>

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

// Images are loaded once per render and drawn wherever they recur.
class ImageCache {
public:
    Result<cairo_surface_t*> get(const std::string& path);

private:
    std::map<std::string, SurfacePtr> m_images;
};

void draw_glyph_run(cairo_t* cr, const GlyphRun& run);
void draw_rule(cairo_t* cr, const RuleItem& rule);
void draw_rect(cairo_t* cr, const RectItem& rect);
Result<void> draw_image(cairo_t* cr, const ImageItem& image, ImageCache& cache);

}  // namespace folio
