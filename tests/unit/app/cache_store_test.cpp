#include <doctest/doctest.h>


#include "app/cache_store.hpp"
#include "app/files.hpp"
#include "app_test_support.hpp"

using namespace folio;
using namespace folio::test;
namespace fs = std::filesystem;

namespace {
Sha256 key_of(const std::string& s) { return sha256(s); }
std::size_t files_in(const fs::path& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST_CASE("a cache entry decodes to its payload under its own key only") {
    const Sha256 key = key_of("post a");
    const std::string entry = encode_cache_entry(key, "the galley");
    auto payload = decode_cache_entry(key, entry);
    REQUIRE(payload.ok());
    CHECK(*payload == "the galley");
    auto other = decode_cache_entry(key_of("post b"), entry);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error() == "written under another key");
    CHECK(decode_cache_entry(key, encode_cache_entry(key, "")).value().empty());
}

TEST_CASE("a damaged cache entry is refused: every truncation, every flipped byte, an extension") {
    const Sha256 key = key_of("post a");
    const std::string entry = encode_cache_entry(key, "a small payload of a few dozen bytes, like a galley");
    for (std::size_t n = 0; n < entry.size(); ++n) CHECK_FALSE(decode_cache_entry(key, entry.substr(0, n)).ok());
    for (std::size_t i = 0; i < entry.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            std::string damaged = entry;
            damaged[i] = static_cast<char>(damaged[i] ^ (1 << bit));
            CHECK_FALSE(decode_cache_entry(key, damaged).ok());
        }
    CHECK(decode_cache_entry(key, entry + "!").error() == "longer than its header says");
    CHECK(decode_cache_entry(key, entry.substr(0, entry.size() - 1)).error() == "truncated");
    CHECK(decode_cache_entry(key, "not an entry at all").error() == "not a folio cache entry");
    std::string other_version = entry;
    other_version[8] = 9;
    CHECK(decode_cache_entry(key, other_version).error().starts_with("format version 9"));
}

TEST_CASE("the cache store: keep writes a complete entry by rename, find verifies it and removes a bad one") {
    TempDir dir("cache-test");
    CacheStore store(dir.path / "cache");
    const Sha256 key = key_of("post a");
    auto absent = store.find(key);
    CHECK_FALSE(absent.payload);
    CHECK(absent.problem.empty());
    REQUIRE(store.keep(key, "payload").ok());
    CHECK(files_in(store.dir()) == 1);  // no temporary left behind
    auto found = store.find(key);
    REQUIRE(found.payload);
    CHECK(*found.payload == "payload");

    // Truncated on disk: reported, removed, and then simply absent.
    const std::string bytes = read_file(store.entry_path(key)).value();
    write_file(store.entry_path(key), bytes.substr(0, bytes.size() - 3));
    auto bad = store.find(key);
    CHECK_FALSE(bad.payload);
    CHECK(bad.problem == "truncated");
    CHECK_FALSE(fs::exists(store.entry_path(key)));
    CHECK(store.find(key).problem.empty());
}

TEST_CASE("eviction removes the least recently used entries, and a hit makes an entry recent") {
    TempDir dir("cache-test");
    CacheStore store(dir.path);
    const std::string payload(1000, 'x');
    const auto now = fs::file_time_type::clock::now();
    for (int i = 0; i < 4; ++i) {
        const Sha256 key = key_of("post " + std::to_string(i));
        REQUIRE(store.keep(key, payload).ok());
        fs::last_write_time(store.entry_path(key), now - std::chrono::minutes(10 * (4 - i)));  // 0 oldest
    }
    REQUIRE(store.find(key_of("post 0")).payload);  // touched: now the newest
    write_file(dir.path / "unrelated.txt", "not ours");
    write_file(dir.path / ".tmp-dead-1-1", "left by a killed run");
    fs::last_write_time(dir.path / ".tmp-dead-1-1", now - std::chrono::hours(2));
    write_file(dir.path / ".tmp-live-1-2", "being written now");

    const std::uint64_t entry_size = fs::file_size(store.entry_path(key_of("post 0")));
    const Eviction e = store.evict(2 * entry_size + 10);
    CHECK(e.kept == 2);
    CHECK(e.kept_bytes == 2 * entry_size);
    CHECK(fs::exists(store.entry_path(key_of("post 0"))));
    CHECK(fs::exists(store.entry_path(key_of("post 3"))));
    CHECK_FALSE(fs::exists(store.entry_path(key_of("post 1"))));
    CHECK_FALSE(fs::exists(store.entry_path(key_of("post 2"))));
    CHECK(e.removed == 3);  // two entries and the dead temporary
    CHECK(fs::exists(dir.path / "unrelated.txt"));
    CHECK(fs::exists(dir.path / ".tmp-live-1-2"));
    CHECK_FALSE(fs::exists(dir.path / ".tmp-dead-1-1"));
    CHECK(store.evict(0).kept == 0);
}

TEST_CASE("an entry is kept through AtomicOutput, a killed run's temporary of that kind is evicted once stale") {
    TempDir dir("cache-test");
    CacheStore store(dir.path);
    const Sha256 key = key_of("post k");
    REQUIRE(store.keep(key, "galley").ok());
    REQUIRE(store.keep(key, "galley again").ok());  // over an entry already there
    CHECK(files_in(dir.path) == 1);
    CHECK(*store.find(key).payload == "galley again");
    const auto now = fs::file_time_type::clock::now();
    const fs::path dead = dir.path / ("." + to_hex(key_of("post d")) + ".tmp-4242");
    const fs::path live = dir.path / ("." + to_hex(key_of("post l")) + ".tmp-4243");
    write_file(dead, "half an entry");
    fs::last_write_time(dead, now - std::chrono::hours(2));
    write_file(live, "being written");
    CHECK(store.evict(1u << 20).removed == 1);
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(live));
}
