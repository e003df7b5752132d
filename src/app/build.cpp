#include <filesystem>

#include "app/commands.hpp"
#include "app/files.hpp"
#include "app/project.hpp"
#include "app/report.hpp"

// `folio build`: read and check everything, then run each writer into a
// temporary file that is renamed into place only when complete.

namespace folio {

namespace fs = std::filesystem;

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
