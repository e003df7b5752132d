#include "render/draw_items.hpp"

#include <cairo.h>

#include <fstream>
#include <iterator>
#include <vector>

#include "layout/image_info.hpp"
#include "render/spaced_words.hpp"

namespace folio {

void SurfaceDestroy::operator()(cairo_surface_t* s) const {
    if (s) cairo_surface_destroy(s);
}
void CairoDestroy::operator()(cairo_t* cr) const {
    if (cr) cairo_destroy(cr);
}

namespace {

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void free_bytes(void* data) { delete static_cast<std::vector<unsigned char>*>(data); }

// A JPEG goes into the PDF as it is (DCTDecode, through its mime data); the
// pixels of the surface are only used by raster targets, which show it blank.
Result<SurfacePtr> load_jpeg(const std::string& path, const ImageInfo& info) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot read image '" + path + "'"};
    auto* bytes = new std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, info.width, info.height));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        delete bytes;
        return Error{"cannot allocate image '" + path + "'"};
    }
    cairo_surface_set_mime_data(surface.get(), CAIRO_MIME_TYPE_JPEG, bytes->data(), bytes->size(), free_bytes, bytes);
    return surface;
}

Result<SurfacePtr> load_image(const std::string& path) {
    Result<ImageInfo> info = read_image_info(path);
    if (!info) return Error{info.error()};
    if (info->format != ImageFormat::png) return load_jpeg(path, *info);
    SurfacePtr surface(cairo_image_surface_create_from_png(path.c_str()));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        return Error{"cannot decode PNG '" + path + "': " + cairo_status_to_string(cairo_surface_status(surface.get()))};
    return surface;
}

}  // namespace

Result<cairo_surface_t*> ImageCache::get(const std::string& path) {
    const bool repeat = !m_on_page.insert(path).second;
    if (!repeat)
        if (auto it = m_images.find(path); it != m_images.end()) return it->second.get();
    Result<SurfacePtr> surface = load_image(path);
    if (!surface) return Error{surface.error()};
    if (repeat) return m_page_copies.emplace_back(std::move(*surface)).get();
    return m_images.emplace(path, std::move(*surface)).first->second.get();
}

void ImageCache::new_page() {
    m_on_page.clear();
    m_page_copies.clear();
}

void draw_glyph_run(cairo_t* cr, const GlyphRun& run) {
    if (run.glyphs.empty() || !run.font) return;
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const auto& g : run.glyphs) glyphs.push_back({g.index, g.x, g.y});
    cairo_set_scaled_font(cr, run.font.get());
    set_color(cr, run.color);
    if (run.clusters.empty()) {
        cairo_show_glyphs(cr, glyphs.data(), static_cast<int>(glyphs.size()));
        return;
    }
    // A letter-spaced word goes to cairo as one cluster, which it writes with
    // its text as ActualText: pdftotext then reads the word whole instead of
    // guessing a space at a wide gap ("S TAT E M E N T", a kind label whose
    // T and A are kerned closer than its other letters; spaced_words.hpp).
    const std::vector<SpacedWord> spaced = letter_spaced_words(run, [&](std::size_t i) {
        cairo_text_extents_t extents;
        cairo_scaled_font_glyph_extents(run.font.get(), &glyphs[i], 1, &extents);
        return extents.x_advance;
    });
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.clusters.size());
    auto word = spaced.begin();
    std::size_t glyph = 0;
    for (const auto& c : run.clusters) {
        const bool joins = word != spaced.end() && glyph > word->first && glyph <= word->last;
        if (joins) {
            clusters.back().num_bytes += c.bytes;
            clusters.back().num_glyphs += c.glyphs;
        } else {
            clusters.push_back({c.bytes, c.glyphs});
        }
        glyph += static_cast<std::size_t>(c.glyphs);
        if (word != spaced.end() && glyph > word->last) ++word;
    }
    cairo_show_text_glyphs(cr, run.text.data(), static_cast<int>(run.text.size()), glyphs.data(),
                           static_cast<int>(glyphs.size()), clusters.data(), static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
}

void draw_rule(cairo_t* cr, const RuleItem& rule) {
    set_color(cr, rule.color);
    cairo_set_line_width(cr, rule.width);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    cairo_move_to(cr, rule.x0, rule.y0);
    cairo_line_to(cr, rule.x1, rule.y1);
    cairo_stroke(cr);
}

void draw_rect(cairo_t* cr, const RectItem& rect) {
    set_color(cr, rect.fill);
    cairo_rectangle(cr, rect.x, rect.y, rect.w, rect.h);
    cairo_fill(cr);
}

Result<void> draw_image(cairo_t* cr, const ImageItem& image, ImageCache& cache) {
    Result<cairo_surface_t*> surface = cache.get(image.path);
    if (!surface) return Error{surface.error()};
    const int pw = cairo_image_surface_get_width(*surface);
    const int ph = cairo_image_surface_get_height(*surface);
    if (pw <= 0 || ph <= 0) return {};
    cairo_save(cr);
    cairo_translate(cr, image.x, image.y);
    cairo_scale(cr, image.w / pw, image.h / ph);
    cairo_set_source_surface(cr, *surface, 0, 0);
    // Clipped to the picture's own box, not an unbounded paint: cairo 1.16
    // fails the whole PDF with a tag error ("invalid tag name, attributes,
    // or nesting") when an unbounded paint is the first thing drawn on a
    // page inside a structure element begun on that page, which is any page
    // that opens with a figure. The output is the same image XObject.
    cairo_rectangle(cr, 0, 0, pw, ph);
    cairo_clip(cr);
    cairo_paint(cr);
    cairo_restore(cr);
    return {};
}

}  // namespace folio
