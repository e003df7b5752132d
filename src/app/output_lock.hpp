#pragma once
// One build at a time per output folder. Two CI jobs (or a developer and a
// watcher) building into the same out/ would otherwise interleave renames
// and leave a mix of two runs. The lock is out/.folio.lock, held with
// flock(2) for the whole build; the kernel drops it if the process dies, so a
// killed build never blocks the next one.
#include <chrono>
#include <filesystem>
#include <ostream>

#include "model/result.hpp"

namespace folio {

class OutputLock {
public:
    // Takes the lock, waiting up to `wait` for another build to finish (and
    // saying so on `err`). Then removes temporary files a killed build left
    // behind (".NAME.tmp-PID"): while we hold the lock, no one else can be
    // writing them.
    static Result<OutputLock> acquire(const std::filesystem::path& out_dir, std::chrono::seconds wait,
                                      std::ostream& err);

    OutputLock(OutputLock&& other) noexcept : m_fd(other.m_fd), m_stale_removed(other.m_stale_removed) {
        other.m_fd = -1;
    }
    OutputLock& operator=(OutputLock&&) = delete;
    OutputLock(const OutputLock&) = delete;
    ~OutputLock();

    // How many stale temporary files acquire() removed.
    int stale_removed() const { return m_stale_removed; }

private:
    explicit OutputLock(int fd) : m_fd(fd) {}
    int m_fd = -1;
    int m_stale_removed = 0;
};

// True for the names AtomicOutput gives its temporary files.
bool is_temporary_output_name(const std::string& file_name);

}  // namespace folio
