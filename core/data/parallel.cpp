#include "data/parallel.h"

#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace vitscope {

int resolveThreads(int threads)
{
    return threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

bool parallelFor(int64_t n, int threads, const std::function<void(int64_t)> &body, const std::atomic<bool> *cancel)
{
    std::atomic<int64_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr error;
    std::mutex errorMutex;
    auto worker = [&] {
        for (int64_t i; !failed && !(cancel && cancel->load()) && (i = next++) < n;) {
            try {
                body(i);
            } catch (...) {
                std::lock_guard lock(errorMutex);
                if (!error)
                    error = std::current_exception();
                failed = true;
            }
        }
    };
    std::vector<std::thread> pool;
    const int count = static_cast<int>(std::min<int64_t>(resolveThreads(threads), std::max<int64_t>(n, 1)));
    for (int t = 1; t < count; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto &t : pool)
        t.join();
    if (error)
        std::rethrow_exception(error);
    return !(cancel && cancel->load());
}

} // namespace vitscope
