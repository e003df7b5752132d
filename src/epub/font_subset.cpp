#include "epub/font_subset.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>

#include <hb-ot.h>
#include <hb.h>

#include "epub/hangul.hpp"
#include "render/font_subset.hpp"

namespace folio::epub {

namespace {

struct BlobFree { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct FaceFree { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct FontFree { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };
struct SetFree { void operator()(hb_set_t* s) const { hb_set_destroy(s); } };
using Blob = std::unique_ptr<hb_blob_t, BlobFree>;
using Face = std::unique_ptr<hb_face_t, FaceFree>;
using Font = std::unique_ptr<hb_font_t, FontFree>;
using Set = std::unique_ptr<hb_set_t, SetFree>;

std::string squashed(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string name_entry(hb_face_t* face, hb_ot_name_id_t id) {
    unsigned int size = 256;
    char buf[256];
    unsigned int got = hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, buf);
    if (got == 0) {
        size = 256;
        got = hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, buf);
    }
    return got == 0 ? std::string{} : std::string(buf, size);
}

bool is_cjk(char32_t c) {
    return is_hangul(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xFF00 && c <= 0xFFEF);
}

bool covers_hangul(hb_face_t* face) {
    Set have(hb_set_create());
    hb_face_collect_unicodes(face, have.get());
    return hb_set_has(have.get(), 0xAC00);
}

}  // namespace

bool is_house_family(const std::string& family) {
    static const std::vector<std::string> families{"notoserif", "notosans", "notosansmono", "nanummyeongjo",
                                                   "nanumgothic"};
    return std::find(families.begin(), families.end(), squashed(family)) != families.end();
}

std::vector<EmbeddedFont> subset_fonts(const std::string& dir, const std::set<char32_t>& used, bool with_mono) {
    namespace fs = std::filesystem;
    std::vector<EmbeddedFont> out;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return out;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
        if (entry.is_regular_file() && (ext == ".ttf" || ext == ".otf")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());  // directory order is not stable
    for (const auto& path : files) {
        Blob blob(hb_blob_create_from_file_or_fail(path.c_str()));
        if (!blob) continue;
        Face face(hb_face_create(blob.get(), 0));
        std::string family = name_entry(face.get(), HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY);
        if (family.empty()) family = name_entry(face.get(), HB_OT_NAME_ID_FONT_FAMILY);
        if (!is_house_family(family) || (!with_mono && squashed(family) == "notosansmono")) continue;
        const bool korean = covers_hangul(face.get());
        std::set<char32_t> wanted;
        for (char32_t c : used)
            if (!korean || is_cjk(c) || c == U' ') wanted.insert(c);
        // Only what the font can draw counts as coverage.
        Set have(hb_set_create());
        hb_face_collect_unicodes(face.get(), have.get());
        bool covers = false;
        for (char32_t c : wanted) covers = covers || (c != U' ' && hb_set_has(have.get(), c));
        if (!covers) continue;
        unsigned int length = 0;
        const char* data = hb_blob_get_data(blob.get(), &length);
        // The one hb-subset call site, shared with the PDF archive edition.
        Result<FontSubset> subset = subset_font(std::string_view(data, length), 0, wanted, {}, false);
        if (!subset) continue;
        Font font(hb_font_create(face.get()));
        EmbeddedFont f;
        std::string ext = path.extension().string();
        bool otf = ext == ".otf" || ext == ".OTF";
        f.href = "fonts/" + path.stem().string() + (otf ? ".otf" : ".ttf");
        f.media_type = otf ? "font/otf" : "font/ttf";
        f.family = family;
        f.weight = static_cast<int>(hb_style_get_value(font.get(), HB_STYLE_TAG_WEIGHT) + 0.5f);
        f.italic = hb_style_get_value(font.get(), HB_STYLE_TAG_ITALIC) > 0.5f ||
                   hb_style_get_value(font.get(), HB_STYLE_TAG_SLANT_ANGLE) != 0.0f;
        f.bytes = std::move(subset->bytes);
        f.original_size = hb_blob_get_length(blob.get());
        out.push_back(std::move(f));
    }
    return out;
}

std::set<char32_t> font_coverage(const std::string& bytes) {
    Blob blob(hb_blob_create(bytes.data(), static_cast<unsigned int>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr,
                             nullptr));
    Face face(hb_face_create(blob.get(), 0));
    Set set(hb_set_create());
    hb_face_collect_unicodes(face.get(), set.get());
    std::set<char32_t> out;
    hb_codepoint_t c = HB_SET_VALUE_INVALID;
    while (hb_set_next(set.get(), &c)) out.insert(c);
    return out;
}

std::string font_face_css(const std::vector<EmbeddedFont>& fonts) {
    std::string css = "/* Generated by folio: the house fonts, subset to the characters of this book. */\n";
    for (const auto& f : fonts) {
        css += "@font-face {\n  font-family: \"" + f.family + "\";\n";
        css += "  font-weight: " + std::to_string(f.weight) + ";\n";
        css += std::string("  font-style: ") + (f.italic ? "italic" : "normal") + ";\n";
        css += "  src: url(\"../" + f.href + "\");\n}\n";
    }
    return css;
}

}  // namespace folio::epub
