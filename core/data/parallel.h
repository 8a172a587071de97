#pragma once
#include <atomic>
#include <cstdint>
#include <functional>

namespace vitscope {

// 0 (or less) means every core.
int resolveThreads(int threads);

// Runs body(i) for every i in [0, n) on `threads` threads, the caller's included. Stops handing
// out indices once `cancel` is set or a body throws; the first exception is rethrown after all
// threads have joined. Returns false when cancelled.
bool parallelFor(int64_t n, int threads, const std::function<void(int64_t)> &body,
                 const std::atomic<bool> *cancel = nullptr);

} // namespace vitscope
