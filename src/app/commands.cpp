#include "app/commands.hpp"

#include <cctype>

#include "app/citations.hpp"
#include "app/packs.hpp"
#include "app/project.hpp"
#include "app/report.hpp"
#include "epub/write_epub.hpp"
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
    // One thread per core, as `folio build` by default: the report is the
    // same whatever the number.
    constexpr unsigned every_core = 0;
    auto project = load_project(input_dir, diags, every_core);
    if (!project) {
        print_diagnostics(diags, err);
        err << "folio: error: " << project.error() << '\n';
        return exit_usage_error;
    }
    // Packs are checked too (folio.toml selections, citation styles), and
    // everything is reported in one list.
    const auto packs = prepare_packs(*project, diags, nullptr, every_core);
    // What the EPUB writer would warn about (raw HTML it drops, images
    // without alt text, links to posts not in the pack): said here once, not
    // first in the build's log, once per pack.
    if (!diags.has_errors())
        for (const Pack& pack : packs) {
            Diagnostics pages;
            check_epub_pages(pack, pages);
            append_new(diags, pages);
        }
    print_diagnostics(diags, err);
    if (diags.has_errors()) return exit_input_error;
    out << "folio: " << input_dir.string() << ": " << counted(project->posts.size(), "post", "posts") << ", "
        << counted(project->bibliography.items.size(), "reference", "references") << ", "
        << counted(packs.size(), "pack", "packs") << ": no errors\n";
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
