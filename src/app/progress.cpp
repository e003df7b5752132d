#include "app/progress.hpp"

#include <unistd.h>

namespace folio {

bool stderr_is_terminal() { return ::isatty(2) == 1; }

void Progress::stage(std::string name, std::size_t total) {
    if (!m_enabled) return;
    std::lock_guard lock(m_mutex);
    m_name = std::move(name);
    m_total = total;
    m_done = 0;
    m_out << "\r\033[K" << m_name << " 0/" << m_total << std::flush;
    m_drawn = true;
}

void Progress::tick() {
    if (!m_enabled) return;
    const std::size_t done = ++m_done;
    // Redraw at most ~100 times a stage: a terminal is slow next to us.
    if (m_total > 100 && done % (m_total / 100) != 0 && done != m_total) return;
    draw(done);
}

void Progress::draw(std::size_t done) {
    std::lock_guard lock(m_mutex);
    m_out << "\r\033[K" << m_name << ' ' << done << '/' << m_total << std::flush;
}

void Progress::finish() {
    if (!m_enabled) return;
    std::lock_guard lock(m_mutex);
    if (m_drawn) m_out << "\r\033[K" << std::flush;
    m_drawn = false;
}

}  // namespace folio
