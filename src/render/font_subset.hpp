#pragma once
// Cutting a font down with HarfBuzz's hb-subset, and rebuilding a font with
// a character map of our choosing. Plain bytes in and out: no HarfBuzz type
// crosses this interface.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "model/result.hpp"

namespace folio {

struct FontSubset {
    std::string bytes;                            // an sfnt (TrueType or OpenType) file
    std::map<std::uint32_t, std::uint32_t> glyph_map;  // old glyph index -> new, for the glyphs asked for
};

// Keeps the glyphs of `unicodes` and the glyphs listed in `glyphs` (indices in
// the original font). With `drop_layout` the OpenType layout tables (GSUB,
// GPOS, GDEF) go too: a writer that places glyphs itself never shapes again.
Result<FontSubset> subset_font(std::string_view bytes, unsigned face_index, const std::set<char32_t>& unicodes,
                               const std::set<std::uint32_t>& glyphs, bool drop_layout);

// The same font with its 'cmap' table replaced by one (3,1) format 4 subtable
// mapping `codes` (BMP only) to glyph indices.
Result<std::string> replace_cmap(std::string_view bytes, const std::map<char32_t, std::uint16_t>& codes);

// A 'cmap' table: version 0, one (3,1) format 4 subtable. Consecutive codes
// with consecutive glyphs share a segment.
std::string cmap_table(const std::map<char32_t, std::uint16_t>& codes);

// The glyph `code` maps to in the font (0 when none): to check a subset.
std::uint32_t glyph_for(std::string_view bytes, unsigned face_index, char32_t code);

// True when the font has TrueType outlines ('glyf'), the only kind libharu embeds.
bool has_truetype_outlines(std::string_view bytes, unsigned face_index);

}  // namespace folio
