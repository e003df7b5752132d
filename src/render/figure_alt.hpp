#pragma once
// Alt text for the Figure elements of the Cairo edition. cairo 1.16 (Debian
// 12) ignores every attribute of a structure tag but a Link's or a Dest's, so
// the /S /Figure elements it writes have no /Alt and a screen reader has
// nothing to say for a picture. folio writes the PDF stream itself, so after
// cairo has finished it appends an incremental update (ISO 32000-1, 7.5.6):
// a new version of each Figure element with its /Alt, a new xref section and
// a trailer pointing back (/Prev) at cairo's. Readers see the updated
// objects; the bytes cairo wrote are left as they were.
#include <string>
#include <vector>

#include "model/result.hpp"
#include "render/pdf_objects.hpp"

namespace folio {

// The bytes to append to `pdf` (a complete file as cairo 1.16 writes it:
// classic xref table, uncompressed structure elements) so that its Figure
// elements, taken in structure-tree order (depth first, as the tags were
// opened), carry `alts` in that order. An empty alt leaves its Figure as it
// is. An error, never a partial result, when the structure is not what
// cairo 1.16 writes: no structure tree, a different number of Figures than
// alt texts, a Figure that already has /Alt, an object that cannot be read.
Result<std::string> figure_alt_update(std::string_view pdf, const std::vector<std::string>& alts);

// That update, to append with pdf::append_updates: nothing when every alt
// is empty.
pdf::Update add_figure_alts(std::vector<std::string> alts);

// A PDF text string token for `utf8`: a literal string, ( ) and \ escaped,
// when it is printable ASCII; else a hex string of its UTF-16BE bytes with a
// byte-order mark (Korean, curly quotes, a line break).
std::string pdf_text_string(const std::string& utf8);

}  // namespace folio
