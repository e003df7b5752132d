#pragma once
// Replays a Layout onto a Cairo PDF surface (text as real text with embedded
// subset fonts, links, destinations, outline, page labels, tagged structure,
// metadata) and onto an image surface for page previews.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layout/items.hpp"
#include "model/digest.hpp"
#include "model/result.hpp"

namespace folio {

// A finished PDF's size and SHA-256, taken from the bytes as they were
// written (cairo's and the incremental updates after them), so that
// build.json's record needs no second pass over the file.
struct PdfDigest {
    std::uint64_t bytes = 0;
    Sha256 sha256{};
};

// Writes a PDF page by page, as pages are laid out (the document info is
// taken from the first call). Not thread-safe: one thread feeds it.
class PdfWriter {
public:
    explicit PdfWriter(std::string path);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    Result<void> page(const Page& page, const DocInfo& info);
    // Adds the outline and finishes the file; fails if no page was written.
    // The last `front_pages` pages written (the front matter, set after the
    // body) are then put first (render/front_first).
    Result<void> close(const std::vector<OutlineEntry>& outline, int front_pages = 0);
    // The file's size and digest, once close() has succeeded.
    const PdfDigest& digest() const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Writes `path` (the caller renames it into place). Identical layouts give
// byte-identical files: the creation date comes from DocInfo, never the clock.
// `digest`, when given, receives the finished file's (PdfWriter::digest).
Result<void> render_pdf(const Layout& layout, const std::string& path, PdfDigest* digest = nullptr);

// Page `page` (0-based) as a PNG at `dpi` on a white background.
Result<void> render_page_png(const Layout& layout, int page, double dpi, const std::string& path);

// One page as PNG bytes, in memory (the EPUB's cover image).
Result<std::vector<std::uint8_t>> render_page_png_bytes(const Page& page, double dpi);

}  // namespace folio
