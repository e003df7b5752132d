#include "layout/set_paragraph.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>

#include "model/overloaded.hpp"

namespace folio {
namespace {

struct LayoutUnref {
    void operator()(PangoLayout* p) const { g_object_unref(p); }
};
struct AttrListUnref {
    void operator()(PangoAttrList* p) const { pango_attr_list_unref(p); }
};

constexpr double to_pt(int pango_units) { return pango_units / double(PANGO_SCALE); }

bool is_invisible(PangoGlyph g) { return g == PANGO_GLYPH_EMPTY || (g & PANGO_GLYPH_UNKNOWN_FLAG); }

// The text a cluster gives back on extraction: the source bytes without the
// invisible helpers we inserted (soft hyphens, word joiners, line separators).
std::string extract_text(std::string_view bytes, bool visible_hyphen) {
    std::string out;
    for (size_t i = 0; i < bytes.size();) {
        auto starts = [&](std::string_view p) { return bytes.substr(i, p.size()) == p; };
        if (starts("\xC2\xAD")) {
            if (visible_hyphen) out.push_back('-');
            i += 2;
        } else if (starts("\xE2\x81\xA0") || starts("\xE2\x80\xA8")) {
            i += 3;
        } else {
            out.push_back(bytes[i++]);
        }
    }
    return out;
}

bool is_space_text(std::string_view t) { return t == " " || t == "\xC2\xA0"; }
bool is_blank_text(std::string_view t) {
    return t.empty() || std::all_of(t.begin(), t.end(), [](char c) { return c == ' '; }) || t == "\xE2\x80\xA8";
}

const RichText::Span* span_at(const RichText& rt, int offset) {
    auto it = std::upper_bound(rt.spans.begin(), rt.spans.end(), offset,
                               [](int off, const RichText::Span& s) { return off < s.start; });
    if (it == rt.spans.begin()) return nullptr;
    --it;
    return offset < it->end ? &*it : nullptr;
}

std::unique_ptr<PangoAttrList, AttrListUnref> make_attrs(const RichText& rt) {
    std::unique_ptr<PangoAttrList, AttrListUnref> list(pango_attr_list_new());
    auto add = [&](PangoAttribute* a, const RichText::Span& s) {
        a->start_index = static_cast<guint>(s.start);
        a->end_index = static_cast<guint>(s.end);
        pango_attr_list_insert(list.get(), a);
    };
    for (const auto& s : rt.spans) {
        add(pango_attr_family_new(s.style.families.c_str()), s);
        add(pango_attr_size_new(static_cast<int>(s.style.size * PANGO_SCALE + 0.5)), s);
        if (s.style.bold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD), s);
        if (s.style.italic) add(pango_attr_style_new(PANGO_STYLE_ITALIC), s);
        if (s.style.small_caps) add(pango_attr_variant_new(PANGO_VARIANT_SMALL_CAPS), s);
        if (s.style.tracking != 0)
            add(pango_attr_letter_spacing_new(static_cast<int>(s.style.tracking * s.style.size * PANGO_SCALE)), s);
        if (s.style.oldstyle) add(pango_attr_font_features_new("onum"), s);
    }
    return list;
}

// A cluster of one Pango run: bytes [b0, b1) drawn by glyphs [g0, g1).
struct Cluster {
    PangoLayoutRun* run = nullptr;
    int g0 = 0, g1 = 0;
    int b0 = 0, b1 = 0;
    double advance = 0;
    std::string text;  // extraction text
    bool space = false;
    bool visible = false;
};

std::vector<Cluster> clusters_of(PangoLayoutLine* line, const std::string& text) {
    std::vector<Cluster> out;
    for (GSList* r = line->runs; r; r = r->next) {
        auto* run = static_cast<PangoLayoutRun*>(r->data);
        PangoGlyphString* gs = run->glyphs;
        const int item_start = run->item->offset;
        const int item_end = item_start + run->item->length;
        for (int i = 0; i < gs->num_glyphs;) {
            int j = i + 1;
            while (j < gs->num_glyphs && gs->log_clusters[j] == gs->log_clusters[i]) ++j;
            Cluster c;
            c.run = run;
            c.g0 = i;
            c.g1 = j;
            c.b0 = item_start + gs->log_clusters[i];
            c.b1 = j < gs->num_glyphs ? item_start + gs->log_clusters[j] : item_end;
            for (int k = i; k < j; ++k) {
                c.advance += to_pt(gs->glyphs[k].geometry.width);
                c.visible = c.visible || !is_invisible(gs->glyphs[k].glyph);
            }
            std::string_view bytes(text.data() + c.b0, static_cast<size_t>(std::max(0, c.b1 - c.b0)));
            c.text = extract_text(bytes, c.visible && bytes.substr(0, 2) == "\xC2\xAD");
            c.space = is_space_text(c.text);
            out.push_back(std::move(c));
            i = j;
        }
    }
    return out;
}

struct Placed {
    std::vector<SetLine> lines;
    int violation = -1;  // byte offset of a soft hyphen to remove, or -1
};

Placed place_lines(TypeContext& tc, const RichText& rt, const ParaSpec& spec) {
    Placed result;
    std::unique_ptr<PangoLayout, LayoutUnref> layout(pango_layout_new(tc.pango()));
    pango_layout_set_width(layout.get(), static_cast<int>(spec.measure * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout.get(), rt.text.data(), static_cast<int>(rt.text.size()));
    auto attrs = make_attrs(rt);
    pango_layout_set_attributes(layout.get(), attrs.get());

    int hyphen_run = 0;
    GSList* lines = pango_layout_get_lines_readonly(layout.get());
    for (GSList* l = lines; l; l = l->next) {
        auto* pl = static_cast<PangoLayoutLine*>(l->data);
        std::vector<Cluster> cs = clusters_of(pl, rt.text);
        SetLine line;
        line.start = pl->start_index;
        line.end = pl->start_index + pl->length;

        // Trailing blanks (the space at the break, a hard break) take no room.
        size_t content_end = cs.size();
        while (content_end > 0 && is_blank_text(cs[content_end - 1].text)) --content_end;
        const bool hard_break = std::string_view(rt.text).substr(0, static_cast<size_t>(line.end)).ends_with("\xE2\x80\xA8");
        const bool last = (l->next == nullptr) || hard_break;
        int stretchable = 0;
        for (size_t i = 0; i < content_end; ++i) {
            line.natural += cs[i].advance;
            if (cs[i].space) ++stretchable;
        }
        line.hyphenated = content_end > 0 && cs[content_end - 1].visible &&
                          rt.text.compare(static_cast<size_t>(cs[content_end - 1].b0), 2, "\xC2\xAD") == 0;
        hyphen_run = line.hyphenated ? hyphen_run + 1 : 0;
        if (hyphen_run > spec.max_consecutive_hyphens && result.violation < 0)
            result.violation = cs[content_end - 1].b0;

        double per_space = 0;
        if (stretchable > 0 && ((spec.align == TextAlign::justify && !last) || line.natural > spec.measure))
            per_space = (spec.measure - line.natural) / stretchable;
        line.width = line.natural + per_space * stretchable;
        double x = 0;
        if (spec.align == TextAlign::right) x = spec.measure - line.width;
        if (spec.align == TextAlign::center) x = (spec.measure - line.width) / 2;

        // Place glyphs run by run; record each cluster's x-range for links.
        struct Span { int b0; double x0, x1; };
        std::vector<Span> spans;
        GlyphRun current;
        PangoLayoutRun* current_run = nullptr;
        const RichText::Span* style = nullptr;
        auto flush = [&] {
            if (current_run && !current.glyphs.empty()) {
                if (style && style->style.strike) {
                    double y = -style->style.rise - current.size * 0.28;
                    line.items.push_back(RuleItem{current.x, y, x, y, current.size * 0.06, current.color});
                }
                current.width = x - current.x;
                line.items.push_back(std::move(current));
            }
            current = GlyphRun{};
        };
        for (size_t i = 0; i < cs.size(); ++i) {
            Cluster& c = cs[i];
            if (c.run != current_run) {
                flush();
                current_run = c.run;
                const FontInfo& fi = tc.font_info(c.run->item->analysis.font);
                style = span_at(rt, c.run->item->offset);
                current.font = fi.handle;
                current.font_name = fi.name;
                current.size = fi.size;
                current.color = style ? style->style.color : Color{};
                current.x = x;
                current.y = style ? -style->style.rise : 0;
            }
            const double x0 = x;
            PangoGlyphString* gs = c.run->glyphs;
            TextCluster tcl;
            for (int g = c.g0; g < c.g1; ++g) {
                const PangoGlyphInfo& gi = gs->glyphs[g];
                if (!is_invisible(gi.glyph) && i < content_end) {
                    current.glyphs.push_back({gi.glyph, x + to_pt(gi.geometry.x_offset),
                                              current.y + to_pt(gi.geometry.y_offset)});
                    ++tcl.glyphs;
                }
                if (i < content_end) x += to_pt(gi.geometry.width);
            }
            if (c.space && i < content_end) x += per_space;
            // Keep text and glyphs mapped: a cluster without glyphs lends its
            // text to the previous cluster, one without text its glyphs.
            tcl.bytes = static_cast<int>(c.text.size());
            current.text += c.text;
            if (tcl.glyphs == 0 && tcl.bytes == 0) {
            } else if ((tcl.glyphs == 0 || tcl.bytes == 0) && !current.clusters.empty()) {
                current.clusters.back().bytes += tcl.bytes;
                current.clusters.back().glyphs += tcl.glyphs;
            } else {
                current.clusters.push_back(tcl);
            }
            if (i < content_end) spans.push_back({c.b0, x0, x});
        }
        flush();
        // A run whose first cluster had no glyphs (or no text) cannot be
        // expressed as clusters: drop its mapping; cairo then falls back to
        // plain glyphs for it, which is still correct for invisible text.
        for (Item& it : line.items)
            if (auto* gr = std::get_if<GlyphRun>(&it)) {
                int bytes = 0, glyphs = 0;
                bool sane = true;
                for (auto& cl : gr->clusters) {
                    bytes += cl.bytes;
                    glyphs += cl.glyphs;
                    sane = sane && (cl.bytes > 0 || cl.glyphs > 0);
                }
                if (!sane || bytes != static_cast<int>(gr->text.size()) || glyphs != static_cast<int>(gr->glyphs.size()))
                    gr->clusters.clear();
            }

        for (const auto& link : rt.links) {
            if (link.end <= line.start || link.start >= line.end) continue;
            LinkItem* open = nullptr;
            for (const auto& s : spans) {
                if (s.b0 < link.start || s.b0 >= link.end) {
                    open = nullptr;
                    continue;
                }
                if (open && s.x0 <= open->x + open->w + 0.01) {
                    open->w = s.x1 - open->x;
                } else {
                    line.links.push_back(LinkItem{s.x0, -spec.leading * 0.75, s.x1 - s.x0, spec.leading, link.uri, link.dest});
                    open = &line.links.back();
                }
            }
        }
        for (const auto& n : rt.notes)
            if (n.start >= line.start && n.start < line.end) {
                double nx = 0;
                for (const auto& s : spans)
                    if (s.b0 == n.start) nx = s.x0;
                line.notes.push_back({n.number, nx});
            }
        result.lines.push_back(std::move(line));
    }
    return result;
}

}  // namespace

void translate(Item& item, double dx, double dy) {
    std::visit(Overloaded{
                   [&](GlyphRun& g) {
                       g.x += dx;
                       g.y += dy;
                       for (auto& p : g.glyphs) p.x += dx, p.y += dy;
                   },
                   [&](RuleItem& r) { r.x0 += dx, r.x1 += dx, r.y0 += dy, r.y1 += dy; },
                   [&](RectItem& r) { r.x += dx, r.y += dy; },
                   [&](ImageItem& r) { r.x += dx, r.y += dy; },
                   [&](LinkItem& r) { r.x += dx, r.y += dy; },
                   [&](DestItem& r) { r.x += dx, r.y += dy; },
                   [](TagBegin&) {},
                   [](TagEnd&) {},
               },
               item);
}

std::vector<SetLine> set_paragraph(TypeContext& tc, RichText text, const ParaSpec& spec) {
    if (text.text.empty()) return {};
    // Each pass removes one soft hyphen that made a third hyphenated line in
    // a row; the number of soft hyphens bounds the passes.
    for (;;) {
        Placed placed = place_lines(tc, text, spec);
        if (placed.violation < 0) return std::move(placed.lines);
        text.remove_soft_hyphen(placed.violation);
    }
}

}  // namespace folio
