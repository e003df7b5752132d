#pragma once
// What the renderers' tests share: the fonts, reading a written file back,
// and running the real tools (qpdf, poppler) that judge a PDF.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "layout/style.hpp"

namespace folio::test {

inline Resources resources() {
    Resources r;
    r.fonts_dir = std::string(FOLIO_TEST_SOURCE_DIR) + "/fonts";
    return r;
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A command's standard output.
inline std::string run(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    char buf[4096];
    while (pipe && fgets(buf, sizeof buf, pipe.get())) out += buf;
    return out;
}

inline bool have(const char* tool) { return !run(std::string("command -v ") + tool).empty(); }

// A folder of the system's temporary directory for one test file's outputs.
inline std::filesystem::path temp_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace folio::test
