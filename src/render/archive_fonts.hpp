#pragma once
// The fonts of the archive edition. libharu writes text only through a
// font's character map, but the layout placed glyphs, some of which no
// character maps to (ligatures, old-style figures, contextual forms). So each
// font is subset with hb-subset and given a new character map: a glyph that
// its character maps to keeps that character as its code; any other glyph
// gets a code of the Private Use Area, and the font's ToUnicode map sends
// that code back to the text the glyph stands for. The archive edition then
// draws exactly the glyphs of the Cairo edition, from one layout, and
// extracts to the same text.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "layout/items.hpp"
#include "model/result.hpp"

namespace folio {

// One font as the archive edition embeds it.
struct ArchiveFont {
    std::string name;       // "Noto Serif Italic", for messages
    std::string original;   // the font file as loaded by the layout
    unsigned face_index = 0;
    // Codes whose glyph is the font's own for that character.
    std::map<char32_t, std::uint32_t> direct;
    // Glyphs drawn for something else than their character: (glyph, text) ->
    // the Private Use Area code assigned by `finish`. Text is empty for the
    // second and later glyphs of a cluster (the first glyph carries the text).
    std::map<std::pair<std::uint32_t, std::string>, char32_t> substituted;
    std::string file;       // after `finish`: the subset with its new cmap
};

class ArchiveFonts {
public:
    ArchiveFonts();
    ~ArchiveFonts();
    ArchiveFonts(const ArchiveFonts&) = delete;
    ArchiveFonts& operator=(const ArchiveFonts&) = delete;

    // First pass: every glyph run of the layout. Fails for a font without
    // TrueType outlines (libharu embeds no other kind).
    Result<void> note(const GlyphRun& run);
    // Assigns the Private Use Area codes and builds every font file.
    Result<void> finish();

    std::size_t size() const { return m_fonts.size(); }
    const ArchiveFont& font(std::size_t i) const { return m_fonts[i]; }

    // Second pass: the font of a noted run and the code of each of its glyphs.
    struct RunCodes {
        std::size_t font = 0;
        std::vector<char32_t> codes;  // one per glyph
    };
    Result<RunCodes> codes(const GlyphRun& run) const;

    // The ToUnicode CMap of font `i` (PDF syntax), from its codes.
    std::string to_unicode(std::size_t i) const;

private:
    Result<std::size_t> font_of(const GlyphRun& run);
    std::size_t known_font(const GlyphRun& run) const;
    std::vector<ArchiveFont> m_fonts;
    std::map<const void*, std::size_t> m_by_face;  // cairo font face -> index
    std::map<std::string, std::size_t> m_by_file;  // SHA-256 of the file and face index -> index
    struct Cmaps;
    std::unique_ptr<Cmaps> m_cmaps;  // each original font's character map, for the first pass
};

// ToUnicode CMap text for `direct` codes (to themselves) and `mapped` codes
// (to their text, UTF-8). Split into blocks of at most 100 entries, as the
// CMap syntax requires.
std::string to_unicode_cmap(const std::vector<char32_t>& direct, const std::map<char32_t, std::string>& mapped);

}  // namespace folio
