#include "fixture.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cite/csl_engine.hpp"
#include "cite/csl_load.hpp"
#include "html.hpp"

namespace folio::test {
namespace {

using nlohmann::json;

std::string as_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    if (v.is_number_float()) {
        std::ostringstream s;
        s << v.get<double>();
        return s.str();
    }
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    return "";
}

int as_int(const json& v) {
    if (v.is_number()) return v.get<int>();
    if (v.is_string()) {
        try {
            return std::stoi(v.get<std::string>());
        } catch (...) {
            return 0;
        }
    }
    return 0;
}

CslName name_from(const json& j) {
    CslName n;
    auto s = [&](const char* k) { return j.contains(k) ? as_text(j[k]) : std::string(); };
    n.family = s("family");
    n.given = s("given");
    n.dropping_particle = s("dropping-particle");
    n.non_dropping_particle = s("non-dropping-particle");
    n.suffix = s("suffix");
    n.literal = s("literal");
    n.comma_suffix = j.contains("comma-suffix") && (j["comma-suffix"] == true || j["comma-suffix"] == 1);
    n.static_ordering = j.contains("static-ordering") && (j["static-ordering"] == true || j["static-ordering"] == 1);
    return n;
}

// "2000-03-15", "2000/2001", "2000-03/2000-05"
void parse_raw_date(const std::string& raw, CslDate& d) {
    std::size_t slash = raw.find('/');
    auto one = [](const std::string& s) {
        std::array<int, 3> p{0, 0, 0};
        std::istringstream in(s);
        std::string part;
        int i = 0;
        while (i < 3 && std::getline(in, part, '-')) {
            try {
                p[i] = std::stoi(part);
            } catch (...) {
                return std::array<int, 3>{0, 0, 0};
            }
            ++i;
        }
        return p;
    };
    d.parts.push_back(one(raw.substr(0, slash)));
    if (slash != std::string::npos) d.parts.push_back(one(raw.substr(slash + 1)));
    if (d.parts[0][0] == 0) {
        d.parts.clear();
        d.literal = raw;
    }
}

CslDate date_from(const json& j) {
    CslDate d;
    if (j.contains("date-parts") && j["date-parts"].is_array()) {
        for (const json& p : j["date-parts"]) {
            if (!p.is_array() || p.empty()) continue;
            std::array<int, 3> ymd{0, 0, 0};
            for (std::size_t i = 0; i < 3 && i < p.size(); ++i) ymd[i] = as_int(p[i]);
            if (ymd[0] == 0 && ymd[1] == 0 && ymd[2] == 0) continue;
            d.parts.push_back(ymd);
        }
    }
    if (j.contains("season")) d.season = as_int(j["season"]);
    if (j.contains("circa")) d.circa = j["circa"].is_boolean() ? j["circa"].get<bool>() : !as_text(j["circa"]).empty();
    if (j.contains("literal")) d.literal = as_text(j["literal"]);
    if (j.contains("raw")) {
        d.raw = as_text(j["raw"]);
        if (d.parts.empty()) parse_raw_date(d.raw, d);
    }
    return d;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

bool csl_items_from_json(const std::string& text, std::vector<CslItem>& out) {
    json arr = json::parse(text, nullptr, false);
    if (arr.is_discarded() || !arr.is_array()) return false;
    for (const json& j : arr) {
        if (!j.is_object()) return false;
        CslItem item;
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            const json& v = it.value();
            if (k == "id") item.id = as_text(v);
            else if (k == "type") item.type = as_text(v);
            else if (v.is_array() && !v.empty() && v[0].is_object()) {
                std::vector<CslName> names;
                for (const json& n : v) names.push_back(name_from(n));
                item.names[k] = std::move(names);
            } else if (v.is_object() && (v.contains("date-parts") || v.contains("literal") || v.contains("raw"))) {
                item.dates[k] = date_from(v);
            } else if (v.is_string() || v.is_number()) {
                item.fields[k] = as_text(v);
            }
        }
        out.push_back(std::move(item));
    }
    return true;
}

bool load_fixture(const std::string& path, Fixture& out) {
    std::istringstream in(read_file(path));
    std::string line, current, body;
    while (std::getline(in, line)) {
        if (line.rfind(">>=", 0) == 0 && line.find("=>>") != std::string::npos) {
            std::size_t a = line.find_first_not_of(">=");
            std::size_t b = line.find(" =", a);
            current = line.substr(a + 0, b - a);
            while (!current.empty() && current.front() == ' ') current.erase(0, 1);
            body.clear();
            continue;
        }
        if (line.rfind("<<=", 0) == 0 && !current.empty()) {
            if (!body.empty() && body.back() == '\n') body.pop_back();
            out.sections[current] = body;
            current.clear();
            continue;
        }
        if (!current.empty()) body += line + "\n";
    }
    std::string file = path.substr(path.find_last_of('/') + 1);
    out.name = file.substr(0, file.rfind('.'));
    return out.sections.count("MODE") && out.sections.count("CSL") && out.sections.count("INPUT");
}

FixtureRun run_fixture(const Fixture& f, const std::string& locales_dir) {
    FixtureRun run;
    run.expected = normalise_html(f.sections.at("RESULT"));
    std::string mode = f.sections.at("MODE");
    while (!mode.empty() && (mode.back() == ' ' || mode.back() == '\n')) mode.pop_back();
    if (f.sections.count("BIBSECTION")) {
        run.supported = false;
        return run;
    }
    auto style = csl::parse_style(f.sections.at("CSL"), f.name + ".csl");
    if (!style) {
        run.error = style.error();
        return run;
    }
    auto locale = csl::make_locale(*style, "", locales_dir);
    if (!locale) {
        run.error = locale.error();
        return run;
    }
    std::vector<CslItem> items;
    if (!csl_items_from_json(f.sections.at("INPUT"), items)) {
        run.error = "malformed INPUT";
        return run;
    }
    auto find = [&](const std::string& id) -> const CslItem* {
        for (const CslItem& i : items)
            if (i.id == id) return &i;
        return nullptr;
    };
    auto cite_ref = [&](const json& c) {
        csl::CiteRef r;
        r.item = find(as_text(c.value("id", json())));
        if (c.contains("locator")) r.locator = as_text(c["locator"]);
        if (c.contains("label")) r.label = as_text(c["label"]);
        if (c.contains("prefix")) r.prefix = as_text(c["prefix"]);
        if (c.contains("suffix")) r.suffix = as_text(c["suffix"]);
        r.suppress_author = c.value("suppress-author", false) == true;
        r.author_only = c.value("author-only", false) == true;
        return r;
    };

    std::vector<csl::Citation> citations;
    std::vector<csl::Citation> before_last;  // CITATIONS: the citations before the final call
    std::vector<std::string> before_ids, ids;
    bool numbered_output = false;
    if (f.sections.count("CITATIONS")) {
        json cs = json::parse(f.sections.at("CITATIONS"), nullptr, false);
        if (cs.is_discarded()) {
            run.error = "malformed CITATIONS";
            return run;
        }
        // Each entry is one processCitationCluster call: a citation (which
        // replaces any earlier one with its citationID) and the IDs of the
        // citations it goes after and before.
        struct Placed {
            std::string id;
            csl::Citation citation;
        };
        std::vector<Placed> placed;
        for (const json& entry : cs) {
            const json& c = entry.is_array() ? entry[0] : entry;
            csl::Citation cit;
            for (const json& ci : c.value("citationItems", json::array())) cit.cites.push_back(cite_ref(ci));
            if (c.contains("properties")) cit.note = as_int(c["properties"].value("noteIndex", json(0)));
            std::string id = c.contains("citationID") ? as_text(c["citationID"]) : std::to_string(placed.size());
            std::erase_if(placed, [&](const Placed& p) { return p.id == id; });
            std::size_t at = placed.size();
            auto index_of = [&](const std::string& other) {
                for (std::size_t k = 0; k < placed.size(); ++k)
                    if (placed[k].id == other) return k;
                return placed.size();
            };
            if (entry.is_array() && entry.size() > 2 && !entry[1].empty() && entry[1].back().is_array()) {
                std::size_t k = index_of(as_text(entry[1].back()[0]));
                if (k < placed.size()) at = k + 1;
            } else if (entry.is_array() && entry.size() > 2 && !entry[2].empty() && entry[2].front().is_array()) {
                at = std::min(index_of(as_text(entry[2].front()[0])), placed.size());
            }
            placed.insert(placed.begin() + static_cast<std::ptrdiff_t>(at), Placed{id, std::move(cit)});
            if (&entry != &cs.back()) {
                // The state before the last call, to mark what it changed.
                before_last.clear();
                before_ids.clear();
                for (const Placed& p : placed) {
                    before_last.push_back(p.citation);
                    before_ids.push_back(p.id);
                }
            }
        }
        for (Placed& p : placed) {
            citations.push_back(p.citation);
            ids.push_back(p.id);
        }
        numbered_output = true;
    } else if (f.sections.count("CITATION-ITEMS")) {
        json cs = json::parse(f.sections.at("CITATION-ITEMS"), nullptr, false);
        if (cs.is_discarded()) {
            run.error = "malformed CITATION-ITEMS";
            return run;
        }
        int note = 0;
        for (const json& c : cs) {
            csl::Citation cit;
            cit.note = ++note;
            for (const json& ci : c) cit.cites.push_back(cite_ref(ci));
            citations.push_back(std::move(cit));
        }
    } else if (mode == "citation") {
        csl::Citation cit;
        cit.note = 1;
        for (const CslItem& i : items) cit.cites.push_back({&i, "", "", "", "", false, false});
        citations.push_back(std::move(cit));
    }

    std::vector<const CslItem*> uncited;
    if (f.sections.count("BIBENTRIES")) {
        json be = json::parse(f.sections.at("BIBENTRIES"), nullptr, false);
        if (!be.is_discarded() && be.is_array() && !be.empty())
            for (const json& id : be.back()) uncited.push_back(find(as_text(id)));
        if (mode == "bibliography") citations.clear();
    } else if (mode == "bibliography" && citations.empty()) {
        for (const CslItem& i : items) uncited.push_back(&i);
    }

    csl::Engine engine(*style, *locale);
    std::vector<Inlines> rendered = engine.cite(citations, uncited);
    std::string out;
    if (mode == "citation") {
        if (numbered_output) {
            // A citation the last call added or changed is marked ">>".
            std::vector<std::string> before;
            if (!before_last.empty()) {
                csl::Engine e2(*style, *locale);
                for (const Inlines& r : e2.cite(before_last)) before.push_back(to_csl_html(r));
            }
            for (std::size_t i = 0; i < rendered.size(); ++i) {
                std::string html = to_csl_html(rendered[i]);
                bool changed = true;
                if (i < ids.size())
                    for (std::size_t k = 0; k < before_ids.size() && k < before.size(); ++k)
                        if (before_ids[k] == ids[i]) changed = before[k] != html;
                if (i) out += "\n";
                out += (changed ? ">>[" : "..[") + std::to_string(i) + "] " + html;
            }
        } else {
            for (std::size_t i = 0; i < rendered.size(); ++i) {
                if (i) out += "\n";
                out += to_csl_html(rendered[i]);
            }
        }
    } else {
        out = "<div class=\"csl-bib-body\">";
        for (const Inlines& entry : engine.bibliography()) out += "<div class=\"csl-entry\">" + to_csl_html(entry) + "</div>";
        out += "</div>";
    }
    run.output = normalise_html(out);
    return run;
}

}  // namespace folio::test
