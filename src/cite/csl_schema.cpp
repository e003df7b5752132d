#include "cite/csl_schema.hpp"

#include <charconv>
#include <map>
#include <vector>

#include "cite/csl_walk.hpp"
#include "model/suggest.hpp"

namespace folio::csl {
namespace {

// Space-separated allowed values, or "#int" for a non-negative integer.
struct Rule {
    std::string_view attr;
    std::string_view values;
};

constexpr std::string_view booleans = "true false";
constexpr std::string_view precedes = "contextual after-inverted-name always never";

// Attributes whose values do not depend on the element carrying them.
constexpr Rule any_element[] = {
    {"font-style", "normal italic oblique"},
    {"font-variant", "normal small-caps"},
    {"font-weight", "normal bold light"},
    {"text-decoration", "none underline"},
    {"vertical-align", "baseline sup sub"},
    {"display", "block left-margin right-inline indent"},
    {"text-case", "lowercase uppercase capitalize-first capitalize-all sentence title"},
    {"quotes", booleans},
    {"strip-periods", booleans},
    {"and", "text symbol"},
    {"delimiter-precedes-last", precedes},
    {"delimiter-precedes-et-al", precedes},
    {"name-as-sort-order", "first all"},
    {"initialize", booleans},
    {"initialize-with-hyphen", booleans},
    {"et-al-use-last", booleans},
    {"et-al-min", "#int"},
    {"et-al-use-first", "#int"},
    {"et-al-subsequent-min", "#int"},
    {"et-al-subsequent-use-first", "#int"},
    {"names-min", "#int"},
    {"names-use-first", "#int"},
    {"names-use-last", booleans},
    {"near-note-distance", "#int"},
    {"line-spacing", "#int"},
    {"entry-spacing", "#int"},
    {"sort", "ascending descending"},
    {"page-range-format", "chicago chicago-15 chicago-16 expanded minimal minimal-two"},
    {"demote-non-dropping-particle", "never sort-only display-and-sort"},
    {"givenname-disambiguation-rule",
     "all-names all-names-with-initials primary-name primary-name-with-initials by-cite"},
    {"disambiguate-add-names", booleans},
    {"disambiguate-add-givenname", booleans},
    {"disambiguate-add-year-suffix", booleans},
    {"collapse", "citation-number year year-suffix year-suffix-ranged"},
    {"hanging-indent", booleans},
    {"second-field-align", "flush margin"},
    {"subsequent-author-substitute-rule", "complete-all complete-each partial-each partial-first"},
    {"punctuation-in-quote", booleans},
    {"limit-day-ordinals-to-day-1", booleans},
    {"date-parts", "year year-month year-month-day"},
    {"position", "first subsequent ibid ibid-with-locator near-note"},
    {"disambiguate", "true"},
};

// `form`, whose values depend on the element.
constexpr Rule form_by_element[] = {
    {"text", "long short symbol verb verb-short"},
    {"label", "long short symbol verb verb-short"},
    {"number", "numeric ordinal long-ordinal roman"},
    {"date", "text numeric"},
    {"name", "long short count"},
};

constexpr Rule form_by_date_part[] = {
    {"day", "numeric numeric-leading-zeros ordinal"},
    {"month", "long short numeric numeric-leading-zeros"},
    {"year", "long short"},
};

std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        std::size_t sp = s.find(' ');
        out.push_back(s.substr(0, sp));
        if (sp == std::string_view::npos) break;
        s.remove_prefix(sp + 1);
    }
    return out;
}

std::string listed(const std::vector<std::string_view>& values) {
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i) out += i + 1 == values.size() ? " or " : ", ";
        out += '"';
        out += values[i];
        out += '"';
    }
    return out;
}


std::optional<SchemaProblem> against(std::string_view element, std::string_view attr, std::string_view value,
                                     std::string_view allowed) {
    const std::string where = std::string(attr) + "=\"" + std::string(value) + "\" on <" + std::string(element) + ">";
    if (allowed == "#int") {
        if (parse_count(value)) return std::nullopt;
        const bool digits = !value.empty() && value.find_first_not_of("0123456789") == std::string_view::npos;
        return SchemaProblem{0, where + (digits ? " is too large" : " is not a whole number"),
                             "write a count such as 3"};
    }
    const std::vector<std::string_view> options = words(allowed);
    // Conditions such as position="first subsequent" list several values.
    const bool list = element == "if" || element == "else-if";
    for (std::string_view v : list ? words(value) : std::vector<std::string_view>{value}) {
        bool ok = false;
        for (std::string_view o : options) ok = ok || o == v;
        if (ok) continue;
        std::string hint = did_you_mean(v, std::span<const std::string_view>(options));
        return SchemaProblem{0, where + " is not one of " + listed(options),
                             hint.empty() ? "CSL 1.0.2 allows " + listed(options) : hint};
    }
    return std::nullopt;
}

// The macro calls of a macro's own body, in document order. The cycle
// search cannot use walk_elements_through_macros: it must know the chain of
// macros it is in, not just which it has entered before.
std::vector<const Element*> calls_in(const Elements& els) {
    std::vector<const Element*> out;
    walk_elements(els, [&](const Element& el) {
        if (!el.macro.empty()) out.push_back(&el);
        return true;
    });
    return out;
}

struct CycleFinder {
    const CslStyle& style;
    std::map<std::string, int> state;  // 1 on the current path, 2 finished
    std::vector<std::string> path;
    std::optional<SchemaProblem> found;

    void visit(const std::string& name) {
        auto m = style.macros.find(name);
        if (m == style.macros.end()) return;  // undefined: reported by the loader
        state[name] = 1;
        path.push_back(name);
        for (const Element* call : calls_in(m->second.children)) {
            if (found) return;
            int s = state[call->macro];
            if (s == 1) {
                report(call->macro);
                return;
            }
            if (s == 0) visit(call->macro);
        }
        path.pop_back();
        state[name] = 2;
    }

    void report(const std::string& again) {
        std::size_t from = 0;
        while (path[from] != again) ++from;
        std::string chain;
        for (std::size_t i = from; i < path.size(); ++i) chain += "'" + path[i] + "' \xE2\x86\x92 ";
        chain += "'" + again + "'";
        const std::string what = path.size() - from == 1 ? "calls itself" : "calls itself through other macros";
        found = SchemaProblem{style.macros.at(again).line, "macro '" + again + "' " + what + " (" + chain + ")",
                              "a macro may not call itself, directly or through others: rendering it would never end"};
    }
};

}  // namespace

std::optional<int> parse_count(std::string_view value) {
    if (value.empty()) return std::nullopt;
    int n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    // from_chars takes a leading '-': a count has digits only.
    if (ec != std::errc{} || end != value.data() + value.size() || value.front() == '-') return std::nullopt;
    return n;
}

std::optional<SchemaProblem> check_attribute(std::string_view element, std::string_view attr, std::string_view value,
                                             std::string_view part_name) {
    if (attr == "form") {
        if (element == "date-part") {
            for (const Rule& r : form_by_date_part)
                if (r.attr == part_name) return against(element, attr, value, r.values);
            return std::nullopt;
        }
        for (const Rule& r : form_by_element)
            if (r.attr == element) return against(element, attr, value, r.values);
        return std::nullopt;
    }
    // <text term="..." plural="true"> picks the plural; <label> decides by the value.
    if (attr == "plural") return against(element, attr, value, element == "text" ? booleans : "contextual always never");
    if (attr == "match" && (element == "if" || element == "else-if"))
        return against(element, attr, value, "all any none");
    for (const Rule& r : any_element)
        if (r.attr == attr) return against(element, attr, value, r.values);
    return std::nullopt;
}

std::optional<SchemaProblem> find_macro_cycle(const CslStyle& style) {
    CycleFinder f{style, {}, {}, {}};
    for (const auto& [name, macro] : style.macros) {
        if (f.found) break;
        if (f.state[name] == 0) f.visit(name);
    }
    return f.found;
}

}  // namespace folio::csl
