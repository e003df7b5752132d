#pragma once
// The typesetter's entry point: a Pack in, a Layout (pages of positioned
// items, outline, document info) out.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/items.hpp"
#include "layout/style.hpp"
#include "model/pack.hpp"
#include "model/result.hpp"

namespace folio {

// Where layout keeps flowed posts between builds (the app's build cache
// implements it; layout never sees files or keys). The layout threads call it
// at the same time, so implementations are thread-safe.
class FlowCache {
public:
    virtual ~FlowCache() = default;
    // Post `post` of the pack as encode_flow wrote it in an earlier build.
    virtual std::optional<std::string> find(std::size_t post) = 0;
    // What find gave did not decode (`why`): the post is flowed again.
    virtual void reject(std::size_t post, const std::string& why) = 0;
    // The post's freshly flowed galley, encoded, to keep for later builds.
    virtual void keep(std::size_t post, std::string_view encoded) = 0;
};

// Where a body page begins: the post's index in the pack, the top-level block
// its first line belongs to (Page::block; -1 = the post's header) and the
// printed label. The EPUB's page-list is built from these.
struct PageStart {
    int post = 0;
    int block = -1;
    std::string label;
};

struct LayoutOptions {
    Resources resources = default_resources();
    int threads = 1;            // posts are flowed in parallel; output is the same for any count
    std::string create_date;    // ISO 8601 (from SOURCE_DATE_EPOCH); goes into DocInfo and the colophon
    // Cover, inside cover and contents before the posts (roman page labels);
    // off: the posts alone, from page 1 (tests of the body's pagination).
    bool front_matter = true;
    // Flowed posts from earlier builds; null: every post is flowed.
    FlowCache* cache = nullptr;
    // Called once, on the calling thread, as soon as every page is set: with
    // the start of each page that begins in a post, in page order. With front
    // matter that is before the front matter's pages go out, so whatever
    // needs only the page numbers (the EPUB's page-list) can start while the
    // last pages render.
    std::function<void(const std::vector<PageStart>&)> on_laid_out;
};

// Fails on missing fonts or patterns, and on bad images (with the post's path).
Result<Layout> layout_pack(const Pack& pack, const Style& style, const LayoutOptions& options);

// The same, streaming: each page goes to `on_page` as soon as it is set and
// nobody holds the whole pack's pages. With front matter the body goes out
// first: the contents print the body's page numbers, which start at 1
// whatever the front matter's length, so the cover, inside cover and
// contents are set (and go out) last. Gives the number of pages that went
// out last but belong first (0 without front matter): a consumer puts them
// first (layout_pack rotates its pages; the Cairo edition appends an update,
// render/front_first). `meta` receives the outline and document info (its
// pages stay empty). Stops at the first error, `on_page`'s included.
Result<int> layout_pack_pages(const Pack& pack, const Style& style, const LayoutOptions& options,
                              const std::function<Result<void>(Page&&)>& on_page, Layout& meta);

}  // namespace folio
