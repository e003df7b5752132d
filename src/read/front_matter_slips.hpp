#pragma once
// The slips people make writing front matter by hand, found in the text so
// that each is reported where it is and in words that say what to do, not as
// the YAML grammar error it causes (often lines below it), nor as keys
// missing that are plainly there.
//
// - A quote left open: YAML lets a quoted value run on over lines, so
//   `title: "A test` takes the lines after it into the title, `date:` and
//   `kind:` among them. A quoted value that runs on over a line beginning
//   like a key of its own level is taken for that slip.
// - A tab in a line's indentation: YAML indents with spaces only.
// - A plain value holding ': ' (`title: Aid: the next step`), which YAML
//   reads as a second key on the line.
// - A closing fence mistyped (`--`, `----`).
#include <cstdint>
#include <optional>
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

// The first tab in each line's indentation.
std::vector<SourcePos> find_tab_indents(std::string_view yaml, std::uint32_t first_line);

// For a line `key: value` whose plain (unquoted) value holds ': ', the line
// as it should be written, the value in double quotes; nullopt otherwise.
struct QuotedValue {
    std::string key;
    std::string line;
};
std::optional<QuotedValue> quote_value_with_colon(std::string_view line);

// Line `index` (0-based) of `text`, without its line break; empty past the end.
std::string_view line_of(std::string_view text, std::size_t index);

// A line that was probably meant to be the closing `---`: two dashes, four
// or more, or three followed by text.
bool looks_like_fence(std::string_view line);

}  // namespace folio::read
