#include "render/write_pdf.hpp"

#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "layout/page_size.hpp"
#include "render/render_pdf.hpp"

namespace folio {
namespace {

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm), so no
// time-zone database or gmtime state is involved.
void civil_from_days(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

}  // namespace

std::string iso_datetime_from_epoch(long long seconds) {
    long long days = seconds / 86400, rest = seconds % 86400;
    if (rest < 0) rest += 86400, --days;
    int y = 0, m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, int(rest / 3600), int(rest / 60 % 60),
                  int(rest % 60));
    return buf;
}

namespace {

// Hands laid-out pages to the rendering thread; bounded, so layout never
// runs more than `capacity` pages ahead whatever the pack's length. Cairo is
// the slower side, so pagination finishes when Cairo has at most this many
// pages left to draw, and the EPUB, which starts once the pages are
// numbered, is written beside those last pages instead of after them (with
// 32, it started only as Cairo finished). A pack of up to about a thousand
// pages is paginated without waiting at all.
class PageQueue {
public:
    bool push(Page&& page) {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_pages.size() < capacity || m_abandoned; });
        if (m_abandoned) return false;
        m_pages.push_back(std::move(page));
        m_ready.notify_one();
        return true;
    }
    std::optional<Page> pop() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_pages.empty() || m_closed; });
        if (m_pages.empty()) return std::nullopt;
        Page page = std::move(m_pages.front());
        m_pages.pop_front();
        m_space.notify_one();
        return page;
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.notify_all();
    }
    // The consumer gave up (a render error): producers stop waiting.
    void abandon() {
        std::lock_guard lock(m_mutex);
        m_abandoned = true;
        m_space.notify_all();
    }

private:
    static constexpr size_t capacity = 1024;
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<Page> m_pages;
    bool m_closed = false;
    bool m_abandoned = false;
};

}  // namespace

Result<void> write_pdf(const Pack& pack, const Style& style, const std::string& path, const PdfOptions& options,
                       int* pages, std::vector<PdfPageStart>* starts, PdfDigest* digest) {
    return write_pdf_editions(pack, style, path, {}, {}, options, pages, starts, digest);
}

Result<void> write_pdf_editions(const Pack& pack, const Style& style, const std::string& path,
                                const std::string& archive_path, const ArchiveOptions& archive,
                                const PdfOptions& options, int* pages, std::vector<PdfPageStart>* starts,
                                PdfDigest* digest) {
    LayoutOptions lo;
    lo.resources = options.resources;
    lo.threads = options.threads;
    lo.cache = options.cache;
    if (options.source_date_epoch) lo.create_date = iso_datetime_from_epoch(*options.source_date_epoch);
    else if (pack.edition.year > 0) lo.create_date = pack.edition.iso() + "T00:00:00Z";
    lo.on_laid_out = [&](const std::vector<PageStart>& laid_out) {
        if (starts) *starts = laid_out;
        if (options.on_laid_out) options.on_laid_out(laid_out);
    };
    const Style sized = sized_for(style, pack.page_size);

    if (!archive_path.empty()) {
        // Both editions replay the same pages: the archive on a thread of its
        // own while Cairo renders here (each only reads the pages; cairo's
        // font faces are locked by whoever uses them).
        Result<Layout> laid_out = layout_pack(pack, sized, lo);
        if (!laid_out) return Error{laid_out.error()};
        if (pages) *pages = static_cast<int>(laid_out->pages.size());
        Result<void> archived;
        {
            std::jthread archiver([&] { archived = render_archive(*laid_out, archive_path, archive); });
            if (!path.empty())
                if (auto r = render_pdf(*laid_out, path, digest); !r) return r;
        }
        return archived;
    }

    // Layout (on this thread and its workers) and rendering (on its own
    // thread) overlap: each page is drawn as soon as it is set, the front
    // matter last, and the writer then puts it first.
    Layout meta;
    PdfWriter writer(path);
    PageQueue queue;
    Result<void> render_result;
    int count = 0;
    std::jthread renderer([&] {
        while (std::optional<Page> page = queue.pop()) {
            if (!render_result) continue;  // drain after an error
            if (!path.empty()) render_result = writer.page(*page, meta.info);
            ++count;
            if (!render_result) queue.abandon();
        }
    });
    Result<int> laid_out = layout_pack_pages(
        pack, sized, lo,
        [&](Page&& page) -> Result<void> {
            if (!queue.push(std::move(page))) return Error{"rendering stopped"};
            return {};
        },
        meta);
    queue.close();
    renderer.join();
    if (!render_result) return render_result;
    if (!laid_out) return Error{laid_out.error()};
    if (pages) *pages = count;
    if (path.empty()) return {};
    auto closed = writer.close(meta.outline, *laid_out);
    if (closed && digest) *digest = writer.digest();
    return closed;
}

}  // namespace folio
