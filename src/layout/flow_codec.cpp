#include "layout/flow_codec.hpp"

#include <pango/pangocairo.h>

#include <map>

#include "model/byte_codec.hpp"
#include "model/overloaded.hpp"

namespace folio {
namespace {

// The font a glyph run names (FontInfo::name), loaded through `tc`'s
// context; null unless the name gives back exactly that font (Pango settles
// for the nearest one, which would be a different galley).
FontHandle font_named(TypeContext& tc, const std::string& name) {
    PangoFontDescription* desc = pango_font_description_from_string(name.c_str());
    PangoFont* font = pango_font_map_load_font(pango_context_get_font_map(tc.pango()), tc.pango(), desc);
    pango_font_description_free(desc);
    if (!font) return {};
    const FontInfo& info = tc.font_info(font);  // keeps its own reference
    g_object_unref(font);
    return info.name == name ? info.handle : FontHandle{};
}

// Variant tags, fixed here rather than taken from Item's index so that
// reordering the variant cannot silently reinterpret old entries (the cache
// format version changes instead).
enum Tag : std::uint8_t { glyphs = 1, rule, rect, image, link, dest, tag_begin, tag_end };

void put(ByteWriter& w, const Color& c) {
    w.f64(c.r);
    w.f64(c.g);
    w.f64(c.b);
}

void put(ByteWriter& w, const Item& item) {
    std::visit(Overloaded{
                   [&](const GlyphRun& r) {
                       w.u8(glyphs);
                       w.str(r.font_name);
                       w.f64(r.size);
                       put(w, r.color);
                       w.f64(r.x);
                       w.f64(r.y);
                       w.f64(r.width);
                       w.str(r.text);
                       w.u64(r.glyphs.size());
                       for (const PlacedGlyph& g : r.glyphs) {
                           w.u32(g.index);
                           w.f32(g.x);
                           w.f32(g.y);
                       }
                       w.u64(r.clusters.size());
                       for (const TextCluster& c : r.clusters) {
                           w.i32(c.bytes);
                           w.i32(c.glyphs);
                       }
                   },
                   [&](const RuleItem& r) {
                       w.u8(rule);
                       for (double v : {r.x0, r.y0, r.x1, r.y1, r.width}) w.f64(v);
                       put(w, r.color);
                   },
                   [&](const RectItem& r) {
                       w.u8(rect);
                       for (double v : {r.x, r.y, r.w, r.h}) w.f64(v);
                       put(w, r.fill);
                   },
                   [&](const ImageItem& r) {
                       w.u8(image);
                       w.str(r.path);
                       for (double v : {r.x, r.y, r.w, r.h}) w.f64(v);
                       w.str(r.alt);
                   },
                   [&](const LinkItem& r) {
                       w.u8(link);
                       for (double v : {r.x, r.y, r.w, r.h}) w.f64(v);
                       w.str(r.uri);
                       w.str(r.dest);
                   },
                   [&](const DestItem& r) {
                       w.u8(dest);
                       w.str(r.name);
                       w.f64(r.x);
                       w.f64(r.y);
                   },
                   [&](const TagBegin& r) {
                       w.u8(tag_begin);
                       w.str(r.tag);
                       w.str(r.alt);
                       w.boolean(r.continued);
                   },
                   [&](const TagEnd& r) {
                       w.u8(tag_end);
                       w.str(r.tag);
                       w.boolean(r.continues);
                   },
               },
               item);
}

void put(ByteWriter& w, const Chunk& c) {
    w.f64(c.height);
    w.f64(c.space_before);
    w.f64(c.baseline);
    w.boolean(c.break_before);
    w.boolean(c.new_page);
    w.i32(c.block);
    w.i32(c.table);
    w.u64(c.notes.size());
    for (int n : c.notes) w.i32(n);
    w.u64(c.items.size());
    for (const Item& item : c.items) put(w, item);
}

void put(ByteWriter& w, const std::vector<Chunk>& chunks) {
    w.u64(chunks.size());
    for (const Chunk& c : chunks) put(w, c);
}

// Reading: each function returns false at the first thing that does not
// fit; the caller turns that into one error.
class Decoder {
public:
    Decoder(std::string_view bytes, TypeContext& tc, int post_index) : m_in(bytes), m_tc(tc), m_post(post_index) {}

    bool flow(PostFlow& out) {
        if (!chunks(out.galley.chunks)) return false;
        std::uint64_t n = 0;
        if (!m_in.count(n, 8)) return false;
        out.galley.notes.resize(static_cast<std::size_t>(n));
        for (NoteBody& note : out.galley.notes)
            if (!chunks(note.lines)) return false;
        if (!chunks(out.galley.table_headers)) return false;
        if (!m_in.count(n, 8 + 4 + 8)) return false;
        out.outline.resize(static_cast<std::size_t>(n));
        for (OutlineEntry& e : out.outline)
            if (!m_in.str(e.title) || !m_in.i32(e.level) || !m_in.str(e.dest)) return false;
        return m_in.remaining() == 0 && references_fit(out.galley);
    }
    const std::string& missing_font() const { return m_missing_font; }

private:
    bool color(Color& c) { return m_in.f64(c.r) && m_in.f64(c.g) && m_in.f64(c.b); }
    bool reals(std::initializer_list<double*> vs) {
        for (double* v : vs)
            if (!m_in.f64(*v)) return false;
        return true;
    }

    // Note and table-header indices point into the galley: paginate trusts
    // them, so they are checked here.
    static bool references_fit(const Galley& g) {
        auto fits = [&](const std::vector<Chunk>& chunks) {
            for (const Chunk& c : chunks) {
                if (c.table < -1 || c.table >= static_cast<int>(g.table_headers.size())) return false;
                for (int n : c.notes)
                    if (n < 0 || n >= static_cast<int>(g.notes.size())) return false;
            }
            return true;
        };
        if (!fits(g.chunks) || !fits(g.table_headers)) return false;
        for (const NoteBody& note : g.notes)
            if (!fits(note.lines)) return false;
        return true;
    }

    bool font(GlyphRun& r) {
        auto it = m_fonts.find(r.font_name);
        if (it == m_fonts.end()) {
            it = m_fonts.emplace(r.font_name, font_named(m_tc, r.font_name)).first;
        }
        if (!it->second) {
            m_missing_font = r.font_name;
            return false;
        }
        r.font = it->second;
        return true;
    }

    bool item(Item& out) {
        std::uint8_t tag = 0;
        if (!m_in.u8(tag)) return false;
        switch (tag) {
        case glyphs: {
            GlyphRun r;
            std::uint64_t n = 0;
            if (!m_in.str(r.font_name) || !m_in.f64(r.size) || !color(r.color) || !reals({&r.x, &r.y, &r.width}) ||
                !m_in.str(r.text) || !m_in.count(n, 12))
                return false;
            r.glyphs.resize(static_cast<std::size_t>(n));
            for (PlacedGlyph& g : r.glyphs)
                if (!m_in.u32(g.index) || !m_in.f32(g.x) || !m_in.f32(g.y)) return false;
            if (!m_in.count(n, 8)) return false;
            r.clusters.resize(static_cast<std::size_t>(n));
            for (TextCluster& c : r.clusters)
                if (!m_in.i32(c.bytes) || !m_in.i32(c.glyphs)) return false;
            if (!font(r)) return false;
            out = std::move(r);
            return true;
        }
        case rule: {
            RuleItem r;
            if (!reals({&r.x0, &r.y0, &r.x1, &r.y1, &r.width}) || !color(r.color)) return false;
            out = r;
            return true;
        }
        case rect: {
            RectItem r;
            if (!reals({&r.x, &r.y, &r.w, &r.h}) || !color(r.fill)) return false;
            out = r;
            return true;
        }
        case image: {
            ImageItem r;
            if (!m_in.str(r.path) || !reals({&r.x, &r.y, &r.w, &r.h}) || !m_in.str(r.alt)) return false;
            out = std::move(r);
            return true;
        }
        case link: {
            LinkItem r;
            if (!reals({&r.x, &r.y, &r.w, &r.h}) || !m_in.str(r.uri) || !m_in.str(r.dest)) return false;
            out = std::move(r);
            return true;
        }
        case dest: {
            DestItem r;
            if (!m_in.str(r.name) || !m_in.f64(r.x) || !m_in.f64(r.y)) return false;
            out = std::move(r);
            return true;
        }
        case tag_begin: {
            TagBegin r;
            if (!m_in.str(r.tag) || !m_in.str(r.alt) || !m_in.boolean(r.continued)) return false;
            out = std::move(r);
            return true;
        }
        case tag_end: {
            TagEnd r;
            if (!m_in.str(r.tag) || !m_in.boolean(r.continues)) return false;
            out = std::move(r);
            return true;
        }
        default:
            return false;
        }
    }

    bool chunk(Chunk& c) {
        std::uint64_t n = 0;
        c.post = m_post;
        if (!reals({&c.height, &c.space_before, &c.baseline}) || !m_in.boolean(c.break_before) ||
            !m_in.boolean(c.new_page) || !m_in.i32(c.block) || !m_in.i32(c.table) || !m_in.count(n, 4))
            return false;
        c.notes.resize(static_cast<std::size_t>(n));
        for (int& note : c.notes)
            if (!m_in.i32(note)) return false;
        if (!m_in.count(n, 1)) return false;
        c.items.resize(static_cast<std::size_t>(n));
        for (Item& i : c.items)
            if (!item(i)) return false;
        return true;
    }

    bool chunks(std::vector<Chunk>& out) {
        std::uint64_t n = 0;
        // A chunk is at least 3 doubles, 2 flags, 2 ints and 2 counts.
        if (!m_in.count(n, 3 * 8 + 2 + 2 * 4 + 2 * 8)) return false;
        out.resize(static_cast<std::size_t>(n));
        for (Chunk& c : out)
            if (!chunk(c)) return false;
        return true;
    }

    ByteReader m_in;
    TypeContext& m_tc;
    int m_post;
    std::map<std::string, FontHandle> m_fonts;
    std::string m_missing_font;
};

}  // namespace

std::string encode_flow(const PostFlow& flow) {
    ByteWriter w;
    put(w, flow.galley.chunks);
    w.u64(flow.galley.notes.size());
    for (const NoteBody& note : flow.galley.notes) put(w, note.lines);
    put(w, flow.galley.table_headers);
    w.u64(flow.outline.size());
    for (const OutlineEntry& e : flow.outline) {
        w.str(e.title);
        w.i32(e.level);
        w.str(e.dest);
    }
    return std::move(w.bytes());
}

Result<PostFlow> decode_flow(std::string_view bytes, TypeContext& tc, int post_index) {
    PostFlow flow;
    Decoder d(bytes, tc, post_index);
    if (d.flow(flow)) return flow;
    if (!d.missing_font().empty()) return Error{"font '" + d.missing_font() + "' is not available"};
    return Error{"not a flowed post"};
}

}  // namespace folio
