#include "app/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>

#include "app/archive_sources.hpp"
#include "app/config_limits.hpp"
#include "app/toml_diagnostics.hpp"
#include "model/suggest.hpp"
#include "model/toml_slips.hpp"

namespace folio {

namespace {

// Small typed readers: each reports a wrong type at the value and returns
// nullopt, so one bad value never stops the rest of the file being checked.
class TableReader {
public:
    TableReader(const std::string& path, const std::string& where, Diagnostics& diags)
        : m_path(path), m_where(where), m_diags(diags) {}

    std::optional<std::string> string(const toml::node& node, const std::string& key) {
        if (const auto* s = node.as_string()) return s->get();
        wrong(node, key, "a string", "put the value in quotes, or \"\"\"triple quotes\"\"\" for several lines");
        return std::nullopt;
    }

    std::optional<bool> boolean(const toml::node& node, const std::string& key) {
        if (const auto* b = node.as_boolean()) return b->get();
        wrong(node, key, "true or false", "");
        return std::nullopt;
    }

    std::optional<std::vector<std::string>> strings(const toml::node& node, const std::string& key,
                                                    std::vector<SourcePos>* positions = nullptr) {
        const auto* array = node.as_array();
        if (!array) {
            wrong(node, key, "a list of strings", "write it as [\"first\", \"second\"]");
            return std::nullopt;
        }
        std::vector<std::string> out;
        for (const auto& element : *array) {
            const auto* s = element.as_string();
            if (!s) {
                wrong(element, key, "a list of strings", "write it as [\"first\", \"second\"]");
                return std::nullopt;
            }
            out.push_back(s->get());
            if (positions) positions->push_back(toml_pos(element.source()));
        }
        return out;
    }

    // A TOML date (2023-10-21) or a string holding one.
    std::optional<Date> date(const toml::node& node, const std::string& key) {
        if (const auto* d = node.as_date()) {
            const auto v = d->get();
            if (auto checked = parse_iso_date(Date{v.year, v.month, v.day}.iso())) return checked;
        } else if (const auto* s = node.as_string()) {
            if (auto checked = parse_iso_date(s->get())) return checked;
        }
        wrong(node, key, "a date YYYY-MM-DD", "for example 2023-10-21");
        return std::nullopt;
    }

    void bad_value(const toml::node& node, const std::string& message, const std::string& hint) {
        m_diags.error(m_path, toml_pos(node.source()), message, hint);
    }

private:
    void wrong(const toml::node& node, const std::string& key, const std::string& expected, const std::string& hint) {
        m_diags.error(m_path, toml_pos(node.source()), "'" + key + "' in " + m_where + " must be " + expected, hint);
    }

    const std::string& m_path;
    std::string m_where;
    Diagnostics& m_diags;
};

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

void read_site(const std::string& path, const toml::table& table, SiteMeta& site, Diagnostics& diags) {
    TableReader read(path, "[site]", diags);
    std::vector<std::string> names;
    for (const auto& k : site_keys) names.emplace_back(k.name);
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        const auto found = std::find_if(site_keys.begin(), site_keys.end(), [&](const SiteKey& s) { return k == s.name; });
        if (found == site_keys.end()) {
            unknown_key(diags, path, key, "[site]", names);
            continue;
        }
        if (auto value = read.string(node, k)) site.*(found->field) = *value;
    }
}

const std::vector<std::string> pack_keys{"id",    "title",      "subtitle",  "edition",        "tags",
                                         "kinds", "from",       "to",        "files",          "order",
                                         "page_size", "style",  "citation_style", "references", "start_on_right",
                                         "outputs", "pdf_file", "epub_file", "pdf_archive_file"};

// Pack ids name output files: keep them to what every file system accepts.
bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64 || id.front() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

PackSpec read_pack(const std::string& path, const toml::table& table, std::size_t index, Diagnostics& diags) {
    PackSpec spec;
    spec.pos = toml_pos(table.source());
    Pack& pack = spec.pack;
    pack.id.clear();
    std::string pdf_file, epub_file, archive_file;  // overrides of "<id>.pdf", "<id>.epub", "<id>-archive.pdf"
    TableReader read(path, "[[pack]] number " + std::to_string(index + 1), diags);
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        if (k == "id") {
            if (auto v = read.string(node, k)) {
                if (valid_id(*v))
                    pack.id = *v;
                else
                    read.bad_value(node, "pack id '" + *v + "' is not a usable file name",
                                   "use lowercase letters, digits, '-' and '_', for example \"refugees\"");
            }
        } else if (k == "title") {
            if (auto v = read.string(node, k)) pack.title = *v;
        } else if (k == "subtitle") {
            if (auto v = read.string(node, k)) pack.subtitle = *v;
        } else if (k == "edition") {
            if (auto v = read.date(node, k)) {
                pack.edition = *v;
                spec.has_edition = true;
            }
        } else if (k == "tags") {
            if (auto v = read.strings(node, k)) spec.select.tags = *v;
        } else if (k == "kinds") {
            if (auto v = read.strings(node, k)) {
                for (const auto& name : *v) {
                    if (auto kind = kind_from_string(name))
                        spec.select.kinds.push_back(*kind);
                    else
                        read.bad_value(node, "unknown kind '" + name + "'",
                                       "kinds are article, opinion, letter, event, statement, news, page");
                }
            }
        } else if (k == "from") {
            spec.select.from = read.date(node, k);
        } else if (k == "to") {
            spec.select.to = read.date(node, k);
        } else if (k == "files") {
            if (auto v = read.strings(node, k, &spec.select.file_pos)) spec.select.files = *v;
        } else if (k == "order") {
            if (auto v = read.string(node, k)) {
                if (*v == "newest-first")
                    spec.order = PackOrder::newest_first;
                else if (*v == "oldest-first")
                    spec.order = PackOrder::oldest_first;
                else if (*v == "as-listed")
                    spec.order = PackOrder::as_listed;
                else
                    read.bad_value(node, "unknown order '" + *v + "'", "use \"newest-first\", \"oldest-first\" or \"as-listed\"");
            }
        } else if (k == "page_size") {
            if (auto v = read.string(node, k)) {
                if (*v == "A4" || *v == "a4")
                    pack.page_size = PageSize::a4;
                else if (*v == "Letter" || *v == "letter" || *v == "US Letter")
                    pack.page_size = PageSize::us_letter;
                else
                    read.bad_value(node, "unknown page size '" + *v + "'", "use \"A4\" or \"Letter\"");
            }
        } else if (k == "style") {
            if (auto v = read.string(node, k)) pack.style = *v;
            spec.style_pos = toml_pos(node.source());
        } else if (k == "citation_style") {
            if (auto v = read.string(node, k)) pack.citation_style = *v;
            spec.citation_style_pos = toml_pos(node.source());
        } else if (k == "references") {
            if (auto v = read.string(node, k)) {
                if (*v == "post" || *v == "pack")
                    pack.references_per_pack = *v == "pack";
                else
                    read.bad_value(node, "'references' must be \"post\" or \"pack\"", "");
            }
        } else if (k == "start_on_right") {
            if (auto v = read.boolean(node, k)) pack.start_on_right = *v;
        } else if (k == "outputs") {
            if (auto v = read.strings(node, k)) {
                pack.outputs.pdf = pack.outputs.epub = pack.outputs.pdf_archive = false;
                for (const auto& name : *v) {
                    if (name == "pdf")
                        pack.outputs.pdf = true;
                    else if (name == "epub")
                        pack.outputs.epub = true;
                    else if (name == "pdf-archive")
                        pack.outputs.pdf_archive = true;
                    else
                        read.bad_value(node, "unknown output '" + name + "'", "outputs are \"pdf\", \"epub\", \"pdf-archive\"");
                }
            }
        } else if (k == "pdf_file" || k == "epub_file" || k == "pdf_archive_file") {
            if (auto v = read.string(node, k)) {
                const std::string ext = k == "epub_file" ? ".epub" : ".pdf";
                const std::filesystem::path name(*v);
                if (name.has_parent_path() || name.extension() != ext || name.stem().empty() || v->front() == '.')
                    read.bad_value(node, "'" + k + "' must be a plain file name ending in " + ext,
                                   "outputs are written inside the output folder, for example \"briefing-pack" + ext +
                                       "\"");
                else
                    (k == "pdf_file" ? pdf_file : k == "epub_file" ? epub_file : archive_file) = *v;
            }
        } else {
            unknown_key(diags, path, key, "[[pack]]", pack_keys);
        }
    }
    if (pack.id.empty() && !table.contains("id"))
        diags.error(path, spec.pos, "a [[pack]] needs an id", "add id = \"name\": it names the output files");
    if (spec.select.from && spec.select.to && *spec.select.to < *spec.select.from)
        diags.error(path, spec.pos, "pack '" + pack.id + "' has 'to' before 'from'", "swap the two dates");
    pack.outputs.pdf_file = pdf_file.empty() ? pack.id + ".pdf" : pdf_file;
    pack.outputs.epub_file = epub_file.empty() ? pack.id + ".epub" : epub_file;
    pack.outputs.pdf_archive_file = archive_file;  // empty: beside the PDF, "<pdf stem>-archive.pdf"
    return spec;
}

// A file a pack writes into the output folder: by its settings, or only
// when the build is given --archive (every pack then writes its archive
// edition, which is why that name is claimed even when unset).
struct WrittenFile {
    std::string name;
    bool with_archive_option = false;
};
std::vector<WrittenFile> written_files(const Pack& pack) {
    std::vector<WrittenFile> out;
    if (pack.outputs.pdf) out.push_back({pack.outputs.pdf_file});
    out.push_back({archive_file_name(pack), !pack.outputs.pdf_archive});
    if (pack.outputs.epub) out.push_back({pack.outputs.epub_file});
    return out;
}

// "pack 'a'", and when it writes the file only with --archive, says so.
std::string writer_name(const std::string& id, bool with_archive_option) {
    return "pack '" + id + "'" + (with_archive_option ? " (its archive edition, with --archive)" : "");
}

}  // namespace

Config read_config(const std::string& path, std::string_view text, Diagnostics& diags) {
    Config config;
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        const SourcePos at = toml_pos(e.source());
        if (auto slip = explain_toml_error(e.description(), text, at.line, at.column))
            diags.error(path, at, slip->message, slip->hint);
        else
            diags.error(path, at, std::string(e.description()), "folio.toml must be valid TOML 1.0");
        return config;
    }
    for (const auto& [key, node] : root) {
        const std::string k(key.str());
        if (k == "site") {
            if (const auto* table = node.as_table())
                read_site(path, *table, config.site, diags);
            else
                diags.error(path, toml_pos(node.source()), "'site' must be a table", "write [site] on its own line");
        } else if (k == "pack") {
            const auto* array = node.as_array();
            if (!array || !array->is_array_of_tables()) {
                diags.error(path, toml_pos(node.source()), "'pack' must be an array of tables",
                            "write each pack as a [[pack]] section");
                continue;
            }
            std::set<std::string> ids;
            // Output file -> the pack that writes it: two writers of one
            // file would race for it (and its temporary file).
            std::map<std::string, std::pair<std::string, bool>> writers;
            for (std::size_t i = 0; i < array->size(); ++i) {
                PackSpec spec = read_pack(path, *array->get(i)->as_table(), i, diags);
                if (!spec.pack.id.empty() && !ids.insert(spec.pack.id).second)
                    diags.error(path, spec.pos, "two packs have the id '" + spec.pack.id + "'",
                                "each pack writes files named after its id: make them differ");
                else if (!spec.pack.id.empty())  // no id: reported above, and it names no file
                    // One error a pack: two packs with one pdf_file also
                    // share the archive edition's name made from it.
                    for (const WrittenFile& file : written_files(spec.pack))
                        if (auto [at, fresh] = writers.emplace(file.name, std::pair{spec.pack.id, file.with_archive_option});
                            !fresh) {
                            diags.error(path, spec.pos,
                                        at->second.first == spec.pack.id
                                            ? "pack '" + spec.pack.id + "' writes " + file.name + " twice"
                                            : writer_name(spec.pack.id, file.with_archive_option) + " writes " +
                                                  file.name + ", as " +
                                                  writer_name(at->second.first, at->second.second) + " does",
                                        "give one of them another file name (pdf_file, epub_file, pdf_archive_file)");
                            break;
                        }
                config.packs.push_back(std::move(spec));
            }
        } else if (k == "limits") {
            if (const auto* table = node.as_table())
                read_limits(path, *table, config.limits, diags);
            else
                diags.error(path, toml_pos(node.source()), "'limits' must be a table", "write [limits] on its own line");
        } else {
            const std::string near = closest_match(k, {"site", "pack", "limits"});
            diags.warning(path, toml_pos(key.source()), "unknown table or key '" + k + "' in folio.toml",
                          near.empty() ? "folio.toml has a [site] table, [[pack]] tables and a [limits] table"
                                       : "did you mean '" + near + "'?");
        }
    }
    return config;
}

}  // namespace folio
