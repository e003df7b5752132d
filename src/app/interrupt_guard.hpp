#pragma once
// Clean-up on SIGINT, SIGTERM and SIGHUP: the temporary files of outputs being
// written are removed before the process exits, so an interrupted build
// leaves the previous outputs and nothing else. The signals are blocked in
// every thread and read from a signalfd by a watcher thread, so the clean-up
// runs as ordinary code, not in a signal handler. (SIGKILL cannot be caught:
// the next build removes what a killed one left; see OutputLock.)
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

namespace folio {

class InterruptGuard {
public:
    // Create before starting any other thread, so they inherit the mask.
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    void track(const std::filesystem::path& temp);
    void untrack(const std::filesystem::path& temp);

private:
    void watch();

    std::mutex m_mutex;
    std::set<std::filesystem::path> m_temps;
    int m_signal_fd = -1;
    int m_stop_fd = -1;
    bool m_active = false;
    std::thread m_watcher;
};

}  // namespace folio
