// Name parts: particles, initials, apostrophes (see csl_name_parts.hpp).
#include "cite/csl_name_parts.hpp"

#include "cite/csl_text.hpp"

namespace folio::csl {

bool joins_without_space(const std::string& particle) {
    if (particle.empty()) return false;
    char last = particle.back();
    return last == '\'' || last == '-' || (particle.size() >= 3 && particle.compare(particle.size() - 3, 3, "\xE2\x80\x99") == 0);
}

std::string join_particle(const std::string& particle, const std::string& rest) {
    if (particle.empty()) return rest;
    if (rest.empty()) return particle;
    return particle + (joins_without_space(particle) ? "" : " ") + rest;
}

// "John Edward" → "J.E." with ".", "J. E." with ". "; existing initials are
// normalised; with initialize="false" only those are touched.
std::string initials(const std::string& given, const std::string& with, bool initialize, bool hyphen) {
    std::string trimmed_with = with;
    while (!trimmed_with.empty() && trimmed_with.back() == ' ') trimmed_with.pop_back();
    std::string out;
    std::string word;
    std::vector<std::string> words;
    for (char c : given) {
        if (c == ' ' || c == '.') {
            if (!word.empty()) words.push_back(word + (c == '.' ? "." : ""));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::string wd = words[w];
        bool had_period = !wd.empty() && wd.back() == '.';
        if (had_period) wd.pop_back();
        // hyphenated parts
        std::vector<std::string> parts;
        std::size_t start = 0;
        while (true) {
            std::size_t h = wd.find('-', start);
            parts.push_back(wd.substr(start, h == std::string::npos ? std::string::npos : h - start));
            if (h == std::string::npos) break;
            start = h + 1;
        }
        auto cps_first = [](const std::string& p) { return utf8_decode(p); };
        bool is_initial = utf8_decode(wd).size() == 1 || had_period;
        auto first_cps = cps_first(wd);
        if (!first_cps.empty() && is_lower(first_cps[0]) && !is_initial) {
            // a lower-case particle inside a given name stays as written,
            // a word of its own even after "J.B."
            if (!out.empty() && out.back() != ' ') out += ' ';
            out += wd + (had_period ? "." : "") + " ";
            continue;
        }
        if (!initialize && !is_initial) {
            out += wd + " ";
            continue;
        }
        if (had_period && utf8_decode(wd).size() > 1) {
            // an abbreviation such as "Ph." stays whole, as an initial
            out += wd + with;
            continue;
        }
        std::string piece;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            auto cps = utf8_decode(parts[i]);
            if (cps.empty()) continue;
            std::string initial;
            utf8_append(initial, to_upper(cps[0]));
            // A name written with a two-letter initial sound ("TSerendorjiin",
            // Mongolian Ts) keeps both letters: "Ts."
            if (cps.size() > 2 && is_upper(cps[0]) && is_upper(cps[1]) && is_lower(cps[2]))
                utf8_append(initial, to_lower(cps[1]));
            if (i > 0) piece += hyphen ? "-" : "";
            piece += initial + (i + 1 < parts.size() ? trimmed_with : "");
        }
        out += piece + with;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string typographic_apostrophes(std::string s) {
    std::size_t p;
    while ((p = s.find('\'')) != std::string::npos) s.replace(p, 1, "\xE2\x80\x99");
    return s;
}

// CSL-JSON names often carry particles inside the family or given name
// ("van Gogh", "Gustav von"); they are split off as processors do, unless
// the family name is quoted ("\"van Happel\"") to keep it whole.
CslName parse_particles(const CslName& in) {
    CslName n = in;
    for (std::string* s : {&n.family, &n.given, &n.non_dropping_particle, &n.dropping_particle, &n.suffix})
        *s = typographic_apostrophes(*s);
    if (n.family.size() >= 2 && n.family.front() == '"' && n.family.back() == '"') {
        n.family = n.family.substr(1, n.family.size() - 2);
        return n;
    }
    if (n.non_dropping_particle.empty() && !n.given.empty()) {
        // leading lower-case words of the family name: "van der Berg"
        std::size_t pos = 0;
        std::size_t split = std::string::npos;
        while (pos < n.family.size()) {
            std::size_t sp = n.family.find(' ', pos);
            if (sp == std::string::npos) break;
            auto cps = utf8_decode(n.family.substr(pos, 1));
            if (cps.empty() || !is_lower(cps[0])) break;
            split = sp;
            pos = sp + 1;
        }
        if (split != std::string::npos) {
            n.non_dropping_particle = n.family.substr(0, split);
            n.family = n.family.substr(split + 1);
        }
    }
    if (n.dropping_particle.empty() && !n.given.empty()) {
        // trailing lower-case words of the given name: "Gustav von"
        std::size_t sp = n.given.rfind(' ');
        std::size_t cut = std::string::npos;
        while (sp != std::string::npos) {
            auto cps = utf8_decode(n.given.substr(sp + 1, 1));
            if (cps.empty() || !is_lower(cps[0])) break;
            cut = sp;
            sp = sp == 0 ? std::string::npos : n.given.rfind(' ', sp - 1);
        }
        if (cut != std::string::npos) {
            n.dropping_particle = n.given.substr(cut + 1);
            n.given = n.given.substr(0, cut);
        }
    }
    return n;
}


}  // namespace folio::csl
