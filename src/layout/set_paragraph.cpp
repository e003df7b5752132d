#include "layout/set_paragraph.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>

#include "model/overloaded.hpp"

namespace folio {
namespace {

struct AttrListUnref {
    void operator()(PangoAttrList* p) const { pango_attr_list_unref(p); }
};

constexpr double to_pt(int pango_units) { return pango_units / double(PANGO_SCALE); }

bool is_invisible(PangoGlyph g) { return g == PANGO_GLYPH_EMPTY || (g & PANGO_GLYPH_UNKNOWN_FLAG); }

// The text a cluster gives back on extraction: the source bytes without the
// invisible helpers we inserted (soft hyphens, word joiners, line
// separators). Calls keep(piece) for each stretch of bytes kept, in order,
// so the text can be appended where it goes without a string per cluster.
template <class Keep>
void for_extracted(std::string_view bytes, Keep keep) {
    size_t from = 0;
    for (size_t i = 0; i < bytes.size();) {
        auto starts = [&](std::string_view p) { return bytes.substr(i, p.size()) == p; };
        const size_t helper = starts("\xC2\xAD") ? 2 : starts("\xE2\x81\xA0") || starts("\xE2\x80\xA8") ? 3 : 0;
        if (helper == 0) {
            ++i;
            continue;
        }
        if (i > from) keep(bytes.substr(from, i - from));
        i += helper;
        from = i;
    }
    if (from < bytes.size()) keep(bytes.substr(from));
}

void append_extracted(std::string& out, std::string_view bytes) {
    for_extracted(bytes, [&](std::string_view piece) { out.append(piece); });
}

// Whether a cluster's extraction text is a word space (" " or U+00A0).
bool is_space_cluster(std::string_view bytes) {
    char kept[2];
    size_t n = 0;
    bool longer = false;
    for_extracted(bytes, [&](std::string_view piece) {
        for (char c : piece) {
            if (n == sizeof kept) longer = true;
            else kept[n++] = c;
        }
    });
    if (longer) return false;
    return (n == 1 && kept[0] == ' ') || (n == 2 && kept[0] == '\xC2' && kept[1] == '\xA0');
}

// Source bytes that take no room at a line end: spaces and the hard-break
// separator. (Soft hyphens and word joiners are not blank: they sit inside words.)
bool is_blank_bytes(std::string_view t) {
    if (t == "\xE2\x80\xA8") return true;
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c == ' '; });
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
        if (s.style.tabular) add(pango_attr_font_features_new("tnum, lnum"), s);
        else if (s.style.oldstyle) add(pango_attr_font_features_new("onum"), s);
    }
    return list;
}

// One shaped cluster of the paragraph: bytes [b0, b1) drawn by glyphs
// [g0, g1) of item `item`.
struct Cluster {
    int item = 0;
    int g0 = 0, g1 = 0;
    int b0 = 0, b1 = 0;
    double advance = 0;
    int text_bytes = 0;      // length of its extraction text (for_extracted)
    bool space = false;      // stretches when justified
    bool blank = false;      // takes no room at a line end
    bool visible = false;
    bool break_after = false;     // a line may end after this cluster
    bool hyphen_after = false;    // ...with a hyphen (a soft hyphen point)
    bool mandatory_after = false; // ...and must (a hard break)
};

struct ItemFree {
    void operator()(PangoItem* i) const { pango_item_free(i); }
};
struct GlyphsFree {
    void operator()(PangoGlyphString* g) const { pango_glyph_string_free(g); }
};

struct Shaped {
    std::vector<std::unique_ptr<PangoItem, ItemFree>> items;
    std::vector<std::unique_ptr<PangoGlyphString, GlyphsFree>> glyphs;
    std::vector<Cluster> clusters;
};

// Itemizes and shapes the whole paragraph once (HarfBuzz kerning and
// ligatures), then records each cluster's advance and where lines may break
// (Pango's UAX #14 log attributes: soft hyphens, word joiners, Hangul).
Shaped shape_paragraph(TypeContext& tc, const RichText& rt) {
    Shaped out;
    const std::string& text = rt.text;
    const int length = static_cast<int>(text.size());
    auto attrs = make_attrs(rt);
    GList* items = pango_itemize(tc.pango(), text.data(), 0, length, attrs.get(), nullptr);
    for (GList* l = items; l; l = l->next) out.items.emplace_back(static_cast<PangoItem*>(l->data));
    g_list_free(items);

    const int chars = static_cast<int>(g_utf8_strlen(text.data(), length));
    std::vector<PangoLogAttr> log(static_cast<size_t>(chars) + 1);
    pango_get_log_attrs(text.data(), length, -1, pango_context_get_language(tc.pango()), log.data(), chars + 1);
    // Byte offset -> char index, for the log attributes.
    std::vector<int> char_at(static_cast<size_t>(length) + 1, 0);
    {
        int ci = 0;
        for (int b = 0; b < length;) {
            const int next = static_cast<int>(g_utf8_next_char(text.data() + b) - text.data());
            for (int k = b; k < next && k <= length; ++k) char_at[static_cast<size_t>(k)] = ci;
            b = next;
            ++ci;
        }
        char_at[static_cast<size_t>(length)] = chars;
    }

    out.glyphs.reserve(out.items.size());
    out.clusters.reserve(static_cast<size_t>(length));  // at most one per byte; Shaped lives one paragraph
    for (size_t it = 0; it < out.items.size(); ++it) {
        PangoItem* item = out.items[it].get();
        out.glyphs.emplace_back(pango_glyph_string_new());
        PangoGlyphString* gs = out.glyphs.back().get();
        pango_shape_with_flags(text.data() + item->offset, item->length, text.data(), length, &item->analysis, gs,
                               PANGO_SHAPE_NONE);
        const RichText::Span* style = span_at(rt, item->offset);
        const double tracking = style ? style->style.tracking * style->style.size : 0;
        for (int i = 0; i < gs->num_glyphs;) {
            int j = i + 1;
            while (j < gs->num_glyphs && gs->log_clusters[j] == gs->log_clusters[i]) ++j;
            Cluster c;
            c.item = static_cast<int>(it);
            c.g0 = i;
            c.g1 = j;
            c.b0 = item->offset + gs->log_clusters[i];
            c.b1 = j < gs->num_glyphs ? item->offset + gs->log_clusters[j] : item->offset + item->length;
            for (int k = i; k < j; ++k) {
                c.advance += to_pt(gs->glyphs[k].geometry.width);
                c.visible = c.visible || !is_invisible(gs->glyphs[k].glyph);
            }
            if (c.visible) c.advance += tracking;
            std::string_view bytes(text.data() + c.b0, static_cast<size_t>(std::max(0, c.b1 - c.b0)));
            for_extracted(bytes, [&](std::string_view piece) { c.text_bytes += static_cast<int>(piece.size()); });
            c.space = is_space_cluster(bytes);
            c.blank = is_blank_bytes(bytes);
            const PangoLogAttr& after = log[static_cast<size_t>(char_at[static_cast<size_t>(c.b1)])];
            c.break_after = after.is_line_break;
            c.hyphen_after = after.is_line_break && bytes.ends_with("\xC2\xAD");
            c.mandatory_after = after.is_mandatory_break || bytes.ends_with("\xE2\x80\xA8");
            out.clusters.push_back(std::move(c));
            i = j;
        }
    }
    return out;
}

// The hyphen a line ends with, in the font of the cluster it follows.
struct Hyphen {
    PangoGlyph glyph = PANGO_GLYPH_EMPTY;
    double advance = 0;
};
Hyphen hyphen_for(const Shaped& sh, int item) {
    PangoItem* it = sh.items[static_cast<size_t>(item)].get();
    std::unique_ptr<PangoGlyphString, GlyphsFree> gs(pango_glyph_string_new());
    pango_shape_with_flags("-", 1, "-", 1, &it->analysis, gs.get(), PANGO_SHAPE_NONE);
    Hyphen h;
    if (gs->num_glyphs > 0) {
        h.glyph = gs->glyphs[0].glyph;
        h.advance = to_pt(gs->glyphs[0].geometry.width);
    }
    return h;
}

struct Break {
    size_t end = 0;        // clusters [start, end) form the line
    bool hyphen = false;
};

// Greedy first fit: the longest line that fits, preferring, after
// `max_hyphens` hyphenated lines in a row, a break without a hyphen.
std::vector<Break> first_fit(const Shaped& sh, const ParaSpec& spec, std::vector<Hyphen>& hyphens) {
    std::vector<Break> out;
    const auto& cs = sh.clusters;
    size_t start = 0;
    int hyphen_run = 0;
    auto hyphen_width = [&](size_t i) {
        auto& h = hyphens[static_cast<size_t>(cs[i].item)];
        if (h.glyph == PANGO_GLYPH_EMPTY && h.advance == 0) h = hyphen_for(sh, cs[i].item);
        return h.advance;
    };
    while (start < cs.size()) {
        double width = 0;          // up to the end of the last non-blank cluster
        double running = 0;
        size_t best = 0;           // a break after cluster best-1 (0: none yet)
        bool best_hyphen = false;
        size_t plain = 0;          // the last break without a hyphen
        size_t i = start;
        bool forced = false;
        for (; i < cs.size(); ++i) {
            running += cs[i].advance;
            if (!cs[i].blank) width = running;
            const bool fits = width <= spec.measure + 1e-9;
            if (!fits && !cs[i].blank) break;
            if (cs[i].mandatory_after) {
                best = i + 1;
                best_hyphen = false;
                forced = true;
                break;
            }
            if (cs[i].break_after) {
                if (cs[i].hyphen_after) {
                    if (width + hyphen_width(i) <= spec.measure + 1e-9) {
                        best = i + 1;
                        best_hyphen = true;
                    }
                } else {
                    best = plain = i + 1;
                    best_hyphen = false;
                }
            }
        }
        if (!forced && i == cs.size()) {
            best = cs.size();  // the rest fits: the last line
            best_hyphen = false;
        } else if (!forced) {
            if (best_hyphen && hyphen_run >= spec.max_consecutive_hyphens && plain > start) {
                best = plain;
                best_hyphen = false;
            }
            if (best == 0 || best <= start) {
                // No break opportunity fits (a 5,000-character word): break
                // between clusters, at least one per line.
                best = std::max(i, start + 1);
                best_hyphen = false;
            }
        }
        out.push_back({best, best_hyphen});
        hyphen_run = best_hyphen ? hyphen_run + 1 : 0;
        start = best;
    }
    return out;
}

// Total fit for justified text (Knuth and Plass's idea, without shrinking
// or fitness classes): of all the ways to break the paragraph at Pango's
// break opportunities into lines that fit the measure, the one whose word
// spaces stretch least overall, a hyphen costing as much as a fairly loose
// line and never more than `max_consecutive_hyphens` hyphenated lines in a
// row. First fit stretched 38% of the group's justified lines beyond 1.5
// times the natural word space (bench/word_spacing.py). Lines that end a
// paragraph or at a hard break are free. Empty when no set of lines fits (a
// word wider than the measure): the caller falls back to first fit, which
// knows how to cut such a word.
std::vector<Break> total_fit(const Shaped& sh, const ParaSpec& spec, std::vector<Hyphen>& hyphens) {
    const auto& cs = sh.clusters;
    const size_t n = cs.size();
    const int max_run = std::max(0, spec.max_consecutive_hyphens);
    const int runs = max_run + 1;
    constexpr double infinity = std::numeric_limits<double>::infinity();
    constexpr double hyphen_demerits = 1000;  // about a line whose spaces stretch to 1.6 times
    // A hyphen before the last line, as TeX's \finalhyphendemerits, costs
    // several hyphens; one that leaves the last line nothing but the word's
    // tail ("Coun-" / "cil,") costs as much as a very loose line. The last
    // line is free, so without them the cheapest ending was often a hyphen:
    // 45 % of the test paragraphs, 6 % on a lone tail.
    constexpr double final_hyphen_demerits = 5000;
    constexpr double lone_tail_demerits = 100000;
    // best[node * runs + run]: least demerits of lines ending at break
    // `node` (clusters [0, node) set) with `run` hyphenated lines ending there.
    std::vector<double> best(static_cast<size_t>((n + 1) * static_cast<size_t>(runs)), infinity);
    struct From {
        size_t node = 0;
        int run = 0;
        bool hyphen = false;
    };
    std::vector<From> from(best.size());
    auto at = [&](size_t node, int run) { return node * static_cast<size_t>(runs) + static_cast<size_t>(run); };
    best[at(0, 0)] = 0;
    // What the inner loop reads of each cluster, packed (16 bytes instead of
    // a Cluster's 48): it walks a line's worth of clusters from every break
    // reached, which made this loop most of line breaking's time.
    enum : std::uint8_t { space_bit = 1, blank_bit = 2, ends_bit = 4 };
    struct Step {
        double advance;
        std::uint8_t bits;
    };
    std::vector<Step> steps(n);
    for (size_t i = 0; i < n; ++i) {
        const Cluster& c = cs[i];
        const bool ends = c.break_after || c.mandatory_after || i + 1 == n;
        steps[i] = {c.advance, static_cast<std::uint8_t>((c.space ? space_bit : 0) | (c.blank ? blank_bit : 0) |
                                                         (ends ? ends_bit : 0))};
    }
    const bool justify = spec.align == TextAlign::justify;
    // Starting points in order; a node is only extended once it is reached.
    for (size_t a = 0; a < n; ++a) {
        bool reached = false;
        for (int r = 0; r < runs; ++r) reached = reached || best[at(a, r)] < infinity;
        if (!reached) continue;
        double running = 0, width = 0, space = 0;
        int spaces = 0;
        double content_space = 0;  // space advance up to the last non-blank cluster
        int content_spaces = 0;
        for (size_t i = a; i < n; ++i) {
            const Step step = steps[i];
            running += step.advance;
            if (step.bits & space_bit) space += step.advance, ++spaces;
            if (!(step.bits & blank_bit)) width = running, content_space = space, content_spaces = spaces;
            // Word spaces may shrink to 80 % of their natural width.
            const double shrink = justify ? 0.2 * content_space : 0;
            if (width > spec.measure + shrink + 1e-9) break;
            if (!(step.bits & ends_bit)) continue;
            const bool last = i + 1 == n || cs[i].mandatory_after;
            const bool hyphen = !last && cs[i].hyphen_after;
            double w = width;
            if (hyphen) {
                auto& h = hyphens[static_cast<size_t>(cs[i].item)];
                if (h.glyph == PANGO_GLYPH_EMPTY && h.advance == 0) h = hyphen_for(sh, cs[i].item);
                w += h.advance;
            }
            if (w > spec.measure + (last ? 0 : shrink) + 1e-9) continue;
            double demerits = 0;
            if (!last) {
                // Stretch of each word space as a fraction of its natural
                // width; shrinking counts against the 20 % allowed.
                double ratio = 0;
                if (w > spec.measure) ratio = (w - spec.measure) / shrink;
                else if (content_spaces > 0 && content_space > 0) ratio = (spec.measure - w) / content_space;
                else ratio = (spec.measure - w) / std::max(1.0, spec.measure * 0.02);
                const double badness = 100 * ratio * ratio * ratio;
                demerits = (10 + badness) * (10 + badness) + (hyphen ? hyphen_demerits : 0);
            }
            for (int r = 0; r < runs; ++r) {
                const double base = best[at(a, r)];
                if (base == infinity) continue;
                const int run = hyphen ? r + 1 : 0;
                if (run > max_run) continue;
                const size_t to = at(i + 1, run);
                // r > 0: the line before this one ended with a hyphen.
                const double final_hyphen =
                    last && r > 0 ? (content_spaces == 0 ? lone_tail_demerits : final_hyphen_demerits) : 0;
                const double cost = base + demerits + final_hyphen;
                if (cost < best[to]) {
                    best[to] = cost;
                    from[to] = {a, r, hyphen};
                }
            }
            if (cs[i].mandatory_after) break;  // a line never runs past a hard break
        }
    }
    int end_run = -1;
    for (int r = 0; r < runs; ++r)
        if (best[at(n, r)] < infinity && (end_run < 0 || best[at(n, r)] < best[at(n, end_run)])) end_run = r;
    if (end_run < 0) return {};
    std::vector<Break> out;
    for (size_t node = n; node > 0;) {
        const From& f = from[at(node, end_run)];
        out.push_back({node, f.hyphen});
        node = f.node;
        end_run = f.run;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<Break> break_lines(const Shaped& sh, const ParaSpec& spec, std::vector<Hyphen>& hyphens) {
    if (spec.align == TextAlign::justify && !sh.clusters.empty()) {
        std::vector<Break> breaks = total_fit(sh, spec, hyphens);
        if (!breaks.empty()) return breaks;
    }
    return first_fit(sh, spec, hyphens);
}

struct Placed {
    std::vector<SetLine> lines;
};

Placed place_lines(TypeContext& tc, const RichText& rt, const ParaSpec& spec) {
    Placed result;
    Shaped sh = shape_paragraph(tc, rt);
    std::vector<Hyphen> hyphens(sh.items.size());
    std::vector<Break> breaks = break_lines(sh, spec, hyphens);
    auto& cs = sh.clusters;
    size_t start = 0;
    for (size_t bi = 0; bi < breaks.size(); ++bi) {
        const Break& br = breaks[bi];
        SetLine line;
        line.start = start < cs.size() ? cs[start].b0 : 0;
        line.end = br.end > 0 ? cs[br.end - 1].b1 : 0;
        size_t content_end = br.end;
        while (content_end > start && cs[content_end - 1].blank) --content_end;
        const bool last = bi + 1 == breaks.size() || cs[br.end - 1].mandatory_after;
        int stretchable = 0;
        for (size_t i = start; i < content_end; ++i) {
            line.natural += cs[i].advance;
            if (cs[i].space) ++stretchable;
        }
        Hyphen hy;
        if (br.hyphen && content_end > start) {
            hy = hyphens[static_cast<size_t>(cs[content_end - 1].item)];
            line.natural += hy.advance;
            line.hyphenated = true;
        }
        double per_space = 0;
        if (stretchable > 0 && ((spec.align == TextAlign::justify && !last) || line.natural > spec.measure))
            per_space = (spec.measure - line.natural) / stretchable;
        line.width = line.natural + per_space * stretchable;
        double x = 0;
        if (spec.align == TextAlign::right) x = spec.measure - line.width;
        if (spec.align == TextAlign::center) x = (spec.measure - line.width) / 2;

        struct Span {
            int b0;
            double x0, x1;
        };
        std::vector<Span> spans;
        GlyphRun current;
        int current_item = -1;
        const RichText::Span* style = nullptr;
        auto flush = [&] {
            if (current_item >= 0 && (!current.glyphs.empty() || !current.text.empty())) {
                if (style && style->style.strike) {
                    double y = -style->style.rise - current.size * 0.28;
                    line.items.push_back(RuleItem{current.x, y, x, y, current.size * 0.06, current.color});
                }
                current.width = x - current.x;
                line.items.push_back(std::move(current));
            }
            current = GlyphRun{};
        };
        for (size_t i = start; i < br.end; ++i) {
            Cluster& c = cs[i];
            if (c.item != current_item) {
                flush();
                current_item = c.item;
                PangoItem* item = sh.items[static_cast<size_t>(c.item)].get();
                const FontInfo& fi = tc.font_info(item->analysis.font);
                style = span_at(rt, item->offset);
                current.font = fi.handle;
                current.font_name = fi.name;
                current.size = fi.size;
                current.color = style ? style->style.color : Color{};
                current.x = x;
                current.y = style ? -style->style.rise : 0;
                // Room for the run's glyphs, text and clusters at once (and
                // a hyphen): growing them glyph by glyph was a good part of
                // layout's allocations.
                size_t glyphs = 1, bytes = 1, clusters = 1;
                for (size_t k = i; k < br.end && cs[k].item == c.item; ++k) {
                    glyphs += static_cast<size_t>(cs[k].g1 - cs[k].g0);
                    bytes += static_cast<size_t>(cs[k].text_bytes);
                    ++clusters;
                }
                current.glyphs.reserve(glyphs);
                current.text.reserve(bytes);
                current.clusters.reserve(clusters);
            }
            const bool placed = i < content_end;
            const double x0 = x;
            PangoGlyphString* gs = sh.glyphs[static_cast<size_t>(c.item)].get();
            TextCluster tcl;
            if (placed) {
                for (int g = c.g0; g < c.g1; ++g) {
                    const PangoGlyphInfo& gi = gs->glyphs[g];
                    if (!is_invisible(gi.glyph)) {
                        current.glyphs.push_back({gi.glyph, static_cast<float>(x + to_pt(gi.geometry.x_offset)),
                                                  static_cast<float>(current.y + to_pt(gi.geometry.y_offset))});
                        ++tcl.glyphs;
                    }
                }
                x += c.advance;
                if (c.space) x += per_space;
            }
            tcl.bytes = c.text_bytes;
            append_extracted(current.text, std::string_view(rt.text).substr(static_cast<size_t>(c.b0),
                                                                           static_cast<size_t>(std::max(0, c.b1 - c.b0))));
            // Keep text and glyphs mapped: a cluster without glyphs lends its
            // text to the previous cluster, one without text its glyphs.
            if (tcl.glyphs == 0 && tcl.bytes == 0) {
            } else if ((tcl.glyphs == 0 || tcl.bytes == 0) && !current.clusters.empty()) {
                current.clusters.back().bytes += tcl.bytes;
                current.clusters.back().glyphs += tcl.glyphs;
            } else {
                current.clusters.push_back(tcl);
            }
            if (placed) spans.push_back({c.b0, x0, x});
            if (placed && i + 1 == content_end && line.hyphenated && hy.glyph != PANGO_GLYPH_EMPTY) {
                current.glyphs.push_back({hy.glyph, static_cast<float>(x), static_cast<float>(current.y)});
                current.text += "-";
                current.clusters.push_back({1, 1});
                x += hy.advance;
            }
        }
        flush();
        // A run whose first cluster had no glyphs (or no text) cannot be
        // expressed as clusters: drop its mapping (cairo then shows plain
        // glyphs, which is right for invisible text).
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
        std::erase_if(line.items, [](const Item& it) {
            auto* g = std::get_if<GlyphRun>(&it);
            return g && g->glyphs.empty() && g->text.empty();
        });

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
        start = br.end;
    }
    return result;
}

}  // namespace

void translate(Item& item, double dx, double dy) {
    std::visit(Overloaded{
                   [&](GlyphRun& g) {
                       g.x += dx;
                       g.y += dy;
                       for (auto& p : g.glyphs) {
                           p.x = static_cast<float>(p.x + dx);
                           p.y = static_cast<float>(p.y + dy);
                       }
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

double widest_word(TypeContext& tc, const RichText& text) {
    if (text.text.empty()) return 0;
    Shaped sh = shape_paragraph(tc, text);
    double widest = 0, word = 0;
    for (const Cluster& c : sh.clusters) {
        if (!c.blank) word += c.advance;
        if (c.blank || (c.break_after && !c.hyphen_after)) {
            widest = std::max(widest, word);
            word = 0;
        }
    }
    return std::max(widest, word);
}

std::vector<SetLine> set_paragraph(TypeContext& tc, RichText text, const ParaSpec& spec) {
    if (text.text.empty()) return {};
    return place_lines(tc, text, spec).lines;
}

}  // namespace folio
