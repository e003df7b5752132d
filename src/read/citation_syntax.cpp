#include "read/citation_syntax.hpp"

#include <array>
#include <utility>

namespace folio::read {

namespace {

bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
// Decodes the code point at s[i] (already valid UTF-8); its length in `len`.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len) {
    const auto c = static_cast<unsigned char>(s[i]);
    len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > s.size()) {
        len = 1;
        return c;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

// A word character: ASCII letters and digits, `_`, and non-ASCII code points
// other than the punctuation and symbol blocks (so a key ends at a curly
// apostrophe, a non-breaking space or a dash: "@baek2016’s" cites baek2016).
bool is_word_cp(char32_t cp) {
    if (cp < 0x80) return is_ascii_alnum(static_cast<unsigned char>(cp)) || cp == '_';
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;  // Latin-1 punctuation, ×, ÷
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;            // punctuation, symbols, arrows
    if (cp >= 0x3000 && cp <= 0x303F) return false;            // CJK punctuation
    if (cp >= 0xFE30 && cp <= 0xFE6F) return false;            // CJK compatibility and small forms
    if (cp >= 0xFF00 && cp <= 0xFF0F) return false;            // fullwidth punctuation
    return true;
}

// The byte length of the word character at s[i], or 0 if it is not one.
std::size_t word_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    std::size_t len = 0;
    return is_word_cp(decode_at(s, i, len)) ? len : 0;
}

// Is the character ending just before s[i] a word character?
bool word_before(std::string_view s, std::size_t i) {
    if (i == 0) return false;
    std::size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return word_at(s, start) != 0;
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool is_key_punct(char c) { return std::string_view(":.#$%&-+?<>~/").find(c) != std::string_view::npos; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Soft breaks inside a citation read as spaces.
std::string flatten(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c == '\n') c = ' ';
    return out;
}

// The end of a key starting at text[at] (just after '@'), or 0 if none.
std::size_t key_end(std::string_view text, std::size_t at) {
    if (at < text.size() && text[at] == '{') {
        const std::size_t close = text.find('}', at + 1);
        if (close == std::string_view::npos || close == at + 1) return 0;
        return close + 1;
    }
    const std::size_t first = word_at(text, at);
    if (!first) return 0;
    std::size_t i = at + first, end = i;
    while (i < text.size()) {
        if (const std::size_t len = word_at(text, i)) {
            i += len;
            end = i;
        } else if (is_key_punct(text[i]) && i + 1 < text.size() && (word_at(text, i + 1) || is_key_punct(text[i + 1]))) {
            ++i;  // internal punctuation counts only once a word character follows it
        } else {
            break;
        }
    }
    return end;
}

std::string key_text(std::string_view text, std::size_t at, std::size_t end) {
    if (text[at] == '{') return std::string(text.substr(at + 1, end - at - 2));
    return std::string(text.substr(at, end - at));
}

struct LabelName {
    std::string_view written;
    std::string_view term;
};
// Lower-case forms, without a final '.'. Longer forms first where one is a
// prefix of another does not matter: the whole word is compared.
constexpr std::array<LabelName, 66> label_names{{
    {"p", "page"}, {"pp", "page"}, {"pg", "page"}, {"pgs", "page"}, {"page", "page"}, {"pages", "page"},
    {"para", "paragraph"}, {"paras", "paragraph"}, {"paragraph", "paragraph"}, {"paragraphs", "paragraph"},
    {"\xC2\xB6", "paragraph"}, {"\xC2\xB6\xC2\xB6", "paragraph"},
    {"art", "article-locator"}, {"arts", "article-locator"}, {"article", "article-locator"},
    {"articles", "article-locator"},
    {"ch", "chapter"}, {"chs", "chapter"}, {"chap", "chapter"}, {"chaps", "chapter"}, {"chapter", "chapter"},
    {"chapters", "chapter"},
    {"sec", "section"}, {"secs", "section"}, {"section", "section"}, {"sections", "section"},
    {"\xC2\xA7", "section"}, {"\xC2\xA7\xC2\xA7", "section"},
    {"n", "note"}, {"nn", "note"}, {"note", "note"}, {"notes", "note"},
    {"vol", "volume"}, {"vols", "volume"}, {"volume", "volume"}, {"volumes", "volume"},
    {"l", "line"}, {"ll", "line"}, {"line", "line"}, {"lines", "line"},
    {"fig", "figure"}, {"figs", "figure"}, {"figure", "figure"}, {"figures", "figure"},
    {"bk", "book"}, {"bks", "book"}, {"book", "book"},
    {"col", "column"}, {"cols", "column"}, {"column", "column"},
    {"fol", "folio"}, {"fols", "folio"}, {"folio", "folio"},
    {"pt", "part"}, {"pts", "part"}, {"part", "part"},
    {"v", "verse"}, {"vv", "verse"}, {"verse", "verse"},
    {"app", "appendix"}, {"appendix", "appendix"}, {"annex", "appendix"},
    {"op", "opus"}, {"tbl", "table"}, {"table", "table"}, {"no", "issue"},
}};

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Does a locator value start here? A digit, or a roman numeral followed by a
// separator.
bool starts_locator_value(std::string_view s) {
    if (s.empty()) return false;
    if (s[0] >= '0' && s[0] <= '9') return true;
    std::size_t i = 0;
    while (i < s.size() && std::string_view("ivxlcdmIVXLCDM").find(s[i]) != std::string_view::npos) ++i;
    return i > 0 && (i == s.size() || !word_at(s, i));
}

// The length of a locator value: tokens of word bytes and `.`/`:` joined by
// `-`, en dash, `,`, `&` or ` and `-free separators, e.g. "33, 35-37", "12.3",
// "iv–vi". A comma is part of it only when another number follows.
std::size_t locator_value_length(std::string_view s) {
    std::size_t i = 0, end = 0;
    while (i < s.size()) {
        std::size_t j = i;
        while (j < s.size()) {
            if (const std::size_t len = word_at(s, j)) j += len;  // an en dash is not a word character
            else if (s[j] == '.' || s[j] == ':') ++j;
            else break;
        }
        while (j > i && (s[j - 1] == '.' || s[j - 1] == ':')) --j;  // "p. 12." ends the sentence
        if (j == i) break;
        end = j;
        // A separator, then another value?
        std::size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        if (k < s.size() && (s[k] == '-' || s[k] == ',' || s[k] == '&')) ++k;
        else if (s.substr(k, 3) == "\xE2\x80\x93") k += 3;  // en dash
        else break;
        while (k < s.size() && s[k] == ' ') ++k;
        if (!starts_locator_value(s.substr(k))) break;
        i = k;
    }
    return end;
}

// One item of a bracketed citation, e.g. "see -@key, p. 12". The offset is
// where the item starts in the run.
std::optional<std::pair<CiteItem, std::size_t>> parse_item(std::string_view item, std::size_t offset) {
    // The first '@' that starts a key: not after a word byte.
    for (std::size_t at = item.find('@'); at != std::string_view::npos; at = item.find('@', at + 1)) {
        if (word_before(item, at)) continue;
        const std::size_t end = key_end(item, at + 1);
        if (!end) continue;
        CiteItem ci;
        std::size_t prefix_end = at;
        if (at > 0 && item[at - 1] == '-' && (at == 1 || is_space(item[at - 2]))) {
            ci.suppress_author = true;
            prefix_end = at - 1;
        } else if (at > 0 && !is_space(item[at - 1])) {
            return std::nullopt;  // "x-@key", "(@key": not pandoc's shape
        }
        ci.prefix = flatten(trim(item.substr(0, prefix_end)));
        ci.key = key_text(item, at + 1, end);
        std::string_view rest = item.substr(end);
        if (!rest.empty() && rest[0] == ',') {
            if (auto loc = parse_locator(trim(rest.substr(1)))) {
                ci.locator_label = loc->label;
                ci.locator = loc->locator;
                ci.suffix = flatten(loc->suffix);
            } else {
                ci.suffix = flatten(trim(rest));
            }
        } else {
            ci.suffix = flatten(trim(rest));
        }
        return std::pair{std::move(ci), offset + at};
    }
    return std::nullopt;
}

std::optional<CitationMatch> bracketed_at(std::string_view run, std::size_t open) {
    const std::size_t close = run.find_first_of("[]", open + 1);
    if (close == std::string_view::npos || run[close] != ']') return std::nullopt;
    const std::string_view body = run.substr(open + 1, close - open - 1);
    if (body.find('@') == std::string_view::npos) return std::nullopt;
    CitationMatch m;
    m.begin = open;
    m.end = close + 1;
    std::size_t start = 0;
    while (start <= body.size()) {
        std::size_t semi = body.find(';', start);
        if (semi == std::string_view::npos) semi = body.size();
        auto item = parse_item(body.substr(start, semi - start), open + 1 + start);
        if (!item) return std::nullopt;  // every item must cite, or it is just text in brackets
        m.cite.items.push_back(std::move(item->first));
        m.key_offsets.push_back(item->second);
        start = semi + 1;
    }
    m.cite.mode = CiteMode::normal;
    m.cite.source = flatten(run.substr(m.begin, m.end - m.begin));
    return m;
}

std::optional<CitationMatch> narrative_at(std::string_view run, std::size_t at) {
    if (at > 0) {
        const char before = run[at - 1];
        if (word_before(run, at) || is_key_punct(before) || before == '@' || before == '\\') return std::nullopt;
    }
    const std::size_t end = key_end(run, at + 1);
    if (!end) return std::nullopt;
    CitationMatch m;
    m.begin = at;
    m.end = end;
    CiteItem ci;
    ci.key = key_text(run, at + 1, end);
    // `@key [p. 33]`: a bracket after one space, with no key of its own.
    if (end + 1 < run.size() && run[end] == ' ' && run[end + 1] == '[') {
        const std::size_t close = run.find_first_of("[]", end + 2);
        if (close != std::string_view::npos && run[close] == ']') {
            const std::string_view inner = run.substr(end + 2, close - end - 2);
            if (inner.find('@') == std::string_view::npos && !trim(inner).empty()) {
                if (auto loc = parse_locator(trim(inner))) {
                    ci.locator_label = loc->label;
                    ci.locator = loc->locator;
                    ci.suffix = flatten(loc->suffix);
                } else {
                    ci.suffix = flatten(trim(inner));
                }
                m.end = close + 1;
            }
        }
    }
    m.cite.mode = CiteMode::narrative;
    m.cite.items.push_back(std::move(ci));
    m.key_offsets.push_back(at);
    m.cite.source = flatten(run.substr(m.begin, m.end - m.begin));
    return m;
}

}  // namespace

std::optional<std::string> locator_term(std::string_view label) {
    if (!label.empty() && label.back() == '.') label.remove_suffix(1);
    const std::string l = lower_ascii(label);
    for (const auto& name : label_names)
        if (name.written == l) return std::string(name.term);
    if (l == "s.v" || l == "sv" || l == "sub verbo") return std::string("sub-verbo");
    return std::nullopt;
}

std::optional<Locator> parse_locator(std::string_view text) {
    text = trim(text);
    Locator loc;
    std::string_view rest = text;
    // A label: a word (letters, or ¶ / §, possibly doubled, or "s.v."), an
    // optional '.', then a space or the value itself.
    std::size_t w = 0;
    while (w < rest.size() && ((rest[w] >= 'a' && rest[w] <= 'z') || (rest[w] >= 'A' && rest[w] <= 'Z'))) ++w;
    if (w == 0) {
        while (rest.substr(w, 2) == "\xC2\xB6" || rest.substr(w, 2) == "\xC2\xA7") w += 2;
    }
    if (rest.substr(0, 4) == "s.v." || rest.substr(0, 4) == "S.v.") w = 3;
    if (w > 0) {
        std::size_t after = w;
        if (after < rest.size() && rest[after] == '.') ++after;
        if (auto term = locator_term(rest.substr(0, after))) {
            std::string_view value = rest.substr(after);
            while (!value.empty() && value[0] == ' ') value.remove_prefix(1);
            const std::size_t len = locator_value_length(value);
            if (len > 0) {
                loc.label = *term;
                loc.locator = std::string(value.substr(0, len));
                loc.suffix = std::string(trim(value.substr(len)));
                return loc;
            }
        }
    }
    // A bare number is a page.
    if (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') {
        const std::size_t len = locator_value_length(rest);
        loc.label = "page";
        loc.locator = std::string(rest.substr(0, len));
        loc.suffix = std::string(trim(rest.substr(len)));
        return loc;
    }
    return std::nullopt;
}

std::vector<CitationMatch> find_citations(std::string_view run) {
    std::vector<CitationMatch> out;
    // Only '[' and '@' can start a citation: jump between them (trying each
    // byte cleared a 144-byte optional per byte, a tenth of reading's time).
    for (std::size_t i = run.find_first_of("[@"); i != std::string_view::npos; i = run.find_first_of("[@", i)) {
        std::optional<CitationMatch> m = run[i] == '[' ? bracketed_at(run, i) : narrative_at(run, i);
        if (m) {
            i = m->end;
            out.push_back(std::move(*m));
        } else {
            ++i;
        }
    }
    return out;
}

}  // namespace folio::read
