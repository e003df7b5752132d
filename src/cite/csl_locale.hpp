#pragma once
// The locale a style renders with: the chain CSL 1.0.2 prescribes (the style's
// own <locale> elements for the exact language, its base language and no
// language, then the locale file for the language, then en-US), searched in
// that order for terms, date formats and options.
#include <optional>
#include <string>
#include <vector>

#include "cite/csl_style.hpp"
#include "model/result.hpp"

namespace folio::csl {

class Locale {
public:
    Locale() = default;
    // `chain` in priority order, best first; `files`, the locale files it
    // was read from (a build lists them among its inputs).
    explicit Locale(std::vector<LocaleData> chain, std::string lang, std::vector<std::string> files = {});

    const std::string& lang() const { return m_lang; }
    const std::vector<std::string>& files() const { return m_files; }

    // A term's text, falling back across forms (verb-short → verb → long,
    // symbol → short → long) and then across the chain. nullopt when no locale
    // defines it: an empty string is a defined, deliberately empty term.
    std::optional<std::string> term(const std::string& name, const std::string& form = "long",
                                    bool plural = false) const;
    // The grammatical gender of a noun term ("masculine", "feminine" or "").
    std::string gender(const std::string& name) const;

    std::string ordinal(long n, const std::string& gender) const;
    std::string long_ordinal(long n, const std::string& gender) const;

    const Element* date_format(const std::string& form) const;
    bool punctuation_in_quote() const;
    bool limit_day_ordinals_to_day_1() const;

private:
    const TermForms* find(const std::string& name, const std::string& form, const std::string& gender_form) const;
    std::vector<LocaleData> m_chain;
    std::string m_lang;
    std::vector<std::string> m_files;
};

// Builds the chain for `lang` (the style's default-locale when empty, else
// en-US) from the style and the files `locales-<lang>.xml`, each taken from
// the first of `locales_dirs` that has it (so a project's own files can stand
// in front of a system-wide collection). A missing locale file is not an
// error while some locale in the chain remains.
Result<Locale> make_locale(const CslStyle& style, std::string lang, const std::vector<std::string>& locales_dirs);
inline Result<Locale> make_locale(const CslStyle& style, std::string lang, const std::string& locales_dir) {
    return make_locale(style, std::move(lang), std::vector<std::string>{locales_dir});
}

}  // namespace folio::csl
