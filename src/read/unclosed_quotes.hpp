#pragma once
// A quote left open in front matter. YAML lets a quoted value run on over
// lines, so `title: "A test` (the closing quote forgotten) quietly takes the
// lines after it into the title, `date:` and `kind:` among them: the post
// then seems to lack keys it plainly has, or, when a later line holds a
// quote, YAML fails lines below the slip. A quoted value that runs on over a
// line beginning like a key of its own level is taken for that slip.
//
// This reads the text, not yaml-cpp's tree, so that it still finds the slip
// when the YAML does not parse at all.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_pos.hpp"

namespace folio::read {

struct UnclosedQuote {
    SourcePos opening;                 // the opening quote
    std::uint32_t swallowed_line = 0;  // the first line taken in that begins like a key
    std::vector<std::string> keys;     // the keys of the lines taken in
};

// The quoted values of `yaml` (a value after `key: ` or `- ` that starts
// with a quote) that run on over a line beginning like a key no deeper than
// the value's own. `yaml`'s first line is file line `first_line`.
std::vector<UnclosedQuote> find_unclosed_quotes(std::string_view yaml, std::uint32_t first_line);

}  // namespace folio::read
