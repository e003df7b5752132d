#include "app/commands.hpp"

#include <cctype>

#include "app/project.hpp"
#include "app/report.hpp"
#include "model/dump.hpp"

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
    if (!options.quiet)
        out << "folio: " << pack.posts.size() << " posts read and checked; " << written << " outputs written to "
            << options.out_dir.string() << '\n';
    return exit_ok;
}

}  // namespace folio
