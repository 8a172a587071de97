#pragma once
// Sums the trainable parameters' gradients over the ranks of a distributed run, in buckets of
// about `bucketBytes`, as DDP does: with overlap on, a bucket's all-reduce starts inside backward,
// as soon as the last of its gradients is computed (a hook on each parameter's gradient), so that
// communication runs while the earlier layers' gradients are still being computed.
#include <torch/types.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace vitscope {

class Distributed;

class GradientReducer {
public:
    GradientReducer(Distributed &dist, std::vector<torch::Tensor> parameters, std::size_t bucketBytes = 25u << 20,
                    bool overlap = true);
    ~GradientReducer();
    GradientReducer(const GradientReducer &) = delete;
    GradientReducer &operator=(const GradientReducer &) = delete;

    // The next backward is the step's last (with gradient accumulation, the earlier ones add up
    // locally): reduce during it.
    void arm();
    // After that backward (or instead of it, on a rank with no images in the batch): starts what
    // has not started, waits, and leaves every parameter's .grad holding the sum over the ranks.
    void finish();

    int buckets() const;
    double waitSeconds() const; // time finish() spent waiting for the network, over all steps

    struct State;

private:
    std::shared_ptr<State> m_state; // the hooks hold it weakly
};

} // namespace vitscope
