#pragma once
// The build cache's keys: a SHA-256 over everything a post's laid-out galley
// depends on, so an entry found under a key can only be the result the build
// would compute anyway. Two parts: what every post of a pack shares (folio's
// version, the cache format, the style's values, the page size, the fonts,
// the hyphenation patterns, the citation style and its locale), computed
// once per pack, and what belongs to the post (its source bytes, its model
// after the passes and citation formatting, the bytes of its images, the
// bibliography entries it cites). Nothing in a key depends on where the
// project is or how its folder is named: the post is known by its path
// inside the input folder and its images by what the post calls them and
// their bytes, so `--input corpus`, `--input /home/me/corpus` and the
// folder moved elsewhere share their entries (their galleys keep image
// paths relative to the post's folder: layout/flow_codec).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "layout/style.hpp"
#include "model/bibliography.hpp"
#include "model/digest.hpp"
#include "model/pack.hpp"
#include "model/post.hpp"

namespace folio {

// Bumped whenever an entry's layout (the header or the encoded galley)
// changes: old entries then simply stop matching.
inline constexpr std::uint32_t cache_format_version = 4;  // 4: Chunk::margin (side notes)

// SHA-256 over the names and bytes of every file directly in `dir`, in name
// order (fonts/, the CSL locales); an absent folder hashes as empty.
Sha256 folder_digest(const std::filesystem::path& dir);
// SHA-256 of a file's bytes; an unreadable file hashes as its path alone,
// which never equals a real file's digest.
Sha256 file_digest(const std::filesystem::path& path);

struct LayoutEnvironment {
    std::string folio_version;
    // The shared libraries folio runs with (Pango, HarfBuzz, Cairo... by
    // build-id): an upgraded Pango may break lines elsewhere, so galleys an
    // older one set are not reused.
    std::string libraries;
    std::uint32_t format = cache_format_version;
    Style style;                      // as layout gets it
    PageSize page_size = PageSize::a4;
    Sha256 fonts{};                   // folder_digest(fonts/)
    Sha256 hyphenation{};             // file_digest of the patterns
    Sha256 citation_style{};          // file_digest of the pack's .csl file
    Sha256 citation_locales{};        // folder_digest of the CSL locales
    std::string language;             // the pack's language (picks the locale)
    bool references_per_pack = false; // a post's own reference list or none
};

// `file`'s path inside `folder`, however the two are spelled as long as they
// are spelled alike ("corpus/./a.md" in "corpus/" is "a.md"); the file name
// when `file` is not below `folder` as written.
std::string path_in_folder(const std::filesystem::path& file, const std::filesystem::path& folder);

// The shared half of every post key of a pack.
Sha256 environment_digest(const LayoutEnvironment& env);

// The key of a post's laid-out galley. `name` is the post's path inside
// the input folder (path_in_folder), never the path as typed;
// `source_sha256` is the hex digest of the post file as read (the build
// report's); `image_sha256` has each image's digest by the path
// check_images set, taken when the image was checked
// (Project::image_sha256): an image missing from it is read here.
Sha256 post_layout_key(const Sha256& environment, const Post& post, std::string_view name,
                       std::string_view source_sha256, const Bibliography& bibliography,
                       const std::map<std::string, Sha256>& image_sha256);

}  // namespace folio
