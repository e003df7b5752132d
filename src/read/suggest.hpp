#pragma once
// "Did you mean ...?" for misspelt names (front matter keys, kinds, locator
// labels): the closest candidate by edit distance, when it is close enough to
// be a likely typo rather than a different word.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace folio::read {

// Levenshtein distance counting an adjacent transposition as one edit
// (optimal string alignment), on bytes, ASCII case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if its distance is at most 1 for short
// words and at most a third of the word's length (rounded up) otherwise.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);

// `did you mean 'x'?`, or empty when nothing is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace folio::read
