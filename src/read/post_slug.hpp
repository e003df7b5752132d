#pragma once
// A post's slug: its file name without the directory, a `YYYY-MM-DD-` date
// prefix and the `.md` extension ("input/2023-10-21-letter-to-un.md" ->
// "letter-to-un"). Slugs identify posts in a pack and name EPUB files.
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"
#include "model/post.hpp"

namespace folio::read {

std::string post_slug(std::string_view path);

// Posts are named `YYYY-MM-DD-slug.md` (README, "Writing a post"). folio
// dates a post by its front matter, not its name, but the prefix is what
// keeps the input folder, the build report's inputs and an `as-listed` pack
// without `files` in date order, and a file saved as "letter.md" is far more
// often a slip than a choice. So a name that does not begin with a real date
// is a warning at the file, whose hint gives the name to use (from `date`).
// A name that begins with another date than `date` is a warning at
// `date_pos` (the front matter's value): the post is out of order in the
// folder, and one of the two dates is likely a typo.
void check_post_file_name(const std::string& path, const Date& date, SourcePos date_pos, Diagnostics& diags);

}  // namespace folio::read
