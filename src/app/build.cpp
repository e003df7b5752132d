#include <filesystem>

#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/project.hpp"
#include "app/report.hpp"
#include "epub/write_epub.hpp"
#include "version.hpp"

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

// The EPUB collection: out/<pack>.epub, renamed into place when complete.
bool write_epub_output(const Pack& pack, const BuildOptions& options, std::ostream& err) {
    AtomicOutput output(options.out_dir / (pack.id + ".epub"));
    EpubOptions epub;
    epub.modified = options.source_date_epoch.value_or(pack.edition.year > 0 ? epoch_of(pack.edition) : 0);
    epub.fonts_dir = std::string(folio::source_dir) + "/fonts";
    epub.styles_dir = std::string(folio::source_dir) + "/styles";
    Diagnostics diags;
    auto written = write_epub(pack, epub, output.temp_path().string(), diags);
    print_diagnostics(diags, err);
    if (written) written = output.commit();
    if (!written) {
        err << "folio: error: " << output.target().string() << ": " << written.error() << '\n';
        return false;
    }
    return true;
}

}  // namespace

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    auto project = load_project(options.input_dir, diags);
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
    std::error_code ec;
    fs::create_directories(options.out_dir, ec);
    if (ec) {
        err << "folio: error: " << options.out_dir.string() << ": cannot create the output folder: " << ec.message()
            << '\n';
        return exit_usage_error;
    }
    const Pack pack = default_pack(*project);
    int written = 0;
    // writers: each output is written through an AtomicOutput (app/files.hpp)
    // and renamed into place only when complete.
    if (!write_epub_output(pack, options, err)) return exit_usage_error;
    ++written;
    if (!options.quiet)
        out << "folio: " << pack.posts.size() << " posts read and checked; " << written << " outputs written to "
            << options.out_dir.string() << '\n';
    return exit_ok;
}

}  // namespace folio
