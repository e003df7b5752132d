#include "app/citations.hpp"

#include <algorithm>
#include <map>

#include "app/files.hpp"
#include "app/shipped_files.hpp"
#include "app/parallel.hpp"
#include "cite/cite_processor.hpp"
#include "passes/format_citations.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {
const fs::path debian_csl = "/usr/share/citation-style-language";
}

std::vector<std::string> csl_locales_dirs() {
    // Ours first: the group writes en-GB, and folio's files are the ones its
    // tests pin down. Debian's package covers the other languages.
    return {(shipped_styles_dir() / "locales").string(), (debian_csl / "locales").string()};
}

Result<fs::path> find_citation_style(const std::string& name, const fs::path& input_dir) {
    std::error_code ec;
    if (name.size() > 4 && name.ends_with(".csl")) {
        const fs::path path = fs::path(name).is_absolute() ? fs::path(name) : input_dir / name;
        if (fs::is_regular_file(path, ec)) return path;
        return Error{"citation style file '" + name + "' not found (looked for " + path.string() + ")"};
    }
    for (const fs::path& dir : {shipped_styles_dir(), debian_csl / "styles"}) {
        const fs::path path = dir / (name + ".csl");
        if (fs::is_regular_file(path, ec)) return path;
    }
    return Error{"citation style '" + name + "' not found in styles/ or " + (debian_csl / "styles").string() +
                 " (install citation-style-language-styles, or give a path ending in .csl)"};
}

void apply_citations(std::vector<Pack>& packs, const fs::path& input_dir, const std::string& config_path,
                     const std::vector<PackSpec>& specs, Diagnostics& diags, unsigned jobs, std::vector<InputFile>* style_files) {
    // Formatting citations is most of what remains of reading once the posts
    // are read (about 1 s of 1,000 posts on one core): each post's run goes
    // to a worker.
    const ForEachIndex on_threads = [jobs](std::size_t n, const std::function<void(std::size_t)>& task) {
        parallel_for(n, jobs, task);
    };
    std::map<std::string, std::optional<CitationStyle>> loaded;  // by name and language
    for (Pack& pack : packs) {
        const std::string name = pack.citation_style.empty() ? default_citation_style : pack.citation_style;
        const std::string key = name + "\n" + pack.site.language;
        auto at = loaded.find(key);
        if (at == loaded.end()) {
            std::optional<CitationStyle> style;
            auto path = find_citation_style(name, input_dir);
            if (!path) {
                SourcePos at;
                for (const PackSpec& spec : specs)
                    if (spec.pack.id == pack.id) at = spec.citation_style_pos.known() ? spec.citation_style_pos : spec.pos;
                diags.error(config_path.empty() ? input_dir.string() : config_path, at,
                            "pack '" + pack.id + "': " + path.error(),
                            "set citation_style in the pack to a style name such as \"oscola\" or "
                            "\"chicago-note-bibliography\"");
            } else if (csl::CslProblem problem;
                       auto read = CitationStyle::load(path->string(), csl_locales_dirs(), pack.site.language, &problem)) {
                style.emplace(std::move(read.value()));
                if (style_files) {
                    std::vector<std::string> used{path->string()};
                    used.insert(used.end(), style->locale().files().begin(), style->locale().files().end());
                    for (const std::string& file : used)
                        if (std::none_of(style_files->begin(), style_files->end(),
                                         [&](const InputFile& f) { return f.path == file; }))
                            if (auto digest = digest_file(file))
                                style_files->push_back(InputFile{file, digest->bytes, to_hex(digest->sha256), nullptr});
                }
            } else if (!problem.file.empty()) {
                // At the offending element of the style: file:line.
                diags.error(problem.file, {static_cast<std::uint32_t>(problem.line), 0}, problem.message,
                            problem.hint.empty() ? "the file is not a valid CSL 1.0.2 style" : problem.hint);
            } else {
                diags.error(path->string(), {}, read.error(), "the file is not a valid CSL 1.0.2 locale");
            }
            at = loaded.emplace(key, std::move(style)).first;
        }
        if (at->second) format_pack_citations(pack, *at->second, diags, on_threads);
    }
}

}  // namespace folio
