// <date>: localized formats (the locale's parts, overridden by the style's
// date-part attributes), custom part lists, and ranges, where only the parts
// that differ are repeated around the range delimiter.
#include <cstdio>
#include <cstdlib>

#include "cite/csl_renderer.hpp"

namespace folio::csl {
namespace {

bool wanted(const std::string& date_parts, const std::string& name) {
    if (name == "year") return true;
    if (name == "month") return date_parts != "year";
    return date_parts == "year-month-day";
}

int level(const std::string& name) { return name == "year" ? 0 : name == "month" ? 1 : 2; }

}  // namespace

Ir Renderer::date_part(const DatePart& p, const std::array<int, 3>& ymd, int season, bool range_end) {
    (void)range_end;
    std::string text;
    if (p.name == "year") {
        int y = ymd[0];
        if (y == 0) return {};
        if (p.form == "short") {
            text = std::to_string(std::abs(y) % 100);
            if (text.size() < 2) text.insert(0, "0");
        } else if (y < 0) {
            text = std::to_string(-y) + term("bc");
        } else {
            text = std::to_string(y);
            if (y < 1000) text += term("ad");
        }
        if (m_in.dis.year_suffix > 0 && m_in.implicit_year_suffix && !m_year_suffix_done) {
            text += year_suffix_letters(m_in.dis.year_suffix);
            m_year_suffix_done = true;
        }
    } else if (p.name == "month") {
        int m = ymd[1];
        int s = season;
        if (m >= 13 && m <= 16) {
            s = m - 12;
            m = 0;
        }
        if (m == 0 && s == 0) return {};
        if (m == 0) {
            text = term("season-0" + std::to_string(s));
        } else if (p.form == "numeric") {
            text = std::to_string(m);
        } else if (p.form == "numeric-leading-zeros") {
            text = (m < 10 ? "0" : "") + std::to_string(m);
        } else {
            std::string name = std::string("month-") + (m < 10 ? "0" : "") + std::to_string(m);
            text = term(name, p.form == "short" ? "short" : "long");
        }
    } else {
        int d = ymd[2];
        if (d == 0 || ymd[1] == 0) return {};
        if (p.form == "numeric-leading-zeros") {
            text = (d < 10 ? "0" : "") + std::to_string(d);
        } else if (p.form == "ordinal" && (d == 1 || !m_in.locale->limit_day_ordinals_to_day_1())) {
            std::string gender = m_in.locale->gender(std::string("month-") + (ymd[1] < 10 ? "0" : "") +
                                                     std::to_string(ymd[1]));
            text = m_in.locale->ordinal(d, gender);
        } else {
            text = std::to_string(d);
        }
    }
    Element deco;
    deco.fmt = p.fmt;
    deco.prefix = p.prefix;
    deco.suffix = p.suffix;
    deco.text_case = p.text_case;
    deco.strip_periods = p.strip_periods;
    return decorate(ir_text(text), deco);
}

Ir Renderer::date(const Element& el) {
    ++m_called;
    m_used.push_back(el.variable);
    const CslDate* d = date_variable(el.variable);
    if (!d) return {};
    ++m_rendered;
    if (d->parts.empty()) return decorate(ir_text(d->literal), el);
    if (m_in.sorting) {
        // Sort keys compare dates as fixed-width numbers, whatever the form.
        auto key = [&](const std::array<int, 3>& p) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%05d%02d%02d", p[0] + 10000, el.date_parts == "year" ? 0 : p[1],
                          el.date_parts == "year-month-day" ? p[2] : 0);
            return std::string(buf);
        };
        std::string k = key(d->parts[0]);
        if (d->parts.size() > 1) k += "-" + key(d->parts[1]);
        return ir_text(k);
    }

    std::vector<DatePart> parts;
    std::string delimiter = el.delimiter;
    if (el.localized) {
        const Element* fmt = m_in.locale->date_format(el.form == "numeric" ? "numeric" : "text");
        if (!fmt) return decorate(ir_text(std::to_string(d->parts[0][0])), el);
        delimiter = fmt->delimiter;
        for (const DatePart& lp : fmt->parts) {
            if (!wanted(el.date_parts, lp.name)) continue;
            DatePart p = lp;
            for (const DatePart& o : el.parts)
                if (o.name == p.name) {
                    if (!o.form.empty()) p.form = o.form;
                    if (!o.fmt.empty()) p.fmt = o.fmt;
                    if (!o.text_case.empty()) p.text_case = o.text_case;
                    if (o.strip_periods) p.strip_periods = true;
                    p.range_delimiter = o.range_delimiter;
                }
            parts.push_back(std::move(p));
        }
    } else {
        parts = el.parts;
    }

    const auto& start = d->parts[0];
    std::array<int, 3> end = d->parts.size() > 1 ? d->parts[1] : start;
    if (end[0] == 0 && end[1] == 0 && end[2] == 0) end = start;
    int diff = -1;
    for (int i = 0; i < 3 && diff < 0; ++i)
        if (start[i] != end[i]) diff = i;
    // Only differences in parts actually rendered make a range.
    if (diff >= 0) {
        bool shown = false;
        for (const DatePart& p : parts)
            if (level(p.name) == diff) shown = true;
        if (!shown) diff = -1;
    }

    std::vector<Ir> out;
    if (diff < 0) {
        for (const DatePart& p : parts) out.push_back(date_part(p, start, d->season, false));
        return decorate(ir_join(std::move(out), delimiter), el);
    }
    std::size_t a = parts.size(), b = 0;
    for (std::size_t i = 0; i < parts.size(); ++i)
        if (level(parts[i].name) >= diff) {
            a = std::min(a, i);
            b = i;
        }
    std::string range_delimiter = "\xE2\x80\x93";
    for (const DatePart& p : parts)
        if (level(p.name) == diff) range_delimiter = p.range_delimiter;
    std::vector<Ir> head, range_start, range_end, tail;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i < a) head.push_back(date_part(parts[i], start, d->season, false));
        else if (i > b) tail.push_back(date_part(parts[i], start, d->season, false));
        else {
            range_start.push_back(date_part(parts[i], start, d->season, false));
            range_end.push_back(date_part(parts[i], end, d->season, true));
        }
    }
    Ir rs = ir_join(std::move(range_start), delimiter);
    Ir re = ir_join(std::move(range_end), delimiter);
    if (!rs.children.empty()) rs.children.back().suffix.clear();
    if (!re.children.empty()) re.children.front().prefix.clear();
    Ir range;
    range.is_group = true;
    range.children.push_back(std::move(rs));
    range.children.push_back(ir_text(range_delimiter));
    range.children.push_back(std::move(re));
    for (Ir& h : head) out.push_back(std::move(h));
    out.push_back(std::move(range));
    for (Ir& t : tail) out.push_back(std::move(t));
    return decorate(ir_join(std::move(out), delimiter), el);
}

}  // namespace folio::csl
