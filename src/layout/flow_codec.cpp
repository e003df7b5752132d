#include "layout/flow_codec.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <vector>

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

// A folder as the start of the paths inside it: "corpus/" (one separator,
// however the folder was written), "" for the current folder unnamed.
std::string folder_prefix(const std::filesystem::path& folder) {
    return folder.empty() ? std::string() : (folder / "").string();
}

// How an image's path is kept: relative to the post's folder (the figure's
// path as the post wrote it) or, for a path outside it, as it is.
enum ImagePath : std::uint8_t { in_post_folder = 0, as_is = 1 };

// Variant tags, fixed here rather than taken from Item's index so that
// reordering the variant cannot silently reinterpret old entries (the cache
// format version changes instead).
enum Tag : std::uint8_t { glyphs = 1, rule, rect, image, link, dest, tag_begin, tag_end };

// Chunk flags: break_before 1, new_page 2, and whether side notes
// (Chunk::margin, rare: a post's first chunk) follow its items.
constexpr std::uint8_t has_margin = 4;

// GlyphRun flags: every glyph sits on the run's baseline (its y, as a float),
// so no glyph y is written.
constexpr std::uint8_t on_baseline = 1;

// Layout's numbers are mostly multiples of 1/1024 pt (Pango units): those
// are written as a fixed-point varint, everything else as its 8 bytes. Either
// way the value comes back bit for bit.
constexpr double fixed_scale = 1024;
constexpr double fixed_limit = 1e15;  // |v * 1024| below 2^53: exact as an integer

// A float's bits as an integer in the floats' order (negatives below
// positives), so neighbouring glyph positions differ by small numbers.
std::uint32_t float_key(float f) {
    const auto bits = std::bit_cast<std::uint32_t>(f);
    return (bits & 0x80000000u) ? ~bits : bits | 0x80000000u;
}
float key_float(std::uint32_t key) {
    return std::bit_cast<float>((key & 0x80000000u) ? key & 0x7fffffffu : ~key);
}

// The encoding, compact because a pack of 1,000 posts keeps millions of
// glyphs: varints for counts and indices, glyph positions as the difference
// from the glyph before (in float_key order), text clusters run-length
// coded, and font names and structure tags each written once and then
// referred to by number.
class Encoder {
public:
    explicit Encoder(const std::filesystem::path& post_folder) : m_folder(folder_prefix(post_folder)) {}

    void flow(const PostFlow& flow) {
        chunks(flow.galley.chunks);
        m_out.uvar(flow.galley.notes.size());
        for (const NoteBody& note : flow.galley.notes) chunks(note.lines);
        chunks(flow.galley.table_headers);
        m_out.uvar(flow.outline.size());
        for (const OutlineEntry& e : flow.outline) {
            m_out.vstr(e.title);
            m_out.svar(e.level);
            m_out.vstr(e.dest);
        }
    }
    std::string& bytes() { return m_out.bytes(); }

private:
    void image_path(const std::string& path) {
        const std::string_view rest = std::string_view(path).substr(std::min(m_folder.size(), path.size()));
        if (path.starts_with(m_folder) && std::filesystem::path(rest).is_relative()) {
            m_out.u8(in_post_folder);
            m_out.vstr(rest);
        } else {
            m_out.u8(as_is);
            m_out.vstr(path);
        }
    }

    void real(double v) {
        const double scaled = v * fixed_scale;
        if (std::abs(scaled) < fixed_limit) {
            const auto k = static_cast<std::int64_t>(scaled);
            if (std::bit_cast<std::uint64_t>(static_cast<double>(k) / fixed_scale) == std::bit_cast<std::uint64_t>(v)) {
                m_out.uvar(zigzag(k) << 1);
                return;
            }
        }
        m_out.uvar(1);
        m_out.f64(v);
    }
    static std::uint64_t zigzag(std::int64_t v) {
        return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
    }
    void color(const Color& c) {
        real(c.r);
        real(c.g);
        real(c.b);
    }
    // A name from the entry's table: its number, or (the first time) the
    // table's size followed by the name.
    void name(const std::string& s) {
        auto [it, fresh] = m_names.emplace(s, m_names.size());
        m_out.uvar(it->second);
        if (fresh) m_out.vstr(s);
    }

    void run(const GlyphRun& r) {
        m_out.u8(glyphs);
        name(r.font_name);
        real(r.size);
        color(r.color);
        real(r.x);
        real(r.y);
        real(r.width);
        m_out.vstr(r.text);
        const float baseline = static_cast<float>(r.y);
        bool flat = true;
        for (const PlacedGlyph& g : r.glyphs)
            flat = flat && std::bit_cast<std::uint32_t>(g.y) == std::bit_cast<std::uint32_t>(baseline);
        m_out.u8(flat ? on_baseline : 0);
        m_out.uvar(r.glyphs.size());
        std::uint32_t x = float_key(0), y = float_key(baseline);
        for (const PlacedGlyph& g : r.glyphs) {
            m_out.uvar(g.index);
            m_out.svar(std::int64_t{float_key(g.x)} - x);
            x = float_key(g.x);
            if (flat) continue;
            m_out.svar(std::int64_t{float_key(g.y)} - y);
            y = float_key(g.y);
        }
        // Clusters as (bytes, glyphs, repeat): nearly all are one byte, one glyph.
        m_groups.clear();
        for (const TextCluster& c : r.clusters) {
            if (!m_groups.empty() && m_groups.back().first.bytes == c.bytes && m_groups.back().first.glyphs == c.glyphs)
                ++m_groups.back().second;
            else
                m_groups.emplace_back(c, 1);
        }
        m_out.uvar(m_groups.size());
        for (const auto& [c, repeat] : m_groups) {
            m_out.svar(c.bytes);
            m_out.svar(c.glyphs);
            m_out.uvar(repeat);
        }
    }

    void item(const Item& item) {
        std::visit(Overloaded{
                       [&](const GlyphRun& r) { run(r); },
                       [&](const RuleItem& r) {
                           m_out.u8(rule);
                           for (double v : {r.x0, r.y0, r.x1, r.y1, r.width}) real(v);
                           color(r.color);
                       },
                       [&](const RectItem& r) {
                           m_out.u8(rect);
                           for (double v : {r.x, r.y, r.w, r.h}) real(v);
                           color(r.fill);
                       },
                       [&](const ImageItem& r) {
                           m_out.u8(image);
                           image_path(r.path);
                           for (double v : {r.x, r.y, r.w, r.h}) real(v);
                           m_out.vstr(r.alt);
                       },
                       [&](const LinkItem& r) {
                           m_out.u8(link);
                           for (double v : {r.x, r.y, r.w, r.h}) real(v);
                           m_out.vstr(r.uri);
                           m_out.vstr(r.dest);
                       },
                       [&](const DestItem& r) {
                           m_out.u8(dest);
                           m_out.vstr(r.name);
                           real(r.x);
                           real(r.y);
                       },
                       [&](const TagBegin& r) {
                           m_out.u8(tag_begin);
                           name(r.tag);
                           m_out.vstr(r.alt);
                           m_out.boolean(r.continued);
                       },
                       [&](const TagEnd& r) {
                           m_out.u8(tag_end);
                           name(r.tag);
                           m_out.boolean(r.continues);
                       },
                   },
                   item);
    }

    void chunk(const Chunk& c) {
        real(c.height);
        real(c.space_before);
        real(c.baseline);
        m_out.u8(static_cast<std::uint8_t>((c.break_before ? 1 : 0) | (c.new_page ? 2 : 0) |
                                           (c.margin.empty() ? 0 : has_margin)));
        m_out.svar(c.block);
        m_out.svar(c.table);
        m_out.uvar(c.notes.size());
        for (int n : c.notes) m_out.svar(n);
        m_out.uvar(c.items.size());
        for (const Item& i : c.items) item(i);
        if (c.margin.empty()) return;
        m_out.uvar(c.margin.size());
        for (const Item& i : c.margin) item(i);
    }

    void chunks(const std::vector<Chunk>& chunks) {
        m_out.uvar(chunks.size());
        for (const Chunk& c : chunks) chunk(c);
    }

    ByteWriter m_out;
    std::string m_folder;  // folder_prefix of the post's folder
    std::map<std::string, std::size_t, std::less<>> m_names;
    std::vector<std::pair<TextCluster, std::size_t>> m_groups;  // run()'s scratch
};

// Reading: each function returns false at the first thing that does not
// fit; the caller turns that into one error.
class Decoder {
public:
    Decoder(std::string_view bytes, TypeContext& tc, int post_index, const std::filesystem::path& post_folder)
        : m_in(bytes), m_tc(tc), m_post(post_index), m_folder(folder_prefix(post_folder)) {}

    bool flow(PostFlow& out) {
        if (!chunks(out.galley.chunks)) return false;
        std::uint64_t n = 0;
        if (!m_in.vcount(n, 1)) return false;
        out.galley.notes.resize(static_cast<std::size_t>(n));
        for (NoteBody& note : out.galley.notes)
            if (!chunks(note.lines)) return false;
        if (!chunks(out.galley.table_headers)) return false;
        if (!m_in.vcount(n, 3)) return false;
        out.outline.resize(static_cast<std::size_t>(n));
        for (OutlineEntry& e : out.outline) {
            std::int64_t level = 0;
            if (!m_in.vstr(e.title) || !m_in.svar(level) || !small(level, e.level) || !m_in.vstr(e.dest)) return false;
        }
        return m_in.remaining() == 0 && references_fit(out.galley);
    }
    const std::string& missing_font() const { return m_missing_font; }

private:
    static bool small(std::int64_t v, int& out) {
        if (v < INT32_MIN || v > INT32_MAX) return false;
        out = static_cast<int>(v);
        return true;
    }
    bool image_path(std::string& out) {
        std::uint8_t how = 0;
        if (!m_in.u8(how) || !m_in.vstr(out)) return false;
        if (how == as_is) return true;
        if (how != in_post_folder || !std::filesystem::path(out).is_relative()) return false;
        out.insert(0, m_folder);
        return true;
    }
    bool real(double& v) {
        std::uint64_t u = 0;
        if (!m_in.uvar(u)) return false;
        if (u == 1) return m_in.f64(v);
        if (u & 1) return false;
        u >>= 1;
        const auto k = static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1);
        v = static_cast<double>(k) / fixed_scale;
        return true;
    }
    bool color(Color& c) { return real(c.r) && real(c.g) && real(c.b); }
    bool reals(std::initializer_list<double*> vs) {
        for (double* v : vs)
            if (!real(*v)) return false;
        return true;
    }
    bool integer(int& v) {
        std::int64_t w = 0;
        return m_in.svar(w) && small(w, v);
    }
    // A name from the table (see Encoder::name); `index` is its place there.
    bool name(std::string& s, std::size_t* index = nullptr) {
        std::uint64_t i = 0;
        if (!m_in.uvar(i) || i > m_names.size()) return false;
        if (i == m_names.size()) {
            std::string fresh;
            if (!m_in.vstr(fresh)) return false;
            m_names.push_back(std::move(fresh));
            m_fonts.emplace_back();
        }
        s = m_names[static_cast<std::size_t>(i)];
        if (index) *index = static_cast<std::size_t>(i);
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

    // The font a name in the table stands for, loaded once per entry.
    bool font(GlyphRun& r, std::size_t index) {
        if (!m_fonts[index].tried) {
            m_fonts[index].tried = true;
            m_fonts[index].handle = font_named(m_tc, r.font_name);
        }
        if (!m_fonts[index].handle) {
            m_missing_font = r.font_name;
            return false;
        }
        r.font = m_fonts[index].handle;
        return true;
    }

    bool run(Item& out) {
        GlyphRun& r = out.emplace<GlyphRun>();
        std::size_t font_index = 0;
        std::uint8_t flags = 0;
        std::uint64_t n = 0;
        if (!name(r.font_name, &font_index) || !real(r.size) || !color(r.color) || !reals({&r.x, &r.y, &r.width}) ||
            !m_in.vstr(r.text) || !m_in.u8(flags) || flags > on_baseline || !m_in.vcount(n, 2))
            return false;
        const bool flat = flags & on_baseline;
        const float baseline = static_cast<float>(r.y);
        r.glyphs.resize(static_cast<std::size_t>(n));
        std::int64_t x = float_key(0), y = float_key(baseline);
        for (PlacedGlyph& g : r.glyphs) {
            std::uint64_t index = 0;
            std::int64_t dx = 0, dy = 0;
            if (!m_in.uvar(index) || index > UINT32_MAX || !m_in.svar(dx)) return false;
            if (!flat && !m_in.svar(dy)) return false;
            x += dx;
            y += dy;
            if (x < 0 || x > UINT32_MAX || y < 0 || y > UINT32_MAX) return false;
            g.index = static_cast<std::uint32_t>(index);
            g.x = key_float(static_cast<std::uint32_t>(x));
            g.y = flat ? baseline : key_float(static_cast<std::uint32_t>(y));
        }
        // A cluster has a byte or a glyph (cairo refuses one with neither),
        // which bounds how many a run can have.
        const std::size_t most = r.text.size() + r.glyphs.size();
        // The groups are read first and the clusters made at once: growing
        // the vector group by group was most of decoding's allocations.
        std::uint64_t groups = 0;
        if (!m_in.vcount(groups, 3)) return false;
        m_groups.clear();
        std::size_t clusters = 0;
        for (std::uint64_t i = 0; i < groups; ++i) {
            TextCluster c;
            std::uint64_t repeat = 0;
            if (!integer(c.bytes) || !integer(c.glyphs) || !m_in.uvar(repeat) || repeat > most - clusters) return false;
            clusters += static_cast<std::size_t>(repeat);
            m_groups.emplace_back(c, static_cast<std::size_t>(repeat));
        }
        r.clusters.reserve(clusters);
        for (const auto& [c, repeat] : m_groups) r.clusters.insert(r.clusters.end(), repeat, c);
        return font(r, font_index);
    }

    bool item(Item& out) {
        std::uint8_t tag = 0;
        if (!m_in.u8(tag)) return false;
        switch (tag) {
        case glyphs:
            return run(out);
        case rule: {
            RuleItem& r = out.emplace<RuleItem>();
            return reals({&r.x0, &r.y0, &r.x1, &r.y1, &r.width}) && color(r.color);
        }
        case rect: {
            RectItem& r = out.emplace<RectItem>();
            return reals({&r.x, &r.y, &r.w, &r.h}) && color(r.fill);
        }
        case image: {
            ImageItem& r = out.emplace<ImageItem>();
            return image_path(r.path) && reals({&r.x, &r.y, &r.w, &r.h}) && m_in.vstr(r.alt);
        }
        case link: {
            LinkItem& r = out.emplace<LinkItem>();
            return reals({&r.x, &r.y, &r.w, &r.h}) && m_in.vstr(r.uri) && m_in.vstr(r.dest);
        }
        case dest: {
            DestItem& r = out.emplace<DestItem>();
            return m_in.vstr(r.name) && real(r.x) && real(r.y);
        }
        case tag_begin: {
            TagBegin& r = out.emplace<TagBegin>();
            return name(r.tag) && m_in.vstr(r.alt) && m_in.boolean(r.continued);
        }
        case tag_end: {
            TagEnd& r = out.emplace<TagEnd>();
            return name(r.tag) && m_in.boolean(r.continues);
        }
        default:
            return false;
        }
    }

    bool chunk(Chunk& c) {
        std::uint64_t n = 0;
        std::uint8_t flags = 0;
        c.post = m_post;
        if (!reals({&c.height, &c.space_before, &c.baseline}) || !m_in.u8(flags) || flags > 7 ||
            !integer(c.block) || !integer(c.table) || !m_in.vcount(n, 1))
            return false;
        c.break_before = flags & 1;
        c.new_page = flags & 2;
        c.notes.resize(static_cast<std::size_t>(n));
        for (int& note : c.notes)
            if (!integer(note)) return false;
        if (!m_in.vcount(n, 1)) return false;
        c.items.resize(static_cast<std::size_t>(n));
        for (Item& i : c.items)
            if (!item(i)) return false;
        if (!(flags & has_margin)) return true;
        if (!m_in.vcount(n, 1) || n == 0) return false;
        c.margin.resize(static_cast<std::size_t>(n));
        for (Item& i : c.margin)
            if (!item(i)) return false;
        return true;
    }

    bool chunks(std::vector<Chunk>& out) {
        std::uint64_t n = 0;
        // A chunk is at least 3 reals, its flags, 2 ints and 2 counts.
        if (!m_in.vcount(n, 8)) return false;
        out.resize(static_cast<std::size_t>(n));
        for (Chunk& c : out)
            if (!chunk(c)) return false;
        return true;
    }

    struct Font {
        bool tried = false;
        FontHandle handle;
    };
    ByteReader m_in;
    TypeContext& m_tc;
    int m_post;
    std::string m_folder;  // folder_prefix of the post's folder
    std::vector<std::string> m_names;
    std::vector<Font> m_fonts;  // parallel to m_names; a name that is a tag is never loaded
    std::vector<std::pair<TextCluster, std::size_t>> m_groups;  // run()'s scratch
    std::string m_missing_font;
};

}  // namespace

std::string encode_flow(const PostFlow& flow, const std::filesystem::path& post_folder) {
    Encoder e(post_folder);
    e.flow(flow);
    return std::move(e.bytes());
}

Result<PostFlow> decode_flow(std::string_view bytes, TypeContext& tc, int post_index,
                             const std::filesystem::path& post_folder) {
    PostFlow flow;
    Decoder d(bytes, tc, post_index, post_folder);
    if (d.flow(flow)) return flow;
    if (!d.missing_font().empty()) return Error{"font '" + d.missing_font() + "' is not available"};
    return Error{"not a flowed post"};
}

}  // namespace folio
