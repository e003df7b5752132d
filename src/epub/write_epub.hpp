#pragma once
// The EPUB 3 collection writer: one call turns a Pack (after the passes) into
// a complete .epub file.
#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

// Where a page of the PDF briefing pack begins, so the EPUB's page-list can
// send a reader to "page 7". `block_index` counts the post's top-level
// blocks (Post::doc.blocks); 0 means the page begins with the post itself,
// i.e. before its heading block. An index past the last block is ignored.
struct PageBreak {
    std::string post_slug;
    std::size_t block_index = 0;
    std::string label;  // the printed page number: "7", "xii"
};

struct EpubOptions {
    // dcterms:modified and every zip entry's time; the app passes
    // SOURCE_DATE_EPOCH. Nothing inside the writer reads a clock.
    std::int64_t modified = 0;
    // fonts/ of the source tree: every .ttf/.otf in it that covers a
    // character of the book is subset and embedded. Missing or empty: no
    // fonts are embedded and the reader's own are used.
    std::string fonts_dir;
    // The book's style sheet (folio's styles/epub.css), copied into it.
    std::string style_sheet;
    // The cover drawing as PNG. Empty: a text-only cover page, no cover image.
    std::vector<std::uint8_t> cover_png;
    // The PDF's page starts, in any order. Empty: no page-list, and the
    // metadata does not claim printPageNumbers.
    std::vector<PageBreak> page_breaks;
};

// Writes the whole EPUB to `path` (created or truncated). Problems in the
// posts (raw HTML that had to be dropped, unsafe URLs, missing images) are
// appended to `diags` as warnings at the post's file:line:col and the book is
// still written; the Result fails only when the file cannot be produced
// (unreadable stylesheet, zip errors). Same inputs give byte-identical files.
Result<void> write_epub(const Pack& pack, const EpubOptions& options, const std::string& path,
                        Diagnostics& diags);

// The warnings write_epub would give about the posts of `pack` (raw HTML
// dropped, images without alt text or not embedded, links that lead nowhere
// in the book), found by writing each post's page and throwing it away:
// `folio check` reports them without making a book.
void check_epub_pages(const Pack& pack, Diagnostics& diags);

}  // namespace folio
