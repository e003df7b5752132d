#include "render/font_subset.hpp"

#include <vector>

#include "render/hb_handles.hpp"

namespace folio {
namespace {

using hb::Blob;
using hb::Face;
using hb::Font;
using hb::Input;
using hb::Plan;

// HarfBuzz reads the caller's bytes in place; they outlive every face made here.
Face face_of(std::string_view bytes, unsigned index) {
    Blob blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY, nullptr,
                             nullptr));
    return Face(hb_face_create(blob.get(), index));
}

std::string blob_bytes(hb_blob_t* blob) {
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    return data ? std::string(data, length) : std::string{};
}

void put16(std::string& out, unsigned v) {
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
    out.push_back(static_cast<char>(v & 0xFF));
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v >> 16);
    put16(out, v & 0xFFFF);
}

}  // namespace

Result<FontSubset> subset_font(std::string_view bytes, unsigned face_index, const std::set<char32_t>& unicodes,
                               const std::set<std::uint32_t>& glyphs, bool drop_layout) {
    Face face = face_of(bytes, face_index);
    if (hb_face_get_glyph_count(face.get()) == 0) return Error{"not a font, or a font without glyphs"};
    Input input(hb_subset_input_create_or_fail());
    if (!input) return Error{"hb-subset: out of memory"};
    for (char32_t c : unicodes) hb_set_add(hb_subset_input_unicode_set(input.get()), c);
    for (std::uint32_t g : glyphs) hb_set_add(hb_subset_input_glyph_set(input.get()), g);
    if (drop_layout) {
        hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F')})
            hb_set_add(drop, tag);
    }
    Plan plan(hb_subset_plan_create_or_fail(face.get(), input.get()));
    if (!plan) return Error{"hb-subset could not plan the subset"};
    FontSubset out;
    const hb_map_t* map = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    // (hb_map_next is HarfBuzz 7; Debian 12 has 6.)
    for (std::uint32_t g : glyphs)
        if (hb_codepoint_t v = hb_map_get(map, g); v != HB_MAP_VALUE_INVALID) out.glyph_map[g] = v;
    Face subset(hb_subset_plan_execute_or_fail(plan.get()));
    if (!subset) return Error{"hb-subset failed"};
    Blob blob(hb_face_reference_blob(subset.get()));
    out.bytes = blob_bytes(blob.get());
    if (out.bytes.empty()) return Error{"hb-subset produced an empty font"};
    return out;
}

std::string cmap_table(const std::map<char32_t, std::uint16_t>& codes) {
    struct Segment {
        unsigned start, end, delta;
    };
    std::vector<Segment> segments;
    for (const auto& [code, glyph] : codes) {
        if (code > 0xFFFE) break;  // format 4 is the BMP only; 0xFFFF ends the table
        const unsigned delta = (glyph - code) & 0xFFFF;
        if (!segments.empty() && segments.back().end + 1 == code && segments.back().delta == delta)
            segments.back().end = code;
        else
            segments.push_back({static_cast<unsigned>(code), static_cast<unsigned>(code), delta});
    }
    segments.push_back({0xFFFF, 0xFFFF, 1});  // the required last segment, mapping to glyph 0
    const unsigned count = static_cast<unsigned>(segments.size());
    unsigned search = 1, selector = 0;
    while (search * 2 <= count) search *= 2, ++selector;

    std::string sub;
    const unsigned length = 16 + 8 * count;
    put16(sub, 4);
    put16(sub, length);
    put16(sub, 0);  // language
    put16(sub, count * 2);
    put16(sub, search * 2);
    put16(sub, selector);
    put16(sub, count * 2 - search * 2);
    for (const Segment& s : segments) put16(sub, s.end);
    put16(sub, 0);  // reservedPad
    for (const Segment& s : segments) put16(sub, s.start);
    for (const Segment& s : segments) put16(sub, s.delta);
    for (unsigned i = 0; i < count; ++i) put16(sub, 0);  // idRangeOffset: deltas only

    std::string table;
    put16(table, 0);  // version
    put16(table, 1);  // one subtable
    put16(table, 3);  // Windows
    put16(table, 1);  // Unicode BMP
    put32(table, 12);
    return table + sub;
}

Result<std::string> replace_cmap(std::string_view bytes, const std::map<char32_t, std::uint16_t>& codes) {
    Face face = face_of(bytes, 0);
    hb_tag_t tags[64];
    unsigned count = 64;
    hb_face_get_table_tags(face.get(), 0, &count, tags);
    if (count == 0) return Error{"the font has no tables"};
    Face builder(hb_face_builder_create());
    const std::string cmap = cmap_table(codes);
    for (unsigned i = 0; i < count; ++i) {
        if (tags[i] == HB_TAG('c', 'm', 'a', 'p')) continue;
        Blob table(hb_face_reference_table(face.get(), tags[i]));
        hb_face_builder_add_table(builder.get(), tags[i], table.get());
    }
    Blob table(hb_blob_create(cmap.data(), static_cast<unsigned>(cmap.size()), HB_MEMORY_MODE_DUPLICATE, nullptr,
                              nullptr));
    hb_face_builder_add_table(builder.get(), HB_TAG('c', 'm', 'a', 'p'), table.get());
    Blob out(hb_face_reference_blob(builder.get()));
    std::string result = blob_bytes(out.get());
    if (result.empty()) return Error{"could not rebuild the font with its new character map"};
    return result;
}

std::uint32_t glyph_for(std::string_view bytes, unsigned face_index, char32_t code) {
    Face face = face_of(bytes, face_index);
    Font font(hb_font_create(face.get()));
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(font.get(), code, &glyph) ? glyph : 0;
}

bool has_truetype_outlines(std::string_view bytes, unsigned face_index) {
    Face face = face_of(bytes, face_index);
    Blob glyf(hb_face_reference_table(face.get(), HB_TAG('g', 'l', 'y', 'f')));
    return hb_blob_get_length(glyf.get()) > 0;
}

}  // namespace folio
