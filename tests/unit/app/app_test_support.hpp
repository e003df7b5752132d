#pragma once
// Shared by the app tests: a scratch folder of their own.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace folio::test {

// A folder under the system's temporary one, named after the test and the
// process (tests of several binaries may run at once), empty when made and
// removed with everything in it when the test ends.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("folio-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// Writes `bytes` to `path`, replacing what was there.
inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace folio::test
