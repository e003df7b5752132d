#include "app/cache_key.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "app/files.hpp"
#include "app/key_writer.hpp"
#include "model/byte_codec.hpp"
#include "model/dump.hpp"
#include "passes/walk.hpp"

namespace folio {

namespace fs = std::filesystem;

namespace {


void put_style(KeyWriter& k, const Style& s) {
    // Every value of Style: a value left out here would let a changed style
    // reuse galleys set in the old one.
    for (double v : {s.page_width, s.page_height, s.margin_inner, s.margin_outer, s.margin_top, s.margin_bottom,
                     s.body_size, s.body_leading, s.paragraph_indent, s.title_size, s.title_leading, s.h2_size,
                     s.h2_leading, s.h3_size, s.h3_leading, s.kind_label_size, s.kind_label_tracking,
                     s.standfirst_size, s.standfirst_leading, s.byline_size, s.running_head_size, s.folio_size,
                     s.note_size, s.note_leading, s.note_rule_length, s.note_rule_width, s.note_mark_scale,
                     s.note_mark_rise, s.code_size, s.code_leading, s.table_size, s.table_leading, s.table_cell_pad,
                     s.quote_indent, s.quote_bar_width, s.list_indent, s.caption_size})
        k.real(v);
    for (const std::string* f : {&s.serif, &s.sans, &s.mono}) k.str(*f);
    k.flag(s.justify);
    k.flag(s.hyphenate);
    k.flag(s.cover_panel);
    for (int v : {s.max_consecutive_hyphens, s.widows, s.orphans, s.heading_keep_lines}) k.num(v);
    for (const Color* c : {&s.ink, &s.accent, &s.accent2, &s.grey, &s.tint}) k.color(*c);
}

void put_csl_item(KeyWriter& k, const CslItem& item) {
    k.str(item.id);
    k.str(item.type);
    k.num(static_cast<std::int64_t>(item.fields.size()));
    for (const auto& [name, value] : item.fields) {
        k.str(name);
        k.str(value);
    }
    k.num(static_cast<std::int64_t>(item.names.size()));
    for (const auto& [role, names] : item.names) {
        k.str(role);
        k.num(static_cast<std::int64_t>(names.size()));
        for (const CslName& n : names) {
            for (const std::string* s : {&n.family, &n.given, &n.dropping_particle, &n.non_dropping_particle,
                                         &n.suffix, &n.literal})
                k.str(*s);
            k.flag(n.comma_suffix);
            k.flag(n.static_ordering);
        }
    }
    k.num(static_cast<std::int64_t>(item.dates.size()));
    for (const auto& [name, date] : item.dates) {
        k.str(name);
        k.num(static_cast<std::int64_t>(date.parts.size()));
        for (const auto& part : date.parts)
            for (int v : part) k.num(v);
        k.num(date.season);
        k.flag(date.circa);
        k.str(date.literal);
        k.str(date.raw);
    }
}

}  // namespace

Sha256 file_digest(const fs::path& path) {
    if (auto digest = digest_file(path)) return digest->sha256;
    return sha256("unreadable:" + path.string());
}

Sha256 folder_digest(const fs::path& dir) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file(ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    KeyWriter k;
    for (const fs::path& f : files) {
        k.str(f.filename().string());
        k.digest(file_digest(f));
    }
    return k.finish();
}

Sha256 environment_digest(const LayoutEnvironment& env) {
    KeyWriter k;
    k.str("folio layout cache");
    k.str(env.folio_version);
    k.str(env.libraries);
    k.num(env.format);
    put_style(k, env.style);
    k.num(static_cast<int>(env.page_size));
    k.digest(env.fonts);
    k.digest(env.hyphenation);
    k.digest(env.citation_style);
    k.digest(env.citation_locales);
    k.str(env.language);
    k.flag(env.references_per_pack);
    return k.finish();
}

std::string path_in_folder(const fs::path& file, const fs::path& folder) {
    const fs::path inside = file.lexically_normal().lexically_relative(folder.lexically_normal());
    if (inside.empty() || *inside.begin() == "..") return file.filename().string();
    return inside.string();
}

Sha256 post_layout_key(const Sha256& environment, const Post& post, std::string_view name,
                       std::string_view source_sha256, const Bibliography& bibliography,
                       const std::map<std::string, Sha256>& image_sha256) {
    KeyWriter k;
    k.digest(environment);
    k.str(source_sha256);
    k.str(name);
    k.str(post.slug);
    // The post as layout sees it, after the passes (citations formatted,
    // notes numbered): model/dump's text form holds every field of the
    // front matter and the tree, so a field added to the model and to the
    // dump is in the key without a change here.
    k.str(dump_post(post));
    // What the post points at: the images' bytes (layout reads them) and
    // the cited entries (already in the formatted citations, but an entry's
    // fields feed the reference list and may change a tie-break). Each image
    // goes in as the post writes it with the bytes that names, in the
    // post's order: its resolved path would hold the project's folder.
    std::set<std::string> cited;
    walk_inlines(post.doc, [&](const Inline& in) {
        if (const auto* image = std::get_if<Image>(&in.value); image && !image->path.empty()) {
            k.str(image->url);
            const auto known = image_sha256.find(image->path);
            k.digest(known != image_sha256.end() ? known->second : file_digest(image->path));
        }
        if (const auto* cite = std::get_if<Cite>(&in.value))
            for (const CiteItem& item : cite->items) cited.insert(item.key);
    });
    for (const std::string& key : cited) {
        k.str(key);
        if (const CslItem* item = bibliography.find(key)) put_csl_item(k, *item);
        else k.tag('-');
    }
    return k.finish();
}

}  // namespace folio
