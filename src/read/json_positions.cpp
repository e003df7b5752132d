#include "read/json_positions.hpp"

namespace folio::read {

namespace {

bool is_json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Offset one past the string starting at text[at] (a '"').
std::size_t skip_string(std::string_view text, std::size_t at) {
    std::size_t i = at + 1;
    while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
    return i + 1;
}

}  // namespace

std::vector<JsonItemPosition> locate_array_items(std::string_view json) {
    std::vector<JsonItemPosition> items;
    std::size_t i = 0;
    if (json.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < json.size() && is_json_space(json[i])) ++i;
    if (i >= json.size() || json[i] != '[') return items;
    ++i;
    int depth = 1;             // inside the top-level array
    bool expect_item = true;   // at depth 1, the next value starts an element
    bool expect_key = false;   // at depth 2 inside an object, the next string is a key
    bool object_item = false;  // the element being scanned is an object
    while (i < json.size() && depth > 0) {
        const char c = json[i];
        if (is_json_space(c)) {
            ++i;
            continue;
        }
        if (depth == 1 && expect_item && c != ']') {
            items.push_back({i, std::nullopt});
            expect_item = false;
        }
        switch (c) {
        case '"': {
            const std::size_t end = skip_string(json, i);
            if (depth == 2 && expect_key && json.substr(i, end - i) == "\"id\"" && !items.empty())
                items.back().id_key = i;
            expect_key = false;
            i = end;
            continue;
        }
        case '{':
            ++depth;
            if (depth == 2) expect_key = object_item = true;
            break;
        case '[':
            ++depth;
            if (depth == 2) object_item = false;
            break;
        case '}':
        case ']':
            --depth;
            break;
        case ',':
            if (depth == 1) expect_item = true;
            if (depth == 2) expect_key = object_item;
            break;
        default:
            break;
        }
        ++i;
    }
    return items;
}

LineCol line_col(std::string_view text, std::size_t offset) {
    LineCol lc;
    std::size_t line_start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") line_start = 3;
    for (std::size_t i = line_start; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++lc.line;
            line_start = i + 1;
        }
    }
    lc.column = offset >= line_start ? offset - line_start + 1 : 1;
    return lc;
}

}  // namespace folio::read
