#include "app/archive_sources.hpp"

#include <set>

#include "app/citations.hpp"

namespace folio {

namespace fs = std::filesystem;

Result<std::vector<Attachment>> archive_sources(const Pack& pack, const fs::path& input_dir, SourceFiles& sources,
                                                const fs::path& style_file) {
    std::vector<Attachment> out;
    std::set<std::string> names;
    auto add = [&](const fs::path& path, const std::string& description) -> Result<void> {
        const std::string name = path.filename().string();
        // Two files of one name (a .csl beside folio.toml and in styles/):
        // the first is attached; the name is what a reader saves it as.
        if (!names.insert(name).second) return {};
        auto bytes = sources.bytes(path);
        if (!bytes) return Error{"cannot attach " + path.string() + ": " + bytes.error()};
        out.push_back({name, description, **bytes});
        return {};
    };
    for (const Post& post : pack.posts)
        if (auto r = add(post.path, "Markdown source of \u201c" + post.meta.title + "\u201d"); !r) return Error{r.error()};
    for (const auto& [file, description] : {std::pair<const char*, const char*>{"references.json", "Bibliography (CSL-JSON)"},
                                            {"folio.toml", "Site and pack configuration"}})
        if (sources.contains(input_dir / file))
            if (auto r = add(input_dir / file, description); !r) return Error{r.error()};
    const std::string style = pack.citation_style.empty() ? default_citation_style : pack.citation_style;
    if (auto csl = find_citation_style(style, input_dir))
        if (auto r = add(*csl, "Citation style (CSL)"); !r) return Error{r.error()};
    if (!style_file.empty())
        if (auto r = add(style_file, "Typographic style"); !r) return Error{r.error()};
    return out;
}

std::string archive_file_name(const Pack& pack) {
    if (!pack.outputs.pdf_archive_file.empty()) return pack.outputs.pdf_archive_file;
    const std::string pdf = pack.outputs.pdf_file.empty() ? pack.id + ".pdf" : pack.outputs.pdf_file;
    return fs::path(pdf).stem().string() + "-archive.pdf";
}

}  // namespace folio
