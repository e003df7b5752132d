#pragma once
// Reading one post: YAML front matter into PostMeta, Markdown into Document.
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "model/limits.hpp"
#include "model/post.hpp"

namespace folio {

// Parses a post file's bytes. Every problem is appended to `diags` against
// `path` (invalid UTF-8 with its byte offset, an empty file, missing or
// malformed front matter, schema violations, duplicate footnote labels,
// footnote references without a definition, input past one of `limits`).
// Returns the post when it could be read well enough for later stages to
// check it further, even if some errors were reported; nullopt when nothing
// useful could be read. The size limit is the caller's to check before
// reading the file; the others are checked here.
std::optional<Post> read_post(const std::string& path, std::string_view bytes, Diagnostics& diags,
                              const Limits& limits = {});

}  // namespace folio
