#pragma once
// Footnote checks cmark-gfm does not make: it keeps the first of two
// definitions with the same label without a word, and leaves a reference with
// no definition as literal text. We find both by scanning the source lines
// ourselves, outside fenced code blocks and code spans.
#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/source_pos.hpp"
#include "read/source_text.hpp"

namespace folio::read {

struct FootnoteSite {
    std::string label;  // as written
    std::string key;    // compared as cmark-gfm does: case-insensitively
    SourcePos pos;      // of the '['
    // A reference that opens its line's text (`[^x] Text...`): most often a
    // definition with its colon forgotten.
    bool starts_line = false;
};

struct FootnoteScan {
    std::vector<FootnoteSite> definitions;  // `[^x]:` starting a line (or a quoted line), in file order
    std::vector<FootnoteSite> references;   // every other `[^x]`, in file order
};

// Scans lines first_line.. of the source. Indented code blocks are not
// recognised (a footnote's continuation lines are indented too), so a `[^x]`
// in one counts; fence such code to keep it out.
FootnoteScan scan_footnotes(const SourceText& src, std::uint32_t first_line);

// Duplicate labels and references without a definition are errors; a
// definition nobody references is a warning. A reference with no definition
// whose label also opens a line without a colon is told about that line.
void check_footnotes(const std::string& path, const FootnoteScan& scan, Diagnostics& diags);

// The labels of definitions that nothing references (the first of each).
std::vector<std::string> unreferenced_labels(const FootnoteScan& scan);

// The label cmark-gfm would match: ASCII case folded, inner whitespace collapsed.
std::string footnote_key(std::string_view label);

}  // namespace folio::read
