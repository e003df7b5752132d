#include "app/toml_diagnostics.hpp"

#include "model/suggest.hpp"

namespace folio {

SourcePos toml_pos(const toml::source_region& region) {
    return {static_cast<std::uint32_t>(region.begin.line), static_cast<std::uint32_t>(region.begin.column)};
}

void unknown_key(Diagnostics& diags, const std::string& path, const toml::key& key, const std::string& where,
                 const std::vector<std::string>& known) {
    const std::string k(key.str());
    const std::string near = closest_match(k, known);
    std::string all;
    for (const auto& name : known) all += (all.empty() ? "" : ", ") + name;
    diags.warning(path, toml_pos(key.source()), "unknown key '" + k + "' in " + where,
                  near.empty() ? "known keys: " + all : "did you mean '" + near + "'?");
}

}  // namespace folio
