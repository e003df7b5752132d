#include "cite/csl_text.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace folio::csl {

char32_t to_upper(char32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149) {
        bool odd_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (odd_lower ? (c % 2 == 0) : (c % 2 == 1)) return c - 1;
        return c;
    }
    if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

char32_t to_lower(char32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x138 && c != 0x149) {
        bool odd_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (odd_lower ? (c % 2 == 1) : (c % 2 == 0)) return c + 1;
        return c;
    }
    if (c >= 0x391 && c <= 0x3A9) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

bool is_upper(char32_t c) { return to_lower(c) != c; }
bool is_lower(char32_t c) { return to_upper(c) != c; }
bool is_letter(char32_t c) {
    return is_upper(c) || is_lower(c) || (c >= 0xAA && c != 0xD7 && c != 0xF7 && c >= 0xC0 && c < 0x2000) ||
           c >= 0x2E80;
}

bool is_cjk(std::string_view s) {
    for (char32_t c : utf8_decode(s))
        if ((c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF)) return true;
    return false;
}

std::string upper(std::string_view s) {
    auto cps = utf8_decode(s);
    for (auto& c : cps) c = to_upper(c);
    return utf8_encode(cps);
}

std::string lower(std::string_view s) {
    auto cps = utf8_decode(s);
    for (auto& c : cps) c = to_lower(c);
    return utf8_encode(cps);
}

namespace {

bool is_stop_word(const std::string& w) {
    static const std::array<const char*, 28> words = {"a",   "an",   "and", "as",   "at",   "but",  "by",
                                                      "down", "for", "from", "in",  "into", "nor",  "of",
                                                      "on",  "onto", "or",  "over", "so",   "the",  "till",
                                                      "to",  "up",   "via", "with", "yet",  "v",    "vs"};
    std::string l = lower(w);
    return std::any_of(words.begin(), words.end(), [&](const char* s) { return l == s; });
}

struct Word {
    std::size_t begin, end;  // code point indices
};

std::vector<Word> words_of(const std::u32string& cps) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < cps.size()) {
        auto sep = [](char32_t c) { return c == ' ' || c == '-' || c == 0x2013 || c == 0x2014 || c == '/' || c == 0xA0; };
        while (i < cps.size() && sep(cps[i])) ++i;
        std::size_t b = i;
        while (i < cps.size() && !sep(cps[i])) ++i;
        if (i > b) out.push_back({b, i});
    }
    return out;
}

void capitalize_at(std::u32string& cps, std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k)
        if (is_letter(cps[k])) {
            cps[k] = to_upper(cps[k]);
            return;
        }
}

bool has_upper_after_first(const std::u32string& cps, std::size_t b, std::size_t e) {
    bool first = true;
    for (std::size_t k = b; k < e; ++k) {
        if (!is_letter(cps[k])) continue;
        if (!first && is_upper(cps[k])) return true;
        first = false;
    }
    return false;
}

}  // namespace

std::string apply_text_case(std::string_view s, const std::string& text_case, bool english, bool at_start) {
    if (text_case.empty()) return std::string(s);
    if (text_case == "lowercase") return lower(s);
    if (text_case == "uppercase") return upper(s);
    auto cps = utf8_decode(s);
    if (text_case == "capitalize-first") {
        if (at_start)
            for (const Word& w : words_of(cps)) {
                capitalize_at(cps, w.begin, w.end);
                break;
            }
        return utf8_encode(cps);
    }
    if (text_case == "capitalize-all") {
        for (const Word& w : words_of(cps)) capitalize_at(cps, w.begin, w.end);
        return utf8_encode(cps);
    }
    bool all_upper = true;
    for (char32_t c : cps)
        if (is_lower(c)) all_upper = false;
    if (text_case == "sentence") {
        if (all_upper)
            for (auto& c : cps) c = to_lower(c);
        if (at_start)
            for (const Word& w : words_of(cps)) {
                capitalize_at(cps, w.begin, w.end);
                break;
            }
        return utf8_encode(cps);
    }
    if (text_case == "title") {
        if (!english) return std::string(s);
        auto words = words_of(cps);
        for (std::size_t i = 0; i < words.size(); ++i) {
            const Word& w = words[i];
            std::string word = utf8_encode(cps.substr(w.begin, w.end - w.begin));
            if (all_upper)
                for (std::size_t k = w.begin; k < w.end; ++k) cps[k] = to_lower(cps[k]);
            bool after_colon = false;
            if (i > 0) {
                std::size_t k = w.begin;
                while (k > 0 && cps[k - 1] == ' ') --k;
                after_colon = k > 0 && (cps[k - 1] == ':' || cps[k - 1] == '?' || cps[k - 1] == '!');
            }
            bool first = i == 0 && at_start;
            if (!first && !after_colon && is_stop_word(word)) {
                continue;
            }
            // Words already carrying capitals after the first letter (iPhone,
            // UN) are left as written.
            bool first_is_lower = false;
            for (std::size_t k = w.begin; k < w.end; ++k)
                if (is_letter(cps[k])) {
                    first_is_lower = is_lower(cps[k]);
                    break;
                }
            if (first_is_lower && has_upper_after_first(cps, w.begin, w.end)) continue;
            // Only Latin letters: a Greek letter in "β-carotene" is a symbol.
            std::size_t k = w.begin;
            while (k < w.end && !is_letter(cps[k])) ++k;
            if (k < w.end && cps[k] >= 0x250) continue;
            capitalize_at(cps, w.begin, w.end);
        }
        return utf8_encode(cps);
    }
    return std::string(s);
}

std::string strip_periods(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c != '.') out += c;
    return out;
}

std::string trim(std::string_view s) {
    std::size_t b = s.find_first_not_of(" \t\n");
    if (b == std::string_view::npos) return "";
    std::size_t e = s.find_last_not_of(" \t\n");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace folio::csl
