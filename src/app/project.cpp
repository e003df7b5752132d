#include "app/project.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include "app/files.hpp"
#include "app/image_files.hpp"
#include "app/input_limits.hpp"
#include "app/parallel.hpp"
#include "app/progress.hpp"
#include "model/digest.hpp"
#include "app/config.hpp"
#include "passes/passes.hpp"
#include "read/post_slug.hpp"
#include "read/read_bibliography.hpp"
#include "read/read_post.hpp"

namespace folio {

namespace fs = std::filesystem;

void run_post_passes(Post& post, const Bibliography* bibliography, const fs::path& input_dir, const Limits& limits,
                     Diagnostics& diags, ImageFiles* images) {
    run_local_passes(post, diags);
    if (bibliography) check_citations(post, *bibliography, diags);
    check_images(post, input_dir, diags);
    check_links(post, diags);
    check_headings(post, diags);
    check_image_files(post, limits, diags, images);
}

namespace {

InputFile record(const fs::path& path, std::string bytes) {
    auto kept = std::make_shared<const std::string>(std::move(bytes));
    return InputFile{path.string(), kept->size(), to_hex(sha256(*kept)), kept};
}

// What reading one post file gives: kept per index so the parallel loop
// never shares anything but its input list.
struct PostSlot {
    std::optional<Post> post;
    Diagnostics diags;
    std::optional<InputFile> input;
    double ms = 0;
};

}  // namespace

Result<Project> load_project(const fs::path& input_dir, Diagnostics& diags, unsigned jobs, Progress* progress) {
    Project project;
    project.input_dir = input_dir;
    std::error_code ec;
    if (!fs::is_directory(input_dir, ec))
        return Error{input_dir.string() + ": no such input folder (give one with --input DIR)"};

    const fs::path config = input_dir / "folio.toml";
    if (fs::exists(config, ec)) {
        auto text = read_file(config);
        if (!text) return Error{text.error()};
        project.inputs.push_back(record(config, std::move(*text)));
        Config parsed = read_config(config.string(), *project.inputs.back().content, diags);
        project.site = std::move(parsed.site);
        project.pack_specs = std::move(parsed.packs);
        project.limits = parsed.limits;
        project.config_path = config.string();
    }

    const fs::path references = input_dir / "references.json";
    bool references_read = true;  // false: its errors are reported; keys are not checked against it
    if (fs::exists(references, ec)) {
        const std::size_t errors_before = diags.error_count();
        if (file_within_limit(references, project.limits.bibliography_size, "bibliography_size", "the bibliography",
                              diags)) {
            auto bytes = read_file(references);
            if (!bytes) return Error{bytes.error()};
            project.inputs.push_back(record(references, std::move(*bytes)));
            project.bibliography =
                read_bibliography(references.string(), *project.inputs.back().content, diags, project.limits);
        }
        references_read = diags.error_count() == errors_before;
    }

    auto files = list_post_files(input_dir);
    if (!files) return Error{files.error()};
    if (files->empty()) diags.warning(input_dir.string(), {}, "no posts (*.md files) in this folder");

    std::vector<PostSlot> slots(files->size());
    if (progress) progress->stage("reading posts", files->size());
    ImageFiles images;  // each image read and checked once, whichever posts show it
    parallel_for(files->size(), jobs, [&](std::size_t i) {
        const fs::path& file = (*files)[i];
        PostSlot& slot = slots[i];
        const auto start = std::chrono::steady_clock::now();
        if (!file_within_limit(file, project.limits.post_size, "post_size", "the post", slot.diags)) {
            if (progress) progress->tick();
            return;
        }
        auto bytes = read_file(file);
        if (!bytes) {
            // Reported as an input error, not skipped: a post that cannot be
            // read must not silently vanish from the pack.
            slot.diags.error(file.string(), {}, bytes.error(), "check the file's permissions");
        } else {
            slot.input = record(file, std::move(*bytes));
            slot.post = read_post(file.string(), *slot.input->content, slot.diags, project.limits);
            if (slot.post)
                run_post_passes(*slot.post, references_read ? &project.bibliography : nullptr, input_dir, project.limits, slot.diags, &images);
        }
        slot.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        if (progress) progress->tick();
    });
    if (progress) progress->finish();
    project.image_sha256 = images.digests();

    std::map<std::string, std::string> slugs;  // slug -> first path
    for (std::size_t i = 0; i < slots.size(); ++i) {
        PostSlot& slot = slots[i];
        project.post_timings.push_back({(*files)[i].string(), slot.ms});
        diags.append(slot.diags);
        if (slot.input) project.inputs.push_back(std::move(*slot.input));
        if (!slot.post) continue;
        auto [at, fresh] = slugs.emplace(slot.post->slug, slot.post->path);
        if (!fresh) {
            diags.error(slot.post->path, {},
                        "two posts have the slug '" + slot.post->slug + "' (the other is " + at->second + ")",
                        "rename one of the files: the slug is the file name without the date and .md");
        }
        read::check_post_file_name(slot.post->path, slot.post->meta.date, slot.post->meta.date_pos, diags);
        project.posts.push_back(std::move(*slot.post));
    }
    return project;
}

Result<Post> load_single_post(const fs::path& file, Diagnostics& diags) {
    auto bytes = read_file(file);
    if (!bytes) return Error{bytes.error()};
    auto post = read_post(file.string(), *bytes, diags);
    if (!post) return Error{file.string() + ": not read as a post (see the errors above)"};
    run_local_passes(*post, diags);
    return std::move(*post);
}

}  // namespace folio
