#include "app/project.hpp"

#include <algorithm>
#include <map>

#include "app/files.hpp"
#include "app/config.hpp"
#include "passes/passes.hpp"
#include "read/read_bibliography.hpp"
#include "read/read_post.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

// Passes that depend on the post alone.
void run_local_passes(Post& post, Diagnostics& diags) {
    number_notes(post, diags);
    assign_heading_ids(post);
    mark_hangul(post);
}

}  // namespace

Result<Project> load_project(const fs::path& input_dir, Diagnostics& diags) {
    Project project;
    project.input_dir = input_dir;
    std::error_code ec;
    if (!fs::is_directory(input_dir, ec))
        return Error{input_dir.string() + ": no such input folder (give one with --input DIR)"};

    const fs::path config = input_dir / "folio.toml";
    if (fs::exists(config, ec)) {
        auto text = read_file(config);
        if (!text) return Error{text.error()};
        Config parsed = read_config(config.string(), *text, diags);
        project.site = std::move(parsed.site);
        project.pack_specs = std::move(parsed.packs);
        project.config_path = config.string();
    }

    const fs::path references = input_dir / "references.json";
    if (fs::exists(references, ec)) {
        auto bytes = read_file(references);
        if (!bytes) return Error{bytes.error()};
        project.bibliography = read_bibliography(references.string(), *bytes, diags);
    }

    auto files = list_post_files(input_dir);
    if (!files) return Error{files.error()};
    if (files->empty()) diags.warning(input_dir.string(), {}, "no posts (*.md files) in this folder");

    std::map<std::string, std::string> slugs;  // slug -> first path
    for (const fs::path& file : *files) {
        auto bytes = read_file(file);
        if (!bytes) {
            // Reported as an input error, not skipped: a post that cannot be
            // read must not silently vanish from the pack.
            diags.error(file.string(), {}, bytes.error(), "check the file's permissions");
            continue;
        }
        auto post = read_post(file.string(), *bytes, diags);
        if (!post) continue;
        auto [at, fresh] = slugs.emplace(post->slug, post->path);
        if (!fresh) {
            diags.error(post->path, {}, "two posts have the slug '" + post->slug + "' (the other is " + at->second + ")",
                        "rename one of the files: the slug is the file name without the date and .md");
        }
        run_local_passes(*post, diags);
        check_citations(*post, project.bibliography, diags);
        check_images(*post, input_dir, diags);
        project.posts.push_back(std::move(*post));
    }
    return project;
}

Result<Post> load_single_post(const fs::path& file, Diagnostics& diags) {
    auto bytes = read_file(file);
    if (!bytes) return Error{bytes.error()};
    auto post = read_post(file.string(), *bytes, diags);
    if (!post) return Error{file.string() + ": could not be read (see the errors above)"};
    run_local_passes(*post, diags);
    return std::move(*post);
}

}  // namespace folio
