#include <filesystem>
#include <memory>

#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/packs.hpp"
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

// The EPUB: written into `output`'s temporary file.
Result<void> write_epub_output(const Pack& pack, const BuildOptions& options, const AtomicOutput& output,
                               std::ostream& err) {
    EpubOptions epub;
    epub.modified = options.source_date_epoch.value_or(pack.edition.year > 0 ? epoch_of(pack.edition) : 0);
    epub.fonts_dir = std::string(folio::source_dir) + "/fonts";
    epub.styles_dir = std::string(folio::source_dir) + "/styles";
    Diagnostics diags;
    auto written = write_epub(pack, epub, output.temp_path().string(), diags);
    print_diagnostics(diags, err);
    return written;
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
    Diagnostics pack_diags;
    const std::vector<Pack> packs = assemble_packs(*project, pack_diags);
    print_diagnostics(pack_diags, err);
    if (pack_diags.has_errors()) {
        err << "folio: nothing written: fix the errors above\n";
        return exit_input_error;
    }

    // Every output goes to a temporary file first; only when all of them
    // are complete are they renamed into place, so a failure in one never
    // leaves a set of outputs from two different runs.
    std::vector<std::unique_ptr<AtomicOutput>> outputs;
    for (const Pack& pack : packs) {
        // writers: each adds its AtomicOutput here.
        if (pack.outputs.epub) {
            auto& output = outputs.emplace_back(std::make_unique<AtomicOutput>(options.out_dir / pack.outputs.epub_file));
            if (auto r = write_epub_output(pack, options, *output, err); !r) {
                err << "folio: error: " << output->target().string() << ": " << r.error() << '\n';
                return exit_usage_error;
            }
        }
    }
    for (auto& output : outputs) {
        if (auto r = output->commit(); !r) {
            err << "folio: error: " << r.error() << '\n';
            return exit_usage_error;
        }
    }
    if (!options.quiet) {
        out << "folio: " << project->posts.size() << " posts in " << packs.size()
            << (packs.size() == 1 ? " pack" : " packs") << "; wrote";
        for (const auto& output : outputs) out << ' ' << output->target().string();
        out << '\n';
    }
    return exit_ok;
}

}  // namespace folio
