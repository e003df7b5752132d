// <number> and the formatting of numeric values: ordinals, roman numerals,
// and the page-range formats of CSL 1.0.2 (expanded, minimal, minimal-two,
// chicago-15, chicago-16).
#include <regex>

#include "cite/csl_renderer.hpp"
#include "cite/csl_text.hpp"
#include "model/roman.hpp"

namespace folio::csl {
namespace {

// Expands the end of a range ("321–8" → "328") before reformatting it.
std::string expand_end(const std::string& start, const std::string& end) {
    if (end.size() >= start.size()) return end;
    return start.substr(0, start.size() - end.size()) + end;
}

std::string minimal(const std::string& start, const std::string& end, std::size_t keep) {
    if (start.size() != end.size()) return end;
    std::size_t i = 0;
    while (i < start.size() && start[i] == end[i]) ++i;
    std::size_t digits = end.size() - i;
    if (digits < keep) digits = std::min(keep, end.size());
    return end.substr(end.size() - digits);
}

std::string chicago(const std::string& start, const std::string& end, bool sixteen) {
    long s = std::stol(start);
    if (s < 100 || s % 100 == 0) return end;
    if (s % 100 < 10) return minimal(start, end, 1);
    if (!sixteen && start.size() == 4 && end.size() == 4) {
        std::string m = minimal(start, end, 2);
        if (m.size() >= 3) return end;
        return m;
    }
    return minimal(start, end, 2);
}

}  // namespace

std::string Renderer::page_range(const std::string& value) const {
    auto it = m_in.style->attrs.find("page-range-format");
    std::string format = it == m_in.style->attrs.end() ? "" : it->second;
    std::string delimiter = m_in.locale->term("page-range-delimiter").value_or("\xE2\x80\x93");
    // A range is two words joined by hyphens or an en dash. Each side is
    // numbered pages ("110", "N110": a letter prefix and digits) or roman
    // numerals; anything else ("123N110", "N110-P5", "110-N6") is an
    // identifier the processor cannot reason about, kept with a plain hyphen.
    static const std::regex range(R"(([A-Za-z0-9]+)\s*(?:-+|\xE2\x80\x93)\s*([A-Za-z0-9]+))");
    static const std::regex numbered(R"(([A-Za-z]*)(\d+))");
    static const std::regex roman_numeral(R"([ivxlcdm]+|[IVXLCDM]+)");
    std::string out;
    std::size_t last = 0;
    for (auto m = std::sregex_iterator(value.begin(), value.end(), range); m != std::sregex_iterator(); ++m) {
        out += value.substr(last, m->position() - last);
        last = m->position() + m->length();
        const std::string left = (*m)[1], right = (*m)[2];
        std::smatch l, r;
        if (std::regex_match(left, roman_numeral) && std::regex_match(right, roman_numeral)) {
            out += left + "\xE2\x80\x93" + right;
            continue;
        }
        if (!std::regex_match(left, l, numbered) || !std::regex_match(right, r, numbered) ||
            (r[1].length() > 0 && r[1] != l[1]) || (r[1].length() == 0 && l[1].length() > 0)) {
            out += left + "-" + right;
            continue;
        }
        const std::string prefix = l[1], a = l[2], b = expand_end(l[2], r[2]);
        std::string e = b;
        if (a.size() > 9 || b.size() > 9) e = r[2];
        else if (format == "minimal") e = minimal(a, b, 1);
        else if (format == "minimal-two") e = minimal(a, b, 2);
        else if (format == "chicago" || format == "chicago-15") e = chicago(a, b, false);
        else if (format == "chicago-16") e = chicago(a, b, true);
        else if (format.empty()) e = r[2];
        // Expanded (or unchanged) ends repeat the prefix; shortened ones are digits only.
        if (format.empty() || e == b) e = std::string(r[1]) + e;
        out += prefix + a + delimiter + e;
    }
    out += value.substr(last);
    // "\-" in the data is a hyphen that is not a range.
    for (std::size_t p; (p = out.find("\\-")) != std::string::npos;) out.erase(p, 1);
    return out;
}

Ir Renderer::number_text(const std::string& value, const std::string& form, const std::string& variable) {
    // Each number in a list or range is formatted; the separators between
    // them are normalised (hyphen → en dash, "&" and "," spaced).
    static const std::regex token(R"(([A-Za-z]*)(\d+)([A-Za-z]*)|(\s*(?:-+|\xE2\x80\x93)\s*)|(\s*,\s*)|(\s*&\s*)|(\s*and\s*))");
    std::string gender = m_in.locale->gender(variable);
    std::string out;
    auto begin = std::sregex_iterator(value.begin(), value.end(), token);
    std::size_t last = 0;
    for (auto m = begin; m != std::sregex_iterator(); ++m) {
        out += value.substr(last, m->position() - last);
        last = m->position() + m->length();
        if ((*m)[2].matched) {
            long n = std::stol((*m)[2].str().substr(0, 9));
            std::string num = (*m)[2];
            if (form == "ordinal") num = m_in.locale->ordinal(n, gender);
            else if (form == "long-ordinal") num = m_in.locale->long_ordinal(n, gender);
            else if (form == "roman") num = roman(n);
            out += (*m)[1].str() + num + (*m)[3].str();
        } else if ((*m)[4].matched) {
            out += "\xE2\x80\x93";
        } else if ((*m)[5].matched) {
            out += ", ";
        } else if ((*m)[6].matched) {
            out += " & ";
        } else {
            out += (*m)[7].str();
        }
    }
    out += value.substr(last);
    return ir_text(out);
}

Ir Renderer::number(const Element& el) {
    std::string v = variable(el.variable);
    if (v.empty()) return {};
    if (v.find("\\-") != std::string::npos) {  // an escaped hyphen: literal text, no range
        for (std::size_t p; (p = v.find("\\-")) != std::string::npos;) v.erase(p, 1);
        return decorate(parse_rich_text(v), el);
    }
    if (!is_numeric_value(v)) return decorate(parse_rich_text(v), el);
    return decorate(number_text(v, el.form, el.variable), el);
}

}  // namespace folio::csl
