#include "app/source_files.hpp"

#include "app/files.hpp"

namespace folio {

void SourceFiles::add(const std::vector<InputFile>& files) {
    for (const InputFile& f : files)
        if (f.content) m_files[f.path].bytes = f.content;
}

Result<SourceFiles::Entry*> SourceFiles::entry(const std::filesystem::path& path) {
    Entry& e = m_files[path.string()];
    if (!e.bytes) {
        auto read = read_file(path);
        if (!read) {
            m_files.erase(path.string());
            return Error{read.error()};
        }
        e.bytes = std::make_shared<const std::string>(std::move(*read));
    }
    return &e;
}

Result<std::shared_ptr<const std::string>> SourceFiles::bytes(const std::filesystem::path& path) {
    auto e = entry(path);
    if (!e) return Error{e.error()};
    return (*e)->bytes;
}

Result<Sha256> SourceFiles::digest(const std::filesystem::path& path) {
    auto e = entry(path);
    if (!e) return Error{e.error()};
    if (!(*e)->sha256) (*e)->sha256 = sha256(*(*e)->bytes);
    return *(*e)->sha256;
}

}  // namespace folio
