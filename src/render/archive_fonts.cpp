#include "render/archive_fonts.hpp"

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_TRUETYPE_TABLES_H
#include <cairo.h>
#include <hb.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <set>

#include "model/digest.hpp"
#include "model/utf8.hpp"
#include "render/font_subset.hpp"

namespace folio {
namespace {

// The Private Use Area of the BMP: 6,400 codes for substituted glyphs per font.
constexpr char32_t pua_first = 0xE000;
constexpr char32_t pua_last = 0xF8FF;

std::string hex4(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", v & 0xFFFF);
    return buf;
}

// UTF-16BE hex of `text`, as a CMap destination string wants it.
std::string utf16_hex(const std::u32string& text) {
    std::string out;
    for (char32_t c : text) {
        if (c >= 0x10000) {
            c -= 0x10000;
            out += hex4(0xD800 + (c >> 10)) + hex4(0xDC00 + (c & 0x3FF));
        } else {
            out += hex4(c);
        }
    }
    return out;
}

struct FontFree { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };

// What one glyph of a run stands for.
struct GlyphRole {
    std::uint32_t glyph = 0;
    char32_t direct = 0;  // nonzero: the font's own glyph for this character
    std::string text;     // otherwise: the cluster's text (first glyph only)
};

}  // namespace

struct ArchiveFonts::Cmaps {
    std::vector<std::unique_ptr<hb_font_t, FontFree>> fonts;  // parallel to m_fonts
};

ArchiveFonts::ArchiveFonts() : m_cmaps(std::make_unique<Cmaps>()) {}
ArchiveFonts::~ArchiveFonts() = default;

namespace {

// The roles of a run's glyphs, cluster by cluster. `cmap` answers which glyph
// the font has for a character.
template <typename Cmap>
std::vector<GlyphRole> roles(const GlyphRun& run, const Cmap& cmap) {
    std::vector<GlyphRole> out(run.glyphs.size());
    for (size_t i = 0; i < run.glyphs.size(); ++i) out[i].glyph = run.glyphs[i].index;
    if (run.clusters.empty()) return out;  // no text to give back: glyphs alone
    size_t byte = 0, glyph = 0;
    for (const TextCluster& c : run.clusters) {
        const auto bytes = static_cast<size_t>(c.bytes), glyphs = static_cast<size_t>(c.glyphs);
        if (byte + bytes > run.text.size() || glyph + glyphs > out.size()) break;
        const std::string text = run.text.substr(byte, bytes);
        const std::u32string chars = utf8_decode(text);
        if (glyphs == 1 && chars.size() == 1 && chars[0] < 0x10000 && chars[0] != 0 &&
            cmap(chars[0]) == out[glyph].glyph)
            out[glyph].direct = chars[0];
        else if (glyphs > 0)
            out[glyph].text = text;
        byte += bytes;
        glyph += glyphs;
    }
    return out;
}

}  // namespace

Result<std::size_t> ArchiveFonts::font_of(const GlyphRun& run) {
    cairo_scaled_font_t* scaled = run.font.get();
    cairo_font_face_t* face = cairo_scaled_font_get_font_face(scaled);
    if (auto it = m_by_face.find(face); it != m_by_face.end()) return it->second;
    if (cairo_scaled_font_get_type(scaled) != CAIRO_FONT_TYPE_FT)
        return Error{"font '" + run.font_name + "' is not a FreeType font"};
    FT_Face ft = cairo_ft_scaled_font_lock_face(scaled);
    if (!ft) return Error{"cannot open font '" + run.font_name + "'"};
    ArchiveFont font;
    FT_ULong length = 0;
    // Table tag 0 is the whole font file.
    if (FT_Load_Sfnt_Table(ft, 0, 0, nullptr, &length) == 0 && length > 0) {
        font.original.resize(length);
        if (FT_Load_Sfnt_Table(ft, 0, 0, reinterpret_cast<FT_Byte*>(font.original.data()), &length) != 0)
            font.original.clear();
    }
    font.face_index = static_cast<unsigned>(ft->face_index & 0xFFFF);
    font.name = std::string(ft->family_name ? ft->family_name : "?") + (ft->style_name ? std::string(" ") + ft->style_name : "");
    cairo_ft_scaled_font_unlock_face(scaled);
    if (font.original.empty()) return Error{"font '" + font.name + "' is not an sfnt font (TrueType or OpenType)"};
    if (!has_truetype_outlines(font.original, font.face_index))
        return Error{"font '" + font.name + "' has no TrueType outlines; the archive edition (libharu) embeds only TrueType fonts"};
    // The same file may reach us through several cairo faces.
    const std::string key = to_hex(sha256(font.original)) + ":" + std::to_string(font.face_index);
    if (auto it = m_by_file.find(key); it != m_by_file.end()) {
        m_by_face[face] = it->second;
        return it->second;
    }
    m_by_file[key] = m_fonts.size();
    m_fonts.push_back(std::move(font));
    const ArchiveFont& added = m_fonts.back();
    // A copy: m_fonts may move its strings as it grows.
    hb_blob_t* blob = hb_blob_create(added.original.data(), static_cast<unsigned>(added.original.size()),
                                     HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr);
    hb_face_t* hb_face = hb_face_create(blob, added.face_index);
    m_cmaps->fonts.emplace_back(hb_font_create(hb_face));
    hb_face_destroy(hb_face);
    hb_blob_destroy(blob);
    m_by_face[face] = m_fonts.size() - 1;
    return m_fonts.size() - 1;
}

Result<void> ArchiveFonts::note(const GlyphRun& run) {
    if (!run.font || run.glyphs.empty()) return {};
    Result<std::size_t> index = font_of(run);
    if (!index) return Error{index.error()};
    ArchiveFont& font = m_fonts[*index];
    hb_font_t* hb = m_cmaps->fonts[*index].get();
    auto cmap = [&](char32_t c) -> std::uint32_t {
        hb_codepoint_t g = 0;
        return hb_font_get_nominal_glyph(hb, c, &g) ? g : 0xFFFFFFFF;
    };
    for (GlyphRole& r : roles(run, cmap)) {
        if (r.direct) font.direct[r.direct] = r.glyph;
        else font.substituted.emplace(std::make_pair(r.glyph, std::move(r.text)), 0);
    }
    return {};
}

Result<void> ArchiveFonts::finish() {
    for (ArchiveFont& font : m_fonts) {
        // Codes in key order: the same layout always gives the same codes.
        char32_t next = pua_first;
        for (auto& [key, code] : font.substituted) {
            while (next <= pua_last && font.direct.count(next)) ++next;
            if (next > pua_last)
                return Error{"font '" + font.name + "': more than 6,400 glyphs drawn for other than their character"};
            code = next++;
        }
        std::set<char32_t> unicodes;
        std::set<std::uint32_t> glyphs;
        for (const auto& [c, g] : font.direct) unicodes.insert(c), glyphs.insert(g);
        for (const auto& [key, code] : font.substituted) glyphs.insert(key.first);
        Result<FontSubset> subset = subset_font(font.original, font.face_index, unicodes, glyphs, true);
        if (!subset) return Error{"font '" + font.name + "': " + subset.error()};
        std::map<char32_t, std::uint16_t> cmap;
        auto add = [&](char32_t code, std::uint32_t old_glyph) {
            auto it = subset->glyph_map.find(old_glyph);
            if (it != subset->glyph_map.end()) cmap[code] = static_cast<std::uint16_t>(it->second);
        };
        for (const auto& [c, g] : font.direct) add(c, g);
        for (const auto& [key, code] : font.substituted) add(code, key.first);
        Result<std::string> file = replace_cmap(subset->bytes, cmap);
        if (!file) return Error{"font '" + font.name + "': " + file.error()};
        font.file = std::move(*file);
    }
    return {};
}

std::size_t ArchiveFonts::known_font(const GlyphRun& run) const {
    auto it = m_by_face.find(cairo_scaled_font_get_font_face(run.font.get()));
    return it == m_by_face.end() ? m_fonts.size() : it->second;
}

Result<ArchiveFonts::RunCodes> ArchiveFonts::codes(const GlyphRun& run) const {
    RunCodes out;
    out.font = known_font(run);
    if (out.font >= m_fonts.size()) return Error{"font '" + run.font_name + "' was not noted before drawing"};
    const ArchiveFont& font = m_fonts[out.font];
    // A character is direct exactly when the first pass found it so, which
    // `direct` remembers with its glyph.
    auto cmap = [&](char32_t c) -> std::uint32_t {
        auto it = font.direct.find(c);
        return it == font.direct.end() ? 0xFFFFFFFF : it->second;
    };
    for (GlyphRole& r : roles(run, cmap)) {
        if (r.direct) {
            out.codes.push_back(r.direct);
            continue;
        }
        auto it = font.substituted.find(std::make_pair(r.glyph, r.text));
        if (it == font.substituted.end()) return Error{"glyph " + std::to_string(r.glyph) + " of '" + run.font_name + "' was not noted"};
        out.codes.push_back(it->second);
    }
    return out;
}

std::string ArchiveFonts::to_unicode(std::size_t i) const {
    const ArchiveFont& font = m_fonts[i];
    std::vector<char32_t> direct;
    for (const auto& [c, g] : font.direct) direct.push_back(c);
    std::map<char32_t, std::string> mapped;
    for (const auto& [key, code] : font.substituted)
        if (!key.second.empty()) mapped[code] = key.second;
    return to_unicode_cmap(direct, mapped);
}

namespace {

// "<a> <b> ...\n": one line of a bfrange or bfchar block. (Appended piece by
// piece: GCC 12 warns falsely of overlapping copies in "<" + std::string.)
void hex_line(std::string& out, std::initializer_list<std::string> parts) {
    const char* gap = "<";
    for (const std::string& part : parts) {
        out += gap;
        out += part;
        out += '>';
        gap = " <";
    }
    out += '\n';
}

}  // namespace

std::string to_unicode_cmap(const std::vector<char32_t>& direct, const std::map<char32_t, std::string>& mapped) {
    // Runs of consecutive codes within one high byte become ranges.
    struct Range {
        char32_t first, last;
    };
    std::vector<Range> ranges;
    for (char32_t c : direct) {
        if (!ranges.empty() && ranges.back().last + 1 == c && (c & 0xFF00) == (ranges.back().first & 0xFF00))
            ranges.back().last = c;
        else
            ranges.push_back({c, c});
    }
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (size_t start = 0; start < ranges.size(); start += 100) {
        const size_t n = std::min<size_t>(100, ranges.size() - start);
        out += std::to_string(n) + " beginbfrange\n";
        for (size_t k = start; k < start + n; ++k)
            hex_line(out, {hex4(ranges[k].first), hex4(ranges[k].last), hex4(ranges[k].first)});
        out += "endbfrange\n";
    }
    std::vector<std::pair<char32_t, std::string>> chars(mapped.begin(), mapped.end());
    for (size_t start = 0; start < chars.size(); start += 100) {
        const size_t n = std::min<size_t>(100, chars.size() - start);
        out += std::to_string(n) + " beginbfchar\n";
        for (size_t k = start; k < start + n; ++k)
            hex_line(out, {hex4(chars[k].first), utf16_hex(utf8_decode(chars[k].second))});
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

}  // namespace folio
