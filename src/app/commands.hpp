#pragma once
// The subcommands, callable without the command line (tests, benchmarks).
// Each returns the process exit code: 0 success (warnings allowed), 1 input
// errors, 2 usage or I/O errors.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>

namespace folio {

inline constexpr int exit_ok = 0;
inline constexpr int exit_input_error = 1;
inline constexpr int exit_usage_error = 2;

struct BuildOptions {
    std::filesystem::path input_dir = "input";
    std::filesystem::path out_dir = "out";
    unsigned jobs = 0;  // 0: one per core
    bool quiet = false;
    // --archive: every pack also gets its archive edition (as "pdf-archive" in folio.toml).
    bool archive = false;
    // The build cache: its folder (empty: <out>/.folio-cache), off with
    // no_cache (nothing read or written), and the bytes it may keep after a
    // build (least recently used entries go first).
    std::filesystem::path cache_dir;
    bool no_cache = false;
    std::uint64_t cache_size = std::uint64_t(1) << 30;
    // Per-post and per-stage timings on standard error (never with quiet).
    bool verbose = false;
    // Seconds since 1970 for every date the outputs carry (SOURCE_DATE_EPOCH);
    // unset: the newest post's date, so outputs never depend on the clock.
    std::optional<std::int64_t> source_date_epoch;
};

int run_build(const BuildOptions& options, std::ostream& out, std::ostream& err);
int run_check(const std::filesystem::path& input_dir, std::ostream& out, std::ostream& err);
int run_dump(const std::filesystem::path& file, std::ostream& out, std::ostream& err);

// SOURCE_DATE_EPOCH's value: decimal seconds, nothing else.
std::optional<std::int64_t> parse_source_date_epoch(const char* text);

}  // namespace folio
