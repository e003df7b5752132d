#pragma once
// Where a node or a problem came from. The file is not stored per node: every
// node belongs to one Post, which knows its path, so a node carries only the
// line and column (both 1-based; 0 means "unknown").
#include <cstdint>

namespace folio {

struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    bool known() const { return line != 0; }
    friend bool operator==(const SourcePos&, const SourcePos&) = default;
};

}  // namespace folio
