#pragma once
// nlohmann::json keeps no source positions, so the items of a top-level JSON
// array are located by a small scan of the (already well-formed) text: where
// each element starts and where its "id" key is.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace folio::read {

struct JsonItemPosition {
    std::size_t start = 0;               // byte offset of the element's first byte
    std::optional<std::size_t> id_key;   // byte offset of the `"id"` key, for objects that have one
};

// One entry per element of the top-level array, in order; empty when the
// text's top level is not an array. Call it only on text that parsed.
std::vector<JsonItemPosition> locate_array_items(std::string_view json);

// Line and column (1-based, columns in bytes) of a byte offset.
struct LineCol {
    std::size_t line = 1;
    std::size_t column = 1;
};
LineCol line_col(std::string_view text, std::size_t offset);

}  // namespace folio::read
