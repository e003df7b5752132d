#include "app/pack_fingerprint.hpp"

#include <map>

#include "app/cache_key.hpp"
#include "app/key_writer.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace {

// One named part of a fingerprint: its name, then its values.
class Part : public KeyWriter {
public:
    explicit Part(std::string_view name) { str(name); }
    std::string hex() { return to_hex(finish()); }
};

}  // namespace

PackFingerprint pack_fingerprint(const PackIngredients& in) {
    PackFingerprint out;
    {
        Part p("folio");
        p.str(in.folio_build);
        p.str(in.libraries);
        p.num(static_cast<std::int64_t>(in.resources.size()));
        for (const Sha256& d : in.resources) p.digest(d);
        out.parts.emplace_back("folio", p.hex());
    }
    {
        Part p("options");
        p.flag(in.source_date_epoch.has_value());
        p.num(in.source_date_epoch.value_or(0));
        for (int v : {in.edition.year, in.edition.month, in.edition.day}) p.num(v);
        p.flag(in.archive_option);
        out.parts.emplace_back("options", p.hex());
    }
    {
        Part p("pack");
        p.str(in.pack_id);
        p.num(static_cast<std::int64_t>(in.outputs.size()));
        for (const auto& [format, path] : in.outputs) {
            p.str(format);
            p.str(path);
        }
        p.str(in.config_sha256);
        out.parts.emplace_back("pack", p.hex());
    }
    {
        Part p("style");
        p.str(in.style_sha256);
        out.parts.emplace_back("style", p.hex());
    }
    {
        Part p("citations");
        p.num(static_cast<std::int64_t>(in.citation_sha256.size()));
        for (const std::string& d : in.citation_sha256) p.str(d);
        p.str(in.references_sha256);
        out.parts.emplace_back("citations", p.hex());
    }
    {
        Part p("logo");
        p.str(in.logo_sha256);
        out.parts.emplace_back("logo", p.hex());
    }
    {
        Part p("posts");
        p.num(static_cast<std::int64_t>(in.posts.size()));
        for (const PostIngredient& post : in.posts) {
            p.str(post.name);
            p.str(post.source_sha256);
            p.digest(post.layout_key);
            p.num(static_cast<std::int64_t>(post.images.size()));
            for (const Sha256& d : post.images) p.digest(d);
        }
        out.parts.emplace_back("posts", p.hex());
    }
    Part all("folio pack fingerprint");
    all.num(pack_fingerprint_version);
    for (const auto& [name, hex] : out.parts) {
        all.str(name);
        all.str(hex);
    }
    out.hex = all.hex();
    return out;
}

std::vector<std::string> changed_parts(const PackFingerprint& now,
                                       const std::vector<std::pair<std::string, std::string>>& before) {
    const std::map<std::string, std::string> old(before.begin(), before.end());
    std::vector<std::string> out;
    for (const auto& [name, hex] : now.parts) {
        auto at = old.find(name);
        if (at == old.end() || at->second != hex) out.push_back(name);
    }
    return out;
}

PackIngredients shared_ingredients(const Project& project, const std::vector<InputFile>& citation_files) {
    PackIngredients out;
    for (const InputFile& f : project.inputs) {
        const std::string name = path_in_folder(f.path, project.input_dir);
        if (name == "folio.toml") out.config_sha256 = f.sha256;
        else if (name == "references.json") out.references_sha256 = f.sha256;
    }
    for (const InputFile& f : citation_files) out.citation_sha256.push_back(f.path + " " + f.sha256);
    return out;
}

PackIngredients pack_ingredients(PackIngredients in, const Project& project, const Pack& pack,
                                 const std::vector<InputFile>& style_files, const std::string& style_path,
                                 const std::vector<std::pair<std::string, std::string>>& outputs,
                                 const std::vector<Sha256>& layout_keys) {
    in.pack_id = pack.id;
    in.outputs = outputs;
    in.edition = pack.edition;
    // A style file not among those read (it failed, and the build stops
    // before writing) hashes as its path, never as a real file's digest.
    in.style_sha256 = "unread:" + style_path;
    for (const InputFile& f : style_files)
        if (f.path == style_path) in.style_sha256 = f.sha256;
    if (!pack.site.logo.empty()) in.logo_sha256 = to_hex(file_digest(pack.site.logo));
    std::map<std::string, const InputFile*> sources;
    for (const InputFile& f : project.inputs) sources.emplace(f.path, &f);
    for (std::size_t i = 0; i < pack.posts.size(); ++i) {
        const Post& post = pack.posts[i];
        PostIngredient p;
        p.name = path_in_folder(post.path, project.input_dir);
        if (auto at = sources.find(post.path); at != sources.end()) p.source_sha256 = at->second->sha256;
        if (i < layout_keys.size()) p.layout_key = layout_keys[i];
        walk_inlines(post.doc, [&](const Inline& inline_) {
            const auto* image = std::get_if<Image>(&inline_.value);
            if (!image || image->path.empty()) return;
            auto known = project.image_sha256.find(image->path);
            p.images.push_back(known != project.image_sha256.end() ? known->second : file_digest(image->path));
        });
        in.posts.push_back(std::move(p));
    }
    return in;
}

}  // namespace folio
