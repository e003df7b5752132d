#include "cite/csl_locale.hpp"

#include <filesystem>

#include "cite/csl_load.hpp"

namespace folio::csl {

Locale::Locale(std::vector<LocaleData> chain, std::string lang, std::vector<std::string> files)
    : m_chain(std::move(chain)), m_lang(std::move(lang)), m_files(std::move(files)) {}

const TermForms* Locale::find(const std::string& name, const std::string& form, const std::string& gender_form) const {
    std::string key = name + '\x1f' + form;
    for (const LocaleData& loc : m_chain) {
        auto [lo, hi] = loc.terms.equal_range(key);
        const TermForms* neuter = nullptr;
        for (auto it = lo; it != hi; ++it) {
            if (it->second.gender_form == gender_form) return &it->second;
            if (it->second.gender_form.empty()) neuter = &it->second;
        }
        if (neuter) return neuter;
        if (lo != hi) return &lo->second;
    }
    return nullptr;
}

std::optional<std::string> Locale::term(const std::string& name, const std::string& form, bool plural) const {
    std::vector<std::string> forms{form};
    if (form == "verb-short") forms = {"verb-short", "verb", "long"};
    else if (form == "symbol") forms = {"symbol", "short", "long"};
    else if (form == "short") forms = {"short", "long"};
    else if (form != "long") forms = {form, "long"};
    for (const std::string& f : forms)
        if (const TermForms* t = find(name, f, "")) return plural && t->has_multiple ? t->multiple : t->single;
    return std::nullopt;
}

std::string Locale::gender(const std::string& name) const {
    const TermForms* t = find(name, "long", "");
    return t ? t->gender : "";
}

std::string Locale::ordinal(long n, const std::string& gender) const {
    // The first locale that defines any ordinal term defines them all: a
    // style's own ordinals replace the file's instead of mixing with them.
    const LocaleData* owner = nullptr;
    for (const LocaleData& loc : m_chain) {
        for (const auto& [key, t] : loc.terms)
            if (key.rfind("ordinal", 0) == 0) { owner = &loc; break; }
        if (owner) break;
    }
    std::string suffix;
    if (owner) {
        auto pick = [&](const std::string& name) -> const TermForms* {
            auto [lo, hi] = owner->terms.equal_range(name + '\x1f' + "long");
            const TermForms* neuter = nullptr;
            for (auto it = lo; it != hi; ++it) {
                if (it->second.gender_form == gender) return &it->second;
                if (it->second.gender_form.empty()) neuter = &it->second;
            }
            return neuter ? neuter : (lo != hi ? &lo->second : nullptr);
        };
        auto two = [](long v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
        const TermForms* t = nullptr;
        long last_two = n % 100, last = n % 10;
        if (const TermForms* c = pick("ordinal-" + two(last_two)); c && last_two >= 10) {
            if (c->match != "whole-number" || n == last_two) t = c;
        }
        if (!t) {
            if (const TermForms* c = pick("ordinal-" + two(last))) {
                if (c->match == "last-two-digits" || c->match == "whole-number") {
                    if ((c->match == "whole-number" ? n : last_two) == last) t = c;
                } else {
                    t = c;
                }
            }
        }
        if (!t) t = pick("ordinal");
        if (t) suffix = t->single;
    }
    return std::to_string(n) + suffix;
}

std::string Locale::long_ordinal(long n, const std::string& gender) const {
    if (n >= 1 && n <= 10) {
        std::string name = std::string("long-ordinal-") + (n < 10 ? "0" : "") + std::to_string(n);
        if (const TermForms* t = find(name, "long", gender)) return t->single;
    }
    return ordinal(n, gender);
}

const Element* Locale::date_format(const std::string& form) const {
    for (const LocaleData& loc : m_chain)
        if (auto it = loc.date_formats.find(form); it != loc.date_formats.end()) return &it->second;
    return nullptr;
}

bool Locale::punctuation_in_quote() const {
    for (const LocaleData& loc : m_chain)
        if (!loc.punctuation_in_quote.empty()) return loc.punctuation_in_quote == "true";
    return false;
}

bool Locale::limit_day_ordinals_to_day_1() const {
    for (const LocaleData& loc : m_chain)
        if (!loc.limit_day_ordinals_to_day_1.empty()) return loc.limit_day_ordinals_to_day_1 == "true";
    return false;
}

Result<Locale> make_locale(const CslStyle& style, std::string lang, const std::vector<std::string>& locales_dirs) {
    if (lang.empty()) lang = style.default_locale;
    if (lang.empty()) lang = "en-US";
    std::string base = lang.substr(0, lang.find('-'));
    std::vector<LocaleData> chain;
    for (const std::string& want : {lang, base, std::string()})
        for (const LocaleData& loc : style.locales)
            if (loc.lang == want) chain.push_back(loc);
    std::vector<std::string> files{lang};
    if (lang == base) {
        // A bare language means its primary dialect.
        static const std::pair<const char*, const char*> primary[] = {
            {"en", "en-US"}, {"de", "de-DE"}, {"fr", "fr-FR"}, {"es", "es-ES"}, {"it", "it-IT"},
            {"pt", "pt-PT"}, {"nl", "nl-NL"}, {"ko", "ko-KR"}, {"ja", "ja-JP"}, {"zh", "zh-CN"}};
        for (auto [b, d] : primary)
            if (base == b) files = {d};
    }
    if (files.back() != "en-US") files.push_back("en-US");
    std::vector<std::string> read;
    for (const std::string& f : files) {
        for (const std::string& dir : locales_dirs) {
            std::string path = (std::filesystem::path(dir) / ("locales-" + f + ".xml")).string();
            if (!std::filesystem::exists(path)) continue;
            auto loc = load_locale(path);
            if (!loc) return Error{loc.error()};
            chain.push_back(std::move(*loc));
            read.push_back(path);
            break;
        }
    }
    if (read.empty() && chain.empty()) {
        std::string where;
        for (const std::string& dir : locales_dirs) where += (where.empty() ? "" : " or ") + dir;
        return Error{"no CSL locale for " + lang + " in " + where};
    }
    return Locale(std::move(chain), lang, std::move(read));
}

}  // namespace folio::csl
