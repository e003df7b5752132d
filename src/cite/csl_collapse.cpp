// Assembling one citation: each cite rendered with its affixes, sorted per
// cs:citation's sort, then grouped by author and collapsed as the style's
// `collapse` asks (citation-number ranges, year, year-suffix,
// year-suffix-ranged), with cite-group-delimiter, year-suffix-delimiter and
// after-collapse-delimiter between the pieces.
#include <algorithm>

#include "cite/csl_engine.hpp"
#include "cite/csl_text.hpp"

namespace folio::csl {
namespace {

struct Rendered {
    std::size_t index = 0;  // in the citation as written
    Ir ir;            // the cite with its prefix and suffix
    Ir without_names; // the same with the author suppressed (for collapsing)
    std::string names;  // plain text of the author, the grouping key
    std::vector<std::string> keys;
    int number = 0;
    int year_suffix = 0;
    bool plain = true;  // no locator, prefix or suffix: may join a range
};

const Ir* find_names(const Ir& ir) {
    if (ir.names_root) return &ir;
    for (const Ir& c : ir.children)
        if (const Ir* r = find_names(c)) return r;
    return nullptr;
}

Ir with_affixes(Ir ir, const CiteRef& r) {
    Ir wrapped;
    wrapped.is_group = true;
    if (!r.prefix.empty()) wrapped.children.push_back(parse_rich_text(r.prefix));
    wrapped.children.push_back(std::move(ir));
    if (!r.suffix.empty()) wrapped.children.push_back(parse_rich_text(r.suffix));
    return wrapped;
}

std::string attr(const Attrs& a, const char* k, const std::string& dflt) {
    auto it = a.find(k);
    return it == a.end() ? dflt : it->second;
}

// "2000a" and "2000b" are the same year once the suffix is taken off.
std::string without_suffix(const Rendered& r) {
    std::string t = ir_plain(r.without_names);
    std::string s = year_suffix_letters(r.year_suffix);
    if (r.year_suffix > 0) {
        std::size_t p = t.rfind(s);
        if (p != std::string::npos) t.erase(p, s.size());
    }
    return t;
}

// Does a cite's prefix end a sentence ("This has been said. ", "He said
// “Please work.” ")?
bool ends_sentence(const std::string& prefix) {
    std::string p = trim(prefix);
    for (bool stripped = true; stripped && !p.empty();) {
        stripped = false;
        for (const char* q : {"\"", "'", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
            const std::string_view mark(q);
            if (p.size() >= mark.size() && p.compare(p.size() - mark.size(), mark.size(), mark) == 0) {
                p.erase(p.size() - mark.size());
                stripped = true;
            }
        }
    }
    return !p.empty() && (p.back() == '.' || p.back() == '!' || p.back() == '?');
}

// The text a cite opens with, unless an affix comes before it.
Ir* opening_leaf(Ir& ir) {
    if (!ir.prefix.empty()) return nullptr;
    if (!ir.is_group) return ir.text.empty() ? nullptr : &ir;
    for (Ir& c : ir.children)
        if (!c.empty()) return opening_leaf(c);
    return nullptr;
}

// A note is a sentence: a term that opens it, or follows a prefix that
// ends one, is capitalised ("Ibid.", "This has been said. Ibid.").
void capitalise_opening_term(Ir& ir) {
    Ir* leaf = opening_leaf(ir);
    if (!leaf || !leaf->from_term || leaf->nocase) return;
    std::u32string cps = utf8_decode(leaf->text);
    if (cps.empty() || !is_lower(cps[0])) return;
    cps[0] = to_upper(cps[0]);
    leaf->text = utf8_encode(cps);
}

const CiteRef* cite_ref_of(const Citation& c, const Rendered& r) {
    return r.index < c.cites.size() ? &c.cites[r.index] : nullptr;
}

}  // namespace

Ir Engine::render_citation(const Citation& c, const std::vector<CiteContext>& contexts) {
    const Section& sec = m_style.citation;
    std::vector<Rendered> cites;
    for (std::size_t i = 0; i < c.cites.size(); ++i) {
        const CiteRef& r = c.cites[i];
        Entry* e = entry(r.item);
        if (!e) continue;
        RenderInput in = input(*e, Mode::citation, &contexts[i]);
        Ir full = render_item(in);
        in.suppress_author = true;
        Ir bare = render_item(in);
        Ir ir = r.suppress_author ? bare : full;
        if (r.author_only) keep_only_names(ir);
        const bool opens_note = i == 0 && r.prefix.empty() && sec.layout.prefix.empty();
        if (m_style.is_note_style() && (opens_note || ends_sentence(r.prefix))) capitalise_opening_term(ir);
        Rendered out;
        out.index = i;
        const Ir* names = find_names(full);
        out.names = names && !r.suppress_author ? ir_plain(*names) : "";
        out.without_names = with_affixes(std::move(bare), r);
        out.ir = with_affixes(std::move(ir), r);
        if (out.ir.empty()) continue;
        if (!sec.sort.empty()) out.keys = sort_keys(*e, sec);
        out.number = e->number;
        out.year_suffix = e->dis.year_suffix;
        out.plain = r.locator.empty() && r.prefix.empty() && r.suffix.empty();
        cites.push_back(std::move(out));
    }
    if (!sec.sort.empty())
        std::stable_sort(cites.begin(), cites.end(),
                         [&](const Rendered& a, const Rendered& b) { return sort_less(a.keys, b.keys, sec); });

    const Element& layout = sec.layout;
    std::string collapse = attr(sec.attrs, "collapse", "");
    std::string layout_delim = layout.delimiter;
    std::string group_delim = attr(sec.attrs, "cite-group-delimiter", ", ");
    // Suffixes of one year are cites of one group: without a delimiter of
    // their own they take the group's, when the style sets one.
    std::string suffix_delim = attr(sec.attrs, "year-suffix-delimiter", attr(sec.attrs, "cite-group-delimiter", layout_delim));
    std::string after_collapse = attr(sec.attrs, "after-collapse-delimiter", layout_delim);

    Ir out;
    out.is_group = true;
    auto add = [&](Ir piece, const std::string& delimiter) {
        if (piece.empty()) return;
        if (!out.children.empty()) out.children.push_back(ir_text(delimiter));
        out.children.push_back(std::move(piece));
    };

    if (collapse == "citation-number") {
        std::size_t i = 0;
        while (i < cites.size()) {
            std::size_t j = i;
            while (j + 1 < cites.size() && cites[j].plain && cites[j + 1].plain &&
                   cites[j + 1].number == cites[j].number + 1)
                ++j;
            if (j - i >= 2) {
                Ir range;
                range.is_group = true;
                range.children.push_back(std::move(cites[i].ir));
                range.children.push_back(ir_text("\xE2\x80\x93"));
                range.children.push_back(std::move(cites[j].ir));
                add(std::move(range), layout_delim);
                i = j + 1;
            } else {
                add(std::move(cites[i].ir), layout_delim);
                ++i;
            }
        }
    } else if (!collapse.empty() || sec.attrs.count("cite-group-delimiter")) {
        // Cites by the same author move up to the first of them.
        std::vector<std::vector<Rendered*>> groups;
        for (Rendered& r : cites) {
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
                return !r.names.empty() && g.front()->names == r.names;
            });
            if (it == groups.end()) groups.push_back({&r});
            else it->push_back(&r);
        }
        bool previous_collapsed = false;
        for (auto& g : groups) {
            Ir piece;
            piece.is_group = true;
            bool collapsed = g.size() > 1 && !collapse.empty();
            // After "2000a, b" (suffixes collapsed) the next year is
            // separated as after a collapsed group: "2000a, b; 2001".
            bool after_suffixes = false;
            for (std::size_t k = 0; k < g.size(); ++k) {
                if (k == 0 || collapse.empty()) {
                    if (k > 0) piece.children.push_back(ir_text(group_delim));
                    piece.children.push_back(k == 0 ? std::move(g[k]->ir) : std::move(g[k]->ir));
                    continue;
                }
                bool same_year = (collapse == "year-suffix" || collapse == "year-suffix-ranged") &&
                                 g[k]->year_suffix > 0 && g[k - 1]->year_suffix > 0 && g[k]->plain &&
                                 g[k - 1]->plain && without_suffix(*g[k]) == without_suffix(*g[k - 1]);
                if (same_year) {
                    bool ranged = collapse == "year-suffix-ranged";
                    // a, b, c → a–c when ranged
                    std::size_t end = k;
                    if (ranged)
                        while (end + 1 < g.size() && g[end + 1]->plain && g[end + 1]->year_suffix == g[end]->year_suffix + 1 &&
                               without_suffix(*g[end + 1]) == without_suffix(*g[k]) && g[k]->year_suffix == g[k - 1]->year_suffix + 1)
                            ++end;
                    if (ranged && end > k) {
                        piece.children.push_back(ir_text("\xE2\x80\x93"));
                        piece.children.push_back(ir_text(year_suffix_letters(g[end]->year_suffix)));
                        k = end;
                    } else {
                        piece.children.push_back(ir_text(suffix_delim));
                        piece.children.push_back(ir_text(year_suffix_letters(g[k]->year_suffix)));
                    }
                    after_suffixes = true;
                    continue;
                }
                if (g[k]->without_names.empty()) continue;
                piece.children.push_back(ir_text(g[k - 1]->plain && !after_suffixes ? group_delim : after_collapse));
                after_suffixes = false;
                piece.children.push_back(std::move(g[k]->without_names));
            }
            add(std::move(piece), previous_collapsed ? after_collapse : layout_delim);
            previous_collapsed = collapsed;
        }
    } else {
        // Cite affixes that bring their own punctuation replace the layout
        // delimiter: "…, 2000, and Jones" and "… is one source, Jones".
        auto is_punct = [](char ch) { return ch == ',' || ch == ';' || ch == '.' || ch == ':'; };
        for (std::size_t k = 0; k < cites.size(); ++k) {
            std::string delim = layout_delim;
            if (k > 0) {
                const CiteRef* prev = cite_ref_of(c, cites[k - 1]);
                const CiteRef* cur = cite_ref_of(c, cites[k]);
                if (cur && !cur->prefix.empty() && is_punct(cur->prefix[0])) delim = "";
                else if (prev && !prev->suffix.empty() && is_punct(prev->suffix.back()) && !delim.empty()) delim = " ";
            }
            add(std::move(cites[k].ir), delim);
        }
    }
    if (out.empty()) return {};
    // An author-only citation (the "Author" of a narrative "Author (2001)")
    // stands in running text, without the layout's brackets.
    bool author_only = std::all_of(c.cites.begin(), c.cites.end(), [](const CiteRef& r) { return r.author_only; });
    if (author_only) return out;
    // The layout's formatting covers its affixes too.
    out.prefix = layout.prefix;
    out.suffix = layout.suffix;
    Ir formatted;
    formatted.is_group = true;
    formatted.fmt = layout.fmt;
    formatted.children.push_back(std::move(out));
    return formatted;
}

}  // namespace folio::csl
