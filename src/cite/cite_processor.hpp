#pragma once
// The citation stage's interface for the pipeline: load a CSL style with its
// locale once, then format every citation of a pack in document order and get
// the bibliography back. Output is model Inlines (Emph, Strong, SmallCaps,
// Superscript, Subscript, Link, and Spans with csl-* classes for what
// Inlines lack: csl-block, csl-left-margin, csl-right-inline, csl-indent,
// csl-underline, csl-normal-style...), never formatted strings.
#include <string>
#include <vector>

#include "cite/csl_locale.hpp"
#include "cite/csl_style.hpp"
#include "model/bibliography.hpp"
#include "model/diagnostic.hpp"
#include "model/document.hpp"
#include "model/result.hpp"

namespace folio {

class CitationStyle {
public:
    // `style_path`: a .csl file; `locales_dir`: holds locales-<lang>.xml;
    // `lang`: e.g. "en-GB" (empty: the style's default-locale, else en-US).
    // Errors are `path:line: message` for invalid CSL.
    static Result<CitationStyle> load(const std::string& style_path, const std::string& locales_dir,
                                      const std::string& lang = "");
    CitationStyle(csl::CslStyle style, csl::Locale locale) : m_style(std::move(style)), m_locale(std::move(locale)) {}

    // Note styles (Chicago notes, OSCOLA, the house style): every citation
    // becomes a footnote; the caller sets Cite::note before formatting.
    bool is_note_style() const { return m_style.is_note_style(); }
    bool has_bibliography() const { return m_style.bibliography.present; }
    const std::string& title() const { return m_style.title; }
    const csl::CslStyle& style() const { return m_style; }
    const csl::Locale& locale() const { return m_locale; }

private:
    csl::CslStyle m_style;
    csl::Locale m_locale;
};

// One citation to format and the file it came from (for diagnostics).
struct CiteRequest {
    Cite* cite = nullptr;
    std::string file;
};

// Fills each Cite::rendered, in the given (document) order, tracking
// positions across them: first, subsequent, ibid, ibid-with-locator, and
// near-note from Cite::note. Unknown keys are errors at the key's position
// (with a "did you mean" hint) and render as the key in brackets; a locator
// label the locale has no term for is a warning. Returns the bibliography
// of the cited items, sorted per the style (empty if the style has none).
std::vector<Inlines> format_citations(const CitationStyle& style, const Bibliography& bibliography,
                                      const std::vector<CiteRequest>& cites, Diagnostics& diags);

// The bibliography of every item in `bibliography` (cited or not).
std::vector<Inlines> format_bibliography(const CitationStyle& style, const Bibliography& bibliography);

// The same entries with the id of the item each comes from, for anchors.
std::vector<FormattedReference> format_reference_list(const CitationStyle& style, const Bibliography& bibliography);

}  // namespace folio
