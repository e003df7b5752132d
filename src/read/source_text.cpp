#include "read/source_text.hpp"

#include <cstdio>
#include <utility>

#include "model/utf8.hpp"

namespace folio::read {

namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

bool has_bom(std::string_view bytes) { return bytes.substr(0, bom.size()) == bom; }

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02x", c);
    return buf;
}

// Files that are not text at all, told by their first bytes: the usual
// mistakes are an image, a PDF or a Word file saved into input/ as .md.
const char* binary_kind(std::string_view bytes) {
    static const std::pair<std::string_view, const char*> signatures[] = {
        {"\x89PNG\r\n\x1a\n", "a PNG image"}, {"\xFF\xD8\xFF", "a JPEG image"}, {"GIF8", "a GIF image"},
        {"%PDF-", "a PDF file"},  {"PK\x03\x04", "a ZIP archive (or a Word, EPUB or OpenDocument file)"},
        {"\xD0\xCF\x11\xE0", "an old Word or Office file"}, {"\x1F\x8B", "a gzip archive"},
    };
    for (const auto& [magic, kind] : signatures)
        if (bytes.substr(0, magic.size()) == magic) return kind;
    return nullptr;
}

}  // namespace

SourceText::SourceText(std::string text) : m_text(std::move(text)) {
    m_line_starts.push_back(0);
    for (std::size_t i = 0; i < m_text.size(); ++i)
        if (m_text[i] == '\n' && i + 1 < m_text.size()) m_line_starts.push_back(i + 1);
}

std::size_t SourceText::line_start(std::size_t n) const {
    if (n == 0 || n > m_line_starts.size()) return m_text.size();
    return m_line_starts[n - 1];
}

std::string_view SourceText::line(std::size_t n) const {
    if (n == 0 || n > m_line_starts.size()) return {};
    const std::size_t start = m_line_starts[n - 1];
    std::size_t end = m_text.find('\n', start);
    if (end == std::string::npos) end = m_text.size();
    return std::string_view(m_text).substr(start, end - start);
}

SourcePos SourceText::position_of(std::size_t offset) const {
    std::size_t lo = 0, hi = m_line_starts.size();
    while (hi - lo > 1) {
        const std::size_t mid = (lo + hi) / 2;
        if (m_line_starts[mid] <= offset) lo = mid; else hi = mid;
    }
    return {static_cast<std::uint32_t>(lo + 1), static_cast<std::uint32_t>(offset - m_line_starts[lo] + 1)};
}

SourcePos raw_position(std::string_view bytes, std::size_t offset) {
    std::uint32_t line = 1;
    std::size_t line_start = has_bom(bytes) ? bom.size() : 0;
    for (std::size_t i = line_start; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
            ++line;
            line_start = i + 1;
        }
    }
    if (offset < line_start) offset = line_start;  // an offset inside the BOM
    return {line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

std::optional<SourceText> prepare_source(const std::string& path, std::string_view bytes,
                                         Diagnostics& diags) {
    if (const char* kind = binary_kind(bytes)) {
        diags.error(path, {1, 1}, std::string("not a text file: it begins like ") + kind,
                    "a post is Markdown text; images belong in input/images/, shown from a post with "
                    "![description](images/NAME)");
        return std::nullopt;
    }
    if (auto bad = utf8_invalid_at(bytes)) {
        diags.error(path, raw_position(bytes, *bad),
                    "invalid UTF-8 byte " + hex_byte(static_cast<unsigned char>(bytes[*bad])) +
                        " at byte offset " + std::to_string(*bad),
                    "save the file as UTF-8");
        return std::nullopt;
    }
    if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        diags.error(path, raw_position(bytes, nul), "NUL byte at byte offset " + std::to_string(nul),
                    "a text file has no NUL bytes: was a binary file saved as .md?");
        return std::nullopt;
    }
    std::string_view body = has_bom(bytes) ? bytes.substr(bom.size()) : bytes;
    if (body.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
        diags.error(path, {1, 1}, body.empty() ? "empty file" : "file contains only whitespace",
                    "a post starts with front matter (---, title:, date:, kind:, ---) and then its text");
        return std::nullopt;
    }
    std::string text;
    text.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] == '\r') {
            text += '\n';
            if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
        } else {
            text += body[i];
        }
    }
    return SourceText(std::move(text));
}

}  // namespace folio::read
