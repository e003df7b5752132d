#include "app/files.hpp"

#include "app/interrupt_guard.hpp"
#include "model/digest.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

namespace folio {

namespace fs = std::filesystem;

namespace {

struct FdClose {
    int fd;
    ~FdClose() { ::close(fd); }
};

}  // namespace

Result<std::string> read_file(const fs::path& path) {
    auto bytes = read_file_if_present(path);
    if (!bytes) return Error{bytes.error()};
    if (!*bytes) return Error{path.string() + ": cannot open: " + std::strerror(ENOENT)};
    return std::move(**bytes);
}

Result<FileDigest> digest_file(const fs::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error{path.string() + ": cannot open: " + std::strerror(errno)};
    FdClose closer{fd};
    Sha256Stream hash;
    FileDigest out;
    std::vector<char> buffer(1 << 20);
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return Error{path.string() + ": cannot read: " + std::strerror(errno)};
        if (got == 0) break;
        hash.update({buffer.data(), static_cast<std::size_t>(got)});
        out.bytes += static_cast<std::uint64_t>(got);
    }
    out.sha256 = hash.finish();
    return out;
}

Result<std::optional<std::string>> read_file_if_present(const fs::path& path) {
    // O_NONBLOCK: opening a FIFO named like a post must not wait for a
    // writer; the type check below then refuses it. (A folder or a device
    // named `*.md` is refused the same way rather than read as garbage.)
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0 && errno == ENOENT) return std::optional<std::string>{};
    if (fd < 0) return Error{path.string() + ": cannot open: " + std::strerror(errno)};
    FdClose closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) return Error{path.string() + ": cannot open: " + std::strerror(errno)};
    if (!S_ISREG(st.st_mode)) {
        const char* what = S_ISDIR(st.st_mode) ? "a folder" : S_ISFIFO(st.st_mode) ? "a FIFO" : "a device or socket";
        return Error{path.string() + ": cannot read: it is " + std::string(what) + ", not a file"};
    }
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            return Error{path.string() + ": read failed: " + std::strerror(errno)};
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
    }
    return std::optional<std::string>(std::move(bytes));
}

fs::path folder_spelling(const fs::path& folder) {
    // Only "." and empty components (doubled or trailing separators) go:
    // "a/.." is kept, as the system resolves it after following a symbolic
    // link a, which lexically_normal would not (it makes "link/.." ".").
    fs::path p = folder.root_path();
    for (const fs::path& part : folder.relative_path())
        if (!part.empty() && part != ".") p /= part;
    return p.empty() ? fs::path(".") : p;
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

AtomicOutput::AtomicOutput(fs::path target, InterruptGuard* guard) : m_target(std::move(target)), m_guard(guard) {
    // ".NAME.tmp-PID": hidden, never mistaken for an output, and recognised
    // (is_temporary_output_name) by the next build if this one is killed.
    m_temp = m_target.parent_path() / ("." + m_target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    if (m_guard) m_guard->track(m_temp);
}

AtomicOutput::~AtomicOutput() {
    if (!m_committed) {
        std::error_code ec;
        fs::remove(m_temp, ec);
    }
    if (m_guard) m_guard->untrack(m_temp);
}

Result<void> AtomicOutput::commit(Flush flush) {
    if (flush == Flush::yes) {
        const int fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return Error{m_temp.string() + ": the writer produced no file: " + std::strerror(errno)};
        const bool synced = ::fsync(fd) == 0;
        const int sync_errno = errno;
        ::close(fd);
        if (!synced) return Error{m_temp.string() + ": cannot flush to disk: " + std::strerror(sync_errno)};
    }
    std::error_code ec;
    fs::rename(m_temp, m_target, ec);
    if (ec) return Error{m_target.string() + ": cannot move the new file into place: " + ec.message()};
    m_committed = true;
    return {};
}

Result<void> write_file_atomic_temp(const AtomicOutput& output, std::string_view bytes) {
    std::ofstream file(output.temp_path(), std::ios::binary | std::ios::trunc);
    if (!file) return Error{output.temp_path().string() + ": cannot create: " + std::strerror(errno)};
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.flush();
    if (!file) return Error{output.temp_path().string() + ": write failed: " + std::strerror(errno)};
    return {};
}

Result<void> write_file_atomic(const fs::path& target, std::string_view bytes) {
    AtomicOutput out(target);
    if (auto r = write_file_atomic_temp(out, bytes); !r) return r;
    return out.commit();
}

}  // namespace folio
