#pragma once
// Work on independent items (posts) on a few threads. Results are written
// by index, never appended, so the output order is that of the input
// whatever the thread count or timing.
#include <cstddef>
#include <functional>

namespace folio {

// Runs fn(i) for every i in [0, n), on up to `jobs` threads (0: one per
// core), and returns when all are done. fn must not throw.
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn);

// `jobs`, or the number of cores when 0.
unsigned effective_jobs(unsigned jobs);

}  // namespace folio
