// Sort keys (cs:sort): variables (names in sort order, dates and numbers as
// fixed-width keys, text folded for comparison) and macros rendered in
// sorting mode. Empty keys sort last in either direction.
#include <algorithm>
#include <cstdio>

#include "cite/csl_engine.hpp"
#include "cite/csl_text.hpp"

namespace folio::csl {
namespace {

// Case-, markup- and punctuation-insensitive text for comparing, as a
// collator would: "Simple title, here A" before "“Simple title here B”".
std::string fold(const std::string& s) {
    std::string out;
    bool in_tag = false;
    static const std::string ignored = "\"'[]().,;:!?";
    for (char c : s) {
        if (c == '<') in_tag = true;
        if (!in_tag && ignored.find(c) == std::string::npos) out += c;
        if (c == '>') in_tag = false;
    }
    static const char* drop[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"};
    for (const char* d : drop) {
        std::size_t p;
        while ((p = out.find(d)) != std::string::npos) out.erase(p, std::char_traits<char>::length(d));
    }
    return lower(trim(out));
}

std::string number_key(const std::string& v) {
    std::size_t i = v.find_first_of("0123456789");
    if (i == std::string::npos) return fold(v);
    long n = 0;
    for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) n = n * 10 + (v[i] - '0');
    char buf[32];
    std::snprintf(buf, sizeof buf, "%012ld", n);
    return buf;
}

std::string date_key(const CslDate& d) {
    if (d.parts.empty()) return fold(d.literal);
    std::string k;
    for (const auto& p : d.parts) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%05d%02d%02d", p[0] + 10000, p[1], p[2]);
        if (!k.empty()) k += "-";
        k += buf;
    }
    return k;
}

std::string names_key(const std::vector<CslName>& names, const CslStyle& st) {
    std::string demote = st.attrs.count("demote-non-dropping-particle") ? st.attrs.at("demote-non-dropping-particle")
                                                                         : "display-and-sort";
    std::string k;
    for (const CslName& n : names) {
        if (!k.empty()) k += "  ";
        if (!n.literal.empty()) {
            k += fold(n.literal);
            continue;
        }
        std::string family = n.family;
        std::string given = n.given;
        if (demote == "never") family = n.non_dropping_particle.empty() ? family : n.non_dropping_particle + " " + family;
        else if (!n.non_dropping_particle.empty()) given += " " + n.non_dropping_particle;
        if (!n.dropping_particle.empty()) given += " " + n.dropping_particle;
        k += fold(family) + " " + fold(given) + " " + fold(n.suffix);
    }
    return k;
}

}  // namespace

std::vector<std::string> Engine::sort_keys(const Entry& e, const Section& sec) const {
    std::vector<std::string> keys;
    Mode mode = &sec == &m_style.bibliography ? Mode::bibliography : Mode::citation;
    for (const SortKey& key : sec.sort) {
        if (!key.macro.empty()) {
            RenderInput in = input(e, mode, nullptr);
            in.sorting = true;
            in.name_overrides = key.name_overrides;
            std::string v = ir_plain(render_macro(in, key.macro));
            // Numbers rendered by a macro compare as numbers.
            bool numeric = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            keys.push_back(numeric ? number_key(v) : fold(v));
            continue;
        }
        const std::string& var = key.variable;
        if (var == "citation-number") {
            keys.push_back(number_key(std::to_string(e.registered)));
            continue;
        }
        if (auto it = e.item->names.find(var); it != e.item->names.end() && !it->second.empty()) {
            keys.push_back(names_key(it->second, m_style));
            continue;
        }
        if (auto it = e.item->dates.find(var); it != e.item->dates.end()) {
            keys.push_back(date_key(it->second));
            continue;
        }
        RenderInput in = input(e, mode, nullptr);
        std::string v = item_variable(in, var);
        keys.push_back(is_numeric_value(v) ? number_key(v) : fold(v));
    }
    return keys;
}

bool Engine::sort_less(const std::vector<std::string>& a, const std::vector<std::string>& b,
                       const Section& sec) const {
    for (std::size_t i = 0; i < sec.sort.size() && i < a.size() && i < b.size(); ++i) {
        if (a[i] == b[i]) continue;
        if (a[i].empty()) return false;
        if (b[i].empty()) return true;
        return sec.sort[i].descending ? b[i] < a[i] : a[i] < b[i];
    }
    return false;
}

}  // namespace folio::csl
