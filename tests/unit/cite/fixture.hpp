#pragma once
// The CSL processor test suite's human-readable fixtures: sections between
// `>>===== NAME =====>>` and `<<===== NAME =====<<`, CSL-JSON input read with
// nlohmann_json into the model's CslItem, and a runner that produces the
// output the fixture's RESULT is compared with.
#include <map>
#include <string>
#include <vector>

#include "model/bibliography.hpp"

namespace folio::test {

struct Fixture {
    std::string name;
    std::map<std::string, std::string> sections;  // MODE, RESULT, CSL, INPUT, ...
};

bool load_fixture(const std::string& path, Fixture& out);
// CSL-JSON (an array of items) into CslItems; false on malformed JSON.
bool csl_items_from_json(const std::string& json, std::vector<CslItem>& out);

struct FixtureRun {
    bool supported = true;  // false: a feature the harness does not run (BIBSECTION...)
    std::string error;      // style or locale failed to load
    std::string output;     // normalised HTML
    std::string expected;   // normalised RESULT
};
FixtureRun run_fixture(const Fixture& f, const std::string& locales_dir);

}  // namespace folio::test
