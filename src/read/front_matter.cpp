#include "read/front_matter.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <set>

#include "model/suggest.hpp"
#include "read/front_matter_slips.hpp"
#include "read/word_list.hpp"
#include "read/yaml_tree.hpp"

namespace folio::read {

namespace {

constexpr std::array<std::string_view, 7> kind_names{"article", "opinion", "letter", "event",
                                                      "statement", "news", "page"};
constexpr std::array<std::string_view, 6> letter_keys{"from", "to", "salutation", "closing", "signature", "cc"};
constexpr std::array<std::string_view, 3> event_keys{"when", "venue", "admission"};
constexpr std::array<std::string_view, 17> known_keys{
    "title", "date", "kind", "authors", "summary", "tags", "lang", "original", "from",
    "to", "salutation", "closing", "signature", "cc", "when", "venue", "admission"};
constexpr std::array<std::string_view, 3> party_keys{"name", "role", "address"};

constexpr std::string_view minimal_front_matter =
    "start the file with front matter: a line `---`, then `title: \"...\"`, `date: 2024-05-01`, "
    "`kind: article` on lines of their own, then a line `---`";

bool is_fence(std::string_view line, std::string_view fence) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line == fence;
}

std::string kind_list() {
    std::string out;
    for (auto k : kind_names) {
        if (!out.empty()) out += ", ";
        out += k;
    }
    return out;
}

// "en", "en-GB", "ko-KR", "zh-Hant-TW", "sr-Latn": BCP 47's shape (a 2-3
// letter language, then subtags of 1-8 letters or digits), not its registry.
bool looks_like_language_tag(std::string_view tag) {
    std::size_t i = 0, start = 0;
    bool first = true;
    while (true) {
        if (i == tag.size() || tag[i] == '-') {
            const std::size_t len = i - start;
            if (first) {
                if (len < 2 || len > 3) return false;
                for (std::size_t k = start; k < i; ++k)
                    if (!std::isalpha(static_cast<unsigned char>(tag[k]))) return false;
            } else if (len < 1 || len > 8) {
                return false;
            }
            first = false;
            if (i == tag.size()) return true;
            start = i + 1;
        } else if (!std::isalnum(static_cast<unsigned char>(tag[i]))) {
            return false;
        }
        ++i;
    }
}

// "an article", "a letter": for messages.
std::string a_kind(Kind kind) {
    const std::string name = to_string(kind);
    return (std::string_view("aeiou").find(name[0]) != std::string_view::npos ? "an " : "a ") + name;
}

const char* month_name(int m) {
    static constexpr const char* names[] = {"January", "February", "March", "April", "May", "June", "July",
                                            "August", "September", "October", "November", "December"};
    return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

// A run of ASCII digits as a number; -1 if any character is not a digit.
int digits_value(std::string_view text) {
    if (text.empty()) return -1;
    int v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

// What the calendar says against a YYYY-MM-DD-shaped date that
// parse_iso_date refused ("November 2016 has 30 days"); empty when the text
// is not of that shape, so there is nothing more precise to say than the form.
std::string calendar_problem(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
    const int y = digits_value(text.substr(0, 4)), m = digits_value(text.substr(5, 2)),
              d = digits_value(text.substr(8, 2));
    if (y < 0 || m < 0 || d < 0) return {};
    if (y == 0) return "there is no year 0000";
    if (m < 1 || m > 12) return "there is no month " + std::string(text.substr(5, 2)) + "; months are 01 to 12";
    if (d == 0) return "there is no day 00; days start at 01";
    for (int days = 31; days >= 28; --days) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, days);
        if (parse_iso_date(buf))
            return std::string(month_name(m)) + " " + std::to_string(y) + " has " + std::to_string(days) + " days";
    }
    return {};
}

// Why a `date:` value was refused, for the error message.
std::string date_problem(std::string_view text) {
    const std::string why = calendar_problem(text);
    if (!why.empty()) return "date '" + std::string(text) + "' does not exist (" + why + ")";
    return "invalid date '" + std::string(text) + "' (expected YYYY-MM-DD)";
}

// Why an event's `when:` value was refused: the date's problem or the time's,
// so that "2016-11-31", "2016-13-01" and "25:00" each say what is wrong.
std::string datetime_problem(std::string_view text) {
    const std::string head = "invalid date and time '" + std::string(text) + "': ";
    const bool dated = text.size() >= 10 && text[4] == '-' && text[7] == '-';
    if (!dated) {
        const std::size_t colon = text.find(':');
        if (colon != std::string_view::npos && colon <= 2 && digits_value(text.substr(0, colon)) >= 0)
            return head + "a time without a date (expected YYYY-MM-DD HH:MM)";
        return head + "expected YYYY-MM-DD HH:MM, or YYYY-MM-DD alone";
    }
    if (!parse_iso_date(text.substr(0, 10))) {
        const std::string why = calendar_problem(text.substr(0, 10));
        return head + (why.empty() ? "expected YYYY-MM-DD HH:MM, or YYYY-MM-DD alone" : why);
    }
    const std::string_view time = text.substr(std::min<std::size_t>(11, text.size()));
    const int h = time.size() == 5 && time[2] == ':' ? digits_value(time.substr(0, 2)) : -1;
    const int mi = h >= 0 ? digits_value(time.substr(3, 2)) : -1;
    if ((text[10] != ' ' && text[10] != 'T') || h < 0 || mi < 0)
        return head + "the time must follow the date as HH:MM on the 24-hour clock";
    if (h > 23) return head + "hour " + std::string(time.substr(0, 2)) + " is out of range; hours are 00 to 23";
    if (mi > 59) return head + "minute " + std::string(time.substr(3, 2)) + " is out of range; minutes are 00 to 59";
    return head + "expected YYYY-MM-DD HH:MM, or YYYY-MM-DD alone";
}

class SchemaChecker {
public:
    SchemaChecker(const std::string& path, Diagnostics& diags) : m_path(path), m_diags(diags) {}

    // A single value as text. Errors on lists, mappings and empty values.
    std::optional<std::string> text(std::string_view key, const YamlNode& v) {
        if (v.type == YamlNode::Type::scalar) return v.value;
        if (v.type == YamlNode::Type::null)
            m_diags.error(m_path, v.pos, "'" + std::string(key) + "' has no value");
        else
            m_diags.error(m_path, v.pos,
                          "'" + std::string(key) + "' must be a single text value, not " + v.type_name());
        return std::nullopt;
    }

    // A list of text values; with `single_ok`, one value is a one-item list.
    std::optional<std::vector<std::string>> text_list(std::string_view key, const YamlNode& v, bool single_ok) {
        if (v.type == YamlNode::Type::scalar && single_ok) return std::vector<std::string>{v.value};
        if (v.type == YamlNode::Type::null) return std::vector<std::string>{};
        if (v.type != YamlNode::Type::sequence) {
            m_diags.error(m_path, v.pos, "'" + std::string(key) + "' must be a list of text values, not " +
                                             v.type_name(),
                          "write it as `" + std::string(key) + ": [\"first\", \"second\"]` or one `- item` per line");
            return std::nullopt;
        }
        std::vector<std::string> out;
        bool ok = true;
        for (const auto& item : v.items) {
            if (item.type == YamlNode::Type::scalar) {
                out.push_back(item.value);
            } else {
                m_diags.error(m_path, item.pos, "each item of '" + std::string(key) +
                                                    "' must be a single text value, not " + item.type_name());
                ok = false;
            }
        }
        return ok ? std::optional(std::move(out)) : std::nullopt;
    }

    std::optional<Party> party(std::string_view key, const YamlNode& v) {
        if (v.type != YamlNode::Type::mapping) {
            m_diags.error(m_path, v.pos, "'" + std::string(key) + "' must be a mapping, not " + v.type_name(),
                          "write `" + std::string(key) +
                              ":` then indented `name:`, `role:` and `address:` (a list of lines)");
            return std::nullopt;
        }
        Party p;
        bool has_name = false;
        for (const auto& [k, val] : v.entries) {
            const std::string name = k.value;
            if (name == "name") {
                if (auto t = text("name", val)) { p.name = *t; has_name = true; }
            } else if (name == "role") {
                if (auto t = text("role", val)) p.role = *t;
            } else if (name == "address") {
                if (auto lines = text_list("address", val, true)) p.address = *lines;
            } else {
                m_diags.warning(m_path, k.pos, "unknown key '" + name + "' in '" + std::string(key) + "'",
                                did_you_mean(name, party_keys));
            }
        }
        if (!has_name) {
            m_diags.error(m_path, v.pos, "'" + std::string(key) + "' has no 'name'",
                          "add an indented `name: ...` line under `" + std::string(key) + ":`");
            return std::nullopt;
        }
        return p;
    }

private:
    const std::string& m_path;
    Diagnostics& m_diags;
};

}  // namespace

std::optional<FrontMatterBlock> find_front_matter(const std::string& path, const SourceText& src, Diagnostics& diags) {
    if (!is_fence(src.line(1), "---")) {
        diags.error(path, {1, 1}, "missing front matter: a post must begin with a line `---`",
                    std::string(minimal_front_matter));
        return std::nullopt;
    }
    for (std::size_t n = 2; n <= src.line_count(); ++n) {
        const auto line = src.line(n);
        if (is_fence(line, "---") || is_fence(line, "...")) {
            FrontMatterBlock block;
            block.yaml_first_line = 2;
            block.yaml_last_line = static_cast<std::uint32_t>(n - 1);
            block.body_first_line = static_cast<std::uint32_t>(n + 1);
            const std::size_t begin = src.line_start(2), end = src.line_start(n);
            block.yaml = src.text().substr(begin, end - begin);
            return block;
        }
    }
    // A closing line mistyped (`--`, `----`) is the likely cause: point at it.
    for (std::size_t n = 2; n <= src.line_count(); ++n)
        if (looks_like_fence(src.line(n))) {
            diags.error(path, {static_cast<std::uint32_t>(n), 1},
                        "front matter is never closed: this line is not the closing `---`",
                        "write the closing line as three dashes alone: `---`");
            return std::nullopt;
        }
    diags.error(path, {1, 1}, "front matter is never closed: no line `---` after the opening one",
                "end the front matter with a line `---` before the post's text");
    return std::nullopt;
}

bool read_front_matter(const std::string& path, const FrontMatterBlock& block, PostMeta& meta, Diagnostics& diags) {
    // A forgotten closing quote takes the next lines, keys and all, into the
    // value: say so where the quote opens. The keys it took in are then not
    // reported missing, nor YAML's error below it, which is its echo.
    const auto unclosed = find_unclosed_quotes(block.yaml, block.yaml_first_line);
    std::set<std::string> swallowed;
    for (const UnclosedQuote& q : unclosed) {
        std::string keys;
        for (size_t i = 0; i < q.keys.size(); ++i) {
            keys += (i == 0 ? "" : i + 1 == q.keys.size() ? " and " : ", ") + ("'" + q.keys[i] + "'");
            swallowed.insert(q.keys[i]);
        }
        diags.error(path, q.opening,
                    "this quoted value is not closed on its line, so it runs on to line " +
                        std::to_string(q.swallowed_line) + " and " +
                        (q.keys.size() == 1 ? "the key " + keys + " becomes" : "the keys " + keys + " become") +
                        " part of it",
                    "add the closing quote at the end of line " + std::to_string(q.opening.line));
    }
    Diagnostics yaml_diags;
    auto root = parse_yaml(path, block.yaml, block.yaml_first_line, yaml_diags);
    // A tab in the indentation, when YAML failed: yaml-cpp calls it an
    // "illegal map value". (A tab YAML accepts, in a value's run-on line,
    // is no error.)
    const auto tabs = root ? std::vector<SourcePos>{} : find_tab_indents(block.yaml, block.yaml_first_line);
    for (const SourcePos& tab : tabs)
        diags.error(path, tab, "a tab indents this line; YAML indents with spaces only",
                    "replace the tab with spaces (two for each level)");
    // YAML's errors from the first slip down are its echoes.
    std::uint32_t first_slip = std::numeric_limits<std::uint32_t>::max();
    if (!unclosed.empty()) first_slip = unclosed.front().opening.line;
    if (!tabs.empty()) first_slip = std::min(first_slip, tabs.front().line);
    for (Diagnostic d : yaml_diags.items()) {
        if (d.pos.line >= first_slip) continue;
        // A plain value with ': ' in it reads as a second key on its line.
        if (d.message.ends_with("illegal map value") && d.pos.line >= block.yaml_first_line) {
            const auto line = line_of(block.yaml, d.pos.line - block.yaml_first_line);
            if (auto fix = quote_value_with_colon(line)) {
                d.message = "the value of '" + fix->key + "' holds ': ', which YAML reads as the start of another key";
                d.hint = "put the value in double quotes: `" + fix->line + "`";
            }
        }
        diags.add(std::move(d));
    }
    if (!root) return false;
    const SourcePos opening{1, 1};
    if (root->type != YamlNode::Type::mapping) {
        if (root->type == YamlNode::Type::null)
            diags.error(path, opening, "front matter is empty", std::string(minimal_front_matter));
        else
            diags.error(path, root->pos, std::string("front matter must be a mapping of keys to values, not ") +
                                             root->type_name(),
                        "write one `key: value` per line");
        return true;
    }

    // The kind decides which keys belong, so it is read first.
    std::optional<Kind> kind;
    std::set<std::string> seen;
    std::vector<const YamlEntry*> entries;
    for (const auto& entry : root->entries) {
        const YamlNode& key = entry.key;
        if (key.type != YamlNode::Type::scalar) {
            diags.error(path, key.pos, "front matter keys must be plain words, not " + std::string(key.type_name()));
            continue;
        }
        if (!seen.insert(key.value).second) {
            std::uint32_t first = 0;
            for (const auto* e : entries)
                if (e->key.value == key.value) first = e->key.pos.line;
            diags.error(path, key.pos,
                        "duplicate front matter key '" + key.value + "' (first at line " + std::to_string(first) + ")");
            continue;
        }
        entries.push_back(&entry);
    }

    SchemaChecker check(path, diags);
    bool has_title = false, has_date = false, has_kind = false;
    for (const auto* e : entries)
        if (e->key.value == "kind") {
            has_kind = true;
            if (auto name = check.text("kind", e->value)) {
                kind = kind_from_string(*name);
                if (!kind)
                    diags.error(path, e->value.pos, "unknown kind '" + *name + "' (expected one of " + kind_list() + ")",
                                did_you_mean(*name, kind_names));
            }
        }
    if (kind) meta.kind = *kind;

    for (const auto* e : entries) {
        const YamlNode& key = e->key;
        const YamlNode& v = e->value;
        const std::string& name = key.value;
        if (!contains(known_keys, name)) {
            diags.warning(path, key.pos, "unknown front matter key '" + name + "'", did_you_mean(name, known_keys));
            continue;
        }
        if (kind && *kind != Kind::letter && contains(letter_keys, name)) {
            diags.warning(path, key.pos, "'" + name + "' is for letters and is ignored in " +
                                             a_kind(*kind));
            continue;
        }
        if (kind && *kind != Kind::event && contains(event_keys, name)) {
            diags.warning(path, key.pos, "'" + name + "' is for events and is ignored in " +
                                             a_kind(*kind));
            continue;
        }
        if (name == "kind") continue;
        if (name == "title") {
            has_title = true;
            if (auto t = check.text(name, v)) {
                if (t->find_first_not_of(" \t") == std::string::npos)
                    diags.error(path, v.pos, "'title' is empty");
                meta.title = *t;
                meta.title_pos = v.pos;
            }
        } else if (name == "date") {
            has_date = true;
            if (auto t = check.text(name, v)) {
                if (auto d = parse_iso_date(*t)) {
                    meta.date = *d;
                    meta.date_pos = v.pos;
                } else {
                    diags.error(path, v.pos, date_problem(*t), "write the date as YYYY-MM-DD, e.g. 2023-10-21");
                }
            }
        } else if (name == "authors") {
            if (auto list = check.text_list(name, v, true)) meta.authors = *list;
        } else if (name == "tags") {
            if (auto list = check.text_list(name, v, false)) meta.tags = *list;
        } else if (name == "cc") {
            if (auto list = check.text_list(name, v, false)) meta.cc = *list;
        } else if (name == "summary") {
            if (auto t = check.text(name, v)) meta.summary = *t;
        } else if (name == "lang") {
            if (auto t = check.text(name, v)) {
                if (looks_like_language_tag(*t)) meta.lang = *t;
                else diags.error(path, v.pos, "'" + *t + "' is not a language tag", "use a BCP 47 tag such as en-GB or ko");
            }
        } else if (name == "original") {
            if (auto t = check.text(name, v)) meta.original = *t;
        } else if (name == "salutation") {
            if (auto t = check.text(name, v)) meta.salutation = *t;
        } else if (name == "closing") {
            if (auto t = check.text(name, v)) meta.closing = *t;
        } else if (name == "signature") {
            if (auto t = check.text(name, v)) meta.signature = *t;
        } else if (name == "from") {
            meta.from = check.party(name, v);
        } else if (name == "to") {
            meta.to = check.party(name, v);
        } else if (name == "when") {
            if (!meta.event) meta.event.emplace();
            if (auto t = check.text(name, v)) {
                if (auto when = parse_iso_datetime(*t)) meta.event->when = *when;
                else diags.error(path, v.pos, datetime_problem(*t),
                                 "write it as YYYY-MM-DD HH:MM on the 24-hour clock, e.g. 2017-03-08 18:30, "
                                 "or the date alone if there is no time");
            }
        } else if (name == "venue") {
            if (!meta.event) meta.event.emplace();
            if (auto t = check.text(name, v)) meta.event->venue = *t;
        } else if (name == "admission") {
            if (!meta.event) meta.event.emplace();
            if (auto t = check.text(name, v)) meta.event->admission = *t;
        }
    }
    if (meta.kind == Kind::event && kind) {
        if (!meta.event) meta.event.emplace();
        if (!seen.count("when"))
            diags.warning(path, opening, "an event without 'when': readers will not see when it takes place",
                          "add a line `when: YYYY-MM-DD HH:MM`");
    }

    if (!has_title && !swallowed.count("title"))
        diags.error(path, opening, "missing required front matter key 'title'", "add a line `title: \"...\"`");
    if (!has_date && !swallowed.count("date"))
        diags.error(path, opening, "missing required front matter key 'date'", "add a line `date: YYYY-MM-DD`");
    if (!has_kind && !swallowed.count("kind"))
        diags.error(path, opening, "missing required front matter key 'kind'", "add a line `kind: ` with one of " + kind_list());
    return true;
}

}  // namespace folio::read
