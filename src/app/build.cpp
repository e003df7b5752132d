#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include "app/commands.hpp"
#include "app/build_cache.hpp"
#include "app/archive_sources.hpp"
#include "app/source_files.hpp"
#include "app/build_report.hpp"
#include "app/files.hpp"
#include "app/shipped_files.hpp"
#include "app/interrupt_guard.hpp"
#include "app/output_lock.hpp"
#include "app/pack_reuse.hpp"
#include "app/packs.hpp"
#include "app/parallel.hpp"
#include "app/progress.hpp"
#include "app/project.hpp"
#include "app/report.hpp"
#include "epub/write_epub.hpp"
#include "layout/page_size.hpp"
#include "model/digest.hpp"
#include "render/cover_png.hpp"
#include "render/write_pdf.hpp"

// `folio build`: read and check everything, then run each writer into a
// temporary file that is renamed into place only when complete.

namespace folio {

namespace fs = std::filesystem;

namespace {

// Midnight UTC of a calendar date as Unix seconds (days-from-civil), for
// outputs dated by the newest post when SOURCE_DATE_EPOCH is unset.
std::int64_t epoch_of(const Date& d) {
    const std::int64_t y = d.month <= 2 ? d.year - 1 : d.year;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t m = d.month;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (era * 146097 + doe - 719468) * 86400;
}

// The EPUB: written into `output`'s temporary file.
// The EPUB's page-list points at the PDF's pages: each page's post and the
// top-level block it begins in (a page that begins with the post's header
// points before the heading block).
std::vector<PageBreak> page_breaks(const Pack& pack, const std::vector<PdfPageStart>& starts) {
    std::vector<PageBreak> out;
    for (const PdfPageStart& s : starts) {
        if (s.post < 0 || static_cast<std::size_t>(s.post) >= pack.posts.size()) continue;
        out.push_back({pack.posts[static_cast<std::size_t>(s.post)].slug, static_cast<std::size_t>(std::max(0, s.block)),
                       s.label});
    }
    return out;
}

Result<void> write_epub_output(const Pack& pack, const Style& style, const BuildOptions& options,
                               const AtomicOutput& output, const std::vector<PdfPageStart>& pdf_pages,
                               Diagnostics& diags) {
    EpubOptions epub;
    // The cover image is the PDF's cover drawing, about 1,600 px tall.
    const double page_height = sized_for(style, pack.page_size).page_height;
    auto cover = render_cover_png(pack, style, 1600.0 / page_height * 72.0);
    if (!cover) return Error{"cover: " + cover.error()};
    epub.cover_png = std::move(*cover);
    epub.page_breaks = page_breaks(pack, pdf_pages);
    epub.modified = options.source_date_epoch.value_or(pack.edition.year > 0 ? epoch_of(pack.edition) : 0);
    epub.fonts_dir = shipped_fonts_dir().string();
    epub.style_sheet = shipped_epub_style_sheet().string();
    return write_epub(pack, epub, output.temp_path().string(), diags);
}

// A pack's EPUB needs only the PDF's page numbers, known once layout is done:
// it is written on a thread of its own then, while Cairo renders the PDF on
// another (the two cores both busy). Destroyed, it waits for its thread
// first, then removes an uncommitted temporary file.
struct EpubJob {
    std::unique_ptr<AtomicOutput> output;
    Result<void> result;
    Diagnostics diags;
    std::jthread thread;  // last: joined before the members it writes go

    void start(const Pack& pack, const Style& style, const BuildOptions& options, std::vector<PdfPageStart> starts) {
        thread = std::jthread([this, &pack, &style, &options, starts = std::move(starts)] {
            result = write_epub_output(pack, style, options, *output, starts, diags);
        });
    }
};

// The typeset PDF (`output`) and the archive edition (`archive`), either
// may be null: laid out once, rendered into their temporary files. `digest`
// receives the typeset PDF's size and SHA-256, taken as it was written.
Result<void> write_pdf_output(const Pack& pack, const Style& style, const BuildOptions& options,
                              const AtomicOutput* output, const AtomicOutput* archive,
                              std::vector<PdfPageStart>& starts, int& pages, PdfDigest& digest, FlowCache* cache,
                              SourceFiles& sources, const fs::path& style_file,
                              std::function<void(const std::vector<PdfPageStart>&)> on_laid_out) {
    PdfOptions pdf;
    if (options.source_date_epoch) pdf.source_date_epoch = static_cast<long long>(*options.source_date_epoch);
    pdf.threads = static_cast<int>(effective_jobs(options.jobs));
    // The cache's keys were made from the very style layout gets.
    pdf.cache = cache;
    pdf.on_laid_out = std::move(on_laid_out);
    ArchiveOptions archived;
    if (archive) {
        auto attached = archive_sources(pack, options.input_dir, sources, style_file);
        if (!attached) return Error{attached.error()};
        archived.attachments = std::move(*attached);
    }
    // One layout for both editions.
    return write_pdf_editions(pack, style, output ? output->temp_path().string() : std::string{},
                              archive ? archive->temp_path().string() : std::string{}, archived, pdf, &pages, &starts,
                              &digest);
}

// A time for --verbose lines: "12.3 ms".
std::string milliseconds(double ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", ms);
    return text;
}

// Wall-clock milliseconds of a stage, for the report (and with --verbose
// standard error) only: timings never reach an output file.
class StageTimer {
public:
    StageTimer(BuildReport& report, std::ostream* verbose) : m_report(report), m_verbose(verbose) {}
    void done(const char* stage) {
        const auto now = std::chrono::steady_clock::now();
        const double ms = std::chrono::duration<double, std::milli>(now - m_start).count();
        m_report.stage_ms.emplace_back(stage, ms);
        if (m_verbose) *m_verbose << "folio: stage " << stage << ": " << milliseconds(ms) << '\n';
        m_start = now;
    }

private:
    BuildReport& m_report;
    std::ostream* m_verbose;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

// --verbose: each post's read-and-passes time, in file order.
void print_post_timings(const Project& project, std::ostream& err) {
    for (const PostTiming& t : project.post_timings) err << "folio: read " << t.path << ": " << milliseconds(t.ms) << '\n';
}

// --verbose: each post's printed pages in a pack, counted from where the
// body pages begin (a post's last page runs to the next post's first).
void print_post_pages(const Pack& pack, const std::vector<PdfPageStart>& starts, std::ostream& err) {
    std::vector<int> pages(pack.posts.size(), 0);
    for (const PdfPageStart& s : starts)
        if (s.post >= 0 && static_cast<std::size_t>(s.post) < pages.size()) ++pages[static_cast<std::size_t>(s.post)];
    for (std::size_t i = 0; i < pages.size(); ++i)
        err << "folio: pdf " << pack.id << ": " << pack.posts[i].path << ": " << pages[i]
            << (pages[i] == 1 ? " page\n" : " pages\n");
}

// An output's record; its size and digest are `written` when the writer
// took them as it wrote, else read from the file.
OutputRecord describe(const AtomicOutput& output, const Pack& pack, const char* format,
                      const PackFingerprint& fingerprint, const PdfDigest* written = nullptr) {
    OutputRecord r;
    r.path = output.target().string();
    r.pack = pack.id;
    r.format = format;
    r.fingerprint = fingerprint.hex;
    r.fingerprint_parts = fingerprint.parts;
    if (written) {
        r.bytes = written->bytes;
        r.sha256 = to_hex(written->sha256);
    } else if (auto digest = digest_file(output.temp_path())) {
        r.bytes = digest->bytes;
        r.sha256 = to_hex(digest->sha256);
    }
    return r;
}

}  // namespace

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
    // Before any thread starts: they must inherit the blocked signals.
    InterruptGuard guard;
    BuildReport report;
    report.source_date_epoch = options.source_date_epoch;
    report.jobs = effective_jobs(options.jobs);
    std::ostream* verbose = options.verbose && !options.quiet ? &err : nullptr;
    StageTimer timer(report, verbose);
    Progress progress(err, !options.quiet && stderr_is_terminal());

    Diagnostics diags;
    auto project = load_project(options.input_dir, diags, options.jobs, &progress);
    print_diagnostics(diags, err);
    if (!project) {
        err << "folio: error: " << project.error() << '\n';
        return exit_usage_error;
    }
    if (diags.has_errors()) {
        err << "folio: nothing written: fix the errors above (the previous outputs in " << options.out_dir.string()
            << " are unchanged)\n";
        return exit_input_error;
    }
    Diagnostics pack_diags;
    PackStyles styles;  // each pack's styles/<name>.toml
    std::vector<Pack> packs = prepare_packs(*project, pack_diags, &styles, options.jobs);
    print_diagnostics(pack_diags, err);
    if (pack_diags.has_errors()) {
        err << "folio: nothing written: fix the errors above (the previous outputs in " << options.out_dir.string()
            << " are unchanged)\n";
        return exit_input_error;
    }
    if (verbose) print_post_timings(*project, err);
    timer.done("read");
    report.inputs = project->inputs;
    report.inputs.insert(report.inputs.end(), styles.files.begin(), styles.files.end());
    report.inputs.insert(report.inputs.end(), styles.citation_files.begin(), styles.citation_files.end());
    // The archive editions attach the bytes read above, not the files as
    // they may be by the time each PDF is written.
    SourceFiles sources;
    sources.add(project->inputs);
    sources.add(styles.files);

    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) {
        err << "folio: error: " << options.out_dir.string() << ": cannot create the output folder: " << ec.message()
            << '\n';
        return exit_usage_error;
    }
    auto lock = OutputLock::acquire(options.out_dir, std::chrono::seconds(600), err);
    if (!lock) {
        err << "folio: error: " << lock.error() << '\n';
        return exit_usage_error;
    }

    // The cache lives in out/ by default, so it is opened under out/'s lock.
    std::optional<fs::path> cache_dir;
    if (!options.no_cache) cache_dir = options.cache_dir.empty() ? options.out_dir / ".folio-cache" : options.cache_dir;
    BuildCache cache(cache_dir, options.cache_size, *project, default_resources());

    // Every output goes to a temporary file first; only when all of them
    // are complete are they renamed into place, so a failure in one never
    // leaves a set of outputs from two different runs.
    std::vector<std::unique_ptr<AtomicOutput>> outputs;
    Diagnostics writer_diags;
    auto fail = [&](const AtomicOutput& output, const std::string& why) {
        print_diagnostics(writer_diags, err);
        err << "folio: error: " << output.target().string() << ": " << why
            << "\nfolio: nothing written (the previous outputs are unchanged)\n";
        return exit_usage_error;
    };
    // writers: each adds its AtomicOutput to `outputs` and its record to the report.
    // A site logo is given relative to the input folder.
    for (Pack& pack : packs)
        if (!pack.site.logo.empty() && fs::path(pack.site.logo).is_relative())
            pack.site.logo = (fs::path(options.input_dir) / pack.site.logo).string();
    std::vector<std::vector<PdfPageStart>> pdf_pages(packs.size());
    std::vector<std::unique_ptr<EpubJob>> epubs(packs.size());  // by pack; null: none drawn
    // A pack whose outputs would come out as they are is left alone
    // (app/pack_reuse.hpp); its records are carried into this report.
    PackReuse reuse(options, *project, styles, cache);
    std::vector<PackFingerprint> fingerprints(packs.size());
    std::vector<std::optional<OutputRecord>> kept_epubs(packs.size());
    std::vector<std::string> unchanged;  // paths, for the summary line
    for (std::size_t k = 0; k < packs.size(); ++k) {
        const Pack& pack = packs[k];
        const bool archive = pack.outputs.pdf_archive || options.archive;
        const std::string pdf_name = pack.outputs.pdf_file.empty() ? pack.id + ".pdf" : pack.outputs.pdf_file;
        std::vector<PlannedOutput> planned;
        if (pack.outputs.pdf) planned.push_back({(options.out_dir / pdf_name).string(), "pdf"});
        if (archive) planned.push_back({(options.out_dir / archive_file_name(pack)).string(), "pdf-archive"});
        if (pack.outputs.epub) planned.push_back({(options.out_dir / pack.outputs.epub_file).string(), "epub"});
        PackReuse::Decision decision = reuse.decide(pack, k, planned);
        fingerprints[k] = decision.fingerprint;
        if (decision.verdict.reuse) {
            if (verbose) *verbose << "folio: " << pack.id << ": unchanged since the last build\n";
            for (OutputRecord& r : decision.verdict.records) {
                unchanged.push_back(r.path);
                if (r.format == "epub") kept_epubs[k] = std::move(r);
                else report.outputs.push_back(std::move(r));
            }
            continue;
        }
        if (verbose) *verbose << "folio: " << pack.id << ": drawn: " << decision.verdict.why << '\n';
        EpubJob* epub = nullptr;
        if (pack.outputs.epub) {
            epub = (epubs[k] = std::make_unique<EpubJob>()).get();
            epub->output = std::make_unique<AtomicOutput>(options.out_dir / pack.outputs.epub_file, &guard);
        }
        if (pack.outputs.pdf || archive) {
            AtomicOutput* output = nullptr;
            AtomicOutput* archived = nullptr;
            if (pack.outputs.pdf)
                output = outputs.emplace_back(std::make_unique<AtomicOutput>(options.out_dir / pdf_name, &guard)).get();
            if (archive)
                archived = outputs.emplace_back(std::make_unique<AtomicOutput>(options.out_dir / archive_file_name(pack), &guard))
                               .get();
            int pages = 0;
            PdfDigest digest;
            auto start_epub = [&](const std::vector<PdfPageStart>& starts) {
                epub->start(pack, styles.per_pack[k], options, starts);
            };
            if (auto r = write_pdf_output(pack, styles.per_pack[k], options, output, archived, pdf_pages[k], pages,
                                          digest, cache.layout(std::move(decision.post_keys)), sources, styles.paths[k],
                                          epub ? std::function(start_epub) : nullptr);
                !r)
                return fail(output ? *output : *archived, r.error());
            for (auto [written, format] : {std::pair{output, "pdf"}, std::pair{archived, "pdf-archive"}}) {
                if (!written) continue;
                const PdfDigest* known = written == output ? &digest : nullptr;
                report.outputs.push_back(describe(*written, pack, format, fingerprints[k], known));
                report.outputs.back().pages = pages;
            }
            if (verbose) {
                print_post_pages(pack, pdf_pages[k], err);
                *verbose << "folio: pdf " << pack.id << ": " << pages << " pages\n";
            }
        }
        if (epub && !epub->thread.joinable()) epub->start(pack, styles.per_pack[k], options, {});  // no PDF
    }
    for (const std::string& warning : cache.take_warnings()) {
        err << "folio: warning: " << warning << '\n';
        report.warnings.push_back("folio: warning: " + warning);
    }
    timer.done("pdf");
    // What the EPUBs take beyond the PDFs: they were written beside them.
    // Their warnings are about posts, and a post in three packs would give
    // each three times: they are said once, and kept in build.json.
    Diagnostics epub_diags;
    std::vector<std::size_t> reused_at;  // report.outputs of the EPUBs left alone
    for (std::size_t k = 0; k < packs.size(); ++k) {
        if (kept_epubs[k]) {
            reused_at.push_back(report.outputs.size());
            report.outputs.push_back(std::move(*kept_epubs[k]));
        }
        if (!epubs[k]) continue;
        EpubJob& epub = *epubs[k];
        epub.thread.join();
        append_new(epub_diags, epub.diags);
        if (!epub.result) {
            print_diagnostics(epub_diags, err);
            return fail(*epub.output, epub.result.error());
        }
        report.outputs.push_back(describe(*epub.output, packs[k], "epub", fingerprints[k]));
        for (const auto& d : epub.diags.items())
            if (d.severity == Severity::warning) report.outputs.back().warnings.push_back(format_diagnostic(d));
        outputs.push_back(std::move(epub.output));
    }
    print_diagnostics(epub_diags, err);
    // An EPUB left alone warns as it did when it was written.
    std::vector<std::string> said;
    for (const auto& d : epub_diags.items()) said.push_back(format_diagnostic(d));
    std::vector<const OutputRecord*> reused_epubs;
    for (std::size_t at : reused_at) reused_epubs.push_back(&report.outputs[at]);
    const std::vector<std::string> repeated = warnings_to_repeat(reused_epubs, said);
    for (const std::string& w : repeated) err << w << '\n';
    if (!repeated.empty())
        err << "folio: " << repeated.size() << (repeated.size() == 1 ? " warning" : " warnings")
            << ", repeated from the build that wrote the unchanged outputs\n";
    timer.done("epub");

    for (const auto& d : diags.items())
        if (d.severity == Severity::warning) report.warnings.push_back(format_diagnostic(d));
    for (const auto& d : pack_diags.items())
        if (d.severity == Severity::warning) report.warnings.push_back(format_diagnostic(d));
    for (const auto& d : epub_diags.items())
        if (d.severity == Severity::warning) report.warnings.push_back(format_diagnostic(d));
    report.warnings.insert(report.warnings.end(), repeated.begin(), repeated.end());
    cache.describe(report);
    timer.done("report");
    auto& report_output = outputs.emplace_back(std::make_unique<AtomicOutput>(options.out_dir / "build.json", &guard));
    if (auto r = write_file_atomic_temp(*report_output, to_json(report)); !r) return fail(*report_output, r.error());

    for (auto& output : outputs) {
        if (auto r = output->commit(); !r) {
            err << "folio: error: " << r.error() << '\n';
            return exit_usage_error;
        }
    }
    // After the outputs are in place: a failed build never evicts.
    cache.evict();
    if (!options.quiet) {
        out << "folio: " << counted(project->posts.size(), "post", "posts") << " in "
            << counted(packs.size(), "pack", "packs") << "; wrote";
        for (const auto& output : outputs) out << ' ' << output->target().string();
        if (!unchanged.empty()) {
            out << "; unchanged:";
            for (const std::string& path : unchanged) out << ' ' << path;
        }
        out << '\n';
    }
    return exit_ok;
}

}  // namespace folio
