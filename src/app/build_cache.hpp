#pragma once
// The build's side of the cache: opened from the build options, a
// LayoutCache for each pack's PDF, the hits, misses and warnings for the
// report, and eviction down to the size bound once the outputs are written.
//
// What is cached, and why only that: laying out a post (Pango shaping, line
// breaking, hyphenation) is the costly per-post work, about 2 ms of CPU a
// page; keeping the galleys took a 1,000-post rebuild from 14.4 s to 8.2 s
// of CPU. Reading and the passes cost about 0.6 ms a post, and decoding a
// kept model would cost about as much as parsing the Markdown again, so the
// model is not kept. The whole EPUB stage takes about 0.5 s for 1,000 posts,
// so its per-post XHTML is not kept either. What remains of a warm build is
// mostly Cairo drawing every page, serially (about 1 ms a page).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/build_report.hpp"
#include "app/cache_store.hpp"
#include "app/layout_cache.hpp"
#include "app/project.hpp"

namespace folio {

inline constexpr std::uint64_t default_cache_size = 1ull << 30;  // 1 GiB

class BuildCache {
public:
    // Without `dir` (--no-cache) nothing is read or written and no folder
    // is made. The digests shared by every key (fonts, patterns, locales) are
    // computed here, once per build.
    BuildCache(std::optional<std::filesystem::path> dir, std::uint64_t max_bytes, const Project& project,
               const Resources& resources);

    bool enabled() const { return m_store.has_value(); }

    // The key of each post of `pack` laid out in `style` (made with or
    // without a cache): what the FlowCache finds entries under, and part of the pack's
    // fingerprint (app/pack_fingerprint.hpp).
    std::vector<Sha256> post_keys(const Pack& pack, const Style& style);

    // The FlowCache for laying out a pack whose posts have `keys`
    // (post_keys); null without a cache. It lives as long as this BuildCache.
    FlowCache* layout(std::vector<Sha256> keys);

    // The digests every key shares (fonts, hyphenation patterns, locales).
    const CacheInputs& inputs() const { return m_inputs; }

    // The warnings so far ("cache entry ... is corrupt (...); rebuilt"),
    // each once, in pack and post order.
    std::vector<std::string> take_warnings();

    // Hits and misses per stage, and the folder.
    void describe(BuildReport& report) const;

    // Evicts the least recently used entries beyond the size bound.
    void evict() const;

private:
    std::optional<CacheStore> m_store;
    std::uint64_t m_max_bytes;
    CacheInputs m_inputs;
    std::vector<std::unique_ptr<LayoutCache>> m_layouts;
    std::size_t m_warned = 0;  // layouts whose warnings were taken
};

}  // namespace folio
