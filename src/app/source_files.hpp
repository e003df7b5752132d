#pragma once
// The bytes of the files a build reads, kept as they were read: the archive
// edition attaches them and the cache keys hash them, so both describe the
// input the build used even if a file changes on disk while it runs, and no
// file is read twice.
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/project.hpp"
#include "model/digest.hpp"
#include "model/result.hpp"

namespace folio {

class SourceFiles {
public:
    // Files read already, with their bytes (the project's inputs, the style
    // files); one without bytes is read again when asked for.
    void add(const std::vector<InputFile>& files);

    // Whether `path` was added or read.
    bool contains(const std::filesystem::path& path) const { return m_files.count(path.string()) > 0; }

    // The bytes of `path`: as added, or read now (the first time) and kept.
    Result<std::shared_ptr<const std::string>> bytes(const std::filesystem::path& path);
    // Their SHA-256, computed once.
    Result<Sha256> digest(const std::filesystem::path& path);

private:
    struct Entry {
        std::shared_ptr<const std::string> bytes;
        std::optional<Sha256> sha256;
    };
    Result<Entry*> entry(const std::filesystem::path& path);
    std::map<std::string, Entry> m_files;
};

}  // namespace folio
