#pragma once
// out/build.json: what a build read, what it wrote, what it warned about,
// and where the time went, for CI logs and for comparing runs.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/project.hpp"
#include "model/diagnostic.hpp"

namespace folio {

struct OutputRecord {
    std::string path;
    std::string pack;
    std::string format;  // "pdf", "epub", "pdf-archive"
    std::uint64_t bytes = 0;
    std::string sha256;
    int pages = 0;       // PDFs only; 0 when unknown
    // The pack fingerprint the output was written under (app/pack_fingerprint.hpp),
    // with its parts, so the next build can tell what changed.
    std::string fingerprint;
    std::vector<std::pair<std::string, std::string>> fingerprint_parts;
    bool reused = false;  // left as the previous build wrote it (app/pack_reuse.hpp)
    // What writing it warned about (the EPUB's dropped raw HTML, missing alt
    // text), formatted: a build that leaves the output alone says them again,
    // so a warning lasts until its cause is fixed, not one build.
    std::vector<std::string> warnings;
};

// Bumped when build.json's layout changes in a way a reader depends on: a
// build reuses outputs only from a report of this format (app/pack_reuse).
inline constexpr int build_report_format = 2;

// What the build cache did in one stage: posts found and posts made.
struct CacheStageRecord {
    std::string stage;  // "layout"
    std::size_t hits = 0;
    std::size_t misses = 0;
};

struct BuildReport {
    std::optional<std::int64_t> source_date_epoch;
    unsigned jobs = 1;
    std::vector<InputFile> inputs;
    std::vector<OutputRecord> outputs;
    std::vector<std::string> warnings;  // formatted diagnostics
    std::vector<std::pair<std::string, double>> stage_ms;  // in the order the stages ran
    std::string cache_dir;  // empty: the build ran without the cache (--no-cache)
    std::vector<CacheStageRecord> cache;
};

// Pretty-printed JSON with keys in a fixed order.
std::string to_json(const BuildReport& report);

}  // namespace folio
