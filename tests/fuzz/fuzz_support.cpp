#include "fuzz_support.hpp"

#include <cstdio>
#include <cstdlib>
#include <system_error>

#include "app/citations.hpp"
#include "app/project.hpp"
#include "cite/csl_load.hpp"
#include "passes/format_citations.hpp"
#include "read/read_bibliography.hpp"
#include "read/read_post.hpp"

namespace folio::fuzz {

namespace fs = std::filesystem;

namespace {

// A post's file name decides its slug, so it must look like one.
constexpr const char* post_path = "2024-01-01-fuzz.md";

const fs::path source_dir{FOLIO_FUZZ_SOURCE_DIR};

[[noreturn]] void setup_failed(const std::string& what) {
    std::fprintf(stderr, "fuzz setup: %s\n", what.c_str());
    std::abort();
}

// Removes the scratch folder when the fuzzer exits normally.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::string templ = (fs::temp_directory_path() / "folio-fuzz-XXXXXX").string();
        if (!mkdtemp(templ.data())) setup_failed("cannot make a temporary folder");
        path = templ;
        std::error_code ec;
        fs::create_directory(path / "images", ec);
        fs::copy_file(source_dir / "tests" / "fuzz" / "images" / "figure.png", path / "images" / "figure.png", ec);
        if (ec) setup_failed("cannot copy tests/fuzz/images/figure.png: " + ec.message());
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace

void broken_promise(const char* what) {
    std::fprintf(stderr, "broken promise: %s\n", what);
    std::abort();
}

const fs::path& scratch_dir() {
    static const ScratchDir dir;
    return dir.path;
}

const Bibliography& group_bibliography() {
    static const Bibliography bib = [] {
        const fs::path path = source_dir / "input" / "references.json";
        auto text = csl::read_text_file(path.string());
        if (!text) setup_failed(text.error());
        Diagnostics diags;
        Bibliography b = read_bibliography(path.string(), *text, diags);
        if (diags.has_errors()) setup_failed(format_diagnostic(diags.items().front()));
        return b;
    }();
    return bib;
}

const CitationStyle& house_style() {
    static const CitationStyle style = [] {
        // The locale folders the app uses, folio's own first.
        auto loaded = CitationStyle::load((source_dir / "styles" / "folio-uk-notes.csl").string(), csl_locales_dirs(),
                                          "en-GB");
        if (!loaded) setup_failed(loaded.error());
        return std::move(*loaded);
    }();
    return style;
}

std::string locale_file(const std::string& lang) {
    for (const std::string& dir : csl_locales_dirs()) {
        const fs::path path = fs::path(dir) / ("locales-" + lang + ".xml");
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) return path.string();
    }
    setup_failed("no locales-" + lang + ".xml in the app's CSL locale folders");
}

void check_positions(const Diagnostics& diags, std::size_t line_count) {
    for (const Diagnostic& d : diags.items()) {
        if (d.message.empty()) broken_promise("a diagnostic without a message");
        if (d.pos.line > line_count + 1) {
            std::fprintf(stderr, "%s (file has %zu lines)\n", format_diagnostic(d).c_str(), line_count);
            broken_promise("a diagnostic past the end of the file");
        }
    }
}

std::optional<Post> read_and_pass(std::string_view bytes, Diagnostics& diags) {
    auto post = read_post(post_path, bytes, diags);
    if (!post) return std::nullopt;
    run_post_passes(*post, &group_bibliography(), scratch_dir(), Limits{}, diags);
    return post;
}

std::optional<Pack> one_post_pack(std::string_view bytes) {
    Diagnostics diags;
    auto post = read_and_pass(bytes, diags);
    if (!post || diags.has_errors()) return std::nullopt;
    Pack pack;
    pack.id = "fuzz";
    pack.title = "Fuzz";
    pack.site.name = "Fuzz";
    pack.edition = post->meta.date;
    pack.bibliography = group_bibliography();
    pack.posts.push_back(std::move(*post));
    format_pack_citations(pack, house_style(), diags);
    if (diags.has_errors()) return std::nullopt;
    return pack;
}

}  // namespace folio::fuzz
