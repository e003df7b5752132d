#include "render/render_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>

#include "model/overloaded.hpp"
#include "render/draw_items.hpp"
#include "render/figure_alt.hpp"
#include "render/front_first.hpp"

namespace folio {
namespace {

// A string value for cairo's tag attributes: single-quoted, with \ and '
// escaped.
std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "'";
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

Result<void> check(cairo_surface_t* surface, const std::string& what) {
    cairo_status_t st = cairo_surface_status(surface);
    if (st != CAIRO_STATUS_SUCCESS) return Error{what + ": " + cairo_status_to_string(st)};
    return {};
}

void metadata(cairo_surface_t* s, const DocInfo& info) {
    auto set = [&](cairo_pdf_metadata_t key, const std::string& v) {
        if (!v.empty()) cairo_pdf_surface_set_metadata(s, key, v.c_str());
    };
    set(CAIRO_PDF_METADATA_TITLE, info.title);
    set(CAIRO_PDF_METADATA_AUTHOR, info.author);
    set(CAIRO_PDF_METADATA_SUBJECT, info.subject);
    set(CAIRO_PDF_METADATA_KEYWORDS, info.keywords);
    set(CAIRO_PDF_METADATA_CREATOR, info.creator);
    // Always set both dates: left unset, cairo writes the clock's time.
    const std::string date = info.create_date.empty() ? "2000-01-01T00:00:00Z" : info.create_date;
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

void outline(cairo_surface_t* s, const std::vector<OutlineEntry>& entries) {
    // Parents by level: a level-n entry hangs under the last entry of a
    // lower level.
    std::map<int, int> last_at_level;
    for (const OutlineEntry& e : entries) {
        int parent = CAIRO_PDF_OUTLINE_ROOT;
        for (auto it = last_at_level.begin(); it != last_at_level.end() && it->first < e.level; ++it) parent = it->second;
        const std::string link = "dest=" + quoted(e.dest);
        const int id = cairo_pdf_surface_add_outline(s, parent, e.title.c_str(), link.c_str(),
                                                     e.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                  : static_cast<cairo_pdf_outline_flags_t>(0));
        last_at_level.erase(last_at_level.lower_bound(e.level), last_at_level.end());
        last_at_level[e.level] = id;
    }
}

Result<void> draw(cairo_t* cr, const Item& item, ImageCache& images) {
    return std::visit(
        Overloaded{
            [&](const GlyphRun& g) -> Result<void> {
                draw_glyph_run(cr, g);
                return {};
            },
            [&](const RuleItem& r) -> Result<void> {
                draw_rule(cr, r);
                return {};
            },
            [&](const RectItem& r) -> Result<void> {
                draw_rect(cr, r);
                return {};
            },
            [&](const ImageItem& im) -> Result<void> { return draw_image(cr, im, images); },
            [&](const LinkItem& l) -> Result<void> {
                std::string attrs = "rect=[" + num(l.x) + " " + num(l.y) + " " + num(l.w) + " " + num(l.h) + "] ";
                attrs += l.uri.empty() ? "dest=" + quoted(l.dest) : "uri=" + quoted(l.uri);
                cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs.c_str());
                cairo_tag_end(cr, CAIRO_TAG_LINK);
                return {};
            },
            [&](const DestItem& d) -> Result<void> {
                const std::string attrs = "name=" + quoted(d.name) + " x=" + num(d.x) + " y=" + num(d.y);
                cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs.c_str());
                cairo_tag_end(cr, CAIRO_TAG_DEST);
                return {};
            },
            // An element running on from the previous page stays open across
            // the break: cairo 1.16 keeps its structure tree across
            // show_page and gives each piece's marked content its own page,
            // so a split paragraph is one P.
            [&](const TagBegin& t) -> Result<void> {
                if (!t.continued) cairo_tag_begin(cr, t.tag.c_str(), "");
                return {};
            },
            [&](const TagEnd& t) -> Result<void> {
                if (!t.continues) cairo_tag_end(cr, t.tag.c_str());
                return {};
            },
        },
        item);
}

}  // namespace

// Pages arrive one at a time; each is shown only when the next arrives (or
// at close), because cairo needs the Document element closed before the
// last page is shown.
namespace {

struct FileClose {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// The PDF's file, written through cairo's stream callback rather than
// cairo_pdf_surface_create(path): cairo reports any failed write as "error
// while writing to output stream", and the user needs the OS's reason (a
// full disk, a file-size limit) to act on it.
struct PdfFile {
    std::unique_ptr<std::FILE, FileClose> file;
    int error = 0;  // errno of the first failed write
    // What has been written, digested as it goes: the build report's
    // record of the file without reading its tens of megabytes back.
    std::uint64_t bytes = 0;
    Sha256Stream sha256;

    void wrote(std::string_view data) {
        bytes += data.size();
        sha256.update(data);
    }
};

// A failed write is recorded, and it and every later write are dropped,
// but cairo is told they succeeded: cairo 1.16 can abort the process (an
// assertion in its structure tree) when it finishes a surface whose page
// failed to write, and the writer must still finish it to free it. The
// writer checks `error` after each page and item and stops there.
cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<PdfFile*>(closure);
    if (out->error) return CAIRO_STATUS_SUCCESS;
    if (std::fwrite(data, 1, length, out->file.get()) != length) out->error = errno ? errno : EIO;
    else out->wrote({reinterpret_cast<const char*>(data), length});
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

struct PdfWriter::State {
    PdfFile file;  // first: members go in reverse order, so the surface (which may still write) goes first
    SurfacePtr surface;
    CairoPtr cr;
    ImageCache images;
    std::string path;
    // Every Figure's alt text, in the order the elements were opened (the
    // structure tree's order): cairo 1.16 cannot write them, figure_alt.hpp
    // adds them once cairo is done.
    std::vector<std::string> figure_alts;
    // The Document element's children so far (cairo makes a structure
    // element of every tag but a destination, a Link too), the depth of the
    // elements open inside it, and how many children there were as each
    // page began: the front matter's are those opened on its pages, and
    // front_first moves them without reading cairo's tree back.
    std::size_t top_elements = 0;
    int depth = 0;
    std::vector<std::size_t> top_elements_before;
    PdfDigest digest;  // set by a successful close()

    void open_element() {
        if (depth++ == 0) ++top_elements;
    }
    void close_element() { --depth; }

    // Cairo's status, or the OS's reason when a write failed.
    Result<void> check_write(cairo_status_t status, const std::string& what) const {
        if (file.error) return Error{"cannot write " + path + ": " + std::strerror(file.error)};
        if (status != CAIRO_STATUS_SUCCESS) return Error{what + ": " + cairo_status_to_string(status)};
        return {};
    }
};

PdfWriter::PdfWriter(std::string path) : m_state(std::make_unique<State>()) { m_state->path = std::move(path); }
PdfWriter::~PdfWriter() = default;

Result<void> PdfWriter::page(const Page& page, const DocInfo& info) {
    State& st = *m_state;
    if (!st.surface) {
        st.file.file.reset(std::fopen(st.path.c_str(), "wb"));
        if (!st.file.file) return Error{"cannot create " + st.path + ": " + std::strerror(errno)};
        st.surface.reset(cairo_pdf_surface_create_for_stream(write_to_file, &st.file, page.width, page.height));
        if (auto r = check(st.surface.get(), "cannot create " + st.path); !r) return r;
        metadata(st.surface.get(), info);
        st.cr.reset(cairo_create(st.surface.get()));
        // The whole pack is one Document element; cairo marks the file as
        // tagged only when the first tag it sees is a top-level element.
        cairo_tag_begin(st.cr.get(), "Document", "");
    } else {
        cairo_show_page(st.cr.get());
        if (st.file.error) return st.check_write(CAIRO_STATUS_SUCCESS, "");
        // The size must be set before anything is drawn on a page.
        cairo_pdf_surface_set_size(st.surface.get(), page.width, page.height);
    }
    if (!page.label.empty()) cairo_pdf_surface_set_page_label(st.surface.get(), page.label.c_str());
    st.images.new_page();
    st.top_elements_before.push_back(st.top_elements);
    // Text goes in Spans: cairo 1.16 drops the marked content of text drawn
    // directly in an element that also has child elements (a P with a
    // Link). One Span holds each unbroken stretch of runs, not one a run:
    // every Span is an object in the structure tree, and one a run made the
    // 1,000-post benchmark's PDF 64 MB instead of 44 and cost cairo a sixth
    // of its time.
    bool in_span = false;
    for (const Item& item : page.items) {
        const bool text = std::holds_alternative<GlyphRun>(item);
        if (text != in_span) {
            if (text) {
                cairo_tag_begin(st.cr.get(), "Span", "");
                st.open_element();
            } else {
                cairo_tag_end(st.cr.get(), "Span");
                st.close_element();
            }
            in_span = text;
        }
        if (auto* t = std::get_if<TagBegin>(&item); t && !t->continued) {
            st.open_element();
            if (t->tag == "Figure") st.figure_alts.push_back(t->alt);
        } else if (auto* e = std::get_if<TagEnd>(&item); e && !e->continues) {
            st.close_element();
        } else if (std::holds_alternative<LinkItem>(item)) {
            st.open_element();
            st.close_element();
        }
        if (auto r = draw(st.cr.get(), item, st.images); !r) return r;
        if (st.file.error || cairo_status(st.cr.get()) != CAIRO_STATUS_SUCCESS)
            return st.check_write(cairo_status(st.cr.get()), "page " + page.label);
    }
    if (in_span) {
        cairo_tag_end(st.cr.get(), "Span");
        st.close_element();
    }
    return {};
}

Result<void> PdfWriter::close(const std::vector<OutlineEntry>& entries, int front_pages) {
    State& st = *m_state;
    if (!st.surface) return Error{"no pages to write to " + st.path};
    cairo_tag_end(st.cr.get(), "Document");
    cairo_show_page(st.cr.get());
    outline(st.surface.get(), entries);
    st.cr.reset();
    cairo_surface_finish(st.surface.get());
    if (auto r = st.check_write(cairo_surface_status(st.surface.get()), "cannot write " + st.path); !r) return r;
    st.surface.reset();
    // What stdio still buffers fails here when the disk is full.
    std::FILE* file = st.file.file.release();
    if (std::fclose(file) != 0) return Error{"cannot write " + st.path + ": " + std::strerror(errno)};
    // The alt texts match the Figures in drawing order, so they go in
    // before the front matter moves; the file is read back once for both.
    const auto pages = st.top_elements_before.size();
    FrontMatter front{front_pages, 0};
    if (front_pages > 0 && static_cast<std::size_t>(front_pages) <= pages)
        front.elements = st.top_elements - st.top_elements_before[pages - static_cast<std::size_t>(front_pages)];
    auto appended = pdf::append_updates(st.path, {add_figure_alts(std::move(st.figure_alts)), move_front_first(front)},
                                        [&](std::string_view added) { st.file.wrote(added); });
    if (!appended) return appended;
    st.digest = {st.file.bytes, st.file.sha256.finish()};
    return {};
}

const PdfDigest& PdfWriter::digest() const { return m_state->digest; }

Result<void> render_pdf(const Layout& layout, const std::string& path, PdfDigest* digest) {
    PdfWriter writer(path);
    const std::size_t front = std::min(layout.pages.size(), static_cast<std::size_t>(std::max(0, layout.front_pages)));
    for (std::size_t i = 0; i < layout.pages.size(); ++i)
        if (auto r = writer.page(layout.pages[(i + front) % layout.pages.size()], layout.info); !r) return r;
    auto closed = writer.close(layout.outline, static_cast<int>(front));
    if (closed && digest) *digest = writer.digest();
    return closed;
}

namespace {

// Draws one page onto a white image surface at `dpi`.
Result<SurfacePtr> page_surface(const Page& p, double dpi) {
    if (dpi <= 0 || dpi > 1200) return Error{"resolution out of range: " + std::to_string(dpi)};
    const double scale = dpi / 72.0;
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(p.width * scale + 0.5),
                                                  static_cast<int>(p.height * scale + 0.5)));
    if (auto r = check(surface.get(), "cannot allocate the preview"); !r) return Error{r.error()};
    CairoPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    ImageCache images;
    for (const Item& item : p.items) {
        if (auto* g = std::get_if<GlyphRun>(&item)) draw_glyph_run(cr.get(), *g);
        else if (auto* r = std::get_if<RuleItem>(&item)) draw_rule(cr.get(), *r);
        else if (auto* rc = std::get_if<RectItem>(&item)) draw_rect(cr.get(), *rc);
        else if (auto* im = std::get_if<ImageItem>(&item)) {
            if (auto res = draw_image(cr.get(), *im, images); !res) return Error{res.error()};
        }
    }
    cr.reset();
    cairo_surface_flush(surface.get());
    return surface;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(closure);
    out->insert(out->end(), data, data + length);
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<void> render_page_png(const Layout& layout, int page, double dpi, const std::string& path) {
    if (page < 0 || static_cast<size_t>(page) >= layout.pages.size())
        return Error{"no page " + std::to_string(page + 1) + " (the layout has " + std::to_string(layout.pages.size()) + ")"};
    auto surface = page_surface(layout.pages[static_cast<size_t>(page)], dpi);
    if (!surface) return Error{surface.error()};
    if (cairo_surface_write_to_png(surface->get(), path.c_str()) != CAIRO_STATUS_SUCCESS)
        return Error{"cannot write " + path};
    return {};
}

Result<std::vector<std::uint8_t>> render_page_png_bytes(const Page& page, double dpi) {
    auto surface = page_surface(page, dpi);
    if (!surface) return Error{surface.error()};
    std::vector<std::uint8_t> bytes;
    if (cairo_surface_write_to_png_stream(surface->get(), append_bytes, &bytes) != CAIRO_STATUS_SUCCESS)
        return Error{"cannot encode the page as PNG"};
    return bytes;
}

}  // namespace folio
