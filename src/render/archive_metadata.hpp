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
// keywords and producer, the creator tool and dates, and the PDF/A-1b
// identification. Every value is XML-escaped.
std::string xmp_packet(const DocInfo& info, const std::string& producer);

// A PDF text string's bytes: ASCII as it is, anything else as UTF-16BE with
// a byte-order mark (PDFDocEncoding cannot hold Korean or curly quotes
// reliably).
std::string pdf_text_bytes(const std::string& utf8);
bool is_plain_ascii(const std::string& s);

}  // namespace folio
