#include "model/suggest.hpp"

#include <algorithm>

namespace folio {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

template <typename Range>
std::string nearest(std::string_view word, const Range& candidates) {
    if (word.empty()) return {};
    const std::size_t limit = word.size() <= 4 ? 1 : (word.size() + 2) / 3;
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const auto& candidate : candidates) {
        const std::string_view c(candidate);
        // Lengths that differ by more than the limit cannot be close enough.
        const std::size_t diff = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (diff > limit) continue;
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c);
        }
    }
    return best;
}

std::string hint(const std::string& match) { return match.empty() ? match : "did you mean '" + match + "'?"; }

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    // Three rolling rows are enough for the transposition term.
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2.swap(prev);
        prev.swap(cur);
    }
    return prev[m];
}

std::string closest_match(std::string_view word, std::span<const std::string_view> candidates) {
    return nearest(word, candidates);
}
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
    return nearest(word, candidates);
}
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
    return hint(nearest(word, candidates));
}
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    return hint(nearest(word, candidates));
}

}  // namespace folio
