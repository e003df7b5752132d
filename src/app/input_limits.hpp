#pragma once
// The limits of model/limits.hpp that the application checks itself: file
// sizes before a file is read, and the image files a post shows.
#include <cstdint>
#include <filesystem>
#include <string>

#include "model/diagnostic.hpp"
#include "model/limits.hpp"
#include "app/image_files.hpp"
#include "model/post.hpp"

namespace folio {

// False, with an error naming the limit's folio.toml key, when `file` is
// larger than `limit` bytes: such a file is never read into memory.
bool file_within_limit(const std::filesystem::path& file, std::uint64_t limit, const std::string& key,
                       const std::string& what, Diagnostics& diags);

// Every image the check_images pass resolved (Image::path set) is opened and
// checked whole: a PNG or JPEG, not cut short or damaged, with pixels, within
// image_side and image_pixels. Errors are at the image in the post, so
// `folio check` finds what would otherwise fail only while the PDF is drawn.
// Each file is read once through `images` (a build's shared record, whose
// digests the cache keys reuse); without it, through one of its own.
void check_image_files(Post& post, const Limits& limits, Diagnostics& diags, ImageFiles* images = nullptr);

}  // namespace folio
