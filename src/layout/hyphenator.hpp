#pragma once
// Where a word may be hyphenated, from libhyphen's patterns, remembered per
// word. Running text repeats its words (a 1,000-post pack has under 2% of
// its words distinct), so each layout thread keeps the answers it has
// worked out instead of running the patterns over every occurrence again.
// Owned by a TypeContext: one per thread, no locking, no global state.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

typedef struct _HyphenDict HyphenDict;

namespace folio {

class Hyphenator {
public:
    explicit Hyphenator(HyphenDict* dict) : m_dict(dict) {}

    // The offsets i (ascending) after which `word`, a run of
    // ASCII letters in any case, may take a hyphen: at least `left` letters
    // before the break and `right` after it. Empty when the patterns find
    // no point or fail. Valid until the next call.
    const std::vector<int>& points(std::string_view word, size_t left, size_t right);

private:
    std::vector<int> compute(std::string_view word, size_t left, size_t right) const;

    HyphenDict* m_dict;
    std::string m_lower;  // the word in lower case, reused between calls
    // Key: the lower-case word and the two minimums.
    std::unordered_map<std::string, std::vector<int>> m_known;
};

}  // namespace folio
