#pragma once
// A live progress line on a terminal ("reading posts 412/1000"), redrawn in
// place; nothing at all when standard error is not a terminal (CI logs) or
// with --quiet. Safe to tick from worker threads.
#include <atomic>
#include <mutex>
#include <ostream>
#include <string>

namespace folio {

class Progress {
public:
    Progress(std::ostream& out, bool enabled) : m_out(out), m_enabled(enabled) {}
    ~Progress() { finish(); }

    void stage(std::string name, std::size_t total);
    void tick();
    // Clears the line.
    void finish();

private:
    void draw(std::size_t done);

    std::ostream& m_out;
    bool m_enabled;
    std::mutex m_mutex;
    std::string m_name;
    std::size_t m_total = 0;
    std::atomic<std::size_t> m_done{0};
    bool m_drawn = false;
};

// Whether progress should be shown on standard error.
bool stderr_is_terminal();

}  // namespace folio
