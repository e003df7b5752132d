#include "model/roman.hpp"

#include <utility>

namespace folio {

std::string roman(long long n) {
    if (n <= 0 || n >= 4000) return std::to_string(n);
    static const std::pair<int, const char*> parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                        {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                        {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (const auto& [value, text] : parts)
        while (n >= value) out += text, n -= value;
    return out;
}

}  // namespace folio
