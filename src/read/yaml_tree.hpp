#pragma once
// A YAML document as a small tree whose every node keeps its file position,
// built from yaml-cpp's event stream rather than YAML::Load, so that we can
// (a) report a wrong value at its own line and column, (b) refuse aliases and
// bound the size before any tree exists (front matter is a dozen keys: an
// alias bomb or 10,000 nested lists is an attack, not a post), and (c) see
// duplicate keys, which YAML::Node silently merges.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/source_pos.hpp"

namespace folio::read {

struct YamlEntry;

struct YamlNode {
    enum class Type { null, scalar, sequence, mapping };
    Type type = Type::null;
    SourcePos pos;
    std::string value;   // scalars
    bool quoted = false; // a quoted scalar ('...' or "..."): always a string
    std::vector<YamlNode> items;                          // sequences
    std::vector<YamlEntry> entries;                       // mappings, in order

    const char* type_name() const;
};

// A mapping's key and value. A named struct, not std::pair: a pair of a type
// still being defined is ill-formed, and clang with libstdc++ rejects it.
struct YamlEntry {
    YamlNode key;
    YamlNode value;
};

struct YamlLimits {
    std::size_t max_nodes = 2000;
    std::size_t max_depth = 16;
};

// Parses the first document of `yaml`. Positions are translated to the file:
// YAML's line 0 is file line `first_line`. Errors (syntax, aliases, limits)
// go to `diags` against `path`; nullopt then.
std::optional<YamlNode> parse_yaml(const std::string& path, std::string_view yaml, std::uint32_t first_line,
                                   Diagnostics& diags, YamlLimits limits = {});

}  // namespace folio::read
