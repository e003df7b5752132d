#pragma once
// What the app calls to make a pack's PDF: layout and render in one step.
#include <optional>
#include <string>

#include "layout/layout_pack.hpp"
#include "layout/style.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

struct PdfOptions {
    // SOURCE_DATE_EPOCH as read by the app; unset: the pack's edition date at
    // midnight UTC. The clock is never read.
    std::optional<long long> source_date_epoch;
    int threads = 1;
    Resources resources = default_resources();
};

// "2023-10-21T09:30:00Z" from seconds since 1970 (UTC).
std::string iso_datetime_from_epoch(long long seconds);

// Lays out `pack` and writes it to `path` (a temporary path the caller
// renames into place). Returns the layout's page count through `pages` when
// given.
Result<void> write_pdf(const Pack& pack, const Style& style, const std::string& path, const PdfOptions& options = {},
                       int* pages = nullptr);

}  // namespace folio
