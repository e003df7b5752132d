#pragma once
// "Did you mean ...?" for misspelt keys, kinds and citation keys.
#include <string>
#include <string_view>
#include <vector>

namespace folio {

// Optimal string alignment distance (Levenshtein plus adjacent transpositions),
// counted in bytes; case-sensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a plausible
// typo (distance at most 2, and at most a third of the word's length, rounded
// up); empty otherwise. Ties go to the earliest candidate, so the answer is
// deterministic.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace folio
