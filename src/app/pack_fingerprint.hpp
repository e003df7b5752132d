#pragma once
// A pack's fingerprint: a SHA-256 over everything its outputs (PDF, EPUB,
// archive edition) depend on, so a build can leave outputs alone whose
// fingerprint is the one they were written under (app/pack_reuse.hpp).
//
// What goes in, and why: when in doubt an ingredient is included, since a
// needless redraw costs seconds and a stale output is the one bug this must
// not have. The ingredients are grouped in named parts so that --verbose can
// say which part changed.
//   folio      which folio (build-id), the shared libraries it runs with
//              (Cairo, Pango, HarfBuzz, libharu... by their build-ids), and
//              the files it ships and the writers read: fonts/, the
//              hyphenation patterns, the CSL locale folders, epub.css, the
//              archive edition's ICC profile.
//   options    SOURCE_DATE_EPOCH, the pack's edition date (the date used
//              without it), --archive.
//   pack       the pack's id, the outputs it writes (format and path) and
//              folio.toml's bytes (the pack's settings, the site's metadata).
//   style      the pack's typographic style file.
//   citations  every CSL style and locale file the build loaded and
//              references.json.
//   logo       the site logo's bytes.
//   posts      for each post the pack selects, in pack order: its name in
//              the input folder, its file's digest, its layout cache key
//              (which covers the post's model after the passes and citation
//              formatting, so anything another post lends it, the cited
//              entries and the layout environment) and its images' digests.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/project.hpp"
#include "model/digest.hpp"
#include "model/pack.hpp"
#include "model/post.hpp"

namespace folio {

// Bumped whenever what goes into a fingerprint changes: every output then
// counts as changed once.
inline constexpr std::uint32_t pack_fingerprint_version = 2;

struct PostIngredient {
    std::string name;           // its path inside the input folder
    std::string source_sha256;  // hex, as read
    Sha256 layout_key{};        // post_layout_key (app/cache_key.hpp)
    std::vector<Sha256> images; // each image it shows, in document order
};

struct PackIngredients {
    std::string folio_build;              // build_identity()
    std::string libraries;                // loaded_libraries_identity()
    std::vector<Sha256> resources;        // files folio ships, in a fixed order
    std::optional<std::int64_t> source_date_epoch;
    Date edition;
    bool archive_option = false;          // --archive
    std::string pack_id;
    std::vector<std::pair<std::string, std::string>> outputs;  // format, path
    std::string config_sha256;            // folio.toml, hex; empty: none
    std::string style_sha256;             // hex
    std::vector<std::string> citation_sha256;  // hex, in load order
    std::string references_sha256;        // hex; empty: none
    std::string logo_sha256;              // hex; empty: no logo
    std::vector<PostIngredient> posts;    // pack order
};

struct PackFingerprint {
    std::vector<std::pair<std::string, std::string>> parts;  // name, hex digest; in the order above
    std::string hex;  // the fingerprint: over the format version and every part
};

PackFingerprint pack_fingerprint(const PackIngredients& ingredients);

// The names of the parts that differ between a fingerprint and the parts a
// previous build recorded (a part missing on either side counts as changed).
std::vector<std::string> changed_parts(const PackFingerprint& now,
                                       const std::vector<std::pair<std::string, std::string>>& before);

// The ingredients every pack of a build shares, from what the build has
// already read and hashed (no file is read twice): folio.toml's and
// references.json's digests from `project.inputs`, the CSL files'
// (`citation_files`). `folio_build`, `libraries`, `resources`, the options
// are the caller's to set.
PackIngredients shared_ingredients(const Project& project, const std::vector<InputFile>& citation_files);

// `shared` completed for one pack: its id and outputs, its style file's
// digest (found in `style_files` by `style_path`), the logo's digest (read
// here: no other part of the build hashes it), and its posts with their
// layout keys (`layout_keys[i]` is post i's) and images.
PackIngredients pack_ingredients(PackIngredients shared, const Project& project, const Pack& pack,
                                 const std::vector<InputFile>& style_files, const std::string& style_path,
                                 const std::vector<std::pair<std::string, std::string>>& outputs,
                                 const std::vector<Sha256>& layout_keys);

}  // namespace folio
