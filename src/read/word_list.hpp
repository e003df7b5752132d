#pragma once
// Membership in the fixed word lists the readers check values against
// (front matter kinds, CSL variable names).
#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace folio::read {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace folio::read
