// Runs the CSL processor test suite (../shared/csl/test-suite) and ratchets:
// every fixture named in passing.txt must still pass, so the pass count only
// goes up. FOLIO_ACCEPT=1 rewrites passing.txt with what passes now.
// FOLIO_CSL_FIXTURE=prefix runs the fixtures whose names start with it and
// prints what each failing one expected and got.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "fixture.hpp"

namespace fs = std::filesystem;
using namespace folio::test;

namespace {

const std::string shared_csl = std::string(FOLIO_TEST_SHARED_DIR) + "/csl";
const std::string passing_file = std::string(FOLIO_TEST_SOURCE_DIR) + "/tests/unit/cite/passing.txt";

std::set<std::string> read_passing() {
    std::set<std::string> names;
    std::ifstream in(passing_file);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty() && line[0] != '#') names.insert(line);
    return names;
}

}  // namespace

TEST_CASE("CSL test suite: no fixture that passed regresses") {
    fs::path dir = shared_csl + "/test-suite";
    if (!fs::exists(dir)) {
        MESSAGE("../shared/csl/test-suite is absent: skipped");
        return;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    const char* only = std::getenv("FOLIO_CSL_FIXTURE");
    std::set<std::string> expected_pass = read_passing();
    std::set<std::string> passed;
    int total = 0;
    std::vector<std::string> regressions;
    for (const fs::path& p : files) {
        Fixture f;
        if (!load_fixture(p.string(), f)) continue;
        if (only && f.name.rfind(only, 0) != 0) continue;
        ++total;
        FixtureRun run = run_fixture(f, shared_csl + "/locales");
        bool ok = run.supported && run.error.empty() && run.output == run.expected;
        if (ok) passed.insert(f.name);
        else if (expected_pass.count(f.name)) regressions.push_back(f.name);
        if (only && !ok) {
            std::cout << "--- " << f.name << "\n";
            std::cout << "expected: " << run.expected << "\n     got: " << run.output << "\n"
                      << (run.error.empty() ? "" : "error: " + run.error + "\n");
        }
    }
    MESSAGE(passed.size() << " of " << total << " CSL fixtures pass");
    std::cout << "csl-suite: " << passed.size() << " passed, " << (total - passed.size()) << " failed\n";
    if (std::getenv("FOLIO_ACCEPT") && !only) {
        std::ofstream out(passing_file);
        out << "# CSL test-suite fixtures that pass; regenerate with FOLIO_ACCEPT=1 (tests/unit/cite/suite_test.cpp)\n";
        for (const std::string& n : passed) out << n << "\n";
    }
    for (const std::string& r : regressions) FAIL_CHECK("regressed: " << r);
    CHECK(regressions.empty());
}
