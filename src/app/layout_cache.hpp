#pragma once
// The build cache as layout sees it (a FlowCache): each post of a pack under
// its key, entries read from and written to a CacheStore, with the hits,
// misses and warnings the build reports.
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "app/cache_store.hpp"
#include "layout/layout_pack.hpp"
#include "layout/style.hpp"
#include "model/digest.hpp"
#include "model/pack.hpp"

namespace folio {

struct CacheCounts {
    std::size_t hits = 0;
    std::size_t misses = 0;
};

// What the keys of every pack share, computed once per build.
struct CacheInputs {
    std::filesystem::path input_dir;  // where a pack's .csl path is relative to; what posts are named inside
    Sha256 fonts{};
    Sha256 hyphenation{};
    Sha256 citation_locales{};
    std::map<std::string, std::string> source_sha256;  // post path -> hex digest, from the inputs read
    std::map<std::string, Sha256> image_sha256;        // image path -> digest, from the checks (Project)
    // Citation style name -> digest of its .csl (zero: not found), filled as
    // packs ask: found and hashed once per build, however many packs use it.
    std::map<std::string, Sha256> citation_styles;
    std::string folio_build;                           // build_identity(): version + build-id
    std::string libraries;                             // loaded_libraries_identity()
};
CacheInputs cache_inputs(const std::filesystem::path& input_dir, const Resources& resources,
                         const struct Project& project);

// The key of each post of `pack` laid out in `style` (`inputs` learns the
// digest of the pack's citation style, if it is new).
std::vector<Sha256> pack_layout_keys(const Pack& pack, const Style& style, CacheInputs& inputs);

class LayoutCache : public FlowCache {
public:
    // keys[i] is post i's key (post_layout_key).
    LayoutCache(const CacheStore& store, std::vector<Sha256> keys) : m_store(store), m_keys(std::move(keys)) {}

    std::optional<std::string> find(std::size_t post) override;
    void reject(std::size_t post, const std::string& why) override;
    void keep(std::size_t post, std::string_view encoded) override;

    CacheCounts counts() const { return {m_hits.load(), m_misses.load()}; }
    // "cache entry out/.folio-cache/ab12… is corrupt (checksum mismatch);
    // rebuilt", in post order (threads finish in any order), and at most one
    // about a cache that cannot be written.
    std::vector<std::string> warnings() const;

private:
    void warn(std::size_t post, std::string text);

    const CacheStore& m_store;
    std::vector<Sha256> m_keys;
    std::atomic<std::size_t> m_hits{0}, m_misses{0};
    mutable std::mutex m_mutex;
    std::vector<std::pair<std::size_t, std::string>> m_warnings;
    bool m_write_failed = false;
};

}  // namespace folio
