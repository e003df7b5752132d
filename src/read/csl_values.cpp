#include "read/csl_values.hpp"
#include "read/word_list.hpp"

#include <algorithm>
#include <array>

namespace folio::read {

namespace {

using nlohmann::json;

// CSL 1.0.2's name and date variables; everything else is text or a number.
constexpr std::array<std::string_view, 26> name_variables{
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
    "director", "editor", "editorial-director", "executive-producer", "guest", "host", "illustrator",
    "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient",
    "reviewed-author", "script-writer", "series-creator", "translator"};
constexpr std::array<std::string_view, 6> date_variables{"accessed", "available-date", "event-date",
                                                         "issued", "original-date", "submitted"};

// A JSON number or a string of digits as an int.
std::optional<int> as_int(const json& v) {
    if (v.is_number_integer()) return v.get<int>();
    if (v.is_number_float()) {
        const double d = v.get<double>();
        if (d == static_cast<int>(d)) return static_cast<int>(d);
        return std::nullopt;
    }
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        if (s.empty() || s.size() > 6) return std::nullopt;
        int n = 0;
        std::size_t i = s[0] == '-' ? 1 : 0;  // CSL allows negative years (BC)
        if (i == s.size()) return std::nullopt;
        for (; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') return std::nullopt;
            n = n * 10 + (s[i] - '0');
        }
        return s[0] == '-' ? -n : n;
    }
    return std::nullopt;
}

bool truthy(const json& v) {
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number()) return v.get<double>() != 0;
    if (v.is_string()) return !v.get_ref<const std::string&>().empty() && v.get_ref<const std::string&>() != "false";
    return false;
}

// Numbers print without a fraction when they have none: 12, not 12.0.
std::string as_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return v.dump();
}

class ItemReader {
public:
    ItemReader(const std::string& path, CslItem& item, Diagnostics& diags) : m_path(path), m_item(item), m_diags(diags) {}

    void error(const std::string& message, std::string hint = {}) {
        m_diags.error(m_path, m_item.pos, "bibliography item '" + m_item.id + "': " + message, std::move(hint));
    }
    void warning(const std::string& message) {
        m_diags.warning(m_path, m_item.pos, "bibliography item '" + m_item.id + "': " + message);
    }

    void names(const std::string& var, const json& v) {
        if (!v.is_array()) {
            error("'" + var + "' must be a list of names, not " + std::string(v.type_name()),
                  "write [{\"family\": \"Kirby\", \"given\": \"Michael\"}] or [{\"literal\": \"United Nations\"}]");
            return;
        }
        std::vector<CslName> list;
        for (const auto& n : v) {
            if (!n.is_object()) {
                error("each name in '" + var + "' must be an object, not " + std::string(n.type_name()),
                      "write {\"family\": \"Kirby\", \"given\": \"Michael\"} or {\"literal\": \"United Nations\"}");
                return;
            }
            CslName name;
            for (const auto& [key, value] : n.items()) {
                if (key == "comma-suffix") { name.comma_suffix = truthy(value); continue; }
                if (key == "static-ordering") { name.static_ordering = truthy(value); continue; }
                if (key == "parse-names") continue;  // a hint for processors that split names; ours are split
                std::string* field = key == "family" ? &name.family
                                   : key == "given" ? &name.given
                                   : key == "dropping-particle" ? &name.dropping_particle
                                   : key == "non-dropping-particle" ? &name.non_dropping_particle
                                   : key == "suffix" ? &name.suffix
                                   : key == "literal" ? &name.literal
                                                      : nullptr;
                if (!field) {
                    warning("unknown name part '" + key + "' in '" + var + "'");
                    continue;
                }
                if (!value.is_string()) {
                    error("name part '" + key + "' in '" + var + "' must be text, not " + std::string(value.type_name()));
                    return;
                }
                *field = value.get<std::string>();
            }
            if (name.family.empty() && name.given.empty() && name.literal.empty()) {
                error("a name in '" + var + "' has no family, given or literal part");
                return;
            }
            list.push_back(std::move(name));
        }
        m_item.names[var] = std::move(list);
    }

    void date(const std::string& var, const json& v) {
        if (v.is_string()) {  // some tools write "issued": "2014-02-07"
            CslDate d;
            if (auto parsed = parse_raw_date(v.get<std::string>())) d = *parsed;
            else d.literal = v.get<std::string>();
            d.raw = v.get<std::string>();
            m_item.dates[var] = std::move(d);
            return;
        }
        if (!v.is_object()) {
            error("'" + var + "' must be a date object, not " + std::string(v.type_name()),
                  "write {\"date-parts\": [[2014, 2, 7]]}");
            return;
        }
        CslDate d;
        for (const auto& [key, value] : v.items()) {
            if (key == "date-parts") {
                if (!date_parts(var, value, d)) return;
            } else if (key == "season") {
                auto s = as_int(value);
                if (!s || *s < 1 || *s > 4) {
                    error("'season' in '" + var + "' must be 1 to 4");
                    return;
                }
                d.season = *s;
            } else if (key == "circa") {
                d.circa = truthy(value);
            } else if (key == "literal") {
                if (!value.is_string()) { error("'literal' in '" + var + "' must be text"); return; }
                d.literal = value.get<std::string>();
            } else if (key == "raw") {
                if (!value.is_string()) { error("'raw' in '" + var + "' must be text"); return; }
                d.raw = value.get<std::string>();
            } else {
                warning("unknown date part '" + key + "' in '" + var + "'");
            }
        }
        if (d.parts.empty() && !d.raw.empty()) {
            if (auto parsed = parse_raw_date(d.raw)) {
                d.parts = parsed->parts;
            } else if (d.literal.empty()) {
                warning("could not read the raw date '" + d.raw + "' in '" + var + "'; it is used as written");
                d.literal = d.raw;
            }
        }
        if (d.parts.empty() && d.literal.empty()) {
            error("'" + var + "' has no date-parts, raw or literal date");
            return;
        }
        m_item.dates[var] = std::move(d);
    }

private:
    const std::string& m_path;
    CslItem& m_item;
    Diagnostics& m_diags;

    bool date_parts(const std::string& var, const json& value, CslDate& d) {
        const std::string hint = "write [[2014, 2, 7]] or, for a range, [[2014, 2, 7], [2014, 3, 1]]";
        if (!value.is_array() || value.empty() || value.size() > 2) {
            error("'date-parts' in '" + var + "' must be a list of one or two dates", hint);
            return false;
        }
        for (const auto& part : value) {
            if (!part.is_array() || part.empty() || part.size() > 3) {
                error("each date in '" + var + "' must be [year], [year, month] or [year, month, day]", hint);
                return false;
            }
            std::array<int, 3> ymd{0, 0, 0};
            for (std::size_t k = 0; k < part.size(); ++k) {
                auto n = as_int(part[k]);
                if (!n || (k == 1 && (*n < 1 || *n > 12)) || (k == 2 && (*n < 1 || *n > 31))) {
                    error("'date-parts' in '" + var + "' has an invalid " +
                              (k == 0 ? "year" : k == 1 ? "month" : "day") + " " + part[k].dump(),
                          hint);
                    return false;
                }
                ymd[k] = *n;
            }
            d.parts.push_back(ymd);
        }
        return true;
    }
};

std::optional<std::array<int, 3>> parse_raw_single(std::string_view s) {
    std::array<int, 3> out{0, 0, 0};
    std::size_t field = 0, i = 0;
    while (field < 3) {
        std::size_t start = i;
        int n = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) n = n * 10 + (s[i++] - '0');
        const std::size_t len = i - start;
        if ((field == 0 && len != 4) || (field > 0 && len != 2)) return std::nullopt;
        if ((field == 1 && (n < 1 || n > 12)) || (field == 2 && (n < 1 || n > 31))) return std::nullopt;
        out[field++] = n;
        if (i == s.size()) return out;
        if (s[i] != '-') return std::nullopt;
        ++i;
    }
    return std::nullopt;
}

}  // namespace

std::optional<CslDate> parse_raw_date(std::string_view raw) {
    CslDate d;
    d.raw = std::string(raw);
    const auto slash = raw.find('/');
    auto first = parse_raw_single(raw.substr(0, slash));
    if (!first) return std::nullopt;
    d.parts.push_back(*first);
    if (slash != std::string_view::npos) {
        auto second = parse_raw_single(raw.substr(slash + 1));
        if (!second) return std::nullopt;
        d.parts.push_back(*second);
    }
    return d;
}

bool read_csl_item(const std::string& path, const json& object, CslItem& item, Diagnostics& diags) {
    const auto id = object.find("id");
    if (id == object.end() || id->is_null()) {
        diags.error(path, item.pos, "bibliography item has no 'id'", "add \"id\": \"a-short-key\" to cite it as [@a-short-key]");
        return false;
    }
    if (!id->is_string() && !id->is_number()) {
        diags.error(path, item.pos, std::string("bibliography 'id' must be text, not ") + id->type_name());
        return false;
    }
    item.id = as_text(*id);
    if (item.id.empty()) {
        diags.error(path, item.pos, "bibliography item has an empty 'id'");
        return false;
    }
    ItemReader reader(path, item, diags);
    for (const auto& [key, value] : object.items()) {
        if (key == "id" || value.is_null()) continue;
        if (key == "type") {
            if (value.is_string()) item.type = value.get<std::string>();
            else reader.error(std::string("'type' must be text, not ") + value.type_name());
        } else if (contains(name_variables, key)) {
            reader.names(key, value);
        } else if (contains(date_variables, key)) {
            reader.date(key, value);
        } else if (key == "custom") {
            continue;  // CSL-JSON's free-form extension object: nothing we format
        } else if (value.is_object() || value.is_array()) {
            reader.error("'" + key + "' must be text or a number, not " + std::string(value.type_name()));
        } else {
            item.fields[key] = as_text(value);
        }
    }
    if (item.type.empty()) reader.warning("no 'type'; it is treated as \"document\"");
    if (item.type.empty()) item.type = "document";
    return true;
}

}  // namespace folio::read
