#include "model/toml_slips.hpp"

#include <cctype>

namespace folio {

namespace {

std::string_view line_of(std::string_view text, std::uint32_t line) {
    std::size_t start = 0;
    for (std::uint32_t n = 1; n < line; ++n) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) return {};
        start = end + 1;
    }
    std::string_view l = text.substr(start);
    l = l.substr(0, l.find('\n'));
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

}  // namespace

std::optional<TomlSlip> explain_toml_error(std::string_view description, std::string_view text,
                                           std::uint32_t line, std::uint32_t column) {
    const std::string n = std::to_string(line);
    if (description.find("control characters") != std::string_view::npos) {
        if (description.find("literal string") != std::string_view::npos)
            return TomlSlip{
                "this string is not closed on its line",
                "add the closing ' at the end of line " + n + " (for text over several lines use '''...''')"};
        if (description.find("parsing string") != std::string_view::npos)
            return TomlSlip{"this string is not closed on its line",
                            "add the closing \" at the end of line " + n +
                                " (for text over several lines use \"\"\"...\"\"\")"};
        return std::nullopt;
    }
    if (description.find("could not determine value type") == std::string_view::npos || column == 0)
        return std::nullopt;
    const std::string_view l = line_of(text, line);
    if (column - 1 >= l.size()) return std::nullopt;
    std::string_view word = l.substr(column - 1);
    word = word.substr(0, word.find_first_of(",]}#"));
    while (!word.empty() && (word.back() == ' ' || word.back() == '\t')) word.remove_suffix(1);
    if (word.empty() || !std::isalpha(static_cast<unsigned char>(word.front()))) return std::nullopt;
    std::string quoted = "\"";
    for (char c : word) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    return TomlSlip{"'" + std::string(word) + "' is text, and text in TOML goes in quotes",
                    "write " + quoted};
}

}  // namespace folio
