// <names> and <name>: inherited name options, et-al truncation (with
// et-al-use-last and the subsequent variants), name order and particles,
// initials, the "and" and delimiters between names, labels, the
// editor/translator merge, form="count", and <substitute>.
#include <algorithm>

#include "cite/csl_name_parts.hpp"
#include "cite/csl_renderer.hpp"
#include "cite/csl_schema.hpp"
#include "cite/csl_text.hpp"

namespace folio::csl {

struct Renderer::NameOpts {
    std::string and_mode;  // "", "text", "symbol"
    std::string delimiter = ", ";
    std::string names_delimiter;
    std::string precedes_last = "contextual";
    std::string precedes_et_al = "contextual";
    int et_al_min = 0;
    int et_al_use_first = 0;
    bool et_al_use_last = false;
    bool has_initialize_with = false;
    std::string initialize_with;
    bool initialize = true;
    std::string name_as_sort_order;
    std::string sort_separator = ", ";
    std::string form = "long";
};

namespace {

Element part_element(const Attrs& a) {
    Element e;
    auto get = [&](const char* k) {
        auto it = a.find(k);
        return it == a.end() ? std::string() : it->second;
    };
    e.fmt = {get("font-style"), get("font-variant"), get("font-weight"), get("text-decoration"),
             get("vertical-align")};
    e.prefix = get("prefix");
    e.suffix = get("suffix");
    e.text_case = get("text-case");
    return e;
}

}  // namespace

Renderer::NameOpts Renderer::name_options(const Element& el) const {
    NameOpts o;
    const Section& sec = m_in.mode == Mode::bibliography ? m_in.style->bibliography : m_in.style->citation;
    Attrs a;
    auto inherit = [&](const Attrs& from) {
        for (const auto& [k, v] : from) {
            if (k == "name-form") a["form"] = v;
            else if (k == "name-delimiter") a["delimiter"] = v;
            else a[k] = v;
        }
    };
    inherit(m_in.style->attrs);
    inherit(sec.attrs);
    a.erase("form");
    a.erase("delimiter");
    for (const auto& [k, v] : m_in.style->attrs) {
        if (k == "name-form") a["form"] = v;
        if (k == "name-delimiter") a["delimiter"] = v;
    }
    for (const auto& [k, v] : sec.attrs) {
        if (k == "name-form") a["form"] = v;
        if (k == "name-delimiter") a["delimiter"] = v;
    }
    for (const auto& [k, v] : el.name_attrs) a[k] = v;
    auto get = [&](const char* k, const std::string& dflt) {
        auto it = a.find(k);
        return it == a.end() ? dflt : it->second;
    };
    // The loader has refused a count that is not one (csl_schema), so the
    // default only stands for an attribute that is absent.
    auto count = [](const Attrs& from, const char* k, int dflt) {
        auto it = from.find(k);
        return it == from.end() ? dflt : parse_count(it->second).value_or(dflt);
    };
    o.and_mode = get("and", "");
    o.delimiter = get("delimiter", ", ");
    o.precedes_last = get("delimiter-precedes-last", "contextual");
    o.precedes_et_al = get("delimiter-precedes-et-al", "contextual");
    o.et_al_min = count(a, "et-al-min", 0);
    o.et_al_use_first = count(a, "et-al-use-first", -1);
    o.et_al_use_last = get("et-al-use-last", "false") == "true";
    bool subsequent = m_in.mode == Mode::citation && m_in.cite && m_in.cite->position != "first";
    if (subsequent) {
        o.et_al_min = count(a, "et-al-subsequent-min", o.et_al_min);
        o.et_al_use_first = count(a, "et-al-subsequent-use-first", o.et_al_use_first);
    }
    o.has_initialize_with = a.count("initialize-with") > 0;
    o.initialize_with = get("initialize-with", "");
    o.initialize = get("initialize", "true") != "false";
    o.name_as_sort_order = get("name-as-sort-order", "");
    o.sort_separator = get("sort-separator", ", ");
    o.form = get("form", "long");
    o.names_delimiter = el.delimiter.empty() ? get("names-delimiter", "") : el.delimiter;
    if (m_in.sorting) {
        o.name_as_sort_order = "all";
        o.et_al_min = count(m_in.name_overrides, "names-min", o.et_al_min);
        o.et_al_use_first = count(m_in.name_overrides, "names-use-first", o.et_al_use_first);
        if (auto it = m_in.name_overrides.find("names-use-last"); it != m_in.name_overrides.end())
            o.et_al_use_last = it->second == "true";
    }
    return o;
}

Ir Renderer::one_name(const CslName& n, const NameOpts& o, bool inverted, int level) {
    // Disambiguation may ask for more of the given name than the style shows.
    std::string form = o.form;
    bool init = o.has_initialize_with && o.initialize;
    bool normalise = o.has_initialize_with;
    if (level >= 1 && form == "short") form = "long";
    if (level >= 2) init = normalise = false;
    if (!n.literal.empty()) return ir_text(typographic_apostrophes(n.literal));
    if (n.family.empty() && n.given.empty()) return {};
    CslName parsed = parse_particles(n);
    Element fam_el = part_element(m_current_family), giv_el = part_element(m_current_given);
    std::string family = parsed.family;
    std::string ndp = parsed.non_dropping_particle, dp = parsed.dropping_particle;
    if (family.empty()) return decorate(ir_text(parsed.given), giv_el);
    if (parsed.given.empty() && ndp.empty() && dp.empty()) {
        Ir f = decorate(ir_text(family), fam_el);
        return f;
    }
    if (form == "short") return decorate(ir_text(join_particle(ndp, family)), fam_el);
    std::string given = parsed.given;
    if (normalise && !given.empty()) {
        bool hyphen = m_in.style->attrs.count("initialize-with-hyphen") == 0 ||
                      m_in.style->attrs.at("initialize-with-hyphen") != "false";
        given = initials(given, o.initialize_with, init, hyphen);
    }
    std::string demote = m_in.style->attrs.count("demote-non-dropping-particle")
                             ? m_in.style->attrs.at("demote-non-dropping-particle")
                             : "display-and-sort";
    if (m_in.sorting && demote == "sort-only") demote = "display-and-sort";
    bool cjk = is_cjk(family) || is_cjk(given);
    Ir out;
    out.is_group = true;
    auto add = [&](Ir ir) {
        if (!ir.empty()) out.children.push_back(std::move(ir));
    };
    if (cjk && !n.static_ordering) {
        add(decorate(ir_text(family), fam_el));
        add(decorate(ir_text(given), giv_el));
        return out;
    }
    if (!inverted) {
        // The family name-part covers the particles and suffix too; the
        // given name-part only the given names.
        // Its formatting and text-case cover the particle and family name;
        // its affixes the dropping particle and suffix as well.
        Element fam_fmt = fam_el;
        fam_fmt.prefix.clear();
        fam_fmt.suffix.clear();
        Ir core = decorate(ir_text(join_particle(ndp, family)), fam_fmt);
        Ir fam;
        fam.is_group = true;
        if (!dp.empty()) fam.children.push_back(ir_text(dp + (joins_without_space(dp) ? "" : " ")));
        fam.children.push_back(std::move(core));
        if (!parsed.suffix.empty()) fam.children.push_back(ir_text((parsed.comma_suffix ? ", " : " ") + parsed.suffix));
        fam.prefix = fam_el.prefix;
        fam.suffix = fam_el.suffix;
        Ir g = decorate(ir_text(given), giv_el);
        // A given name-part whose suffix is already a space (a no-break
        // space, say) needs no other.
        const std::string& gs = giv_el.suffix;
        const bool spaced = (!gs.empty() && gs.back() == ' ') ||
                            (gs.size() >= 2 && gs.compare(gs.size() - 2, 2, "\xC2\xA0") == 0);
        return ir_join({std::move(g), std::move(fam)}, spaced ? "" : " ");
    }
    std::string sep = o.sort_separator;
    // Inverted, the given name-part's affixes take in the particles after
    // the given name; its formatting applies to each.
    Element particle_el;
    particle_el.fmt = giv_el.fmt;
    Element given_fmt = giv_el;
    given_fmt.prefix.clear();
    given_fmt.suffix.clear();
    auto given_group = [&](const std::string& particles) {
        Ir g = ir_join({decorate(ir_text(given), given_fmt), decorate(ir_text(particles), particle_el)}, " ");
        g.prefix = giv_el.prefix;
        g.suffix = giv_el.suffix;
        return g;
    };
    if (demote == "display-and-sort") {
        Ir f = decorate(ir_text(family), fam_el);
        Ir g = given_group(join_particle(dp, ndp));
        Ir whole = ir_join({std::move(f), std::move(g)}, sep);
        if (!n.suffix.empty()) whole = ir_join({std::move(whole), ir_text(parsed.suffix)}, sep);
        return whole;
    }
    Ir f = decorate(ir_text(join_particle(ndp, family)), fam_el);
    Ir g = given_group(dp);
    Ir whole = ir_join({std::move(f), std::move(g)}, sep);
    if (!n.suffix.empty()) whole = ir_join({std::move(whole), ir_text(parsed.suffix)}, sep);
    return whole;
}

Ir Renderer::name_list(const std::vector<CslName>& names, const NameOpts& o, const Element& el, bool& truncated) {
    int n = static_cast<int>(names.size());
    int use_first = o.et_al_use_first;
    truncated = o.et_al_min > 0 && use_first >= 0 && n >= o.et_al_min && use_first < n;
    if (truncated) {
        use_first += m_in.dis.add_names;
        if (use_first >= n) truncated = false;
    }
    if (truncated && use_first <= 0) return {};
    int shown = truncated ? use_first : n;
    Element name_el;
    name_el.fmt = el.name_fmt;
    std::vector<Ir> rendered;
    std::vector<bool> inverted;
    for (int i = 0; i < shown; ++i) {
        bool inv = o.name_as_sort_order == "all" || (o.name_as_sort_order == "first" && i == 0);
        // An institution's name is never turned round, whatever the option.
        inverted.push_back(inv && names[i].literal.empty());
        int level = m_in.dis.givenname_level;
        if (i < static_cast<int>(m_in.dis.given_levels.size())) level = std::max(level, m_in.dis.given_levels[i]);
        rendered.push_back(decorate(one_name(names[i], o, inv, level), name_el));
    }
    std::string and_word = o.and_mode == "text" ? term("and") : o.and_mode == "symbol" ? "&" : "";
    Ir out;
    out.is_group = true;
    for (int i = 0; i < shown; ++i) {
        if (i > 0) {
            bool last = i == shown - 1 && !truncated;
            if (last && !and_word.empty()) {
                bool delim = o.precedes_last == "always" ||
                             (o.precedes_last == "contextual" && shown >= 3) ||
                             (o.precedes_last == "after-inverted-name" && inverted[i - 1]);
                out.children.push_back(ir_text((delim ? o.delimiter : std::string(" ")) + and_word + " "));
            } else {
                out.children.push_back(ir_text(o.delimiter));
            }
        }
        out.children.push_back(std::move(rendered[i]));
    }
    if (truncated) {
        if (o.et_al_use_last && use_first < n - 1) {
            out.children.push_back(ir_text(o.delimiter + "\xE2\x80\xA6 "));
            bool inv = o.name_as_sort_order == "all";
            out.children.push_back(decorate(one_name(names.back(), o, inv, m_in.dis.givenname_level), name_el));
        } else {
            std::string etal = term(el.et_al_term);
            if (!etal.empty()) {
                bool delim = o.precedes_et_al == "always" || (o.precedes_et_al == "contextual" && shown >= 2) ||
                             (o.precedes_et_al == "after-inverted-name" && inverted.back());
                Element e;
                e.fmt = el.et_al_fmt;
                e.prefix = el.et_al_prefix;
                e.suffix = el.et_al_suffix;
                out.children.push_back(ir_text(delim ? o.delimiter : std::string(" ")));
                out.children.push_back(decorate(ir_text(etal), e));
            }
        }
    }
    out.prefix = el.name_prefix;
    out.suffix = el.name_suffix;
    return out;
}

Ir Renderer::names_of(const Element& el, const std::vector<std::string>& vars, const NameOpts& o) {
    struct Entry {
        std::string var;
        const std::vector<CslName>* list;
    };
    std::vector<Entry> entries;
    for (const std::string& v : vars)
        if (const auto* list = name_variable(v)) entries.push_back({v, list});
    // An editor who is also the translator is named once, as both.
    auto same = [](const std::vector<CslName>& a, const std::vector<CslName>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].family != b[i].family || a[i].given != b[i].given || a[i].literal != b[i].literal) return false;
        return true;
    };
    int ed = -1, tr = -1;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].var == "editor") ed = static_cast<int>(i);
        if (entries[i].var == "translator") tr = static_cast<int>(i);
    }
    if (ed >= 0 && tr >= 0 && same(*entries[ed].list, *entries[tr].list)) {
        entries[ed].var = "editortranslator";
        entries.erase(entries.begin() + tr);
    }
    if (entries.empty()) return {};
    m_current_family = el.family_part;
    m_current_given = el.given_part;
    if (o.form == "count") {
        int count = 0;
        for (const Entry& e : entries) {
            bool truncated = false;
            int n = static_cast<int>(e.list->size());
            int use_first = o.et_al_use_first + m_in.dis.add_names;
            truncated = o.et_al_min > 0 && o.et_al_use_first >= 0 && n >= o.et_al_min && use_first < n;
            count += truncated ? use_first : n;
        }
        return count > 0 ? ir_text(std::to_string(count)) : Ir{};
    }
    std::vector<Ir> parts;
    for (const Entry& e : entries) {
        bool truncated = false;
        Ir list = name_list(*e.list, o, el, truncated);
        if (list.empty()) continue;
        if (!el.label.empty() && !m_in.sorting) {
            const Element& lab = el.label.front();
            bool plural = lab.plural == "always" || (lab.plural != "never" && e.list->size() > 1);
            Ir l = decorate(ir_text(term(e.var, lab.form, plural)), lab);
            parts.push_back(el.label_before_name ? ir_join({std::move(l), std::move(list)}, "")
                                                 : ir_join({std::move(list), std::move(l)}, ""));
        } else {
            parts.push_back(std::move(list));
        }
    }
    return ir_join(std::move(parts), o.names_delimiter);
}

Ir Renderer::names(const Element& in_el) {
    // A bare <names/> inside <substitute> takes its options from the parent.
    Element el_copy;
    const Element* elp = &in_el;
    if (m_names_parent && !in_el.has_name && !in_el.has_et_al && in_el.label.empty()) {
        el_copy = *m_names_parent;
        el_copy.variables = in_el.variables;
        el_copy.substitute.clear();
        el_copy.has_substitute = false;
        el_copy.fmt = in_el.fmt;
        el_copy.prefix = in_el.prefix;
        el_copy.suffix = in_el.suffix;
        el_copy.delimiter = in_el.delimiter.empty() ? m_names_parent->delimiter : in_el.delimiter;
        elp = &el_copy;
    }
    const Element& el = *elp;
    NameOpts o = name_options(el);
    ++m_called;
    for (const std::string& v : el.variables) m_used.push_back(v);
    Ir out = names_of(el, el.variables, o);
    if (!out.empty() && m_in.suppress_author && !m_author_suppressed && !m_names_parent) {
        // suppress-author: the author is left out but counts as present, so
        // the groups around it still render.
        m_author_suppressed = true;
        ++m_rendered;
        return {};
    }
    if (!out.empty()) {
        ++m_rendered;
        Ir d = decorate(std::move(out), el);
        d.names_root = true;
        return d;
    }
    if (!el.has_substitute) return {};
    const Element* saved_parent = m_names_parent;
    m_names_parent = &el;
    for (const Element& s : el.substitute) {
        std::size_t used_before = m_used.size();
        int called = m_called, rendered = m_rendered;
        Ir r = element(s);
        if (r.empty()) {
            m_called = called;
            m_rendered = rendered;
            continue;
        }
        m_called = called;
        m_rendered = rendered + 1;
        for (std::size_t i = used_before; i < m_used.size(); ++i) m_suppressed.insert(m_used[i]);
        m_names_parent = saved_parent;
        if (m_in.suppress_author && !m_author_suppressed) {
            m_author_suppressed = true;
            return {};
        }
        Ir d = decorate(std::move(r), el);
        d.names_root = true;
        return d;
    }
    m_names_parent = saved_parent;
    return {};
}

}  // namespace folio::csl
