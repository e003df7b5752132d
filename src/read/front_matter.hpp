#pragma once
// A post's YAML front matter: finding it between `---` lines and checking it
// against the schema into PostMeta.
#include <cstdint>
#include <optional>
#include <string>

#include "model/diagnostic.hpp"
#include "model/post.hpp"
#include "read/source_text.hpp"

namespace folio::read {

struct FrontMatterBlock {
    std::uint32_t yaml_first_line = 2;  // the line after the opening ---
    std::uint32_t yaml_last_line = 1;   // the line before the closing fence (yaml_first_line - 1 if empty)
    std::uint32_t body_first_line = 3;  // the line after the closing fence
    std::string yaml;
};

// Finds the front matter: `---` on line 1, closed by `---` or `...` on a line
// of its own. Reports its absence (at 1:1, with the minimal front matter as a
// hint) or a missing closing line; nullopt then.
std::optional<FrontMatterBlock> find_front_matter(const std::string& path, const SourceText& src, Diagnostics& diags);

// Parses and checks the YAML into `meta`. Unknown keys and keys that do not
// belong to the post's kind are warnings; missing required keys, wrong types,
// invalid dates and unknown kinds are errors at the value's position. Returns
// false when the YAML could not be parsed at all.
bool read_front_matter(const std::string& path, const FrontMatterBlock& block, PostMeta& meta, Diagnostics& diags);

}  // namespace folio::read
