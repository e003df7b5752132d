#include "app/layout_cache.hpp"

#include <algorithm>

#include "app/build_identity.hpp"
#include "app/cache_key.hpp"
#include "app/citations.hpp"
#include "app/project.hpp"

namespace folio {

CacheInputs cache_inputs(const std::filesystem::path& input_dir, const Resources& resources, const Project& project) {
    CacheInputs out;
    out.input_dir = input_dir;
    out.fonts = folder_digest(resources.fonts_dir);
    out.hyphenation = file_digest(resources.hyphen_dict);
    Sha256Stream locales;
    for (const std::string& dir : csl_locales_dirs()) {
        const Sha256 d = folder_digest(dir);
        locales.update(dir);
        locales.update(std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
    }
    out.citation_locales = locales.finish();
    out.folio_build = build_identity();
    out.libraries = loaded_libraries_identity();
    for (const InputFile& f : project.inputs) out.source_sha256[f.path] = f.sha256;
    out.image_sha256 = project.image_sha256;
    return out;
}

std::vector<Sha256> pack_layout_keys(const Pack& pack, const Style& style, CacheInputs& inputs) {
    LayoutEnvironment env;
    env.folio_version = inputs.folio_build;
    env.libraries = inputs.libraries;
    env.style = style;
    env.page_size = pack.page_size;
    env.fonts = inputs.fonts;
    env.hyphenation = inputs.hyphenation;
    const std::string name = pack.citation_style.empty() ? default_citation_style : pack.citation_style;
    auto csl = inputs.citation_styles.find(name);
    if (csl == inputs.citation_styles.end()) {
        Sha256 digest{};
        if (auto path = find_citation_style(name, inputs.input_dir)) digest = file_digest(*path);
        csl = inputs.citation_styles.emplace(name, digest).first;
    }
    env.citation_style = csl->second;
    env.citation_locales = inputs.citation_locales;
    env.language = pack.site.language;
    env.references_per_pack = pack.references_per_pack;
    const Sha256 shared = environment_digest(env);
    std::vector<Sha256> keys;
    keys.reserve(pack.posts.size());
    for (const Post& post : pack.posts) {
        auto source = inputs.source_sha256.find(post.path);
        keys.push_back(post_layout_key(shared, post, path_in_folder(post.path, inputs.input_dir),
                                       source == inputs.source_sha256.end() ? "" : source->second, pack.bibliography,
                                       inputs.image_sha256));
    }
    return keys;
}

std::optional<std::string> LayoutCache::find(std::size_t post) {
    CacheLookup found = m_store.find(m_keys.at(post));
    if (!found.problem.empty())
        warn(post, "cache entry " + m_store.entry_path(m_keys[post]).string() + " is corrupt (" + found.problem +
                       "); rebuilt");
    if (found.payload) ++m_hits;
    else ++m_misses;
    return std::move(found.payload);
}

void LayoutCache::reject(std::size_t post, const std::string& why) {
    // It was counted as a hit when found; it is rebuilt, so it is a miss.
    --m_hits;
    ++m_misses;
    warn(post, "cache entry " + m_store.entry_path(m_keys.at(post)).string() + " is corrupt (" + why + "); rebuilt");
}

void LayoutCache::keep(std::size_t post, std::string_view encoded) {
    auto kept = m_store.keep(m_keys.at(post), encoded);
    if (kept) return;
    std::lock_guard lock(m_mutex);
    // A full disk fails every entry the same way: one warning says it.
    if (m_write_failed) return;
    m_write_failed = true;
    m_warnings.emplace_back(post, "cannot write the cache: " + kept.error() + "; the build goes on without it");
}

void LayoutCache::warn(std::size_t post, std::string text) {
    std::lock_guard lock(m_mutex);
    m_warnings.emplace_back(post, std::move(text));
}

std::vector<std::string> LayoutCache::warnings() const {
    std::lock_guard lock(m_mutex);
    auto sorted = m_warnings;
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto& [post, text] : sorted) out.push_back(std::move(text));
    return out;
}

}  // namespace folio
