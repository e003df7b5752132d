#include "epub/html_sanitize.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "model/utf8.hpp"

namespace folio::epub {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

std::string lowered(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lower);
    return out;
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.';
}
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Parses a tag starting at html[i] == '<'. On success fills `token`, moves
// i past the '>' and returns true.
bool parse_tag(std::string_view html, std::size_t& i, HtmlToken& token) {
    std::size_t p = i + 1;
    bool closing = false;
    if (p < html.size() && html[p] == '/') {
        closing = true;
        ++p;
    }
    std::size_t name_start = p;
    if (p >= html.size() || !std::isalpha(static_cast<unsigned char>(html[p]))) return false;
    while (p < html.size() && is_name_char(html[p])) ++p;
    token = HtmlToken{};
    token.kind = closing ? HtmlToken::Kind::close : HtmlToken::Kind::open;
    token.name = lowered(html.substr(name_start, p - name_start));
    while (p < html.size()) {
        while (p < html.size() && is_space(html[p])) ++p;
        if (p >= html.size()) return false;
        if (html[p] == '>') {
            i = p + 1;
            return true;
        }
        if (html[p] == '/' && p + 1 < html.size() && html[p + 1] == '>') {
            token.self_closing = true;
            i = p + 2;
            return true;
        }
        std::size_t attr_start = p;
        while (p < html.size() && !is_space(html[p]) && html[p] != '>' && html[p] != '=' &&
               !(html[p] == '/' && p + 1 < html.size() && html[p + 1] == '>'))
            ++p;
        if (p == attr_start) return false;
        HtmlAttribute attr{lowered(html.substr(attr_start, p - attr_start)), {}};
        while (p < html.size() && is_space(html[p])) ++p;
        if (p < html.size() && html[p] == '=') {
            ++p;
            while (p < html.size() && is_space(html[p])) ++p;
            if (p >= html.size()) return false;
            if (html[p] == '"' || html[p] == '\'') {
                char quote = html[p++];
                std::size_t end = html.find(quote, p);
                if (end == std::string_view::npos) return false;
                attr.value = decode_entities(html.substr(p, end - p));
                p = end + 1;
            } else {
                std::size_t v = p;
                while (p < html.size() && !is_space(html[p]) && html[p] != '>') ++p;
                attr.value = decode_entities(html.substr(v, p - v));
            }
        }
        if (!closing) token.attributes.push_back(std::move(attr));
    }
    return false;
}

}  // namespace

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '&') {
            out += text[i++];
            continue;
        }
        std::size_t semi = text.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out += text[i++];
            continue;
        }
        std::string_view name = text.substr(i + 1, semi - i - 1);
        struct Named {
            std::string_view name;
            char32_t c;
        };
        static constexpr std::array<Named, 9> named{{{"amp", U'&'}, {"lt", U'<'}, {"gt", U'>'},
                                                     {"quot", U'"'}, {"apos", U'\''}, {"nbsp", 0xA0},
                                                     {"ndash", 0x2013}, {"mdash", 0x2014},
                                                     {"hellip", 0x2026}}};
        char32_t c = 0;
        bool known = false;
        if (!name.empty() && name[0] == '#') {
            bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            std::string_view digits = name.substr(hex ? 2 : 1);
            known = !digits.empty();
            for (char d : digits) {
                int v = std::isdigit(static_cast<unsigned char>(d)) ? d - '0'
                        : hex && std::isxdigit(static_cast<unsigned char>(d)) ? 10 + (lower(d) - 'a')
                                                                              : -1;
                if (v < 0 || c > 0x10FFFF) {
                    known = false;
                    break;
                }
                c = c * (hex ? 16 : 10) + static_cast<char32_t>(v);
            }
        } else {
            for (const auto& n : named)
                if (n.name == name) {
                    c = n.c;
                    known = true;
                }
        }
        if (!known) {
            out += text[i++];
            continue;
        }
        // &#0; is U+FFFD in HTML, as a surrogate or a value past U+10FFFF
        // is (utf8_append writes those as U+FFFD itself).
        utf8_append(out, c == 0 ? replacement_character : c);
        i = semi + 1;
    }
    return out;
}

std::vector<HtmlToken> tokenize_html(std::string_view html) {
    std::vector<HtmlToken> tokens;
    std::string pending;  // raw text not yet decoded
    auto flush_text = [&] {
        if (pending.empty()) return;
        HtmlToken t;
        t.text = decode_entities(pending);
        tokens.push_back(std::move(t));
        pending.clear();
    };
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            pending += html[i++];
            continue;
        }
        if (html.substr(i, 4) == "<!--") {
            std::size_t end = html.find("-->", i + 4);
            std::size_t stop = end == std::string_view::npos ? html.size() : end + 3;
            flush_text();
            tokens.push_back({HtmlToken::Kind::comment, {}, {}, false, std::string(html.substr(i, stop - i))});
            i = stop;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            std::size_t end = html.find('>', i);
            std::size_t stop = end == std::string_view::npos ? html.size() : end + 1;
            flush_text();
            tokens.push_back({HtmlToken::Kind::other, {}, {}, false, std::string(html.substr(i, stop - i))});
            i = stop;
            continue;
        }
        HtmlToken tag;
        std::size_t at = i;
        if (parse_tag(html, i, tag)) {
            flush_text();
            tag.text = std::string(html.substr(at, i - at));
            tokens.push_back(std::move(tag));
        } else {
            pending += html[i++];
        }
    }
    flush_text();
    return tokens;
}

std::vector<HtmlAttribute> kept_attributes(std::string_view element,
                                           const std::vector<HtmlAttribute>& attributes,
                                           std::vector<std::string>& removed) {
    std::vector<HtmlAttribute> kept;
    for (const auto& a : attributes) {
        bool keep = (a.name == "lang" && element != "br") || (a.name == "title" && element == "abbr");
        bool duplicate = std::any_of(kept.begin(), kept.end(), [&](const auto& k) { return k.name == a.name; });
        if (keep && !duplicate)
            kept.push_back(a);
        else
            removed.push_back(a.name);
    }
    return kept;
}

bool is_unsafe_url(std::string_view url) { return is_script_url(decode_entities(url)); }

}  // namespace folio::epub
