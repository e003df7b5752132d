#include "layout/style_file.hpp"

#include <fontconfig/fontconfig.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <variant>

#include "layout/page_size.hpp"
#include "layout/type_context.hpp"
#include "model/suggest.hpp"
#include "model/toml_slips.hpp"

namespace folio {

namespace {

SourcePos pos_of(const toml::source_region& r) {
    return {static_cast<std::uint32_t>(r.begin.line), static_cast<std::uint32_t>(r.begin.column)};
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return std::string(s);
}

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// What a key holds, which decides how its value is read and checked.
enum class Type {
    length,    // a number of points, or a string with a unit: "25mm", "0.5in", "10.5pt", "2cm"
    number,    // a plain number (a fraction or an em value)
    integer,
    boolean,
    colour,    // "#rrggbb" or "#rgb"
    families,  // "Noto Serif, NanumMyeongjo" or ["Noto Serif", "NanumMyeongjo"]
    page_size, // "A4", "A5", "Letter"
};

using Field = std::variant<double Style::*, int Style::*, bool Style::*, Color Style::*, std::string Style::*>;

struct Key {
    const char* table;
    const char* name;
    Type type;
    Field field;
    double lo = 0, hi = 0;  // accepted range, inclusive, for numbers (lengths in points)
};

const std::vector<Key>& keys() {
    // Sizes of type from 4 pt (legible at a pinch) to 144 pt (two inches);
    // page edges from one inch to 200 inches (the PDF limit).
    static const std::vector<Key> k{
        {"page", "size", Type::page_size, &Style::page_width},
        {"page", "width", Type::length, &Style::page_width, 72, 14400},
        {"page", "height", Type::length, &Style::page_height, 72, 14400},
        {"page", "margin_inner", Type::length, &Style::margin_inner, 0, 14400},
        {"page", "margin_outer", Type::length, &Style::margin_outer, 0, 14400},
        {"page", "margin_top", Type::length, &Style::margin_top, 0, 14400},
        {"page", "margin_bottom", Type::length, &Style::margin_bottom, 0, 14400},
        {"fonts", "serif", Type::families, &Style::serif},
        {"fonts", "sans", Type::families, &Style::sans},
        {"fonts", "mono", Type::families, &Style::mono},
        {"text", "size", Type::length, &Style::body_size, 4, 144},
        {"text", "leading", Type::length, &Style::body_leading, 4, 200},
        {"text", "justify", Type::boolean, &Style::justify},
        {"text", "hyphenate", Type::boolean, &Style::hyphenate},
        {"text", "max_hyphens", Type::integer, &Style::max_consecutive_hyphens, 1, 10},
        {"text", "widows", Type::integer, &Style::widows, 1, 5},
        {"text", "orphans", Type::integer, &Style::orphans, 1, 5},
        {"text", "paragraph_indent", Type::length, &Style::paragraph_indent, 0, 144},
        {"headings", "title_size", Type::length, &Style::title_size, 4, 144},
        {"headings", "title_leading", Type::length, &Style::title_leading, 4, 200},
        {"headings", "h2_size", Type::length, &Style::h2_size, 4, 144},
        {"headings", "h2_leading", Type::length, &Style::h2_leading, 4, 200},
        {"headings", "h3_size", Type::length, &Style::h3_size, 4, 144},
        {"headings", "h3_leading", Type::length, &Style::h3_leading, 4, 200},
        {"headings", "keep_lines", Type::integer, &Style::heading_keep_lines, 1, 10},
        {"furniture", "kind_label_size", Type::length, &Style::kind_label_size, 4, 144},
        {"furniture", "kind_label_tracking", Type::number, &Style::kind_label_tracking, -0.1, 0.5},
        {"furniture", "standfirst_size", Type::length, &Style::standfirst_size, 4, 144},
        {"furniture", "standfirst_leading", Type::length, &Style::standfirst_leading, 4, 200},
        {"furniture", "byline_size", Type::length, &Style::byline_size, 4, 144},
        {"furniture", "running_head_size", Type::length, &Style::running_head_size, 4, 144},
        {"furniture", "folio_size", Type::length, &Style::folio_size, 4, 144},
        {"notes", "size", Type::length, &Style::note_size, 4, 144},
        {"notes", "leading", Type::length, &Style::note_leading, 4, 200},
        {"notes", "rule_length", Type::length, &Style::note_rule_length, 0, 14400},
        {"notes", "rule_width", Type::length, &Style::note_rule_width, 0, 20},
        {"notes", "mark_scale", Type::number, &Style::note_mark_scale, 0.3, 1},
        {"notes", "mark_rise", Type::length, &Style::note_mark_rise, 0, 36},
        {"blocks", "code_size", Type::length, &Style::code_size, 4, 144},
        {"blocks", "code_leading", Type::length, &Style::code_leading, 4, 200},
        {"blocks", "table_size", Type::length, &Style::table_size, 4, 144},
        {"blocks", "table_leading", Type::length, &Style::table_leading, 4, 200},
        {"blocks", "table_cell_pad", Type::length, &Style::table_cell_pad, 0, 72},
        {"blocks", "quote_indent", Type::length, &Style::quote_indent, 0, 288},
        {"blocks", "quote_bar_width", Type::length, &Style::quote_bar_width, 0, 20},
        {"blocks", "list_indent", Type::length, &Style::list_indent, 0, 288},
        {"blocks", "caption_size", Type::length, &Style::caption_size, 4, 144},
        {"colours", "ink", Type::colour, &Style::ink},
        {"colours", "accent", Type::colour, &Style::accent},
        {"colours", "accent2", Type::colour, &Style::accent2},
        {"colours", "grey", Type::colour, &Style::grey},
        {"colours", "tint", Type::colour, &Style::tint},
        {"cover", "panel", Type::boolean, &Style::cover_panel},
    };
    return k;
}

std::vector<std::string> table_names() {
    std::vector<std::string> out;
    for (const Key& k : keys())
        if (std::find(out.begin(), out.end(), k.table) == out.end()) out.emplace_back(k.table);
    return out;
}

// "25mm" -> 70.87 points; a bare number is points.
std::optional<double> parse_length(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    static constexpr std::array<std::pair<std::string_view, double>, 4> units{
        {{"pt", 1.0}, {"mm", mm}, {"cm", 10 * mm}, {"in", 72.0}}};
    double factor = 1;
    for (const auto& [unit, f] : units)
        if (s.size() > unit.size() && s.ends_with(unit)) {
            factor = f;
            s.remove_suffix(unit.size());
            break;
        }
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v * factor;
}

std::optional<Color> parse_colour(std::string_view s) {
    if (s.size() != 7 && s.size() != 4) return std::nullopt;
    if (s.front() != '#') return std::nullopt;
    unsigned v = 0;
    for (char c : s.substr(1)) {
        unsigned d;
        if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
        else return std::nullopt;
        v = v * 16 + d;
        if (s.size() == 4) v = v * 16 + d;  // "#abc" is "#aabbcc"
    }
    return rgb(v);
}

class StyleReader {
public:
    StyleReader(const std::string& path, const std::vector<std::string>& families, Diagnostics& diags, Style& style)
        : m_path(path), m_families(families), m_diags(diags), m_style(style) {}

    void read(const toml::table& root) {
        const auto tables = table_names();
        for (const auto& [key, node] : root) {
            const std::string t(key.str());
            if (std::find(tables.begin(), tables.end(), t) == tables.end()) {
                error(key.source(), "unknown table '" + t + "' in a style", hint_for(t, tables, "tables"));
                continue;
            }
            const auto* table = node.as_table();
            if (!table) {
                error(node.source(), "'" + t + "' must be a table", "write [" + t + "] on its own line, then its keys");
                continue;
            }
            for (const auto& [name, value] : *table) read_key(t, std::string(name.str()), name, value);
        }
        check_together();
    }

private:
    void error(const toml::source_region& at, const std::string& message, const std::string& hint) {
        m_diags.error(m_path, pos_of(at), message, hint);
    }

    static std::string hint_for(const std::string& word, const std::vector<std::string>& known, const char* what) {
        const std::string near = closest_match(word, known);
        if (!near.empty()) return "did you mean '" + near + "'?";
        std::string all;
        for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
        return std::string("known ") + what + ": " + all;
    }

    void read_key(const std::string& table, const std::string& name, const toml::key& key, const toml::node& node) {
        const Key* found = nullptr;
        std::vector<std::string> known;
        for (const Key& k : keys())
            if (table == k.table) {
                known.emplace_back(k.name);
                if (name == k.name) found = &k;
            }
        if (!found) {
            error(key.source(), "unknown key '" + name + "' in [" + table + "]", hint_for(name, known, "keys"));
            return;
        }
        const std::string full = table + "." + name;
        if (set(*found, full, node)) m_set[full] = pos_of(node.source());
    }

    bool wrong(const toml::node& node, const std::string& key, const std::string& expected, const std::string& hint) {
        error(node.source(), "'" + key + "' must be " + expected, hint);
        return false;
    }

    bool set(const Key& k, const std::string& full, const toml::node& node) {
        switch (k.type) {
        case Type::length: {
            std::optional<double> v;
            if (const auto* i = node.as_integer()) v = static_cast<double>(i->get());
            else if (const auto* f = node.as_floating_point()) v = f->get();
            else if (const auto* s = node.as_string()) {
                v = parse_length(s->get());
                if (!v) return wrong(node, full, "a length", "a number of points, or a string with a unit: \"25mm\", \"2.5cm\", \"1in\", \"10.5pt\"");
            } else
                return wrong(node, full, "a length", "a number of points, or a string with a unit: \"25mm\", \"10.5pt\"");
            if (!in_range(k, full, node, *v, " pt")) return false;
            m_style.*std::get<double Style::*>(k.field) = *v;
            return true;
        }
        case Type::number: {
            std::optional<double> v;
            if (const auto* i = node.as_integer()) v = static_cast<double>(i->get());
            else if (const auto* f = node.as_floating_point()) v = f->get();
            else return wrong(node, full, "a number", "");
            if (!in_range(k, full, node, *v, "")) return false;
            m_style.*std::get<double Style::*>(k.field) = *v;
            return true;
        }
        case Type::integer: {
            const auto* i = node.as_integer();
            if (!i) return wrong(node, full, "a whole number", "");
            if (!in_range(k, full, node, static_cast<double>(i->get()), "")) return false;
            m_style.*std::get<int Style::*>(k.field) = static_cast<int>(i->get());
            return true;
        }
        case Type::boolean: {
            const auto* b = node.as_boolean();
            if (!b) return wrong(node, full, "true or false", "");
            m_style.*std::get<bool Style::*>(k.field) = b->get();
            return true;
        }
        case Type::colour: {
            const auto* s = node.as_string();
            if (!s) return wrong(node, full, "a colour", "write it as a string \"#rrggbb\", for example \"#14365d\"");
            auto c = parse_colour(s->get());
            if (!c) {
                error(node.source(), "'" + full + "' is not a colour: \"" + s->get() + "\"",
                      "write it as \"#rrggbb\" (six hexadecimal digits), for example \"#14365d\"");
                return false;
            }
            m_style.*std::get<Color Style::*>(k.field) = *c;
            return true;
        }
        case Type::families: return set_families(k, full, node);
        case Type::page_size: {
            const auto* s = node.as_string();
            if (!s) return wrong(node, full, "a page size name", "\"A4\", \"A5\" or \"Letter\"");
            const std::string v = lower(s->get());
            if (v == "a4") m_style.page_width = 210 * mm, m_style.page_height = 297 * mm;
            else if (v == "a5") m_style.page_width = 148 * mm, m_style.page_height = 210 * mm;
            else if (v == "letter" || v == "us letter") m_style.page_width = us_letter_width, m_style.page_height = us_letter_height;
            else {
                error(node.source(), "unknown page size \"" + s->get() + "\"",
                      "use \"A4\", \"A5\" or \"Letter\", or give page.width and page.height");
                return false;
            }
            return true;
        }
        }
        return false;
    }

    bool in_range(const Key& k, const std::string& full, const toml::node& node, double v, const char* unit) {
        if (v >= k.lo && v <= k.hi) return true;
        error(node.source(), "'" + full + "' is " + format_number(v) + unit + ", outside " + format_number(k.lo) +
                                 unit + " to " + format_number(k.hi) + unit,
              k.lo > 0 ? "sizes must be positive and within reason" : "give a value in that range");
        return false;
    }

    bool set_families(const Key& k, const std::string& full, const toml::node& node) {
        // Each name with where it was written, so a missing one is reported at itself.
        std::vector<std::pair<std::string, const toml::node*>> names;
        if (const auto* s = node.as_string()) {
            std::string_view rest = s->get();
            while (true) {
                const auto comma = rest.find(',');
                names.emplace_back(trim(rest.substr(0, comma)), &node);
                if (comma == std::string_view::npos) break;
                rest.remove_prefix(comma + 1);
            }
        } else if (const auto* a = node.as_array()) {
            for (const auto& element : *a) {
                const auto* s = element.as_string();
                if (!s) return wrong(element, full, "a list of font family names", "write it as [\"Noto Serif\", \"NanumMyeongjo\"]");
                names.emplace_back(trim(s->get()), &element);
            }
        } else {
            return wrong(node, full, "a font family name or a list of them", "for example [\"Noto Serif\", \"NanumMyeongjo\"]");
        }
        if (names.empty()) return wrong(node, full, "a non-empty list of font families", "");
        std::string joined;
        bool ok = true;
        for (const auto& [name, at] : names) {
            const auto match = std::find_if(m_families.begin(), m_families.end(),
                                            [want = lower(name)](const std::string& f) { return lower(f) == want; });
            if (match == m_families.end()) {
                std::string hint = hint_for(name, m_families, "families");
                error(at->source(), "font family '" + name + "' in '" + full + "' is not in fonts/",
                      hint + " (folio uses only the fonts committed under fonts/, so output never depends on the machine)");
                ok = false;
                continue;
            }
            joined += (joined.empty() ? "" : ", ") + *match;
        }
        if (!ok) return false;
        m_style.*std::get<std::string Style::*>(k.field) = joined;
        return true;
    }

    // The latest position among the keys the file set, or nothing when it set none.
    std::optional<SourcePos> latest(std::initializer_list<const char*> names) const {
        std::optional<SourcePos> out;
        for (const char* n : names) {
            auto it = m_set.find(n);
            if (it == m_set.end()) continue;
            if (!out || it->second.line > out->line) out = it->second;
        }
        return out;
    }

    // Rules between values: only checked where the file set one of them, so
    // a file is never blamed for the defaults.
    void check_together() {
        for (const char* edge : {"page.width", "page.height"}) {
            auto size = m_set.find("page.size"), other = m_set.find(edge);
            if (size != m_set.end() && other != m_set.end())
                m_diags.error(m_path, other->second.line > size->second.line ? other->second : size->second,
                              std::string("page.size and ") + edge + " both set the page",
                              "give a size name, or a width and a height, not both");
        }
        if (auto at = latest({"page.size", "page.width", "page.margin_inner", "page.margin_outer"});
            at && m_style.measure() < 72) {
            m_diags.error(m_path, *at,
                          "the margins leave a text block " + format_number(std::round(m_style.measure() / mm)) +
                              " mm wide on a page " + format_number(std::round(m_style.page_width / mm)) + " mm wide",
                          "page.margin_inner + page.margin_outer must leave at least 1 inch (25.4 mm) of text");
        }
        if (auto at = latest({"page.size", "page.height", "page.margin_top", "page.margin_bottom"});
            at && m_style.body_height() < 72) {
            m_diags.error(m_path, *at,
                          "the margins leave a text block " + format_number(std::round(m_style.body_height() / mm)) +
                              " mm tall on a page " + format_number(std::round(m_style.page_height / mm)) + " mm tall",
                          "page.margin_top + page.margin_bottom must leave at least 1 inch (25.4 mm) of text");
        }
        struct Pair {
            const char* size;
            const char* leading;
            double Style::*size_field;
            double Style::*leading_field;
        };
        static constexpr std::array<Pair, 8> pairs{{
            {"text.size", "text.leading", &Style::body_size, &Style::body_leading},
            {"headings.title_size", "headings.title_leading", &Style::title_size, &Style::title_leading},
            {"headings.h2_size", "headings.h2_leading", &Style::h2_size, &Style::h2_leading},
            {"headings.h3_size", "headings.h3_leading", &Style::h3_size, &Style::h3_leading},
            {"furniture.standfirst_size", "furniture.standfirst_leading", &Style::standfirst_size,
             &Style::standfirst_leading},
            {"notes.size", "notes.leading", &Style::note_size, &Style::note_leading},
            {"blocks.code_size", "blocks.code_leading", &Style::code_size, &Style::code_leading},
            {"blocks.table_size", "blocks.table_leading", &Style::table_size, &Style::table_leading},
        }};
        for (const Pair& p : pairs) {
            const double size = m_style.*p.size_field, leading = m_style.*p.leading_field;
            if (leading >= size) continue;
            if (auto at = latest({p.size, p.leading}))
                m_diags.error(m_path, *at,
                              std::string("'") + p.leading + "' (" + format_number(leading) + " pt) is less than '" +
                                  p.size + "' (" + format_number(size) + " pt): lines would overlap",
                              std::string("set ") + p.leading + " to at least the size, usually 1.2 to 1.4 times it");
        }
    }

    const std::string& m_path;
    const std::vector<std::string>& m_families;
    Diagnostics& m_diags;
    Style& m_style;
    std::map<std::string, SourcePos> m_set;  // "table.key" -> where its value was written
};

}  // namespace

Result<std::vector<std::string>> font_families(const std::string& fonts_dir) {
    std::unique_ptr<FcConfig, FcConfigRelease> config(FcConfigCreate());
    if (!config) return Error{"fontconfig: cannot create a configuration"};
    for (const auto& file : font_files(fonts_dir))
        if (!FcConfigAppFontAddFile(config.get(), reinterpret_cast<const FcChar8*>(file.c_str())))
            return Error{"fontconfig: cannot read font " + file};
    FcFontSet* fonts = FcConfigGetFonts(config.get(), FcSetApplication);
    if (!fonts || fonts->nfont == 0) return Error{"no fonts in " + fonts_dir};
    std::vector<std::string> out;
    for (int i = 0; i < fonts->nfont; ++i) {
        FcChar8* family = nullptr;
        for (int n = 0; FcPatternGetString(fonts->fonts[i], FC_FAMILY, n, &family) == FcResultMatch; ++n)
            out.emplace_back(reinterpret_cast<const char*>(family));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

Style read_style(const std::string& path, std::string_view text, const std::vector<std::string>& families,
                 Diagnostics& diags) {
    Style style;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        const SourcePos at = pos_of(e.source());
        if (auto slip = explain_toml_error(e.description(), text, at.line, at.column))
            diags.error(path, at, slip->message, slip->hint);
        else
            diags.error(path, at, std::string(e.description()), "a style file must be valid TOML 1.0");
        return style;
    }
    StyleReader(path, families, diags, style).read(root);
    return style;
}

std::vector<std::string> style_keys() {
    std::vector<std::string> out;
    for (const Key& k : keys()) out.push_back(std::string(k.table) + "." + k.name);
    return out;
}

}  // namespace folio
