#include "app/commands.hpp"

#include <cctype>

#include "app/files.hpp"
#include "app/project.hpp"
#include "app/report.hpp"
#include "epub/write_epub.hpp"
#include "model/dump.hpp"
#include "version.hpp"

namespace folio {

namespace fs = std::filesystem;

std::optional<std::int64_t> parse_source_date_epoch(const char* text) {
    if (!text || !*text) return std::nullopt;
    std::int64_t value = 0;
    for (const char* p = text; *p; ++p) {
        if (!std::isdigit(static_cast<unsigned char>(*p))) return std::nullopt;
        if (value > (INT64_MAX - 9) / 10) return std::nullopt;
        value = value * 10 + (*p - '0');
    }
    return value;
}

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

int run_check(const fs::path& input_dir, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    auto project = load_project(input_dir, diags);
    print_diagnostics(diags, err);
    if (!project) {
        err << "folio: error: " << project.error() << '\n';
        return exit_usage_error;
    }
    if (diags.has_errors()) return exit_input_error;
    out << "folio: " << input_dir.string() << ": " << project->posts.size() << " posts, "
        << project->bibliography.items.size() << " references: no errors\n";
    return exit_ok;
}

int run_dump(const fs::path& file, std::ostream& out, std::ostream& err) {
    Diagnostics diags;
    auto post = load_single_post(file, diags);
    print_diagnostics(diags, err);
    if (!post) {
        err << "folio: error: " << post.error() << '\n';
        return diags.has_errors() ? exit_input_error : exit_usage_error;
    }
    out << dump_post(*post);
    return diags.has_errors() ? exit_input_error : exit_ok;
}

}  // namespace folio
