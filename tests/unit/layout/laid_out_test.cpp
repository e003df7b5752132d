// LayoutOptions::on_laid_out: the page starts a writer beside the PDF (the
// EPUB's page-list) needs, given once every page is set and, with front
// matter, before the front matter's pages (set last) go out. And the body's
// pages go out as they are set: nothing holds the pack.
#include <doctest/doctest.h>

#include "layout/layout_pack.hpp"
#include "pack_builder.hpp"
#include "test_support.hpp"

using namespace folio;
using namespace folio::test;

namespace {

Pack three_posts() {
    return pack({post("a", "First", {heading(2, "One", "one"), para(words(500, 1)), para(words(300, 2))}),
                 post("b", "Second", {para(words(40, 3))}),
                 post("c", "Third", {para(words(200, 4)), heading(2, "Two", "two"), para(words(400, 5))})});
}

struct Seen {
    std::vector<Page> pages;
    std::vector<PageStart> starts;
    int calls = 0;
    std::size_t pages_before_call = 0;
    int front_pages = 0;  // went out last, belong first
};

Seen lay(bool front_matter) {
    Seen seen;
    LayoutOptions o;
    o.resources = test_resources();
    o.threads = 2;
    o.front_matter = front_matter;
    o.on_laid_out = [&](const std::vector<PageStart>& starts) {
        ++seen.calls;
        seen.pages_before_call = seen.pages.size();
        seen.starts = starts;
    };
    Layout meta;
    auto r = layout_pack_pages(
        three_posts(), Style{}, o,
        [&](Page&& page) -> Result<void> {
            seen.pages.push_back(std::move(page));
            return {};
        },
        meta);
    REQUIRE_MESSAGE(r.ok(), r.error());
    seen.front_pages = *r;
    return seen;
}

// What the starts must be: every page that begins in a post, in page order.
std::vector<PageStart> starts_of(const std::vector<Page>& pages) {
    std::vector<PageStart> out;
    for (const Page& p : pages)
        if (p.post >= 0) out.push_back({p.post, p.block, p.label});
    return out;
}

bool same(const std::vector<PageStart>& a, const std::vector<PageStart>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].post != b[i].post || a[i].block != b[i].block || a[i].label != b[i].label) return false;
    return true;
}

}  // namespace

TEST_CASE("with front matter the body goes out as it is set, then the page starts, then the front matter") {
    const Seen seen = lay(true);
    CHECK(seen.calls == 1);
    REQUIRE(seen.front_pages >= 3);  // cover, inside cover, contents
    REQUIRE(seen.pages.size() > static_cast<std::size_t>(seen.front_pages));
    CHECK(seen.pages_before_call == seen.pages.size() - static_cast<std::size_t>(seen.front_pages));
    CHECK(seen.pages.front().label == "1");
    CHECK(seen.pages[seen.pages_before_call].label == "i");
    REQUIRE(seen.starts.size() >= 4);  // the first post runs over pages
    CHECK(seen.starts.front().post == 0);
    CHECK(seen.starts.front().label == "1");
    CHECK(seen.starts.back().post == 2);
    CHECK(same(seen.starts, starts_of(seen.pages)));
}

TEST_CASE("without front matter the page starts come once the last page is set") {
    const Seen seen = lay(false);
    CHECK(seen.calls == 1);
    CHECK(seen.front_pages == 0);
    CHECK(seen.pages_before_call == seen.pages.size());
    CHECK(same(seen.starts, starts_of(seen.pages)));
}

TEST_CASE("a layout stopped by its consumer never reports page starts") {
    LayoutOptions o;
    o.resources = test_resources();
    o.front_matter = false;  // pages go out as they are set, so the first one stops it
    int calls = 0;
    o.on_laid_out = [&](const std::vector<PageStart>&) { ++calls; };
    Layout meta;
    auto r = layout_pack_pages(
        three_posts(), Style{}, o, [&](Page&&) -> Result<void> { return Error{"stop"}; }, meta);
    CHECK_FALSE(r.ok());
    CHECK(calls == 0);
}
