#pragma once
// Everything folio reads from an input folder, read and checked once, before
// any writer runs.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/bibliography.hpp"
#include "model/diagnostic.hpp"
#include "model/digest.hpp"
#include "model/limits.hpp"
#include "model/pack.hpp"
#include "model/post.hpp"
#include "model/result.hpp"
#include "model/site.hpp"
#include "app/config.hpp"

namespace folio {

// An input file as read, for the build report and cache keys.
struct InputFile {
    std::string path;
    std::uint64_t bytes = 0;
    std::string sha256;  // hex
    // The bytes themselves (not in build.json): what the archive edition
    // attaches is what was built (app/source_files.hpp).
    std::shared_ptr<const std::string> content;
};

// How long one post took to read and run the local passes on (wall clock,
// for `folio build --verbose`; never part of an output).
struct PostTiming {
    std::string path;
    double ms = 0;
};

struct Project {
    std::filesystem::path input_dir;
    SiteMeta site;
    std::vector<PackSpec> pack_specs;  // from folio.toml; empty: the default pack
    std::string config_path;           // for diagnostics about packs
    Bibliography bibliography;
    std::vector<Post> posts;  // sorted by file name
    std::vector<InputFile> inputs;  // folio.toml, references.json, posts, in that order
    Limits limits;                  // folio.toml's [limits], held to while reading
    std::vector<PostTiming> post_timings;  // every post file, in file order
    // Every image a post shows, by its resolved path (Image::path): the
    // SHA-256 of the bytes checked, read once however many posts show it.
    std::map<std::string, Sha256> image_sha256;
};

class Progress;
class ImageFiles;

// Reads folio.toml ([site]), references.json and every post of `input_dir`,
// and runs the passes on each post. Input problems go to `diags` (the run
// goes on to find them all); an I/O failure that stops everything (no such
// folder, an unreadable file) is the Error.
// Posts are read and passed on `jobs` threads (0: one per core); the result
// is the same whatever the number. `progress` (optional) is ticked per post.
Result<Project> load_project(const std::filesystem::path& input_dir, Diagnostics& diags, unsigned jobs = 1,
                             Progress* progress = nullptr);

// Every pass folio build runs on a post it has read: the local passes
// (notes, heading ids, Hangul), then the checks against the bibliography
// (citation keys) and the input folder (images: where they are, and each
// file whole and within `limits`). `bibliography` is null when
// references.json is there but could not be read: its own errors say why,
// and checking keys against what little was read would call every citation
// of every post unknown, burying the one error that matters.
void run_post_passes(Post& post, const Bibliography* bibliography, const std::filesystem::path& input_dir,
                     const Limits& limits, Diagnostics& diags,
                     ImageFiles* images = nullptr);

// Reads one post file and runs the passes that need nothing but the post.
// For `folio dump`.
Result<Post> load_single_post(const std::filesystem::path& file, Diagnostics& diags);

}  // namespace folio
