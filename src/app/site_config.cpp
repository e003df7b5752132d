#include "app/site_config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>

#include "model/suggest.hpp"

namespace folio {

namespace {

SourcePos pos_of(const toml::source_region& r) {
    return {static_cast<std::uint32_t>(r.begin.line), static_cast<std::uint32_t>(r.begin.column)};
}

struct SiteKey {
    const char* name;
    std::string SiteMeta::*field;
};
constexpr std::array<SiteKey, 10> site_keys{{
    {"name", &SiteMeta::name},
    {"short_name", &SiteMeta::short_name},
    {"description", &SiteMeta::description},
    {"about", &SiteMeta::about},
    {"about_attribution", &SiteMeta::about_attribution},
    {"disclaimer", &SiteMeta::disclaimer},
    {"language", &SiteMeta::language},
    {"contact", &SiteMeta::contact},
    {"rights", &SiteMeta::rights},
    {"logo", &SiteMeta::logo},
}};

// Top-level tables folio.toml may have; `pack` is read by the pack configuration.
constexpr std::array<const char*, 2> top_level_keys{"site", "pack"};

}  // namespace

SiteMeta read_site_config(const std::string& path, std::string_view text, Diagnostics& diags) {
    SiteMeta site;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        diags.error(path, pos_of(e.source()), std::string(e.description()), "folio.toml must be valid TOML 1.0");
        return site;
    }
    std::vector<std::string> top_names(top_level_keys.begin(), top_level_keys.end());
    for (const auto& [key, node] : root) {
        const std::string k(key.str());
        if (std::find(top_names.begin(), top_names.end(), k) == top_names.end()) {
            const std::string near = closest_match(k, top_names);
            diags.warning(path, pos_of(key.source()), "unknown table or key '" + k + "' in folio.toml",
                          near.empty() ? "" : "did you mean '" + near + "'?");
        }
    }
    const toml::node* site_node = root.get("site");
    if (!site_node) return site;
    const toml::table* table = site_node->as_table();
    if (!table) {
        diags.error(path, pos_of(site_node->source()), "'site' must be a table", "write [site] on its own line");
        return site;
    }
    std::vector<std::string> names;
    for (const auto& k : site_keys) names.emplace_back(k.name);
    for (const auto& [key, node] : *table) {
        const std::string k(key.str());
        const SiteKey* found = nullptr;
        for (const auto& sk : site_keys)
            if (k == sk.name) found = &sk;
        if (!found) {
            const std::string near = closest_match(k, names);
            diags.warning(path, pos_of(key.source()), "unknown key '" + k + "' in [site]",
                          near.empty() ? "known keys: name, short_name, description, about, about_attribution, "
                                         "disclaimer, language, contact, rights, logo"
                                       : "did you mean '" + near + "'?");
            continue;
        }
        if (const auto* s = node.as_string()) {
            site.*(found->field) = s->get();
        } else {
            diags.error(path, pos_of(node.source()), "'" + k + "' in [site] must be a string",
                        "put the value in quotes, or \"\"\"triple quotes\"\"\" for several lines");
        }
    }
    return site;
}

}  // namespace folio
