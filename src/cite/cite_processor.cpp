#include "cite/cite_processor.hpp"

#include <string_view>

#include "cite/csl_engine.hpp"
#include "cite/csl_load.hpp"
#include "cite/csl_text.hpp"
#include "cite/csl_walk.hpp"
#include "model/suggest.hpp"
#include "model/utf8.hpp"

namespace folio {

CitationStyle::CitationStyle(csl::CslStyle style, csl::Locale locale)
    : m_style(std::move(style)), m_locale(std::move(locale)) {
    csl::walk_elements_through_macros(m_style.citation.layout.children, m_style, [&](const csl::Element& el) {
        using Kind = csl::Element::Kind;
        if (el.variable == "locator") {
            if (el.kind == Kind::text || el.kind == Kind::number) m_prints_locator = true;
            if (el.kind == Kind::label) m_prints_locator_label = true;
        }
        return true;
    });
}

Result<CitationStyle> CitationStyle::load(const std::string& style_path, const std::vector<std::string>& locales_dirs,
                                          const std::string& lang, csl::CslProblem* problem) {
    auto style = csl::load_style(style_path, problem);
    if (!style) return Error{style.error()};
    auto locale = csl::make_locale(*style, lang, locales_dirs);
    if (!locale) return Error{locale.error()};
    return CitationStyle(std::move(*style), std::move(*locale));
}

namespace {

// The engine's bibliography with the id of the item each entry comes from.
std::vector<FormattedReference> reference_list(csl::Engine& engine) {
    std::vector<Inlines> entries = engine.bibliography();
    const auto& ids = engine.bibliography_ids();
    std::vector<FormattedReference> out;
    out.reserve(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) out.push_back({ids.at(i), std::move(entries[i])});
    return out;
}

// Closing quotation marks a citation's full stop may sit inside.
bool ends_with_closing_quote(const std::string& s, std::size_t end, std::size_t& length) {
    for (const char* q : {"\u201D", "\u2019", "\u00BB", "\"", "'"}) {
        const std::string_view quote(q);
        if (end >= quote.size() && std::string_view(s).substr(end - quote.size(), quote.size()) == quote) {
            length = quote.size();
            return true;
        }
    }
    return false;
}

Inlines* children_of(Inline& in) {
    return std::visit(
        [](auto& v) -> Inlines* {
            if constexpr (requires { v.children; }) return &v.children;
            else return nullptr;
        },
        in.value);
}

// True once the last character that counts has been seen (and a full stop
// there dropped); false when `list` holds only closing quotes or nothing.
bool drop_final_period_in(Inlines& list) {
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
        if (auto* t = std::get_if<Text>(&it->value)) {
            std::size_t end = t->text.size();
            for (std::size_t q = 0; ends_with_closing_quote(t->text, end, q);) end -= q;
            if (end == 0) continue;
            if (t->text[end - 1] == '.') t->text.erase(end - 1, 1);
            return true;
        }
        Inlines* children = children_of(*it);
        if (!children) return true;
        if (drop_final_period_in(*children)) return true;
    }
    return false;
}

// What may come before a note's first letter: spaces and opening quotation
// marks (pandoc's quotes are a node its case change looks into: "“See” ibid").
bool comes_before_first_letter(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'"' || c == U'\'' || c == U'\u2018' || c == U'\u201C' || c == U'\u00AB';
}

// True once the first character that counts has been seen (and made a
// capital if it was a small letter).
bool capitalise_first_letter_in(Inlines& list) {
    for (Inline& in : list) {
        if (auto* t = std::get_if<Text>(&in.value)) {
            for (std::size_t i = 0; i < t->text.size();) {
                const std::size_t at = i;
                const char32_t c = utf8_next(t->text, i);
                if (comes_before_first_letter(c)) continue;
                if (csl::is_lower(c)) t->text.replace(at, i - at, utf8_of(csl::to_upper(c)));
                return true;
            }
            continue;
        }
        const auto* span = std::get_if<Span>(&in.value);
        const bool closed = std::holds_alternative<SmallCaps>(in.value) || std::holds_alternative<Superscript>(in.value) ||
                            std::holds_alternative<Subscript>(in.value) || (span && span->cls == "nocase");
        Inlines* children = closed ? nullptr : children_of(in);
        if (!children) return true;
        if (capitalise_first_letter_in(*children)) return true;
    }
    return false;
}

}  // namespace

void drop_final_period(Inlines& rendered) { drop_final_period_in(rendered); }

void capitalise_first_letter(Inlines& rendered) { capitalise_first_letter_in(rendered); }

std::vector<FormattedReference> format_citations(const CitationStyle& style, const Bibliography& bibliography,
                                                 const std::vector<CiteRequest>& cites, Diagnostics& diags) {
    // Every key, for "did you mean": made at the first unknown key only (a
    // run per post would otherwise copy every id of the bibliography).
    std::vector<std::string> keys;
    std::vector<csl::Citation> citations;
    // Narrative cites in an in-text style render as "Author (cite)": the
    // author alone, then the citation without it.
    struct Slot {
        std::size_t request;
        bool narrative_author;
    };
    std::vector<Slot> slots;
    for (std::size_t i = 0; i < cites.size(); ++i) {
        const Cite& cite = *cites[i].cite;
        csl::Citation c;
        c.note = cite.note;
        c.document = cites[i].document;
        // The author's name left in the text by a citation that moved into a
        // note: the note's copy of the citation reports what is wrong with it.
        const bool author_in_text = cite.mode == CiteMode::author_in_text;
        for (const CiteItem& it : cite.items) {
            const CslItem* item = bibliography.find(it.key);
            if (!item && author_in_text) continue;
            if (!item) {
                if (keys.empty())
                    for (const CslItem& known : bibliography.items) keys.push_back(known.id);
                diags.error(cites[i].file, it.pos, "unknown citation key '" + it.key + "'",
                            did_you_mean(it.key, keys));
                continue;
            }
            if (!it.locator.empty() && !author_in_text) {
                // The label as the reader named it: CSL's term, "page" when none was written.
                const std::string label = it.locator_label.empty() ? "page" : it.locator_label;
                const std::string pinpoint = "'" + label + " " + it.locator + "'";
                if (!style.prints_locator())
                    diags.warning(cites[i].file, it.pos,
                                  "the citation style prints no locators: " + pinpoint + " is left out of the citation",
                                  "choose a style that prints pinpoints, or give the pinpoint in the text");
                else if (label != "page" && !style.prints_locator_label())
                    diags.warning(cites[i].file, it.pos,
                                  "the citation style prints locators without their label: " + pinpoint +
                                      " reads as '" + it.locator + "'",
                                  "choose a style that labels pinpoints, or cite pages only");
                else if (!style.locale().term(label == "article" ? "article-locator" : label, "short"))
                    diags.warning(cites[i].file, it.pos,
                                  "the citation style's locale (" + style.locale().lang() +
                                      ") has no term for the locator label '" + label + "'",
                                  "add the term to the style's <locale>, or use another label");
            }
            csl::CiteRef r;
            r.item = item;
            r.prefix = it.prefix.empty() ? "" : it.prefix + " ";
            r.suffix = it.suffix;
            r.locator = it.locator;
            r.label = it.locator_label;
            r.suppress_author = it.suppress_author;
            c.cites.push_back(std::move(r));
        }
        if (author_in_text) {
            for (auto& r : c.cites) {
                r.author_only = true;
                r.prefix = r.suffix = r.locator = r.label = "";
            }
            c.counts = false;
            citations.push_back(std::move(c));
            slots.push_back({i, true});
            continue;
        }
        // With a note style a narrative citation is left only inside a note
        // someone wrote (the citation pass moves the others into notes of
        // their own): "As Baek, Ibid 4 argues", the author as the note's
        // citation names them at that moment, taking no position of its own,
        // as pandoc writes it.
        const bool narrative = cite.mode == CiteMode::narrative && !c.cites.empty();
        if (narrative) {
            csl::Citation author = c;
            for (auto& r : author.cites) {
                r.author_only = true;
                r.prefix = r.suffix = "";
            }
            if (style.is_note_style()) author.counts = false;
            citations.push_back(std::move(author));
            slots.push_back({i, true});
            for (auto& r : c.cites) r.suppress_author = true;
        }
        citations.push_back(std::move(c));
        slots.push_back({i, false});
    }
    csl::Engine engine(style.style(), style.locale());
    std::vector<Inlines> rendered = engine.cite(citations);
    for (std::size_t s = 0; s < slots.size(); ++s) {
        Cite& cite = *cites[slots[s].request].cite;
        if (slots[s].narrative_author) {
            cite.rendered = rendered[s];
            // Nothing to name (an unknown key, reported by the note's copy):
            // the text as written rather than a hole in the sentence.
            if (cite.mode == CiteMode::author_in_text && cite.rendered.empty())
                cite.rendered = {make_inline(Text{cite.source.empty() ? "[?]" : cite.source})};
            continue;
        }
        Inlines body = rendered[s];
        if (cite.mode == CiteMode::narrative && !cite.rendered.empty()) {
            // In-text: "Baek (2016)". In a note: "Baek, Ibid 4 argues", the
            // citation's closing full stop dropped as the sentence goes on,
            // and the author alone when the rest is empty (a short form
            // that is the name).
            if (style.is_note_style()) drop_final_period(body);
            if (!body.empty()) cite.rendered.push_back(make_inline(Text{style.is_note_style() ? ", " : " "}));
            for (Inline& in : body) cite.rendered.push_back(std::move(in));
        } else if (body.empty()) {
            cite.rendered = {make_inline(Text{cite.source.empty() ? "[?]" : cite.source})};
        } else {
            cite.rendered = std::move(body);
        }
    }
    return reference_list(engine);
}

std::vector<Inlines> format_bibliography(const CitationStyle& style, const Bibliography& bibliography) {
    std::vector<const CslItem*> all;
    for (const CslItem& item : bibliography.items) all.push_back(&item);
    csl::Engine engine(style.style(), style.locale());
    engine.cite({}, all);
    return engine.bibliography();
}

std::vector<FormattedReference> format_reference_list(const CitationStyle& style, const Bibliography& bibliography) {
    std::vector<const CslItem*> all;
    for (const CslItem& item : bibliography.items) all.push_back(&item);
    csl::Engine engine(style.style(), style.locale());
    engine.cite({}, all);
    return reference_list(engine);
}

}  // namespace folio
