#pragma once
// Leaving a pack's outputs alone when nothing they depend on changed: the
// previous build's out/build.json says what each output was written from
// (its pack fingerprint, app/pack_fingerprint.hpp) and what it was (size,
// SHA-256). A pack is reused only when that record lists exactly the outputs
// the pack would write now, each under the same fingerprint, and each file
// is still what was recorded (hashed again: a timestamp proves nothing).
// Anything else, including a report folio cannot read, redraws the pack.
// A pack is reused whole or not at all: its EPUB needs its PDF's page starts.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/build_cache.hpp"
#include "app/build_report.hpp"
#include "app/commands.hpp"
#include "app/pack_fingerprint.hpp"
#include "app/pack_styles.hpp"
#include "app/project.hpp"

namespace folio {

// The outputs a previous build recorded; `why_not` says why there are none
// to reuse ("no previous report", "build.json is not JSON", ...).
struct PreviousReport {
    std::vector<OutputRecord> outputs;  // every field build.json holds for them
    std::string why_not;                // empty when the report was read
};

// Reads the text of a build.json. Garbage, a truncated file, a report of
// another format version, or an output record missing a field: no outputs,
// and the reason. Never throws.
PreviousReport parse_previous_report(std::string_view json);

// Reads `file` (out/build.json); a missing file is "no previous report".
PreviousReport read_previous_report(const std::filesystem::path& file);

// An output the pack would write now.
struct PlannedOutput {
    std::string path;    // as build.json records it (the target's path)
    std::string format;  // "pdf", "pdf-archive", "epub"
};

struct ReuseVerdict {
    bool reuse = false;
    std::vector<OutputRecord> records;  // reuse: the outputs, as this build records them (reused = true)
    std::string why;                    // no reuse: why the pack is drawn
};

// Whether `pack`'s outputs `planned`, fingerprinted `fingerprint`, can be
// left as they are. Hashes each output file (only once the records match).
ReuseVerdict check_reuse(const PreviousReport& previous, const std::string& pack,
                         const std::vector<PlannedOutput>& planned, const PackFingerprint& fingerprint);

// The warnings of the outputs `reused` that this build has not `said`
// already (a post in two packs, one drawn and one reused, warns once), in
// record order, each once.
std::vector<std::string> warnings_to_repeat(const std::vector<const OutputRecord*>& reused,
                                            const std::vector<std::string>& said);

// The build's side: the previous report, read once, and for each pack its
// fingerprint and verdict. With --no-cache nothing is reused (a cold build
// stays cold), but the fingerprints are recorded all the same, so the next
// build can reuse what this one wrote.
class PackReuse {
public:
    // Reads <out>/build.json (call it under out/'s lock). `cache` gives the
    // post keys and the shared resource digests; `styles` the style and CSL
    // files read.
    PackReuse(const BuildOptions& options, const Project& project, const PackStyles& styles, BuildCache& cache);

    struct Decision {
        PackFingerprint fingerprint;
        std::vector<Sha256> post_keys;  // for the layout cache when the pack is drawn
        ReuseVerdict verdict;
    };
    // Pack `k` of the build (the site logo already resolved), which would
    // write `planned`.
    Decision decide(const Pack& pack, std::size_t k, const std::vector<PlannedOutput>& planned);

private:
    const Project& m_project;
    const PackStyles& m_styles;
    BuildCache& m_cache;
    PackIngredients m_shared;
    PreviousReport m_previous;
};

}  // namespace folio
