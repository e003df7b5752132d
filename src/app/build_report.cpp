#include "app/build_report.hpp"

#include <nlohmann/json.hpp>

#include "version.hpp"

namespace folio {

std::string to_json(const BuildReport& r) {
    using json = nlohmann::ordered_json;
    json j;
    j["folio"] = version;
    j["report_format"] = build_report_format;
    j["source_date_epoch"] = r.source_date_epoch ? json(*r.source_date_epoch) : json(nullptr);
    j["jobs"] = r.jobs;
    json inputs = json::array();
    for (const auto& in : r.inputs) inputs.push_back({{"path", in.path}, {"bytes", in.bytes}, {"sha256", in.sha256}});
    j["inputs"] = std::move(inputs);
    json outputs = json::array();
    for (const auto& out : r.outputs) {
        json o{{"path", out.path}, {"pack", out.pack}, {"format", out.format}, {"bytes", out.bytes}, {"sha256", out.sha256}};
        if (out.pages > 0) o["pages"] = out.pages;
        o["fingerprint"] = out.fingerprint;
        json parts = json::object();
        for (const auto& [name, hex] : out.fingerprint_parts) parts[name] = hex;
        o["fingerprint_parts"] = std::move(parts);
        o["reused"] = out.reused;
        if (!out.warnings.empty()) o["warnings"] = out.warnings;
        outputs.push_back(std::move(o));
    }
    j["outputs"] = std::move(outputs);
    j["warnings"] = r.warnings;
    json stages = json::object();
    double total = 0;
    for (const auto& [name, ms] : r.stage_ms) {
        stages[name] = std::round(ms * 10) / 10;
        total += ms;
    }
    stages["total"] = std::round(total * 10) / 10;
    j["stage_ms"] = std::move(stages);
    json cache = json::object();
    cache["dir"] = r.cache_dir.empty() ? json(nullptr) : json(r.cache_dir);
    for (const auto& stage : r.cache) cache[stage.stage] = {{"hits", stage.hits}, {"misses", stage.misses}};
    j["cache"] = std::move(cache);
    return j.dump(2) + "\n";
}

}  // namespace folio
