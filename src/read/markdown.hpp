#pragma once
// Markdown (cmark-gfm with the table, strikethrough, autolink and tagfilter
// extensions and footnotes; no smart punctuation: the group types its own
// curly quotes) into our Document. Only this module and its .cpp see cmark.
#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/document.hpp"
#include "model/limits.hpp"
#include "read/source_text.hpp"

namespace folio::read {

// Converts lines body_first_line.. of `src`. Positions are the file's own
// lines and byte columns. Adjacent text is merged; citations in text (not in
// code, links or images) become Cite inlines; footnote definitions go to
// Document::notes in the order they are written, unnumbered. cmark-gfm drops
// definitions nothing refers to: name them in `keep_unreferenced` to keep
// them too (nothing is lost; the reader has warned about them). Input past
// `limits` (nesting deeper than nesting_depth, a table wider than
// table_columns) is an error against `path`, and what lies past the limit is
// left out: every later stage recurses over the tree, so its depth is bounded
// here, once.
Document convert_markdown(const std::string& path, const SourceText& src, std::uint32_t body_first_line,
                          Diagnostics& diags, const Limits& limits = {},
                          const std::vector<std::string>& keep_unreferenced = {});

}  // namespace folio::read
