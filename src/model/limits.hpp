#pragma once
// The bounds folio holds its input to, so that a hostile or broken file ends
// in a clear error naming the limit, rather than in exhausted memory, a blown
// stack or a build that never finishes. The defaults are far above anything
// a real post needs (the group's longest post is 40 KB, 60 notes, 4 levels
// deep); a project that needs more raises them in folio.toml:
//
//   [limits]
//   post_size = "1 MiB"            # bytes of one post file
//   bibliography_size = "16 MiB"   # bytes of references.json
//   bibliography_entries = 20000   # items in references.json
//   names_per_entry = 1000         # authors (or editors, ...) of one item, per role
//   nesting_depth = 64             # lists, block quotes, emphasis and links inside each other
//   footnotes = 2000               # footnote definitions in one post
//   table_columns = 200            # columns of one table
//   image_side = 10000             # pixels, either side of an image
//   image_pixels = 40000000        # width x height of an image
#include <cstdint>
#include <string>

namespace folio {

struct Limits {
    std::uint64_t post_size = 1u << 20;
    std::uint64_t bibliography_size = 16u << 20;
    std::uint64_t bibliography_entries = 20'000;
    std::uint64_t names_per_entry = 1'000;
    std::uint64_t nesting_depth = 64;
    std::uint64_t footnotes = 2'000;
    std::uint64_t table_columns = 200;
    std::uint64_t image_side = 10'000;
    std::uint64_t image_pixels = 40'000'000;
};

// The hint every limit error gives: which folio.toml key raises it.
inline std::string raise_limit_hint(const std::string& key) {
    return "if the input is meant to be this large, raise the limit in folio.toml: [limits] " + key + " = ...";
}

}  // namespace folio
