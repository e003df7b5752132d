#pragma once
// What the app calls to make a pack's PDF: layout and render in one step.
#include <optional>
#include <string>
#include <vector>

#include "layout/layout_pack.hpp"
#include "layout/style.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"
#include "render/render_archive.hpp"

namespace folio {

struct PdfOptions {
    // SOURCE_DATE_EPOCH as read by the app; unset: the pack's edition date at
    // midnight UTC. The clock is never read.
    std::optional<long long> source_date_epoch;
    int threads = 1;
    Resources resources = default_resources();
    FlowCache* cache = nullptr;  // flowed posts kept between builds (LayoutOptions::cache)
};

// "2023-10-21T09:30:00Z" from seconds since 1970 (UTC).
std::string iso_datetime_from_epoch(long long seconds);

// Where a printed page begins: post index in the pack, its top-level block
// (Page::block; -1 = the post's header) and the printed label. The EPUB's
// page-list is built from these.
struct PdfPageStart {
    int post = 0;
    int block = -1;
    std::string label;
};

// Lays out `pack` and writes it to `path` (a temporary path the caller
// renames into place). Returns the layout's page count through `pages` when
// given.
// When `starts` is given it receives every body page's start, in page order.
Result<void> write_pdf(const Pack& pack, const Style& style, const std::string& path, const PdfOptions& options = {},
                       int* pages = nullptr, std::vector<PdfPageStart>* starts = nullptr);

// Both PDF editions from one layout of `pack`: the typeset PDF (Cairo) at
// `path` and the archive edition (libharu, render_archive.hpp) at
// `archive_path`; an empty path skips that edition. The archive edition
// needs every page at once (its fonts are subset before the first page is
// drawn), so its pages are kept while the Cairo edition streams.
Result<void> write_pdf_editions(const Pack& pack, const Style& style, const std::string& path,
                                const std::string& archive_path, const ArchiveOptions& archive,
                                const PdfOptions& options = {}, int* pages = nullptr,
                                std::vector<PdfPageStart>* starts = nullptr);

}  // namespace folio
