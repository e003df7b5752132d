#include "app/pack_reuse.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/build_identity.hpp"
#include "app/cache_key.hpp"
#include "app/files.hpp"
#include "app/shipped_files.hpp"
#include "model/digest.hpp"
#include "render/render_archive.hpp"

namespace folio {

namespace {

using json = nlohmann::json;

PreviousReport none(std::string why) {
    PreviousReport r;
    r.why_not = std::move(why);
    return r;
}

// One output record, or nullopt when a field is missing or of the wrong
// type: a record folio did not write is not one to trust.
std::optional<OutputRecord> read_output(const json& o) {
    if (!o.is_object()) return std::nullopt;
    OutputRecord r;
    for (auto [key, field] : {std::pair{"path", &r.path}, {"pack", &r.pack}, {"format", &r.format},
                              {"sha256", &r.sha256}, {"fingerprint", &r.fingerprint}}) {
        auto at = o.find(key);
        if (at == o.end() || !at->is_string()) return std::nullopt;
        *field = at->get<std::string>();
    }
    auto bytes = o.find("bytes");
    if (bytes == o.end() || !bytes->is_number_unsigned()) return std::nullopt;
    r.bytes = bytes->get<std::uint64_t>();
    if (auto pages = o.find("pages"); pages != o.end()) {
        if (!pages->is_number_integer()) return std::nullopt;
        const auto n = pages->get<std::int64_t>();
        if (n < 0 || n > 100'000'000) return std::nullopt;
        r.pages = static_cast<int>(n);
    }
    auto parts = o.find("fingerprint_parts");
    if (parts == o.end() || !parts->is_object()) return std::nullopt;
    for (const auto& [name, hex] : parts->items()) {
        if (!hex.is_string()) return std::nullopt;
        r.fingerprint_parts.emplace_back(name, hex.get<std::string>());
    }
    if (auto warnings = o.find("warnings"); warnings != o.end()) {
        if (!warnings->is_array()) return std::nullopt;
        for (const json& w : *warnings) {
            if (!w.is_string()) return std::nullopt;
            r.warnings.push_back(w.get<std::string>());
        }
    }
    if (r.fingerprint.empty() || r.sha256.empty()) return std::nullopt;
    return r;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

}  // namespace

PreviousReport parse_previous_report(std::string_view text) {
    try {
        const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded() || !j.is_object()) return none("the previous build.json is not a JSON object");
        auto format = j.find("report_format");
        if (format == j.end() || !format->is_number_integer() || format->get<std::int64_t>() != build_report_format)
            return none("the previous build.json is of another format");
        auto outputs = j.find("outputs");
        if (outputs == j.end() || !outputs->is_array()) return none("the previous build.json lists no outputs");
        PreviousReport r;
        for (const json& o : *outputs) {
            auto record = read_output(o);
            if (!record) return none("the previous build.json has an output record folio cannot read");
            r.outputs.push_back(std::move(*record));
        }
        return r;
    } catch (const std::exception& e) {  // nlohmann's type errors, allocation: never a crash
        return none(std::string("the previous build.json cannot be read: ") + e.what());
    }
}

PreviousReport read_previous_report(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return none("no previous report");
    auto text = read_file(file);
    if (!text) return none("the previous report cannot be read: " + text.error());
    return parse_previous_report(*text);
}

ReuseVerdict check_reuse(const PreviousReport& previous, const std::string& pack,
                         const std::vector<PlannedOutput>& planned, const PackFingerprint& fingerprint) {
    ReuseVerdict v;
    if (!previous.why_not.empty()) {
        v.why = previous.why_not;
        return v;
    }
    // The pack's outputs last time, by path: exactly the ones it writes now.
    std::map<std::string, const OutputRecord*> before;
    for (const OutputRecord& r : previous.outputs)
        if (r.pack == pack && !before.emplace(r.path, &r).second) {
            v.why = "the previous report lists " + r.path + " twice";
            return v;
        }
    if (before.size() != planned.size()) {
        v.why = "it writes other outputs than last time";
        return v;
    }
    for (const PlannedOutput& p : planned) {
        auto at = before.find(p.path);
        if (at == before.end() || at->second->format != p.format) {
            v.why = "it writes other outputs than last time";
            return v;
        }
        if (at->second->fingerprint != fingerprint.hex) {
            const std::vector<std::string> parts = changed_parts(fingerprint, at->second->fingerprint_parts);
            v.why = "fingerprint changed" + (parts.empty() ? std::string() : " (" + joined(parts) + ")");
            return v;
        }
    }
    // Only now the files themselves: each must be what was recorded.
    for (const PlannedOutput& p : planned) {
        const OutputRecord& was = *before.at(p.path);
        auto digest = digest_file(p.path);
        if (!digest) {
            v.why = p.path + " is missing or unreadable";
            return v;
        }
        if (digest->bytes != was.bytes || to_hex(digest->sha256) != was.sha256) {
            v.why = p.path + " was changed since the last build";
            return v;
        }
        OutputRecord again = was;
        again.fingerprint_parts = fingerprint.parts;
        again.reused = true;
        v.records.push_back(std::move(again));
    }
    v.reuse = true;
    return v;
}

std::vector<std::string> warnings_to_repeat(const std::vector<const OutputRecord*>& reused,
                                            const std::vector<std::string>& said) {
    std::set<std::string> seen(said.begin(), said.end());
    std::vector<std::string> out;
    for (const OutputRecord* r : reused)
        for (const std::string& w : r->warnings)
            if (seen.insert(w).second) out.push_back(w);
    return out;
}

PackReuse::PackReuse(const BuildOptions& options, const Project& project, const PackStyles& styles, BuildCache& cache)
    : m_project(project), m_styles(styles), m_cache(cache) {
    m_shared = shared_ingredients(project, styles.citation_files);
    m_shared.folio_build = build_identity();
    m_shared.libraries = loaded_libraries_identity();
    // Files folio ships that a writer reads, beyond the styles and CSL
    // files the build lists as inputs: the fonts, the hyphenation patterns
    // and the locale folders (hashed once for the cache already), the
    // EPUB's style sheet and the archive edition's ICC profile.
    const CacheInputs& shipped = cache.inputs();
    m_shared.resources = {shipped.fonts, shipped.hyphenation, shipped.citation_locales,
                          file_digest(shipped_epub_style_sheet()),
                          file_digest(ArchiveOptions{}.icc_profile)};
    m_shared.source_date_epoch = options.source_date_epoch;
    m_shared.archive_option = options.archive;
    m_previous = options.no_cache ? none("--no-cache: every pack is drawn")
                                  : read_previous_report(options.out_dir / "build.json");
}

PackReuse::Decision PackReuse::decide(const Pack& pack, std::size_t k, const std::vector<PlannedOutput>& planned) {
    Decision d;
    d.post_keys = m_cache.post_keys(pack, m_styles.per_pack[k]);
    std::vector<std::pair<std::string, std::string>> outputs;
    for (const PlannedOutput& p : planned) outputs.emplace_back(p.format, p.path);
    d.fingerprint = pack_fingerprint(pack_ingredients(m_shared, m_project, pack, m_styles.files,
                                                      m_styles.paths[k].string(), outputs, d.post_keys));
    d.verdict = check_reuse(m_previous, pack.id, planned, d.fingerprint);
    for (OutputRecord& r : d.verdict.records) r.fingerprint = d.fingerprint.hex;
    return d;
}

}  // namespace folio
