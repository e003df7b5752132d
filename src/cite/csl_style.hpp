#pragma once
// A CSL 1.0.2 style compiled from its XML: the rendering elements as a tree of
// plain structs, so the renderer never touches tinyxml2. Attributes that CSL
// lets children inherit (name options) are kept as string maps and overlaid at
// render time, which is how the specification describes the inheritance.
#include <map>
#include <string>
#include <vector>

namespace folio::csl {

using Attrs = std::map<std::string, std::string>;

// font-style, font-variant, font-weight, text-decoration, vertical-align;
// an empty string means "not set".
struct Formatting {
    std::string font_style;
    std::string font_variant;
    std::string font_weight;
    std::string text_decoration;
    std::string vertical_align;
    bool empty() const {
        return font_style.empty() && font_variant.empty() && font_weight.empty() && text_decoration.empty() &&
               vertical_align.empty();
    }
};

struct Element;
using Elements = std::vector<Element>;

// One <if>/<else-if>/<else>: `tests` holds (attribute, value) pairs, one per
// space-separated value, since `match` applies across all of them.
struct Branch {
    bool is_else = false;
    std::string match = "all";  // all, any, none
    std::vector<std::pair<std::string, std::string>> tests;
    Elements children;
};

// <date-part>
struct DatePart {
    std::string name;  // day, month, year
    std::string form;
    std::string range_delimiter = "\xE2\x80\x93";  // en dash
    std::string prefix, suffix, text_case;
    bool strip_periods = false;
    Formatting fmt;
};

struct Element {
    enum class Kind { text, number, label, names, date, group, choose, name_part_none };
    Kind kind = Kind::group;
    int line = 0;  // in the style file, for diagnostics

    // Common to most rendering elements.
    Formatting fmt;
    std::string prefix, suffix, delimiter, display, text_case;
    bool quotes = false;
    bool strip_periods = false;

    // text / number / label / date
    std::string variable;  // text, number, label, date; names keeps `variables`
    std::string macro;
    std::string term;
    std::string value;
    std::string form;
    std::string plural;  // label: contextual, always, never

    // date
    std::string date_parts = "year-month-day";
    std::vector<DatePart> parts;
    bool localized = false;  // <date form="..."> uses the locale's format

    // names
    std::vector<std::string> variables;
    bool has_name = false;
    Attrs name_attrs;                      // <name> attributes (inheritable options)
    Formatting name_fmt;
    std::string name_prefix, name_suffix;
    Attrs family_part, given_part;         // <name-part name="family|given"> attributes
    bool has_et_al = false;
    std::string et_al_term = "et-al";
    Formatting et_al_fmt;
    std::string et_al_prefix, et_al_suffix;
    bool label_before_name = false;
    Elements label;       // zero or one <label> inside <names>
    Elements substitute;  // children of <substitute>
    bool has_substitute = false;

    // group / layout / substitute children
    Elements children;
    // choose
    std::vector<Branch> branches;
};

struct SortKey {
    int line = 0;  // in the style file, for diagnostics
    std::string variable;
    std::string macro;
    bool descending = false;
    Attrs name_overrides;  // names-min, names-use-first, names-use-last
};

// <citation> or <bibliography>.
struct Section {
    bool present = false;
    Attrs attrs;  // everything on the element, including inheritable name options
    Element layout;  // a group: affixes, delimiter, formatting of <layout>
    std::vector<SortKey> sort;
};

struct TermForms {
    std::string single;
    std::string multiple;
    bool has_multiple = false;
    std::string gender;       // masculine / feminine, for nouns
    std::string gender_form;  // for ordinals
    std::string match;        // ordinal matching: last-digit, last-two-digits, whole-number
};

struct LocaleData {
    std::string lang;  // "" for an in-style locale without xml:lang
    // key: name + '\x1f' + form; several entries for gendered ordinals
    std::multimap<std::string, TermForms> terms;
    std::map<std::string, Element> date_formats;  // "text", "numeric"
    std::string punctuation_in_quote;             // "", "true", "false"
    std::string limit_day_ordinals_to_day_1;
};

struct CslStyle {
    std::string path;
    std::string cls = "in-text";  // in-text or note
    std::string default_locale;
    std::string version;
    std::string title;
    Attrs attrs;  // global options on <style>, including inheritable name options
    std::map<std::string, Element> macros;
    Section citation;
    Section bibliography;
    std::vector<LocaleData> locales;  // <locale> elements in the style, in order

    bool is_note_style() const { return cls == "note"; }
};

}  // namespace folio::csl
