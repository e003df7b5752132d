#include "app/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

namespace folio {

namespace fs = std::filesystem;

bool is_temporary_output_name(const std::string& name) {
    // ".NAME.tmp-PID", as AtomicOutput makes them, or ".NAME.tmp-PID.XXXXXX",
    // the scratch file a writer's library (libzip) makes beside it.
    if (name.size() < 8 || name.front() != '.') return false;
    const auto at = name.find(".tmp-", 1);
    if (at == std::string::npos || at + 5 >= name.size()) return false;
    std::size_t i = at + 5;
    const std::size_t digits_start = i;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9') ++i;
    if (i == digits_start) return false;
    return i == name.size() || name[i] == '.';
}

Result<OutputLock> OutputLock::acquire(const fs::path& out_dir, std::chrono::seconds wait, std::ostream& err) {
    const fs::path path = out_dir / ".folio.lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Error{path.string() + ": cannot open the lock file: " + std::strerror(errno)};
    OutputLock lock(fd);

    const auto deadline = std::chrono::steady_clock::now() + wait;
    bool told = false;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR)
            return Error{path.string() + ": cannot lock: " + std::strerror(errno)};
        if (std::chrono::steady_clock::now() >= deadline)
            return Error{"another folio build is still writing to " + out_dir.string() + " (lock " + path.string() +
                         "); try again when it has finished"};
        if (!told) {
            err << "folio: waiting for another build writing to " << out_dir.string() << "...\n";
            told = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    // Who holds it, for people looking at the folder.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) == 0) {
        [[maybe_unused]] auto n = ::pwrite(fd, pid.data(), pid.size(), 0);
    }

    std::error_code ec;
    for (fs::directory_iterator it(out_dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!is_temporary_output_name(it->path().filename().string())) continue;
        if (fs::remove(it->path(), ec)) ++lock.m_stale_removed;
    }
    return lock;
}

OutputLock::~OutputLock() {
    if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
}

}  // namespace folio
