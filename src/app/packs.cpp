#include "app/packs.hpp"

#include <algorithm>
#include <iterator>
#include <set>

#include "app/citations.hpp"

namespace folio {

namespace {

bool selected(const Post& post, const PostSelection& s) {
    if (!s.tags.empty() &&
        std::none_of(s.tags.begin(), s.tags.end(), [&](const std::string& t) {
            return std::find(post.meta.tags.begin(), post.meta.tags.end(), t) != post.meta.tags.end();
        }))
        return false;
    if (!s.kinds.empty() && std::find(s.kinds.begin(), s.kinds.end(), post.meta.kind) == s.kinds.end()) return false;
    if (s.from && post.meta.date < *s.from) return false;
    if (s.to && *s.to < post.meta.date) return false;
    if (!s.files.empty()) {
        const std::string name = std::filesystem::path(post.path).filename().string();
        if (std::find(s.files.begin(), s.files.end(), name) == s.files.end()) return false;
    }
    return true;
}

void order_posts(std::vector<Post>& posts, const PostSelection& select, PackOrder order) {
    auto by_name = [](const Post& a, const Post& b) { return a.slug < b.slug; };
    switch (order) {
    case PackOrder::newest_first:
        std::stable_sort(posts.begin(), posts.end(), [&](const Post& a, const Post& b) {
            return a.meta.date != b.meta.date ? a.meta.date > b.meta.date : by_name(a, b);
        });
        break;
    case PackOrder::oldest_first:
        std::stable_sort(posts.begin(), posts.end(), [&](const Post& a, const Post& b) {
            return a.meta.date != b.meta.date ? a.meta.date < b.meta.date : by_name(a, b);
        });
        break;
    case PackOrder::as_listed:
        // The order of `files`; without a list, the order of the file names.
        std::stable_sort(posts.begin(), posts.end(), [&](const Post& a, const Post& b) {
            auto rank = [&](const Post& p) {
                const std::string name = std::filesystem::path(p.path).filename().string();
                return std::find(select.files.begin(), select.files.end(), name) - select.files.begin();
            };
            const auto ra = rank(a), rb = rank(b);
            return ra != rb ? ra < rb : std::filesystem::path(a.path).filename() < std::filesystem::path(b.path).filename();
        });
        break;
    }
}

Pack fill(Pack pack, const Project& project, std::vector<Post> posts, const PostSelection& select, PackOrder order,
          bool has_edition) {
    pack.site = project.site;
    if (pack.title.empty()) pack.title = project.site.name;
    if (pack.subtitle.empty()) pack.subtitle = "Briefing pack";
    pack.bibliography = project.bibliography;
    order_posts(posts, select, order);
    pack.posts = std::move(posts);
    if (!has_edition) {
        for (const auto& p : pack.posts) pack.edition = std::max(pack.edition, p.meta.date);
    }
    return pack;
}

// assemble_packs, and take_packs when `take` is the project's posts.
std::vector<Pack> assemble(const Project& project, std::vector<Post>* take, Diagnostics& diags) {
    std::vector<Pack> packs;
    if (project.pack_specs.empty()) {
        Pack pack;
        pack.id = "collection";
        pack.outputs.pdf_file = "briefing-pack.pdf";
        pack.outputs.epub_file = "collection.epub";
        std::vector<Post> posts = take ? std::vector<Post>(std::make_move_iterator(take->begin()),
                                                           std::make_move_iterator(take->end()))
                                       : project.posts;
        packs.push_back(fill(std::move(pack), project, std::move(posts), {}, PackOrder::newest_first, false));
        return packs;
    }

    std::set<std::string> all_tags, all_files;
    for (const auto& post : project.posts) {
        all_tags.insert(post.meta.tags.begin(), post.meta.tags.end());
        all_files.insert(std::filesystem::path(post.path).filename().string());
    }
    // Every selection is made before any post is taken; a post goes to the
    // last pack that selects it.
    std::vector<std::vector<bool>> picked;
    std::vector<std::size_t> last_pick(project.posts.size(), project.pack_specs.size());
    for (std::size_t s = 0; s < project.pack_specs.size(); ++s) {
        std::vector<bool>& in = picked.emplace_back(project.posts.size(), false);
        for (std::size_t i = 0; i < project.posts.size(); ++i)
            if (selected(project.posts[i], project.pack_specs[s].select)) in[i] = true, last_pick[i] = s;
    }
    for (std::size_t s = 0; s < project.pack_specs.size(); ++s) {
        const PackSpec& spec = project.pack_specs[s];
        const PostSelection& select = spec.select;
        for (std::size_t i = 0; i < select.files.size(); ++i) {
            if (!all_files.count(select.files[i]))
                diags.error(project.config_path, i < select.file_pos.size() ? select.file_pos[i] : spec.pos,
                            "pack '" + spec.pack.id + "' lists '" + select.files[i] + "', which is not a post in " +
                                project.input_dir.string(),
                            "give the file name of a post, for example 2023-10-21-letter.md");
        }
        for (const auto& tag : select.tags)
            if (!all_tags.count(tag))
                diags.warning(project.config_path, spec.pos,
                              "pack '" + spec.pack.id + "' selects tag '" + tag + "', which no post has");
        std::vector<Post> chosen;
        for (std::size_t i = 0; i < project.posts.size(); ++i) {
            if (!picked[s][i]) continue;
            if (take && last_pick[i] == s) chosen.push_back(std::move((*take)[i]));
            else chosen.push_back(project.posts[i]);
        }
        if (chosen.empty()) {
            diags.error(project.config_path, spec.pos, "pack '" + spec.pack.id + "' selects no posts",
                        "check its tags, kinds, dates and files against the posts' front matter");
            continue;
        }
        packs.push_back(fill(spec.pack, project, std::move(chosen), select, spec.order, spec.has_edition));
    }
    return packs;
}

}  // namespace

std::vector<Pack> assemble_packs(const Project& project, Diagnostics& diags) { return assemble(project, nullptr, diags); }

std::vector<Pack> take_packs(Project& project, Diagnostics& diags) { return assemble(project, &project.posts, diags); }

std::vector<Pack> prepare_packs(Project& project, Diagnostics& diags, PackStyles* styles, unsigned jobs) {
    std::vector<Pack> packs = take_packs(project, diags);
    std::vector<InputFile> citation_files;
    if (!diags.has_errors())
        apply_citations(packs, project.input_dir, project.config_path, project.pack_specs, diags, jobs, &citation_files);
    PackStyles loaded = load_pack_styles(packs, project, diags);
    loaded.citation_files = std::move(citation_files);
    if (styles) *styles = std::move(loaded);
    return packs;
}

}  // namespace folio
