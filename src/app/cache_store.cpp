#include "app/cache_store.hpp"

#include <algorithm>
#include <vector>

#include "app/cache_key.hpp"
#include "app/files.hpp"
#include "app/output_lock.hpp"
#include "model/byte_codec.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view magic = "FOLIOCE\n";
// Temporary files: AtomicOutput's (".<key>.tmp-PID"), and ".tmp-..." as
// folio wrote them before it used AtomicOutput here.
constexpr std::string_view temp_prefix = ".tmp-";

std::string_view as_bytes(const Sha256& d) { return {reinterpret_cast<const char*>(d.data()), d.size()}; }

bool is_entry_name(const std::string& name) {
    return name.size() == 64 && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

}  // namespace

std::string encode_cache_entry(const Sha256& key, std::string_view payload) {
    ByteWriter w;
    w.raw(magic);
    w.u32(cache_format_version);
    w.raw(as_bytes(key));
    w.u64(payload.size());
    w.raw(as_bytes(sha256(payload)));
    w.raw(payload);
    return std::move(w.bytes());
}

Result<std::string> decode_cache_entry(const Sha256& key, std::string_view bytes) {
    ByteReader r(bytes);
    std::string_view got_magic, got_key, got_sum, payload;
    std::uint32_t version = 0;
    std::uint64_t length = 0;
    if (!r.raw(magic.size(), got_magic) || got_magic != magic) return Error{"not a folio cache entry"};
    if (!r.u32(version)) return Error{"truncated"};
    if (version != cache_format_version)
        return Error{"format version " + std::to_string(version) + ", expected " +
                     std::to_string(cache_format_version)};
    if (!r.raw(32, got_key) || !r.u64(length) || !r.raw(32, got_sum)) return Error{"truncated"};
    if (got_key != as_bytes(key)) return Error{"written under another key"};
    if (length != r.remaining()) return Error{length > r.remaining() ? "truncated" : "longer than its header says"};
    r.raw(static_cast<std::size_t>(length), payload);
    if (as_bytes(sha256(payload)) != got_sum) return Error{"checksum mismatch"};
    return std::string(payload);
}

fs::path CacheStore::entry_path(const Sha256& key) const { return m_dir / to_hex(key); }

CacheLookup CacheStore::find(const Sha256& key) const {
    CacheLookup out;
    const fs::path path = entry_path(key);
    std::error_code ec;
    auto bytes = read_file_if_present(path);
    if (bytes && !*bytes) return out;  // no entry: a miss
    if (!bytes) {
        out.problem = bytes.error();
    } else if (auto payload = decode_cache_entry(key, **bytes)) {
        // Eviction goes by modification time: a hit makes the entry recent.
        fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
        out.payload = std::move(*payload);
        return out;
    } else {
        out.problem = payload.error();
    }
    fs::remove(path, ec);
    return out;
}

Result<void> CacheStore::keep(const Sha256& key, std::string_view payload) const {
    std::error_code ec;
    fs::create_directories(m_dir, ec);
    if (ec) return Error{m_dir.string() + ": " + ec.message()};
    // A temporary file beside the entry, renamed onto it (AtomicOutput), so
    // a reader or a concurrent build sees a whole entry or none. Its name is
    // the entry's and this process's: within a build no two threads keep the
    // same key (a post's key includes its path, and the packs are laid out
    // one after another), and a clash would fail the keep, never mix bytes.
    AtomicOutput out(entry_path(key));
    if (auto written = write_file_atomic_temp(out, encode_cache_entry(key, payload)); !written) return written;
    return out.commit(AtomicOutput::Flush::no);
}

Eviction CacheStore::evict(std::uint64_t max_bytes) const {
    struct Entry {
        fs::path path;
        fs::file_time_type time;
        std::uint64_t bytes;
    };
    std::vector<Entry> entries;
    Eviction out;
    std::error_code ec;
    const auto stale_before = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& item : fs::directory_iterator(m_dir, ec)) {
        const std::string name = item.path().filename().string();
        std::error_code e;
        const auto time = item.last_write_time(e);
        if (e) continue;
        if (name.starts_with(temp_prefix) || is_temporary_output_name(name)) {
            if (time < stale_before && fs::remove(item.path(), e)) ++out.removed;
            continue;
        }
        if (!is_entry_name(name) || !item.is_regular_file(e)) continue;  // not ours: left alone
        const auto size = item.file_size(e);
        if (!e) entries.push_back({item.path(), time, size});
    }
    // Newest first (ties by name, so the choice never depends on the
    // directory order); from the first that does not fit on, every older
    // entry goes too.
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.time != b.time ? a.time > b.time : a.path < b.path;
    });
    bool full = false;
    for (const Entry& e : entries) {
        full = full || out.kept_bytes + e.bytes > max_bytes;
        if (!full) {
            out.kept_bytes += e.bytes;
            ++out.kept;
        } else {
            std::error_code err;
            if (fs::remove(e.path, err)) ++out.removed;
        }
    }
    return out;
}

}  // namespace folio
