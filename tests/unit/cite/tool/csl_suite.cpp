// csl-suite DIR [--locales DIR] [--min N | --min-file FILE]
// Runs every CSL test-suite fixture in DIR, prints one line per failing
// fixture, then "N passed, M failed" as its last line. Exits 1 when fewer than
// the minimum pass (N, or the number of names in FILE), 77 when DIR is absent
// (ctest's "skipped"), 0 otherwise.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "../fixture.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: csl-suite DIR [--locales DIR] [--min N | --min-file FILE]\n";
        return 2;
    }
    fs::path dir = argv[1];
    std::string locales = (dir.parent_path() / "locales").string();
    long minimum = 0;
    for (int i = 2; i + 1 < argc; i += 2) {
        std::string opt = argv[i];
        if (opt == "--locales") locales = argv[i + 1];
        else if (opt == "--min") minimum = std::stol(argv[i + 1]);
        else if (opt == "--min-file") {
            std::ifstream in(argv[i + 1]);
            std::string line;
            while (std::getline(in, line))
                if (!line.empty() && line[0] != '#') ++minimum;
        } else {
            std::cerr << "csl-suite: unknown option " << opt << "\n";
            return 2;
        }
    }
    if (!fs::is_directory(dir)) {
        std::cout << "csl-suite: " << dir.string() << " is absent: skipped\n";
        return 77;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    long passed = 0, failed = 0;
    for (const fs::path& p : files) {
        folio::test::Fixture f;
        if (!folio::test::load_fixture(p.string(), f)) continue;
        auto run = folio::test::run_fixture(f, locales);
        if (run.supported && run.error.empty() && run.output == run.expected) {
            ++passed;
        } else {
            ++failed;
            std::cout << f.name << (run.error.empty() ? "" : ": " + run.error) << "\n";
        }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return passed < minimum ? 1 : 0;
}
