#include "render/page_labels.hpp"

#include <cctype>

namespace folio {
namespace {

std::string to_roman(int n) {
    static const std::pair<int, const char*> parts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                        {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                        {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (const auto& [value, text] : parts)
        while (n >= value) out += text, n -= value;
    return out;
}

int decimal_value(const std::string& s) {
    if (s.empty() || s.size() > 9 || s[0] == '0') return 0;
    int n = 0;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

}  // namespace

int roman_value(const std::string& s) {
    if (s.empty() || s.size() > 15) return 0;
    static const std::string digits = "ivxlcdm";
    static const int values[] = {1, 5, 10, 50, 100, 500, 1000};
    int total = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto k = digits.find(s[i]);
        if (k == std::string::npos) return 0;
        int v = values[k];
        if (i + 1 < s.size()) {
            const auto next = digits.find(s[i + 1]);
            if (next != std::string::npos && values[next] > v) v = -v;
        }
        total += v;
    }
    // Only the canonical spelling counts: "iiii" or "ic" are not page numbers.
    return total > 0 && to_roman(total) == s ? total : 0;
}

std::vector<LabelRange> label_ranges(const std::vector<std::string>& labels) {
    std::vector<LabelRange> out;
    int expected = 0;  // the number the current range's next page would get
    for (size_t i = 0; i < labels.size(); ++i) {
        LabelRange r;
        r.first_page = static_cast<int>(i);
        if (int d = decimal_value(labels[i])) r.style = LabelStyle::decimal, r.first_number = d;
        else if (int v = roman_value(labels[i])) r.style = LabelStyle::lower_roman, r.first_number = v;
        else r.prefix = labels[i];
        if (!out.empty() && r.style != LabelStyle::none && out.back().style == r.style && r.first_number == expected) {
            ++expected;
            continue;
        }
        expected = r.first_number + 1;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace folio
