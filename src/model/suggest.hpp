#pragma once
// "Did you mean ...?" for misspelt names: front matter keys, kinds, locator
// labels, citation keys, folio.toml keys. One rule everywhere, so hints are
// consistent across the tool.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace folio {

// Optimal string alignment distance (Levenshtein plus adjacent
// transpositions), on bytes, ASCII case-insensitively.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a likely
// typo rather than another word: distance at most 1 for words of up to four
// characters, at most a third of the length (rounded up) for longer ones.
// Ties go to the earliest candidate, so the answer is deterministic. Empty
// when nothing is close.
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'x'?", or empty when nothing is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace folio
