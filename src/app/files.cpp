#include "app/files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace folio {

namespace fs = std::filesystem;

Result<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path.string() + ": cannot open: " + std::strerror(errno)};
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return Error{path.string() + ": read failed: " + std::strerror(errno)};
    return bytes;
}

Result<std::vector<fs::path>> list_post_files(const fs::path& input_dir) {
    std::error_code ec;
    if (!fs::is_directory(input_dir, ec)) return Error{input_dir.string() + ": not a folder"};
    std::vector<fs::path> posts;
    for (fs::directory_iterator it(input_dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() != ".md") continue;
        if (p.filename().string().front() == '.') continue;  // editors' swap and lock files
        posts.push_back(p);
    }
    if (ec) return Error{input_dir.string() + ": cannot list: " + ec.message()};
    std::sort(posts.begin(), posts.end());
    return posts;
}

AtomicOutput::AtomicOutput(fs::path target) : m_target(std::move(target)) {
    // The pid keeps two concurrent builds from sharing a temporary name.
    m_temp = m_target.parent_path() / ("." + m_target.filename().string() + ".tmp-" + std::to_string(::getpid()));
}

AtomicOutput::~AtomicOutput() {
    if (!m_committed) {
        std::error_code ec;
        fs::remove(m_temp, ec);
    }
}

Result<void> AtomicOutput::commit() {
    const int fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error{m_temp.string() + ": the writer produced no file: " + std::strerror(errno)};
    const bool synced = ::fsync(fd) == 0;
    const int sync_errno = errno;
    ::close(fd);
    if (!synced) return Error{m_temp.string() + ": cannot flush to disk: " + std::strerror(sync_errno)};
    std::error_code ec;
    fs::rename(m_temp, m_target, ec);
    if (ec) return Error{m_target.string() + ": cannot move the new file into place: " + ec.message()};
    m_committed = true;
    return {};
}

Result<void> write_file_atomic(const fs::path& target, std::string_view bytes) {
    AtomicOutput out(target);
    {
        std::ofstream file(out.temp_path(), std::ios::binary | std::ios::trunc);
        if (!file) return Error{out.temp_path().string() + ": cannot create: " + std::strerror(errno)};
        file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        file.flush();
        if (!file) return Error{out.temp_path().string() + ": write failed: " + std::strerror(errno)};
    }
    return out.commit();
}

}  // namespace folio
