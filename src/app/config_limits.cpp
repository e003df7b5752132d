#include "app/config_limits.hpp"

#include <array>
#include <optional>
#include <vector>

#include "app/byte_size.hpp"
#include "app/toml_diagnostics.hpp"

namespace folio {

namespace {

struct LimitKey {
    const char* name;
    std::uint64_t Limits::*field;
    bool size;              // bytes: accepts "1 MiB"
    std::uint64_t ceiling;  // what folio cannot go past safely, whatever the project asks
    const char* why;        // said when the ceiling is passed
};

// The ceilings keep the guarantees the limits exist for: nesting is bounded
// by the stack of a reading thread, images by what Cairo can allocate.
constexpr std::array<LimitKey, 9> limit_keys{{
    {"post_size", &Limits::post_size, true, 1ull << 30, "a post is read whole into memory"},
    {"bibliography_size", &Limits::bibliography_size, true, 1ull << 30, "the bibliography is read whole into memory"},
    {"bibliography_entries", &Limits::bibliography_entries, false, 10'000'000, "every entry is kept in memory"},
    {"names_per_entry", &Limits::names_per_entry, false, 1'000'000, "every name is kept in memory"},
    {"nesting_depth", &Limits::nesting_depth, false, 256, "each level is a stack frame in the reader and the layout"},
    {"footnotes", &Limits::footnotes, false, 1'000'000, "every note is kept in memory"},
    {"table_columns", &Limits::table_columns, false, 10'000, "every column needs room on the page"},
    {"image_side", &Limits::image_side, false, 32'767, "Cairo cannot make a larger image"},
    {"image_pixels", &Limits::image_pixels, false, 250'000'000, "a decoded pixel takes 4 bytes of memory"},
}};

}  // namespace

void read_limits(const std::string& path, const toml::table& table, Limits& limits, Diagnostics& diags) {
    std::vector<std::string> names;
    for (const auto& k : limit_keys) names.emplace_back(k.name);
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        const LimitKey* found = nullptr;
        for (const auto& candidate : limit_keys)
            if (k == candidate.name) found = &candidate;
        if (!found) {
            unknown_key(diags, path, key, "[limits]", names);
            continue;
        }
        std::optional<std::uint64_t> value;
        if (const auto* i = node.as_integer(); i && i->get() >= 0) {
            value = static_cast<std::uint64_t>(i->get());
        } else if (const auto* s = node.as_string(); s && found->size) {
            value = parse_byte_size(s->get());
        }
        if (!value) {
            diags.error(path, toml_pos(node),
                        "'" + k + "' in [limits] must be " +
                            (found->size ? std::string("a size, in bytes or with a unit") : "a whole number"),
                        found->size ? "for example " + k + " = \"4 MiB\" (units: KiB, MiB, GiB, KB, MB, GB)"
                                    : "for example " + k + " = " + std::to_string(limits.*(found->field) * 2));
            continue;
        }
        if (*value == 0) {
            diags.error(path, toml_pos(node), "'" + k + "' in [limits] must be at least 1",
                        "remove the key to keep the default");
            continue;
        }
        if (*value > found->ceiling) {
            diags.error(path, toml_pos(node),
                        "'" + k + "' in [limits] can be at most " +
                            (found->size ? format_byte_size(found->ceiling) : format_count(found->ceiling)),
                        std::string(found->why) + "; folio refuses larger input rather than crash on it");
            continue;
        }
        limits.*(found->field) = *value;
    }
}

}  // namespace folio
