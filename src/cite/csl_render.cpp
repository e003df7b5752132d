// The core of the renderer: text, label, group and choose elements, the
// conditions, variables and the decoration every element shares. Names,
// dates and numbers live in their own files.
#include <regex>

#include "cite/csl_renderer.hpp"
#include "cite/csl_text.hpp"

namespace folio::csl {

// ---- variables --------------------------------------------------------------

std::string year_suffix_letters(int n) {
    std::string s;
    while (n > 0) {
        --n;
        s.insert(s.begin(), static_cast<char>('a' + n % 26));
        n /= 26;
    }
    return s;
}

std::string Renderer::raw_variable(const std::string& name) const {
    if (m_suppressed.count(name)) return "";
    const CslItem& item = *m_in.item;
    auto field = [&](const std::string& k) -> std::string {
        auto it = item.fields.find(k);
        return it == item.fields.end() ? "" : it->second;
    };
    if (name == "locator") return m_in.cite ? m_in.cite->locator : "";
    if (name == "citation-number") return m_in.citation_number > 0 ? std::to_string(m_in.citation_number) : "";
    if (name == "year-suffix") return year_suffix_letters(m_in.dis.year_suffix);
    if (name == "first-reference-note-number") {
        if (!m_in.cite || m_in.cite->position == "first" || m_in.cite->first_reference_note == 0) return "";
        return std::to_string(m_in.cite->first_reference_note);
    }
    if (name == "title-short") {
        std::string v = field("title-short");
        return v.empty() ? field("shortTitle") : v;
    }
    if (name == "container-title-short") {
        std::string v = field("container-title-short");
        return v.empty() ? field("journalAbbreviation") : v;
    }
    return field(name);
}

std::string item_variable(const RenderInput& in, const std::string& name) {
    Renderer r(in);
    return r.raw_variable(name);
}

std::string Renderer::variable(const std::string& name) {
    std::string v = raw_variable(name);
    ++m_called;
    if (!v.empty()) ++m_rendered;
    m_used.push_back(name);
    return v;
}

const std::vector<CslName>* Renderer::name_variable(const std::string& name) const {
    if (m_suppressed.count(name)) return nullptr;
    auto it = m_in.item->names.find(name);
    if (it == m_in.item->names.end() || it->second.empty()) return nullptr;
    return &it->second;
}

const CslDate* Renderer::date_variable(const std::string& name) const {
    if (m_suppressed.count(name)) return nullptr;
    auto it = m_in.item->dates.find(name);
    if (it == m_in.item->dates.end()) return nullptr;
    if (it->second.parts.empty() && it->second.literal.empty()) return nullptr;
    return &it->second;
}

bool Renderer::has_variable(const std::string& name) const {
    return !raw_variable(name).empty() || name_variable(name) || date_variable(name);
}

std::string Renderer::term(const std::string& name, const std::string& form, bool plural) const {
    return m_in.locale->term(name, form.empty() ? "long" : form, plural).value_or("");
}

bool is_numeric_value(const std::string& s) {
    static const std::regex numeric(
        R"(^\s*[A-Za-z]*\d+[A-Za-z]*(\s*(-|\xE2\x80\x93|,|&|and)\s*[A-Za-z]*\d+[A-Za-z]*)*\s*$)");
    return !s.empty() && std::regex_match(s, numeric);
}

// ---- decoration ---------------------------------------------------------------

bool Renderer::english() const {
    auto it = m_in.item->fields.find("language");
    if (it == m_in.item->fields.end() || it->second.empty()) return m_in.locale->lang().rfind("en", 0) == 0;
    return it->second.rfind("en", 0) == 0;
}

void Renderer::apply_case(Ir& ir, const std::string& text_case, bool at_start) const {
    if (ir.nocase) return;
    if (!ir.is_group) {
        ir.text = apply_text_case(ir.text, text_case, english(), at_start);
        return;
    }
    bool first = at_start;
    for (Ir& c : ir.children) {
        if (c.empty()) continue;
        apply_case(c, text_case, first);
        first = false;
    }
}

namespace {
void strip_all(Ir& ir) {
    if (ir.is_group)
        for (Ir& c : ir.children) strip_all(c);
    else
        ir.text = strip_periods(ir.text);
}
}  // namespace

Ir Renderer::decorate(Ir content, const Element& el) const {
    if (content.empty()) return {};
    if (el.strip_periods) strip_all(content);
    if (!el.text_case.empty()) apply_case(content, el.text_case, true);
    Ir out;
    out.is_group = true;
    out.children.push_back(std::move(content));
    out.fmt = el.fmt;
    out.prefix = el.prefix;
    out.suffix = el.suffix;
    out.display = el.display;
    out.quotes = el.quotes;
    return out;
}

// ---- elements ---------------------------------------------------------------

Ir Renderer::element(const Element& el) {
    switch (el.kind) {
        case Element::Kind::text: return text(el);
        case Element::Kind::number: return number(el);
        case Element::Kind::label: return label(el);
        case Element::Kind::names: return names(el);
        case Element::Kind::date: return date(el);
        case Element::Kind::group: return group(el);
        case Element::Kind::choose: return choose(el);
        case Element::Kind::name_part_none: return {};
    }
    return {};
}

Ir Renderer::elements(const Elements& els, const std::string& delimiter) {
    std::vector<Ir> parts;
    parts.reserve(els.size());  // an Ir is ten strings: growing moves them all
    for (const Element& e : els) {
        if (e.kind == Element::Kind::choose) {
            // A choose is transparent: the chosen branch's elements are
            // delimited as if they were the enclosing group's own children.
            for (const Branch& b : e.branches)
                if (b.is_else || condition(b)) {
                    parts.push_back(elements(b.children, delimiter));
                    break;
                }
            continue;
        }
        parts.push_back(element(e));
    }
    return ir_join(std::move(parts), delimiter);
}

Ir Renderer::macro(const std::string& name) {
    auto it = m_in.style->macros.find(name);
    if (it == m_in.style->macros.end() || m_macro_depth > 20) return {};
    ++m_macro_depth;
    Ir out = elements(it->second.children, "");
    --m_macro_depth;
    return out;
}

// The layout delimiter separates cites in a citation, not the layout's children.
Ir Renderer::layout(const Element& l) { return elements(l.children, ""); }

Ir Renderer::text(const Element& el) {
    if (!el.macro.empty()) {
        // A macro is suppressed like a group when it asks for variables and
        // gets none (citeproc-js does so; styles rely on it for terms such
        // as "in" before an absent container title). One that renders
        // nothing counts as an empty variable for the groups around it.
        int called = m_called, rendered = m_rendered;
        m_called = m_rendered = 0;
        Ir out = macro(el.macro);
        if (m_called > 0 && m_rendered == 0) out = Ir{};
        m_called += called;
        m_rendered += rendered;
        if (out.empty()) ++m_called;
        return decorate(std::move(out), el);
    }
    if (!el.term.empty()) {
        std::string t = term(el.term, el.form, el.plural == "true" || el.plural == "always");
        Ir leaf = ir_text(t);
        leaf.from_term = true;
        // "n.d." stands for the date: it keeps its group as a date would
        // (citeproc-js does the same; styles put it beside an empty year-suffix).
        if (el.term == "no date" && !t.empty()) {
            ++m_called;
            ++m_rendered;
        }
        return decorate(std::move(leaf), el);
    }
    if (!el.variable.empty()) {
        std::string name = el.variable;
        std::string v;
        if (el.form == "short") {
            std::string short_name = name == "title" ? "title-short"
                                     : name == "container-title" ? "container-title-short"
                                                                 : name + "-short";
            v = raw_variable(short_name);
            if (!v.empty()) {
                v = variable(short_name);
                m_used.push_back(name);
            }
        }
        if (v.empty()) v = variable(name);
        if (v.empty()) return {};
        if (name == "year-suffix") m_year_suffix_done = true;
        Ir content;
        if (name == "page" || name == "locator") {
            content = ir_text(page_range(v));
        } else if (name == "URL") {
            content = ir_text(v);
            content.url = v;
        } else if (name == "DOI") {
            content = ir_text(v);
            content.url = v.rfind("http", 0) == 0 ? v : "https://doi.org/" + v;
        } else {
            content = parse_rich_text(v);
        }
        return decorate(std::move(content), el);
    }
    return decorate(parse_rich_text(el.value), el);
}

namespace {
// More than one page, section...: two numbers ("12-14", "3, 7", "4 & 6",
// "i–ix") joined by a range or list separator, or by the locale's "and"
// ("213 et 235"). "3-B" is one page, "327\-30" an escaped, literal hyphen.
bool plural_value(const std::string& v, const std::string& and_term) {
    static const std::string number = R"((?:[A-Za-z]*\d+[A-Za-z]*|[ivxlcdm]+|[IVXLCDM]+))";
    static const std::regex many("(?:^|[^\\\\A-Za-z0-9])" + number + R"(\s*(?:,?\s*(?:&|and)|-+|\xE2\x80\x93|,)\s*)" + number +
                                 "(?:$|[^A-Za-z0-9])");
    static const std::regex list(R"(\d\s*,\s*\S)");  // "213, et 235" in any language
    if (std::regex_search(v, many) || std::regex_search(v, list)) return true;
    if (and_term.empty() || and_term == "and") return false;
    std::size_t at = v.find(" " + and_term + " ");
    if (at != std::string::npos && at > 0 && v[at - 1] == ',') --at;  // "213, et 235"
    return at != std::string::npos && at > 0 && std::isdigit(static_cast<unsigned char>(v[at - 1]));
}
}  // namespace

Ir Renderer::label(const Element& el) {
    std::string name = el.variable;
    std::string value;
    std::string term_name = name;
    if (name == "locator") {
        if (!m_in.cite || m_in.cite->locator.empty()) return {};
        value = m_in.cite->locator;
        term_name = m_in.cite->label.empty() ? "page" : m_in.cite->label;
    } else {
        value = raw_variable(name);
        if (value.empty()) return {};
        if (name == "number-of-pages") term_name = "page";
        if (name == "number-of-volumes") term_name = "volume";
    }
    bool plural = false;
    if (el.plural == "always") plural = true;
    else if (el.plural == "never") plural = false;
    else if (name == "number-of-pages" || name == "number-of-volumes") {
        try {
            plural = std::stol(value) > 1;
        } catch (...) {
            plural = false;
        }
    } else {
        plural = plural_value(value, term("and"));
    }
    return decorate(ir_text(term(term_name, el.form, plural)), el);
}

Ir Renderer::group(const Element& el) {
    int called = m_called, rendered = m_rendered;
    m_called = m_rendered = 0;
    Ir content = elements(el.children, el.delimiter);
    bool suppress = m_called > 0 && m_rendered == 0;
    m_called += called;
    m_rendered += rendered;
    if (suppress) return {};
    return decorate(std::move(content), el);
}

Ir Renderer::choose(const Element& el) {
    for (const Branch& b : el.branches)
        if (b.is_else || condition(b)) return elements(b.children, "");
    return {};
}

bool Renderer::condition(const Branch& b) {
    for (const auto& [attr, value] : b.tests) {
        bool r = test(attr, value);
        if (b.match == "any" && r) return true;
        if (b.match == "all" && !r) return false;
        if (b.match == "none" && r) return false;
    }
    return b.match != "any";
}

bool Renderer::test(const std::string& attr, const std::string& value) {
    if (attr == "type") return m_in.item->type == value;
    if (attr == "variable") return has_variable(value);
    if (attr == "is-numeric") return is_numeric_value(raw_variable(value));
    if (attr == "is-uncertain-date") {
        const CslDate* d = date_variable(value);
        return d && d->circa;
    }
    if (attr == "disambiguate") return m_in.dis.disambiguate == (value == "true");
    if (attr == "locator") {
        if (!m_in.cite || m_in.cite->locator.empty()) return false;
        std::string label = m_in.cite->label.empty() ? "page" : m_in.cite->label;
        std::string want = value == "sub-verbo" ? "sub verbo" : value;
        return label == want || label == value;
    }
    if (attr == "position") {
        if (m_in.mode == Mode::bibliography) return false;
        std::string pos = m_in.cite ? m_in.cite->position : "first";
        if (value == "first") return pos == "first";
        if (value == "subsequent") return pos != "first";
        if (value == "ibid") return pos == "ibid" || pos == "ibid-with-locator";
        if (value == "ibid-with-locator") return pos == "ibid-with-locator";
        if (value == "near-note") return pos != "first" && m_in.cite && m_in.cite->near_note;
        return false;
    }
    return false;
}

// ---- entry points -------------------------------------------------------------

Ir render_item(const RenderInput& in) {
    Renderer r(in);
    const Section& s = in.mode == Mode::bibliography ? in.style->bibliography : in.style->citation;
    return r.layout(s.layout);
}

Ir render_macro(const RenderInput& in, const std::string& name) {
    Renderer r(in);
    return r.macro(name);
}

}  // namespace folio::csl
