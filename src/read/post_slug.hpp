#pragma once
// A post's slug: its file name without the directory, a `YYYY-MM-DD-` date
// prefix and the `.md` extension ("input/2023-10-21-letter-to-un.md" ->
// "letter-to-un"). Slugs identify posts in a pack and name EPUB files.
#include <string>
#include <string_view>

namespace folio::read {

std::string post_slug(std::string_view path);

}  // namespace folio::read
