// bench train --trace FILE: a Chrome trace of a few training steps from LibTorch's profiler
// (Kineto), to see where a step's time goes on the GPU (tests/bench/trace_summary.py sums it by
// kernel). A diagnostic for comparing with PyTorch's torch.profiler traces of the reference.
// Without a GPU it uses the legacy profiler, which every LibTorch has (Debian's has no Kineto):
// its trace holds the CPU operators, which tests/bench/cpu_op_summary.py sums by self time.
#include "cli_commands.h"

#include <torch/csrc/autograd/profiler_kineto.h>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <torch/torch.h>

#include <iostream>

namespace vitscope::cli {

void traceSteps(const std::string &path, const std::function<void()> &work)
{
    namespace impl = torch::profiler::impl;
    namespace profiler = torch::autograd::profiler;
    if (!torch::cuda::is_available()) {
        try {
            {
                profiler::RecordProfile guard(path); // writes the trace when it goes out of scope
                work();
            }
            std::cerr << "trace written to " << path << " (CPU operators, legacy profiler)\n";
        } catch (const c10::Error &e) {
            std::cerr << "no trace: " << e.what_without_backtrace() << "\n";
        }
        return;
    }
    const impl::ProfilerConfig config(impl::ProfilerState::KINETO);
    const std::set<impl::ActivityType> activities{impl::ActivityType::CPU, impl::ActivityType::CUDA};
    try {
        profiler::prepareProfiler(config, activities);
        profiler::enableProfiler(config, activities);
    } catch (const c10::Error &e) {
        std::cerr << "no trace: this LibTorch cannot profile (" << e.what_without_backtrace() << ")\n";
        work();
        return;
    }
    work();
    try {
        profiler::disableProfiler()->save(path);
        std::cerr << "trace written to " << path << "\n";
    } catch (const c10::Error &e) { // Debian's LibTorch is built without Kineto
        std::cerr << "no trace: " << e.what_without_backtrace() << "\n";
    }
}

} // namespace vitscope::cli
