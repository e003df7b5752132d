#include "read/front_matter_slips.hpp"

#include <cctype>
#include <optional>

namespace folio::read {
namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == text.size()) break;
        start = end + 1;
    }
    return lines;
}

size_t indent_of(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    return i;
}

bool is_key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// `name:` at `line`'s indent, followed by a space or the end of the line:
// the start of a key. Only the part of the line before `end` counts.
std::optional<std::string> key_of(std::string_view line, size_t end) {
    line = line.substr(0, end);
    const size_t from = indent_of(line);
    size_t i = from;
    while (i < line.size() && is_key_char(line[i])) ++i;
    if (i == from || !std::isalpha(static_cast<unsigned char>(line[from]))) return std::nullopt;
    if (i >= line.size() || line[i] != ':') return std::nullopt;
    if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t') return std::nullopt;
    return std::string(line.substr(from, i - from));
}

// Where a value opened by `quote` closes in `line`, from `from`: a backslash
// escapes in double quotes, a doubled quote in single quotes.
std::optional<size_t> closing_quote(std::string_view line, size_t from, char quote) {
    for (size_t i = from; i < line.size(); ++i) {
        if (quote == '"' && line[i] == '\\') {
            ++i;
            continue;
        }
        if (line[i] != quote) continue;
        if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
            continue;
        }
        return i;
    }
    return std::nullopt;
}

// The column of the quote that opens a line's value (`key: "...` or
// `- '...`), if it has one.
std::optional<size_t> opening_quote(std::string_view line) {
    size_t i = indent_of(line);
    if (i < line.size() && line[i] == '-' && i + 1 < line.size() && line[i + 1] == ' ') {
        i += 2;
    } else {
        if (!key_of(line, line.size())) return std::nullopt;
        i = line.find(':', i) + 1;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i < line.size() && (line[i] == '"' || line[i] == '\'')) return i;
    return std::nullopt;
}

// `key: |` or `key: >`, with chomping and indentation indicators or a
// comment after them.
bool block_scalar_starts(std::string_view line) {
    if (!key_of(line, line.size())) return false;
    size_t i = line.find(':') + 1;
    while (i < line.size() && line[i] == ' ') ++i;
    if (i >= line.size() || (line[i] != '|' && line[i] != '>')) return false;
    for (++i; i < line.size() && line[i] != '#'; ++i)
        if (line[i] != '+' && line[i] != '-' && line[i] != ' ' &&
            !std::isdigit(static_cast<unsigned char>(line[i])))
            return false;
    return true;
}

}  // namespace

std::vector<UnclosedQuote> find_unclosed_quotes(std::string_view yaml, std::uint32_t first_line) {
    const auto lines = split_lines(yaml);
    std::vector<UnclosedQuote> found;
    for (size_t row = 0; row < lines.size(); ++row) {
        // The lines of a block scalar (`key: |` or `key: >`) are text, not
        // values: skip those indented under it.
        if (block_scalar_starts(lines[row])) {
            const size_t level = indent_of(lines[row]);
            while (row + 1 < lines.size() &&
                   (indent_of(lines[row + 1]) > level ||
                    lines[row + 1].find_first_not_of(' ') == std::string_view::npos))
                ++row;
            continue;
        }
        const auto open = opening_quote(lines[row]);
        if (!open) continue;
        const char quote = lines[row][*open];
        if (closing_quote(lines[row], *open + 1, quote)) continue;
        UnclosedQuote q;
        q.opening = {static_cast<std::uint32_t>(row) + first_line, static_cast<std::uint32_t>(*open) + 1};
        const size_t level = indent_of(lines[row]);
        size_t next = row + 1;
        for (; next < lines.size(); ++next) {
            const auto close = closing_quote(lines[next], 0, quote);
            if (indent_of(lines[next]) <= level)
                if (auto key = key_of(lines[next], close.value_or(lines[next].size()))) {
                    if (q.keys.empty()) q.swallowed_line = static_cast<std::uint32_t>(next) + first_line;
                    q.keys.push_back(*key);
                }
            if (close) break;
        }
        if (q.keys.empty()) continue;
        found.push_back(std::move(q));
        row = next;  // the lines taken in are not values of their own
    }
    return found;
}

std::vector<SourcePos> find_tab_indents(std::string_view yaml, std::uint32_t first_line) {
    std::vector<SourcePos> found;
    const auto lines = split_lines(yaml);
    for (size_t row = 0; row < lines.size(); ++row) {
        const std::string_view line = lines[row];
        const size_t text = line.find_first_not_of(" \t");
        if (text == std::string_view::npos || line[text] == '#') continue;  // blank or a comment
        const size_t tab = line.find('\t');
        if (tab < text)
            found.push_back(
                {static_cast<std::uint32_t>(row) + first_line, static_cast<std::uint32_t>(tab) + 1});
    }
    return found;
}

std::optional<QuotedValue> quote_value_with_colon(std::string_view line) {
    auto key = key_of(line, line.size());
    if (!key) return std::nullopt;
    size_t i = line.find(':') + 1;
    while (i < line.size() && line[i] == ' ') ++i;
    std::string_view value = line.substr(i);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    if (value.empty() || std::string_view("\"'[{|>&*!").find(value.front()) != std::string_view::npos)
        return std::nullopt;
    if (value.find(": ") == std::string_view::npos) return std::nullopt;
    std::string quoted;
    for (char c : value) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    return QuotedValue{*key, std::string(line.substr(0, line.find(':') + 1)) + " \"" + quoted + "\""};
}

bool looks_like_fence(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    const size_t dashes = line.find_first_not_of('-');
    if (dashes == std::string_view::npos) return line.size() == 2 || line.size() >= 4;
    return dashes == 3;  // `--- text`
}

std::string_view line_of(std::string_view text, std::size_t index) {
    const auto lines = split_lines(text);
    return index < lines.size() ? lines[index] : std::string_view{};
}

}  // namespace folio::read
