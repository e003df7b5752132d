#include "app/build_cache.hpp"

namespace folio {

BuildCache::BuildCache(std::optional<std::filesystem::path> dir, std::uint64_t max_bytes, const Project& project,
                       const Resources& resources)
    : m_max_bytes(max_bytes) {
    // The keys are made with or without the cache: they are part of each
    // pack's fingerprint (app/pack_fingerprint.hpp).
    m_inputs = cache_inputs(project.input_dir, resources, project);
    if (dir) m_store.emplace(std::move(*dir));
}

std::vector<Sha256> BuildCache::post_keys(const Pack& pack, const Style& style) {
    return pack_layout_keys(pack, style, m_inputs);
}

FlowCache* BuildCache::layout(std::vector<Sha256> keys) {
    if (!m_store) return nullptr;
    return m_layouts.emplace_back(std::make_unique<LayoutCache>(*m_store, std::move(keys))).get();
}

std::vector<std::string> BuildCache::take_warnings() {
    std::vector<std::string> out;
    for (; m_warned < m_layouts.size(); ++m_warned)
        for (std::string& w : m_layouts[m_warned]->warnings()) out.push_back(std::move(w));
    return out;
}

void BuildCache::describe(BuildReport& report) const {
    if (!m_store) return;
    report.cache_dir = m_store->dir().string();
    CacheStageRecord layout{"layout", 0, 0};
    for (const auto& l : m_layouts) {
        const CacheCounts c = l->counts();
        layout.hits += c.hits;
        layout.misses += c.misses;
    }
    report.cache.push_back(layout);
}

void BuildCache::evict() const {
    if (m_store) m_store->evict(m_max_bytes);
}

}  // namespace folio
