// folio-pdf-bench INPUT_DIR OUT.pdf [--threads N] [--stream] [--no-hyphenation]
//                 [--png PAGE DPI FILE] [--dump FILE]
//
// Reads INPUT_DIR as `folio build` does (load_project + prepare_packs; the first pack), lays
// the pack out and renders it to OUT.pdf, and prints pages, timings, pages/s
// and peak memory. By default layout then rendering, timed apart; --stream
// runs write_pdf as the app does (rendering overlaps layout). Also the e2e tests' way to make a PDF without the app.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "app/packs.hpp"
#include "app/project.hpp"
#include "layout/dump.hpp"
#include "layout/layout_pack.hpp"
#include "render/render_pdf.hpp"
#include "render/write_pdf.hpp"

using namespace folio;
using Clock = std::chrono::steady_clock;

namespace {
// CPU seconds of the whole process (all threads): on a shared machine the
// wall time says more about the neighbours than about folio.
double cpu_seconds() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: folio-pdf-bench INPUT_DIR OUT.pdf [--threads N] [--png PAGE DPI FILE] [--dump FILE]\n";
        return 2;
    }
    int threads = 1;
    bool no_hyphenation = false;
    bool stream = false;
    int png_page = -1;
    double png_dpi = 60;
    std::string png_file, dump_file;
    for (int i = 3; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
        else if (a == "--png" && i + 3 < argc) {
            png_page = std::atoi(argv[++i]) - 1;
            png_dpi = std::atof(argv[++i]);
            png_file = argv[++i];
        } else if (a == "--dump" && i + 1 < argc) dump_file = argv[++i];
        else if (a == "--no-hyphenation") no_hyphenation = true;
        else if (a == "--stream") stream = true;
        else {
            std::cerr << "folio-pdf-bench: unknown argument " << a << "\n";
            return 2;
        }
    }
    const auto t0 = Clock::now();
    Diagnostics diags;
    auto project = load_project(argv[1], diags);
    if (!project) {
        std::cerr << "folio-pdf-bench: " << project.error() << "\n";
        return 1;
    }
    if (diags.has_errors()) {
        std::cerr << "folio-pdf-bench: the input has errors (run folio check)\n";
        return 1;
    }
    PackStyles styles;
    std::vector<Pack> packs = prepare_packs(*project, diags, &styles);
    if (packs.empty() || diags.has_errors()) {
        std::cerr << "folio-pdf-bench: no pack to build (run folio check)\n";
        return 1;
    }
    Pack& pack = packs.front();
    // The pack's own style, as folio build uses it.
    Style style = styles.per_pack.front();
    if (no_hyphenation) style.hyphenate = false;
    const auto t1 = Clock::now();
    const double c1 = cpu_seconds();

    if (stream) {
        // What the app does: layout and rendering overlap, pages stream.
        PdfOptions po;
        po.threads = threads;
        if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) po.source_date_epoch = std::atoll(sde);
        int pages = 0;
        auto r = write_pdf(pack, style, argv[2], po, &pages);
        if (!r) {
            std::cerr << "folio-pdf-bench: " << r.error() << "\n";
            return 1;
        }
        const auto t2 = Clock::now();
        const double c2 = cpu_seconds();
        const double wall = std::chrono::duration<double>(t2 - t1).count();
        rusage ru{};
        getrusage(RUSAGE_SELF, &ru);
        std::printf("posts %zu pages %d threads %d (streaming)\n", pack.posts.size(), pages, threads);
        std::printf("read %.3f s, layout+render %.3f s (cpu %.3f s)\n",
                    std::chrono::duration<double>(t1 - t0).count(), wall, c2 - c1);
        std::printf("layout+render %.0f pages/s, end to end %.0f pages/s, peak RSS %.0f MB\n", pages / wall,
                    pages / std::chrono::duration<double>(t2 - t0).count(), ru.ru_maxrss / 1024.0);
        return 0;
    }
    LayoutOptions lo;
    lo.threads = threads;
    // The benchmark never reads the clock into the output either.
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) lo.create_date = iso_datetime_from_epoch(std::atoll(sde));
    else lo.create_date = pack.edition.iso() + "T00:00:00Z";
    auto layout = layout_pack(pack, style, lo);
    if (!layout) {
        std::cerr << "folio-pdf-bench: " << layout.error() << "\n";
        return 1;
    }
    const auto t2 = Clock::now();
    const double c2 = cpu_seconds();
    auto rendered = render_pdf(*layout, argv[2]);
    if (!rendered) {
        std::cerr << "folio-pdf-bench: " << rendered.error() << "\n";
        return 1;
    }
    const auto t3 = Clock::now();
    const double c3 = cpu_seconds();
    if (png_page >= 0) {
        auto r = render_page_png(*layout, png_page, png_dpi, png_file);
        if (!r) std::cerr << "folio-pdf-bench: " << r.error() << "\n";
    }
    if (!dump_file.empty()) std::ofstream(dump_file) << dump_layout(*layout);

    auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    const double pages = static_cast<double>(layout->pages.size());
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("posts %zu pages %zu threads %d\n", pack.posts.size(), layout->pages.size(), threads);
    std::printf("read %.3f s, layout %.3f s, render %.3f s, total %.3f s\n", secs(t0, t1), secs(t1, t2), secs(t2, t3),
                secs(t0, t3));
    std::printf("cpu: layout %.3f s, render %.3f s\n", c2 - c1, c3 - c2);
    std::printf("layout+render %.0f pages/s, end to end %.0f pages/s, peak RSS %.0f MB\n", pages / secs(t1, t3),
                pages / secs(t0, t3), ru.ru_maxrss / 1024.0);
    return 0;
}
