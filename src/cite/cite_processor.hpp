#pragma once
// The citation stage's interface for the pipeline: load a CSL style with its
// locale once, then format every citation of a pack in document order and get
// the bibliography back. Output is model Inlines (Emph, Strong, SmallCaps,
// Superscript, Subscript, Link, and Spans with csl-* classes for what
// Inlines lack: csl-block, csl-left-margin, csl-right-inline, csl-indent,
// csl-underline, csl-normal-style...), never formatted strings.
#include <string>
#include <vector>

#include "cite/csl_load.hpp"
#include "cite/csl_locale.hpp"
#include "cite/csl_style.hpp"
#include "model/bibliography.hpp"
#include "model/diagnostic.hpp"
#include "model/document.hpp"
#include "model/result.hpp"

namespace folio {

class CitationStyle {
public:
    // `style_path`: a .csl file; `locales_dirs`: hold locales-<lang>.xml,
    // searched in order for each file (csl::make_locale);
    // `lang`: e.g. "en-GB" (empty: the style's default-locale, else en-US).
    // Errors are `path:line: message` for invalid CSL.
    // `problem`, when given, receives where an invalid style goes wrong.
    static Result<CitationStyle> load(const std::string& style_path, const std::vector<std::string>& locales_dirs,
                                      const std::string& lang = "", csl::CslProblem* problem = nullptr);
    static Result<CitationStyle> load(const std::string& style_path, const std::string& locales_dir,
                                      const std::string& lang = "") {
        return load(style_path, std::vector<std::string>{locales_dir}, lang);
    }
    CitationStyle(csl::CslStyle style, csl::Locale locale);

    // Note styles (Chicago notes, OSCOLA, the house style): every citation
    // becomes a footnote; the caller sets Cite::note before formatting.
    bool is_note_style() const { return m_style.is_note_style(); }
    bool has_bibliography() const { return m_style.bibliography.present; }
    const std::string& title() const { return m_style.title; }
    const csl::CslStyle& style() const { return m_style; }
    const csl::Locale& locale() const { return m_locale; }

    // Whether anything in the style's citation layout (macros followed)
    // prints a cite's locator, and a <label variable="locator"> its label.
    bool prints_locator() const { return m_prints_locator; }
    bool prints_locator_label() const { return m_prints_locator_label; }

private:
    csl::CslStyle m_style;
    csl::Locale m_locale;
    bool m_prints_locator = false;
    bool m_prints_locator_label = false;
};

// One citation to format and the file it came from (for diagnostics).
// `document` tells apart the documents of one run (csl::Citation::document):
// positions restart with each, numbering and disambiguation do not.
struct CiteRequest {
    Cite* cite = nullptr;
    std::string file;
    int document = 0;
};

// Fills each Cite::rendered, in the given (document) order, tracking
// positions across them: first, subsequent, ibid, ibid-with-locator, and
// near-note from Cite::note. Unknown keys are errors at the key's position
// (with a "did you mean" hint) and render as the key in brackets. A locator
// the style cannot render is a warning at the cite: the style prints no
// locators (the pinpoint is lost), prints them without a label (so "para 12"
// would read as a page), or the locale has no term for the label.
// Returns the reference list of the cited items, sorted per the style (empty
// if the style has none), from the same run as the citations: its numbers,
// order and year-suffixes are the ones the citations show.
std::vector<FormattedReference> format_citations(const CitationStyle& style, const Bibliography& bibliography,
                                                 const std::vector<CiteRequest>& cites, Diagnostics& diags);

// Drops the full stop that ends a formatted citation, from its last text
// (through emphasis, spans and links, and before closing quotation marks:
// "Refugees.”" gives "Refugees”"), for a citation the sentence goes on after
// ("As Baek, Ibid 4 argues", "(Baek, 4)"), as pandoc does. Leaves anything
// else alone.
void drop_final_period(Inlines& rendered);

// Makes a formatted citation's first letter a capital, for a citation that
// is a note's whole sentence ("see United Nations" gives "See United
// Nations"), as citeproc's capitalize-first does it: past spaces and opening
// quotation marks, through emphasis, links and spans, never into small caps,
// super- or subscripts or a nocase span, and only the very first character
// that counts, so a note that opens with a number or a bracket is left alone.
void capitalise_first_letter(Inlines& rendered);

// The bibliography of every item in `bibliography` (cited or not).
std::vector<Inlines> format_bibliography(const CitationStyle& style, const Bibliography& bibliography);

// The same entries with the id of the item each comes from, for anchors.
// Not for the list that goes with formatted citations: a second run over the
// cited items can number and suffix them differently (format_citations
// returns that list).
std::vector<FormattedReference> format_reference_list(const CitationStyle& style, const Bibliography& bibliography);

}  // namespace folio
