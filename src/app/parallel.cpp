#include "app/parallel.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace folio {

unsigned effective_jobs(unsigned jobs) {
    if (jobs != 0) return jobs;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : cores;
}

void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn) {
    const std::size_t threads = std::min<std::size_t>(effective_jobs(jobs), n);
    if (threads <= 1) {
        for (std::size_t i = 0; i < n; ++i) fn(i);
        return;
    }
    // Dynamic hand-out: posts differ a lot in size.
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    };
    std::vector<std::jthread> pool;
    pool.reserve(threads - 1);
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
}

}  // namespace folio
