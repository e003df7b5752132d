#include "app/build_cache.hpp"

namespace folio {

BuildCache::BuildCache(std::optional<std::filesystem::path> dir, std::uint64_t max_bytes, const Project& project,
                       const Resources& resources)
    : m_max_bytes(max_bytes) {
    if (!dir) return;
    m_store.emplace(std::move(*dir));
    m_inputs = cache_inputs(project.input_dir, resources, project);
}

FlowCache* BuildCache::layout(const Pack& pack, const Style& style) {
    if (!m_store) return nullptr;
    return m_layouts.emplace_back(std::make_unique<LayoutCache>(*m_store, pack_layout_keys(pack, style, m_inputs)))
        .get();
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
