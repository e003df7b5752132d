#include "layout/hyphenator.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <vector>

namespace folio {
namespace {

// Past this many distinct words the table starts again: a bound on memory
// for a pathological input of endless distinct words (a real pack's
// vocabulary is a few tens of thousands).
constexpr size_t max_known_words = 200000;

}  // namespace

std::vector<int> Hyphenator::compute(std::string_view word, size_t left, size_t right) const {
    const std::string lower(word);  // libhyphen wants it NUL-terminated
    std::vector<char> hyphens(lower.size() + 5, '0');
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed = hnj_hyphen_hyphenate2(m_dict, lower.c_str(), static_cast<int>(lower.size()), hyphens.data(),
                                             nullptr, &rep, &pos, &cut);
    if (rep) {  // non-standard hyphenation: never produced by the English patterns
        for (size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
    std::vector<int> points;
    if (failed) return points;
    for (size_t i = 0; i + 1 < lower.size(); ++i) {
        const size_t before = i + 1, after = lower.size() - before;
        if (before >= left && after >= right && (hyphens[i] & 1)) points.push_back(static_cast<int>(i));
    }
    return points;
}

const std::vector<int>& Hyphenator::points(std::string_view word, size_t left, size_t right) {
    // The minimums ride at the end of the key (two bytes), so a call with
    // other minimums never gets this one's answer.
    m_lower.assign(word);
    for (char& c : m_lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const size_t letters = m_lower.size();
    m_lower.push_back(static_cast<char>(left));
    m_lower.push_back(static_cast<char>(right));
    if (auto it = m_known.find(m_lower); it != m_known.end()) return it->second;
    if (m_known.size() >= max_known_words) m_known.clear();
    std::vector<int> points = compute(std::string_view(m_lower).substr(0, letters), left, right);
    return m_known.emplace(m_lower, std::move(points)).first->second;
}

}  // namespace folio
