#pragma once
// The archive edition's metadata in the forms PDF/A asks for: the XMP packet
// that repeats the document information, dates with an explicit offset, and
// PDF text strings for what is not plain ASCII.
#include <string>

#include "layout/items.hpp"

namespace folio {

// "2023-10-21T09:30:00Z" -> "2023-10-21T09:30:00+00:00". XMP wants the
// offset written out: libharu's own conversion of a trailing Z breaks PDF/A
// validators, and the Info dictionary's date must match the XMP one.
std::string xmp_date(const std::string& iso);

// The XMP packet: Dublin Core title, creator and description, the PDF
// keywords and producer, the creator tool and dates, and the PDF/A-3b
// identification (part 3: the only part that allows the attached sources).
// Every value is XML-escaped.
std::string xmp_packet(const DocInfo& info, const std::string& producer);

// A PDF date string for an ISO 8601 UTC date: "2023-10-21T09:30:00Z" ->
// "D:20231021093000+00'00'", the form libharu writes in the Info
// dictionary. Empty when `iso` is not such a date.
std::string pdf_date(const std::string& iso);

// The MIME type PDF/A-3 wants as an attachment's /Subtype, from the file
// name's extension: the pack's Markdown, CSL-JSON, TOML and CSL files;
// application/octet-stream for anything else.
std::string attachment_media_type(const std::string& file_name);

// A PDF text string's bytes: ASCII as it is, anything else as UTF-16BE with
// a byte-order mark (PDFDocEncoding cannot hold Korean or curly quotes
// reliably).
std::string pdf_text_bytes(const std::string& utf8);
bool is_plain_ascii(const std::string& s);

}  // namespace folio
