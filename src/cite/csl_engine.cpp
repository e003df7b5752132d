// Document-wide CSL processing: registry and citation numbers, positions,
// disambiguation, and assembling citations. Sorting keys are in
// csl_sort.cpp, grouping and collapsing in csl_collapse.cpp, the
// bibliography in csl_bibliography.cpp.
#include "cite/csl_engine.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "cite/csl_name_parts.hpp"
#include "cite/csl_schema.hpp"
#include "cite/csl_text.hpp"
#include "cite/csl_walk.hpp"

namespace folio::csl {

// ---- suppress-author / author-only --------------------------------------------

bool remove_names(Ir& ir) {
    if (ir.names_root) {
        ir = Ir{};
        return true;
    }
    for (Ir& c : ir.children)
        if (remove_names(c)) return true;
    return false;
}

namespace {
bool find_names(const Ir& ir, Ir& out) {
    if (ir.names_root) {
        out = ir;
        return true;
    }
    for (const Ir& c : ir.children)
        if (find_names(c, out)) return true;
    return false;
}

// A count attribute; the loader has refused any value that is not one.
int attr_count(const Attrs& a, const char* k, int dflt) {
    auto it = a.find(k);
    return it == a.end() ? dflt : parse_count(it->second).value_or(dflt);
}

bool attr_true(const Attrs& a, const char* k) {
    auto it = a.find(k);
    return it != a.end() && it->second == "true";
}

// Does any layout or macro of the style test the `disambiguate` condition?
bool tests_disambiguate(const CslStyle& style) {
    auto none = [](const Elements& els) {
        return walk_elements(els, [](const Element& el) {
            for (const Branch& b : el.branches)
                for (const auto& [attr, value] : b.tests)
                    if (attr == "disambiguate") return false;
            return true;
        });
    };
    if (!none(style.citation.layout.children) || !none(style.bibliography.layout.children)) return true;
    for (const auto& [name, macro] : style.macros)
        if (!none(macro.children)) return true;
    return false;
}
}  // namespace

bool keep_only_names(Ir& ir) {
    Ir names;
    if (!find_names(ir, names)) return false;
    ir = std::move(names);
    return true;
}

// ---- registry -------------------------------------------------------------------

OutputOptions Engine::output_options() const {
    OutputOptions o;
    o.open_quote = m_locale.term("open-quote").value_or(o.open_quote);
    o.close_quote = m_locale.term("close-quote").value_or(o.close_quote);
    o.open_inner_quote = m_locale.term("open-inner-quote").value_or(o.open_inner_quote);
    o.close_inner_quote = m_locale.term("close-inner-quote").value_or(o.close_inner_quote);
    o.punctuation_in_quote = m_locale.punctuation_in_quote();
    return o;
}

Engine::Entry* Engine::entry(const CslItem* item) {
    for (Entry& e : m_entries)
        if (e.item == item) return &e;
    return nullptr;
}

RenderInput Engine::input(const Entry& e, Mode mode, const CiteContext* ctx) const {
    RenderInput in;
    in.style = &m_style;
    in.locale = &m_locale;
    in.item = e.item;
    in.mode = mode;
    in.cite = ctx;
    in.dis = e.dis;
    if (mode == Mode::bibliography) {
        // Name expansion is for citations; the bibliography keeps the
        // year-suffix and the disambiguate condition.
        in.dis = DisambState{};
        in.dis.year_suffix = e.dis.year_suffix;
        in.dis.disambiguate = e.dis.disambiguate;
    }
    in.citation_number = e.number;
    in.implicit_year_suffix = m_implicit_year_suffix;
    return in;
}

void Engine::register_items(const std::vector<Citation>& citations, const std::vector<const CslItem*>& uncited) {
    m_entries.clear();
    auto add = [&](const CslItem* item) {
        if (!item || entry(item)) return;
        Entry e{item, static_cast<int>(m_entries.size()) + 1, 0, {}};
        m_entries.push_back(e);
    };
    for (const Citation& c : citations)
        for (const CiteRef& r : c.cites) add(r.item);
    for (const CslItem* item : uncited) add(item);
}

namespace {
// Whether the style places the year-suffix itself (else it follows the year).
bool uses_year_suffix(const Elements& els, const CslStyle& st) {
    return !walk_elements_through_macros(els, st, [](const Element& e) {
        return !(e.kind == Element::Kind::text && e.variable == "year-suffix");
    });
}
}  // namespace

void Engine::number_items() {
    m_implicit_year_suffix = !uses_year_suffix(m_style.citation.layout.children, m_style) &&
                             !uses_year_suffix(m_style.bibliography.layout.children, m_style);
    for (Entry& e : m_entries) e.number = e.registered;
    const Section& bib = m_style.bibliography;
    if (!bib.present || bib.sort.empty()) return;
    std::vector<std::pair<std::vector<std::string>, Entry>> keyed;
    for (const Entry& e : m_entries) keyed.emplace_back(sort_keys(e, bib), e);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [&](const auto& a, const auto& b) { return sort_less(a.first, b.first, bib); });
    // Numbers follow the sorted order, counting down when the list is
    // sorted by citation number descending.
    bool reversed = bib.sort.front().variable == "citation-number" && bib.sort.front().descending;
    m_entries.clear();
    int n = static_cast<int>(keyed.size());
    for (auto& [k, e] : keyed) {
        int index = static_cast<int>(m_entries.size());
        e.number = reversed ? n - index : index + 1;
        m_entries.push_back(e);
    }
}

// ---- disambiguation ---------------------------------------------------------------

void Engine::disambiguate() {
    const Attrs& a = m_style.citation.attrs;
    bool add_names = attr_true(a, "disambiguate-add-names");
    bool add_given = attr_true(a, "disambiguate-add-givenname");
    bool year_suffix = attr_true(a, "disambiguate-add-year-suffix");
    // A style that asks for no disambiguation and never tests the condition
    // (the house note style) cannot be changed by it: finding ambiguous
    // cites renders every item, in every run.
    if (!add_names && !add_given && !year_suffix && !tests_disambiguate(m_style)) return;
    CiteContext first;
    first.position = "first";
    auto text_of = [&](const Entry& e) { return ir_plain(render_item(input(e, Mode::citation, &first))); };
    auto groups = [&]() {
        std::map<std::string, std::vector<std::size_t>> by_text;
        for (std::size_t i = 0; i < m_entries.size(); ++i) by_text[text_of(m_entries[i])].push_back(i);
        std::vector<std::vector<std::size_t>> out;
        for (auto& [t, ids] : by_text)
            if (ids.size() > 1) out.push_back(ids);
        return out;
    };
    if (add_given) disambiguate_names_globally();
    auto ambiguous = groups();
    if (ambiguous.empty()) return;

    // Tries a change on every item of each ambiguous set, keeping it for the
    // items it sets apart.
    auto distinct = [&](const std::vector<std::size_t>& set) {
        std::set<std::string> texts;
        for (std::size_t i : set) texts.insert(text_of(m_entries[i]));
        return static_cast<int>(texts.size());
    };
    if (add_names) {
        for (const auto& set : ambiguous) {
            int best = distinct(set), best_extra = 0;
            for (int extra = 1; extra <= 50; ++extra) {
                for (std::size_t i : set) m_entries[i].dis.add_names = extra;
                int d = distinct(set);
                if (d > best) {
                    best = d;
                    best_extra = extra;
                }
                if (d == static_cast<int>(set.size())) break;
            }
            for (std::size_t i : set) m_entries[i].dis.add_names = best_extra;
        }
        ambiguous = groups();
    }
    if (add_given) {
        std::string rule = a.count("givenname-disambiguation-rule") ? a.at("givenname-disambiguation-rule") : "by-cite";
        int max_level = rule.find("with-initials") != std::string::npos ? 1 : 2;
        int max_names = rule.rfind("primary-name", 0) == 0 ? 1 : 50;
        for (const auto& set : ambiguous) {
            // Expand one name position at a time, keeping an expansion only
            // where it tells more of the set apart.
            for (int pos = 0; pos < max_names; ++pos) {
                for (int level = 1; level <= max_level; ++level) {
                    int before = distinct(set);
                    std::vector<DisambState> saved;
                    for (std::size_t i : set) {
                        saved.push_back(m_entries[i].dis);
                        auto& lv = m_entries[i].dis.given_levels;
                        if (static_cast<int>(lv.size()) <= pos) lv.resize(pos + 1, 0);
                        lv[pos] = level;
                    }
                    if (distinct(set) <= before) {
                        for (std::size_t k = 0; k < set.size(); ++k) m_entries[set[k]].dis = saved[k];
                    }
                }
                if (distinct(set) == static_cast<int>(set.size())) break;
            }
        }
        ambiguous = groups();
    }
    for (const auto& set : ambiguous)
        for (std::size_t i : set) m_entries[i].dis.disambiguate = true;
    if (year_suffix) {
        ambiguous = groups();
        for (const auto& set : ambiguous) {
            int n = 0;
            for (std::size_t i : set) m_entries[i].dis.year_suffix = ++n;
        }
    }
}

namespace {

// The names a citation shows for an item: its first name variable, the
// one a <names> in the layout usually renders (author, else the editors and
// translators the styles substitute).
const std::vector<CslName>* cited_names(const CslItem& item) {
    for (const char* var : {"author", "editor", "translator"})
        if (auto it = item.names.find(var); it != item.names.end() && !it->second.empty()) return &it->second;
    return nullptr;
}

// "J. J." and "J.J." are one person written two ways.
std::string given_key(const std::string& given) {
    std::string out;
    for (char c : given)
        if (c != ' ' && c != '.') out += c;
    return out;
}

// The initials a given name shows, as the names renderer makes them (whole
// characters, not bytes: "Élise" and "Ørjan" differ, "재인" and "재원" do
// not); the punctuation is left out so that only the letters compare.
std::string initials_key(const std::string& given) {
    return initials(given, "", true, false);
}

}  // namespace

// givenname-disambiguation-rule all-names, all-names-with-initials,
// primary-name and primary-name-with-initials disambiguate people as well as
// cites: wherever two different people of one family name are shown
// (within the first et-al-use-first names, or the first name alone for the
// primary-name rules), their initials are added, or their given names when
// the initials are the same too.
void Engine::disambiguate_names_globally() {
    const Attrs& a = m_style.citation.attrs;
    auto option = [&](const char* k) -> std::string {
        if (auto it = a.find(k); it != a.end()) return it->second;
        if (auto it = m_style.attrs.find(k); it != m_style.attrs.end()) return it->second;
        return "";
    };
    const std::string rule = option("givenname-disambiguation-rule");
    if (rule.empty() || rule == "by-cite") return;
    const bool primary = rule.rfind("primary-name", 0) == 0;
    const int max_level = rule.find("with-initials") != std::string::npos ? 1 : 2;
    const int et_al_min = parse_count(option("et-al-min")).value_or(0);
    const int et_al_first = parse_count(option("et-al-use-first")).value_or(0);
    auto shown = [&](const std::vector<CslName>& names) {
        int n = static_cast<int>(names.size());
        if (et_al_min > 0 && n >= et_al_min && et_al_first > 0) n = std::min(n, et_al_first);
        return primary ? std::min(n, 1) : n;
    };
    auto family_of = [](const CslName& n) { return n.non_dropping_particle + " " + n.family; };
    // Every given name shown with each family name.
    // family → the people of that name shown: given name → its initials.
    std::map<std::string, std::map<std::string, std::string>> givens;
    for (const Entry& e : m_entries)
        if (const auto* names = cited_names(*e.item))
            for (int i = 0; i < shown(*names); ++i)
                if ((*names)[i].literal.empty())
                    givens[family_of((*names)[i])].emplace(given_key((*names)[i].given), initials_key((*names)[i].given));
    for (Entry& e : m_entries) {
        const auto* names = cited_names(*e.item);
        if (!names) continue;
        for (int i = 0; i < shown(*names); ++i) {
            const CslName& n = (*names)[i];
            const auto& others = givens[family_of(n)];
            if (!n.literal.empty() || others.size() < 2) continue;
            // Initials tell this person apart unless another shares them;
            // then only the full given name does, if the rule allows it.
            int level = 1;
            for (const auto& [given, initials] : others)
                if (given != given_key(n.given) && initials == initials_key(n.given)) level = max_level == 2 ? 2 : 0;
            if (level == 0) continue;
            auto& lv = e.dis.given_levels;
            if (static_cast<int>(lv.size()) <= i) lv.resize(i + 1, 0);
            lv[i] = std::max(lv[i], level);
        }
    }
}

// ---- citations ---------------------------------------------------------------------

std::vector<Inlines> Engine::cite(const std::vector<Citation>& citations, const std::vector<const CslItem*>& uncited) {
    register_items(citations, uncited);
    number_items();
    disambiguate();

    int near_distance = attr_count(m_style.citation.attrs, "near-note-distance", 5);
    std::map<const CslItem*, int> first_note, last_note;
    std::map<const CslItem*, bool> seen;
    const CiteRef* prev_single = nullptr;  // the previous citation's only cite
    OutputOptions opt = output_options();
    std::vector<Inlines> out;
    for (std::size_t ci = 0; ci < citations.size(); ++ci) {
        const Citation& c = citations[ci];
        if (ci > 0 && c.document != citations[ci - 1].document) {
            // A new document: its first citation of an item is a first one again.
            first_note.clear();
            last_note.clear();
            seen.clear();
            prev_single = nullptr;
        }
        std::vector<CiteContext> contexts;
        for (std::size_t i = 0; i < c.cites.size(); ++i) {
            const CiteRef& r = c.cites[i];
            CiteContext ctx;
            ctx.locator = trim(r.locator);  // " 666" as typed is "666"
            ctx.label = r.locator.empty() ? "" : (r.label.empty() ? "page" : r.label);
            // CSL 1.0.2 names these locators differently from the item types.
            if (ctx.label == "article") ctx.label = "article-locator";
            if (ctx.label == "title") ctx.label = "title-locator";
            const CiteRef* prev = i > 0 ? &c.cites[i - 1] : prev_single;
            if (!seen[r.item]) {
                ctx.position = "first";
            } else if (prev && prev->item == r.item) {
                if (r.locator.empty()) ctx.position = prev->locator.empty() ? "ibid" : "subsequent";
                else ctx.position = (r.locator == prev->locator && r.label == prev->label) ? "ibid" : "ibid-with-locator";
            } else {
                ctx.position = "subsequent";
            }
            // An author named in the running text is a name whatever its
            // note says: "Then Baek¹ again" where the note reads "Ibid".
            if (!c.counts && ctx.position.starts_with("ibid")) ctx.position = "subsequent";
            if (seen[r.item]) {
                ctx.first_reference_note = first_note[r.item];
                ctx.near_note = c.note - last_note[r.item] <= near_distance;
            }
            contexts.push_back(ctx);
            if (!c.counts) continue;
            // Within a citation, a repeated item already counts as seen.
            if (!seen[r.item]) first_note[r.item] = c.note;
            seen[r.item] = true;
            last_note[r.item] = c.note;
        }
        out.push_back(to_inlines(render_citation(c, contexts), opt));
        if (c.counts) prev_single = c.cites.size() == 1 ? &c.cites[0] : nullptr;
    }
    build_bibliography();
    return out;
}

}  // namespace folio::csl
