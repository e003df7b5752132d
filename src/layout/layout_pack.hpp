#pragma once
// The typesetter's entry point: a Pack in, a Layout (pages of positioned
// items, outline, document info) out.
#include <functional>
#include <string>

#include "layout/items.hpp"
#include "layout/style.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

struct LayoutOptions {
    Resources resources = default_resources();
    int threads = 1;            // posts are flowed in parallel; output is the same for any count
    std::string create_date;    // ISO 8601 (from SOURCE_DATE_EPOCH); goes into DocInfo and the colophon
    // Cover, inside cover and contents before the posts (roman page labels);
    // off: the posts alone, from page 1 (tests of the body's pagination).
    bool front_matter = true;
};

// Fails on missing fonts or patterns, and on bad images (with the post's path).
Result<Layout> layout_pack(const Pack& pack, const Style& style, const LayoutOptions& options);

// The same, streaming: each page goes to `on_page` in order. With front
// matter the body's pages are held until the contents (which print their
// page numbers) are set, then everything goes out: rendering overlaps only
// the front matter. Without front matter each page goes out as soon as it is
// set and nobody holds the whole pack's pages. `meta` receives the outline
// and document info (its pages stay empty). Stops at the first error,
// `on_page`'s included.
Result<void> layout_pack_pages(const Pack& pack, const Style& style, const LayoutOptions& options,
                               const std::function<Result<void>(Page&&)>& on_page, Layout& meta);

}  // namespace folio
