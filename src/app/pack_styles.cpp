#include "app/pack_styles.hpp"

#include <algorithm>
#include <map>

#include "app/files.hpp"
#include "app/shipped_files.hpp"
#include "layout/style_file.hpp"
#include "model/digest.hpp"
#include "model/suggest.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {

// The names of the styles folio ships (styles/*.toml), sorted.
std::vector<std::string> shipped_style_names() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(shipped_styles_dir(), ec))
        if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

Result<fs::path> find_style_file(const std::string& name, const fs::path& input_dir) {
    std::error_code ec;
    if (name.size() > 5 && name.ends_with(".toml")) {
        const fs::path path = fs::path(name).is_absolute() ? fs::path(name) : input_dir / name;
        if (fs::is_regular_file(path, ec)) return path;
        return Error{"style file '" + name + "' not found (looked for " + path.string() + ")"};
    }
    const fs::path path = shipped_styles_dir() / (name + ".toml");
    if (!name.empty() && name.find('/') == std::string::npos && fs::is_regular_file(path, ec)) return path;
    return Error{"style '" + name + "' not found in " + shipped_styles_dir().string()};
}

PackStyles load_pack_styles(const std::vector<Pack>& packs, const Project& project, Diagnostics& diags) {
    PackStyles out;
    // Loaded styles by file; nullopt for one that failed (reported once).
    std::map<fs::path, std::optional<Style>> loaded;
    std::optional<Result<std::vector<std::string>>> families;  // fontconfig is asked only when a style is read
    for (const Pack& pack : packs) {
        auto path = find_style_file(pack.style, project.input_dir);
        if (!path) {
            SourcePos at;
            for (const PackSpec& spec : project.pack_specs)
                if (spec.pack.id == pack.id) at = spec.style_pos.known() ? spec.style_pos : spec.pos;
            const std::vector<std::string> shipped = shipped_style_names();
            const std::string near = closest_match(pack.style, shipped);
            std::string all;
            for (const auto& n : shipped) all += (all.empty() ? "\"" : ", \"") + n + "\"";
            diags.error(project.config_path.empty() ? project.input_dir.string() : project.config_path, at,
                        "pack '" + pack.id + "': " + path.error(),
                        near.empty() ? "set style to one of " + all + ", or to a path ending in .toml"
                                     : "did you mean \"" + near + "\"?");
            out.per_pack.emplace_back();
            out.paths.emplace_back();
            continue;
        }
        auto at = loaded.find(*path);
        if (at == loaded.end()) {
            std::optional<Style> style;
            if (!families) families = font_families(default_resources().fonts_dir);
            auto text = read_file(*path);
            if (!text) {
                diags.error(path->string(), {}, text.error());
            } else if (!*families) {
                diags.error(path->string(), {}, "cannot check the style's fonts: " + families->error());
            } else {
                auto kept = std::make_shared<const std::string>(std::move(*text));
                out.files.push_back(InputFile{path->string(), kept->size(), to_hex(sha256(*kept)), kept});
                Diagnostics style_diags;
                Style read = read_style(path->string(), *kept, families->value(), style_diags);
                if (!style_diags.has_errors()) style = read;
                diags.append(style_diags);
            }
            at = loaded.emplace(*path, style).first;
        }
        out.per_pack.push_back(at->second.value_or(Style{}));
        out.paths.push_back(*path);
    }
    return out;
}

}  // namespace folio
