#pragma once
// The CSL test suite's HTML flavour of model Inlines (what citeproc-js
// prints: <i>, <b>, <span style="font-variant:small-caps;">, <sup>, display
// divs), so fixtures' RESULT sections can be compared with our output.
#include <string>

#include "model/document.hpp"

namespace folio::test {

std::string to_csl_html(const Inlines& inlines);
// Collapses the layout whitespace the suite's RESULT blocks carry (line
// breaks and the indentation after them), and trims the ends.
std::string normalise_html(const std::string& s);

}  // namespace folio::test
