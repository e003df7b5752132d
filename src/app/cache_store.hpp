#pragma once
// The build cache on disk: a folder of entries, one file per key, each
// verified whole before its payload is used. Entries are written to a
// temporary file in the folder and renamed into place, so a reader sees a
// complete entry or none; a hit touches the file, and eviction removes the
// least recently used entries first.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/digest.hpp"
#include "model/result.hpp"

namespace folio {

// An entry's bytes: magic "FOLIOCE\n", format version (u32), the key it was
// written under, payload length (u64) and SHA-256, then the payload.
std::string encode_cache_entry(const Sha256& key, std::string_view payload);
// The payload, or what is wrong: not an entry, another format version,
// another key, truncated or extended, checksum mismatch.
Result<std::string> decode_cache_entry(const Sha256& key, std::string_view bytes);

struct CacheLookup {
    std::optional<std::string> payload;  // a verified entry's payload
    std::string problem;                 // set when an entry was there but not usable (it is removed)
};

struct Eviction {
    std::uint64_t kept_bytes = 0;
    std::size_t kept = 0;
    std::size_t removed = 0;
};

class CacheStore {
public:
    explicit CacheStore(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path entry_path(const Sha256& key) const;

    // The entry for `key`: absent (no payload, no problem), verified (its
    // payload; its time is touched for eviction) or unusable (removed, and
    // `problem` says why). Safe to call from several threads.
    CacheLookup find(const Sha256& key) const;

    // Writes the entry through a temporary file and a rename; creates the
    // folder on first use. Safe to call from several threads.
    Result<void> keep(const Sha256& key, std::string_view payload) const;

    // Removes entries, least recently used first, until the rest fit in
    // `max_bytes`, and temporary files a killed run left (older than an
    // hour, so a build running now keeps its own).
    Eviction evict(std::uint64_t max_bytes) const;

private:
    std::filesystem::path m_dir;
};

}  // namespace folio
