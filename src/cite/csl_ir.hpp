#pragma once
// The renderer's intermediate output: a tree of text with CSL formatting,
// affixes, quotes and display still attached. Kept separate from model
// Inlines because CSL's punctuation rules (duplicate punctuation, punctuation
// inside quotes) work across element boundaries and must run before the tree
// becomes Inlines (csl_output.cpp).
#include <string>
#include <vector>

#include "cite/csl_style.hpp"
#include "model/document.hpp"

namespace folio::csl {

struct Ir {
    std::string text;  // a leaf's text; groups have none
    bool is_group = false;
    std::vector<Ir> children;
    Formatting fmt;
    std::string prefix, suffix, display;
    bool quotes = false;
    bool data_single_quotes = false;  // ‘…’ in data: kept at top level, the inner marks inside quotes
    bool nocase = false;      // rich-text <span class="nocase">: text-case leaves it alone
    std::string url;          // a link target (URL and DOI variables)
    bool names_root = false;  // the output of a <names> element (subsequent-author-substitute)
    bool year_suffix_slot = false;  // where an implicit year-suffix may attach (a rendered year)
    bool from_term = false;   // a locale term ("ibid", "and"): capitalised when it opens a note

    bool empty() const;
};

Ir ir_text(std::string text);
// The non-empty `parts`, joined by `delimiter` (as a plain-text leaf).
Ir ir_join(std::vector<Ir> parts, const std::string& delimiter);

// Plain text of a tree: affixes and quotes (as straight '"') included,
// formatting dropped. Used for comparisons (disambiguation, sorting).
std::string ir_plain(const Ir& ir);

struct OutputOptions {
    std::string open_quote = "\xE2\x80\x9C", close_quote = "\xE2\x80\x9D";
    std::string open_inner_quote = "\xE2\x80\x98", close_inner_quote = "\xE2\x80\x99";
    bool punctuation_in_quote = false;
};

// Formatting becomes Emph/Strong/SmallCaps/Superscript/Subscript; what
// Inlines have no node for becomes a Span with a class: csl-block,
// csl-left-margin, csl-right-inline, csl-indent (display), csl-underline,
// csl-normal-style (upright inside italics), csl-normal-weight,
// csl-normal-variant, csl-no-decoration, csl-baseline.
Inlines to_inlines(const Ir& ir, const OutputOptions& options);

}  // namespace folio::csl

namespace folio::csl {
// A field value with the rich-text markup CSL-JSON allows (<i>, <b>, <sc>,
// <sup>, <sub>, <span class="nocase">, <span style="font-variant:small-caps;">)
// as a tree; anything else is literal text.
Ir parse_rich_text(const std::string& s);
}  // namespace folio::csl
