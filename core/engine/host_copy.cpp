#include "engine/host_copy.h"

#include <c10/core/Event.h>
#include <c10/core/impl/DeviceGuardImplInterface.h>
#include <torch/torch.h>

#include <chrono>
#include <thread>

namespace vitscope {

HostCopy::HostCopy(const torch::Tensor &values)
{
    if (!values.is_cuda()) {
        m_host = values.cpu(); // already there: nothing to wait for
        return;
    }
    m_host = torch::empty(values.sizes(), values.options().device(torch::kCPU).pinned_memory(true));
    m_host.copy_(values, /*non_blocking=*/true);
    const auto type = values.device().type();
    m_arrived = std::make_shared<c10::Event>(type);
    m_arrived->record(c10::impl::getDeviceGuardImpl(type)->getStream(values.device()));
}

torch::Tensor HostCopy::wait() const
{
    if (m_arrived) {
        while (!m_arrived->query())
            std::this_thread::sleep_for(std::chrono::microseconds(20));
    }
    return m_host;
}

} // namespace vitscope
