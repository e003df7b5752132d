#include "layout/type_context.hpp"

#include <fontconfig/fontconfig.h>
#include <hyphen.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "version.hpp"

namespace folio {

void GObjectUnref::operator()(void* p) const {
    if (p) g_object_unref(p);
}
void FcConfigRelease::operator()(FcConfig* p) const {
    if (p) ::FcConfigDestroy(p);
}
void HyphenDictFree::operator()(HyphenDict* p) const {
    if (p) hnj_hyphen_free(p);
}

Resources default_resources() {
    Resources r;
    r.fonts_dir = std::string(folio::source_dir) + "/fonts";
    return r;
}

// Added file by file in name order rather than with FcConfigAppFontAddDir:
// the directory scan wants a writable cache and complains on stderr without
// one, and a fixed order keeps font matching reproducible.
std::vector<std::string> font_files(const std::string& fonts_dir) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(fonts_dir, ec)) {
        const auto ext = entry.path().extension().string();
        if (ext == ".ttf" || ext == ".otf" || ext == ".ttc") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

const FontInfo& TypeContext::font_info(PangoFont* font) {
    auto it = m_fonts.find(font);
    if (it != m_fonts.end()) return it->second.info;
    CachedFont cached;
    cached.font.reset(PANGO_FONT(g_object_ref(font)));
    cairo_scaled_font_t* scaled = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(font));
    if (scaled) cached.info.handle = FontHandle(cairo_scaled_font_reference(scaled), cairo_scaled_font_destroy);
    PangoFontDescription* desc = pango_font_describe(font);
    cached.info.size = pango_font_description_get_size(desc) / double(PANGO_SCALE);
    char* name = pango_font_description_to_string(desc);
    cached.info.name = name;
    g_free(name);
    pango_font_description_free(desc);
    return m_fonts.emplace(font, std::move(cached)).first->second.info;
}

Result<std::unique_ptr<TypeContext>> TypeContext::create(const Resources& resources) {
    std::unique_ptr<TypeContext> tc(new TypeContext());
    // An empty configuration: no system font directories, no user rules, so
    // the machine's fonts can never change a line break.
    tc->m_config.reset(FcConfigCreate());
    if (!tc->m_config) return Error{"fontconfig: cannot create a configuration"};
    std::error_code ec;
    if (!std::filesystem::is_directory(resources.fonts_dir, ec))
        return Error{"fonts directory not found: " + resources.fonts_dir};
    for (const auto& file : font_files(resources.fonts_dir))
        if (!FcConfigAppFontAddFile(tc->m_config.get(), reinterpret_cast<const FcChar8*>(file.c_str())))
            return Error{"fontconfig: cannot read font " + file};
    FcFontSet* fonts = FcConfigGetFonts(tc->m_config.get(), FcSetApplication);
    if (!fonts || fonts->nfont == 0) return Error{"no fonts in " + resources.fonts_dir};

    tc->m_font_map.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    if (!tc->m_font_map) return Error{"pango: no FreeType font map"};
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(tc->m_font_map.get()), tc->m_config.get());
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(tc->m_font_map.get()), 72.0);

    tc->m_context.reset(pango_font_map_create_context(tc->m_font_map.get()));
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(tc->m_context.get(), options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(tc->m_context.get(), FALSE);
    pango_context_set_language(tc->m_context.get(), pango_language_from_string("en-gb"));

    tc->m_hyphen.reset(hnj_hyphen_load(resources.hyphen_dict.c_str()));
    if (!tc->m_hyphen) return Error{"cannot read hyphenation patterns " + resources.hyphen_dict};
    tc->m_hyphenator = std::make_unique<Hyphenator>(tc->m_hyphen.get());
    return tc;
}

}  // namespace folio
