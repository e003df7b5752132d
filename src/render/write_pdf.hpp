#pragma once
// What the app calls to make a pack's PDF: layout and render in one step.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout_pack.hpp"
#include "layout/style.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"
#include "render/render_archive.hpp"
#include "render/render_pdf.hpp"

namespace folio {

// Where a printed page begins (layout's PageStart): the EPUB's page-list is
// built from these.
using PdfPageStart = PageStart;

struct PdfOptions {
    // SOURCE_DATE_EPOCH as read by the app; unset: the pack's edition date at
    // midnight UTC. The clock is never read.
    std::optional<long long> source_date_epoch;
    int threads = 1;
    Resources resources = default_resources();
    FlowCache* cache = nullptr;  // flowed posts kept between builds (LayoutOptions::cache)
    // LayoutOptions::on_laid_out: every body page's start, once layout is
    // done and before rendering is (writers that need only the page numbers
    // start on another thread then).
    std::function<void(const std::vector<PdfPageStart>&)> on_laid_out;
};

// "2023-10-21T09:30:00Z" from seconds since 1970 (UTC).
std::string iso_datetime_from_epoch(long long seconds);

// Lays out `pack` and writes it to `path` (a temporary path the caller
// renames into place). Returns the layout's page count through `pages` when
// given.
// When `starts` is given it receives every body page's start, in page order;
// `digest`, the finished file's size and SHA-256 (render_pdf.hpp).
Result<void> write_pdf(const Pack& pack, const Style& style, const std::string& path, const PdfOptions& options = {},
                       int* pages = nullptr, std::vector<PdfPageStart>* starts = nullptr, PdfDigest* digest = nullptr);

// Both PDF editions from one layout of `pack`: the typeset PDF (Cairo) at
// `path` and the archive edition (libharu, render_archive.hpp) at
// `archive_path`; an empty path skips that edition. The archive edition
// needs every page at once (its fonts are subset before the first page is
// drawn), so with it the pages are kept and the two editions are rendered
// side by side, each on its own thread, once layout is done. `digest` is the
// typeset PDF's.
Result<void> write_pdf_editions(const Pack& pack, const Style& style, const std::string& path,
                                const std::string& archive_path, const ArchiveOptions& archive,
                                const PdfOptions& options = {}, int* pages = nullptr,
                                std::vector<PdfPageStart>* starts = nullptr, PdfDigest* digest = nullptr);

}  // namespace folio
