#include "app/byte_size.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace folio {

namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The multiple a unit stands for, 0 for no unit we know.
std::uint64_t unit_factor(std::string_view unit) {
    const std::string u = lower(unit);
    if (u.empty() || u == "b") return 1;
    constexpr std::string_view prefixes = "kmgt";
    const auto at = prefixes.find(u[0]);
    if (at == std::string_view::npos) return 0;
    const std::string_view rest = std::string_view(u).substr(1);
    std::uint64_t binary = 1, decimal = 1;
    for (std::size_t i = 0; i <= at; ++i) {
        binary *= 1024;
        decimal *= 1000;
    }
    if (rest.empty() || rest == "ib") return binary;
    if (rest == "b") return decimal;
    return 0;
}

}  // namespace

std::optional<std::uint64_t> parse_byte_size(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::size_t i = 0;
    std::uint64_t whole = 0;
    if (text.empty() || !is_digit(text[0])) return std::nullopt;
    for (; i < text.size() && is_digit(text[i]); ++i) {
        const auto digit = static_cast<std::uint64_t>(text[i] - '0');
        if (whole > (UINT64_MAX - digit) / 10) return std::nullopt;
        whole = whole * 10 + digit;
    }
    // The fraction in integers, so "1.5G" is exactly 1.5 GiB. Six digits
    // keep fraction * factor within 64 bits (10^6 * 2^40); later ones are
    // dropped, which can only round down, by less than a millionth.
    std::uint64_t fraction = 0, scale = 1;
    bool has_fraction = false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (i == text.size() || !is_digit(text[i])) return std::nullopt;
        has_fraction = true;
        for (; i < text.size() && is_digit(text[i]); ++i)
            if (scale < 1'000'000) {
                fraction = fraction * 10 + static_cast<std::uint64_t>(text[i] - '0');
                scale *= 10;
            }
    }
    while (i < text.size() && text[i] == ' ') ++i;
    const std::string_view unit = text.substr(i);
    const std::uint64_t factor = unit_factor(unit);
    if (factor == 0 || (has_fraction && unit.empty())) return std::nullopt;
    if (whole > UINT64_MAX / factor) return std::nullopt;
    const std::uint64_t bytes = whole * factor;
    const std::uint64_t part = fraction * factor / scale;
    if (bytes > UINT64_MAX - part) return std::nullopt;
    return bytes + part;
}

std::string format_count(std::uint64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string format_byte_size(std::uint64_t bytes) {
    for (const auto& [name, factor] : {std::pair{"GiB", 1ull << 30}, {"MiB", 1ull << 20}, {"KiB", 1ull << 10}})
        if (bytes >= factor && bytes % factor == 0) return format_count(bytes / factor) + " " + name;
    return format_count(bytes) + (bytes == 1 ? " byte" : " bytes");
}

}  // namespace folio
