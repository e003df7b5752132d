#pragma once
// The typesetter's entry point: a Pack in, a Layout (pages of positioned
// items, outline, document info) out.
#include <string>

#include "layout/items.hpp"
#include "layout/style.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

struct LayoutOptions {
    Resources resources = default_resources();
    int threads = 1;            // posts are flowed in parallel; output is the same for any count
    std::string create_date;    // ISO 8601 (from SOURCE_DATE_EPOCH); goes into DocInfo
};

// Fails on missing fonts or patterns, and on bad images (with the post's path).
Result<Layout> layout_pack(const Pack& pack, const Style& style, const LayoutOptions& options);

}  // namespace folio
