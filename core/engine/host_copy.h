#pragma once
// Small device results (a step's loss and gradient norm) copied to the host without waiting for
// the device's queue: the copy goes to pinned memory behind the work that produced the values, and
// an event tells when it has landed, while the work queued after it (the next step) keeps running.
#include <torch/types.h>

#include <memory>

namespace c10 {
struct Event;
}

namespace vitscope {

class HostCopy {
public:
    HostCopy() = default;
    explicit HostCopy(const torch::Tensor &values); // starts the copy (CPU tensors: copied now)
    bool defined() const { return m_host.defined(); }
    // The values on the host; waits for the copy only, not for work queued after it.
    torch::Tensor wait() const;

private:
    torch::Tensor m_host;
    std::shared_ptr<c10::Event> m_arrived;
};

} // namespace vitscope
