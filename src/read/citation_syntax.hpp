#pragma once
// Pandoc's citation syntax in a run of plain text:
//   bracketed  [@key]  [@key, p. 12]  [see @a, ch. 3; @b]  [-@key]  [@a; @b, 45 and passim]
//   narrative  @key  and  @key [p. 33]
// Keys follow pandoc: they start with a letter (of any script), digit or `_`
// and may contain the punctuation `:.#$%&-+?<>~/` inside but not at the end
// (`@smith.` cites `smith`, `@baek2016’s` cites `baek2016`); `@{any key}`
// takes anything up to `}`. An `@` after a letter or digit
// (`info@example.org`) is never a citation.
//
// Locator labels become CSL 1.0.2 locator terms. CSL 1.0.2 has a term for
// articles, "article-locator", so `art. 19` and `article 19` map to it (not
// to "section").
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.hpp"

namespace folio::read {

struct CitationMatch {
    std::size_t begin = 0;  // offset of '[' (bracketed) or '@' (narrative) in the run
    std::size_t end = 0;    // one past the citation
    Cite cite;              // items without positions, source as written
    std::vector<std::size_t> key_offsets;  // offset of each item's '@' in the run
};

// Every citation in `run`, left to right, not overlapping. Newlines in the run
// stand for soft line breaks and count as spaces.
std::vector<CitationMatch> find_citations(std::string_view run);

// A locator label as written ("p.", "pp", "para", "¶", "art.", "ch.", "§")
// to its CSL term ("page", "paragraph", "article-locator", ...); nullopt if
// it is not a locator label.
std::optional<std::string> locator_term(std::string_view label);

struct Locator {
    std::string label;    // CSL term; "page" when only a number was written
    std::string locator;  // "12", "12-14", "iv", "33, 35-37"
    std::string suffix;   // what follows: "and passim"
};
// Parses the text after a key's comma (or inside `@key [...]`): an optional
// label, then a locator. nullopt when it does not start with one; the whole
// text is then a suffix.
std::optional<Locator> parse_locator(std::string_view text);

}  // namespace folio::read
