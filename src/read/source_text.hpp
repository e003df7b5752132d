#pragma once
// The raw bytes of an input file checked and normalised once, before any
// parser sees them: valid UTF-8 without NUL bytes, a leading BOM dropped,
// CRLF and lone CR turned into LF. Line and column numbers are unchanged by
// the normalisation (a CR only ever ends a line), so every later position is
// a position in the file as the author sees it. Columns count bytes, 1-based,
// after the BOM (as GCC's -fdiagnostics-column-unit=byte does).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/source_pos.hpp"

namespace folio::read {

class SourceText {
public:
    explicit SourceText(std::string text);

    const std::string& text() const { return m_text; }
    std::size_t line_count() const { return m_line_starts.size(); }
    // Line n (1-based) without its newline; empty past the end.
    std::string_view line(std::size_t n) const;
    // Byte offset in text() of line n's first byte.
    std::size_t line_start(std::size_t n) const;
    // Line and column of a byte offset in text().
    SourcePos position_of(std::size_t offset) const;

private:
    std::string m_text;
    std::vector<std::size_t> m_line_starts;
};

// Line and column of a byte offset in raw, unnormalised bytes: CRLF, CR and
// LF each end one line; a leading BOM does not count as columns.
SourcePos raw_position(std::string_view bytes, std::size_t offset);

// Checks and normalises a file. Reports invalid UTF-8 (with its byte offset),
// a NUL byte and an empty or whitespace-only file; nullopt after any of them.
std::optional<SourceText> prepare_source(const std::string& path, std::string_view bytes,
                                         Diagnostics& diags);

}  // namespace folio::read
