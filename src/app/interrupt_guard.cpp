#include "app/interrupt_guard.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>

namespace folio {

namespace {

sigset_t watched_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return set;
}

}  // namespace

InterruptGuard::InterruptGuard() {
    sigset_t set = watched_signals();
    if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
    m_signal_fd = signalfd(-1, &set, SFD_CLOEXEC);
    m_stop_fd = eventfd(0, EFD_CLOEXEC);
    if (m_signal_fd < 0 || m_stop_fd < 0) {
        // Without the watcher, fall back to the default behaviour: the
        // signal kills us and the next build removes the temporaries.
        pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
        return;
    }
    m_active = true;
    m_watcher = std::thread([this] { watch(); });
}

InterruptGuard::~InterruptGuard() {
    if (m_active) {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(m_stop_fd, &one, sizeof one);
        m_watcher.join();
        sigset_t set = watched_signals();
        pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    }
    if (m_signal_fd >= 0) ::close(m_signal_fd);
    if (m_stop_fd >= 0) ::close(m_stop_fd);
}

void InterruptGuard::track(const std::filesystem::path& temp) {
    std::lock_guard lock(m_mutex);
    m_temps.insert(temp);
}

void InterruptGuard::untrack(const std::filesystem::path& temp) {
    std::lock_guard lock(m_mutex);
    m_temps.erase(temp);
}

void InterruptGuard::watch() {
    pollfd fds[2] = {{m_signal_fd, POLLIN, 0}, {m_stop_fd, POLLIN, 0}};
    for (;;) {
        if (::poll(fds, 2, -1) < 0) continue;  // EINTR
        if (fds[1].revents) return;
        if (!fds[0].revents) continue;
        signalfd_siginfo info;
        if (::read(m_signal_fd, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) continue;
        {
            std::lock_guard lock(m_mutex);
            for (const auto& temp : m_temps) {
                ::unlink(temp.c_str());
                // Scratch files a writer's library made beside it ("TEMP.XXXXXX").
                const std::string prefix = temp.filename().string() + ".";
                std::error_code ec;
                for (std::filesystem::directory_iterator it(temp.parent_path(), ec), end; !ec && it != end;
                     it.increment(ec))
                    if (it->path().filename().string().rfind(prefix, 0) == 0) ::unlink(it->path().c_str());
            }
        }
        static constexpr char message[] = "folio: interrupted; outputs left as they were\n";
        [[maybe_unused]] auto n = ::write(2, message, sizeof message - 1);
        // The conventional exit status for death by signal N.
        ::_exit(128 + static_cast<int>(info.ssi_signo));
    }
}

}  // namespace folio
