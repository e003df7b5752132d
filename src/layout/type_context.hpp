#pragma once
// The per-thread typesetting context: a private fontconfig configuration that
// knows only folio's fonts/, a Pango font map at 72 dpi (so 11 pt is 11 pt),
// a Pango context with unhinted metrics (PDF positions must not snap to
// pixels) and the hyphenation dictionary. No globals: each layout thread owns
// one, which gives identical line breaks whatever the thread count.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/hyphenator.hpp"
#include "layout/items.hpp"
#include "layout/style.hpp"
#include "model/result.hpp"

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;
typedef struct _HyphenDict HyphenDict;
typedef struct _FcConfig FcConfig;
typedef struct _PangoFont PangoFont;

namespace folio {

struct GObjectUnref {
    void operator()(void* p) const;
};
struct FcConfigRelease {
    void operator()(FcConfig* p) const;
};
struct HyphenDictFree {
    void operator()(HyphenDict* p) const;
};

// What a glyph run needs to know about the Pango font that shaped it.
struct FontInfo {
    FontHandle handle;
    std::string name;  // "Noto Serif Italic 10.5"
    double size = 0;   // points
};

// The font files of `fonts_dir` (.ttf, .otf, .ttc), sorted by path: the
// order they are given to fontconfig.
std::vector<std::string> font_files(const std::string& fonts_dir);

class TypeContext {
public:
    // Fails when fonts_dir has no usable fonts or the dictionary is unreadable.
    static Result<std::unique_ptr<TypeContext>> create(const Resources& resources);

    PangoContext* pango() const { return m_context.get(); }
    // The dictionary with this thread's memory of words already hyphenated.
    Hyphenator* hyphenator() { return m_hyphenator.get(); }
    // Cached per font; the cache keeps the Pango font alive so its address
    // stays a valid key.
    const FontInfo& font_info(PangoFont* font);

private:
    TypeContext() = default;
    std::unique_ptr<FcConfig, FcConfigRelease> m_config;
    std::unique_ptr<PangoFontMap, GObjectUnref> m_font_map;
    std::unique_ptr<PangoContext, GObjectUnref> m_context;
    std::unique_ptr<HyphenDict, HyphenDictFree> m_hyphen;
    std::unique_ptr<Hyphenator> m_hyphenator;  // uses m_hyphen, so declared after it
    struct CachedFont {
        std::unique_ptr<PangoFont, GObjectUnref> font;
        FontInfo info;
    };
    // Declared last so it is destroyed before the font map.
    std::map<PangoFont*, CachedFont> m_fonts;
};

}  // namespace folio
