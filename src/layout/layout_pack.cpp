#include "layout/layout_pack.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "layout/flow.hpp"
#include "layout/flow_codec.hpp"
#include "layout/front_matter.hpp"
#include "layout/paginate.hpp"
#include "layout/type_context.hpp"
#include "version.hpp"

namespace folio {
namespace {

DocInfo doc_info(const Pack& pack, const LayoutOptions& options) {
    DocInfo info;
    info.title = pack.title;
    info.subject = pack.subtitle;
    info.author = pack.site.name;
    std::vector<std::string> tags;
    for (const auto& p : pack.posts)
        for (const auto& t : p.meta.tags)
            if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    std::sort(tags.begin(), tags.end());
    for (size_t i = 0; i < tags.size(); ++i) info.keywords += (i ? ", " : "") + tags[i];
    info.creator = std::string("folio ") + folio::version;
    info.create_date = options.create_date;
    return info;
}

}  // namespace

Result<int> layout_pack_pages(const Pack& pack, const Style& style, const LayoutOptions& options,
                              const std::function<Result<void>(Page&&)>& on_page, Layout& meta) {
    const size_t n = pack.posts.size();
    const size_t threads = std::clamp<size_t>(static_cast<size_t>(std::max(1, options.threads)), 1, std::max<size_t>(1, n));
    meta.info = doc_info(pack, options);

    // Workers flow posts (each with its own TypeContext, taking every
    // threads-th post, so the split never depends on timing); this thread
    // paginates them in order as they become ready. Every post starts a new
    // page and nothing runs across posts, so paginating post by post gives
    // the same pages as paginating the whole pack at once.
    std::vector<std::optional<Result<PostFlow>>> flows(n);
    // A post's galley depends on the post alone (its index and its folder are
    // set when it is decoded), so a kept galley replaces flowing it; one that
    // does not decode is never trusted.
    auto flow_one = [&](TypeContext& tc, size_t i) -> Result<PostFlow> {
        if (options.cache) {
            if (std::optional<std::string> kept = options.cache->find(i)) {
                Result<PostFlow> decoded = decode_flow(*kept, tc, static_cast<int>(i), post_folder(pack.posts[i]));
                if (decoded) return decoded;
                options.cache->reject(i, decoded.error());
            }
        }
        Result<PostFlow> flow = flow_post(tc, style, pack.posts[i], static_cast<int>(i));
        if (flow && options.cache) options.cache->keep(i, encode_flow(*flow, post_folder(pack.posts[i])));
        return flow;
    };
    std::mutex mutex;
    std::condition_variable ready;
    bool stop = false;
    auto work = [&](size_t slot) {
        auto tc = TypeContext::create(options.resources);
        for (size_t i = slot; i < n; i += threads) {
            {
                std::lock_guard lock(mutex);
                if (stop) return;
            }
            Result<PostFlow> flow = tc ? flow_one(*tc.value(), i) : Result<PostFlow>(Error{tc.error()});
            std::lock_guard lock(mutex);
            flows[i].emplace(std::move(flow));
            ready.notify_all();
        }
    };
    std::vector<std::jthread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work, t);
    auto halt = [&] {
        std::lock_guard lock(mutex);
        stop = true;
    };

    auto tc = TypeContext::create(options.resources);
    if (!tc) {
        halt();
        return Error{tc.error()};
    }
    PaginateInput input;
    input.pack_title = pack.title;
    for (const auto& p : pack.posts) input.post_titles.push_back(p.meta.title);
    // The body is laid out first and goes out as it is set: the contents
    // print its page numbers, which start at 1 whatever the front matter's
    // length, so the front matter is set after it and goes out last.
    std::vector<PageStart> starts;
    auto emit = [&](Page&& page) -> Result<void> {
        if (page.post >= 0) starts.push_back({page.post, page.block, page.label});
        return on_page(std::move(page));
    };
    FrontMatterInput front;
    int pages = 0;
    for (size_t i = 0; i < n; ++i) {
        Result<PostFlow> flow = Error{""};
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return flows[i].has_value(); });
            flow = std::move(*flows[i]);
            flows[i].reset();
        }
        if (!flow) {
            halt();
            return Error{flow.error()};
        }
        for (auto& o : flow->outline) meta.outline.push_back(std::move(o));
        // For duplex printing a post may have to start on a right-hand
        // (odd) page: a blank page, without folio, fills the gap.
        if (pack.start_on_right && pages % 2 == 1) {
            Page blank;
            blank.width = style.page_width;
            blank.height = style.page_height;
            blank.set_number(PageNumbering::decimal, ++pages);
            if (auto r = emit(std::move(blank)); !r) {
                halt();
                return Error{r.error()};
            }
        }
        input.first_page_number = pages + 1;
        front.post_pages.push_back(pages + 1);
        for (Page& page : paginate(*tc.value(), style, std::move(flow->galley), input)) {
            ++pages;
            if (auto r = emit(std::move(page)); !r) {
                halt();
                return Error{r.error()};
            }
        }
    }

    // The pack's own reference list closes the body, on a page of its own.
    if (!pack.references.empty()) {
        PostFlow refs = flow_reference_section(*tc.value(), style, pack.references, static_cast<int>(n));
        for (auto& o : refs.outline) meta.outline.push_back(std::move(o));
        input.post_titles.push_back("References");
        if (pack.start_on_right && pages % 2 == 1) {
            Page blank;
            blank.width = style.page_width;
            blank.height = style.page_height;
            blank.set_number(PageNumbering::decimal, ++pages);
            if (auto r = emit(std::move(blank)); !r) return Error{r.error()};
        }
        input.first_page_number = pages + 1;
        for (Page& page : paginate(*tc.value(), style, std::move(refs.galley), input)) {
            ++pages;
            page.post = -1;  // not a post: no EPUB page-list entry points into it
            page.block = -1;
            if (auto r = emit(std::move(page)); !r) return Error{r.error()};
        }
    }

    if (!options.front_matter) {
        if (options.on_laid_out) options.on_laid_out(starts);
        return 0;
    }
    const auto day = parse_iso_date(options.create_date.substr(0, std::min<size_t>(10, options.create_date.size())));
    front.build_date = long_date(day ? *day : pack.edition);
    auto front_pages = layout_front_matter(*tc.value(), pack, style, front);
    if (!front_pages) return Error{front_pages.error()};
    meta.outline.insert(meta.outline.begin(), {{"Cover", 1, cover_dest}, {"Contents", 1, contents_dest}});
    if (options.on_laid_out) options.on_laid_out(starts);
    for (Page& page : *front_pages)
        if (auto r = on_page(std::move(page)); !r) return Error{r.error()};
    return static_cast<int>(front_pages->size());
}

Result<Layout> layout_pack(const Pack& pack, const Style& style, const LayoutOptions& options) {
    Layout layout;
    auto r = layout_pack_pages(
        pack, style, options,
        [&](Page&& page) -> Result<void> {
            layout.pages.push_back(std::move(page));
            return {};
        },
        layout);
    if (!r) return Error{r.error()};
    std::rotate(layout.pages.begin(), layout.pages.end() - *r, layout.pages.end());  // the front matter first
    layout.front_pages = *r;
    return layout;
}

}  // namespace folio
