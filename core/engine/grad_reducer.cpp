#include "engine/grad_reducer.h"

#include "engine/distributed.h"

#include <torch/torch.h>

#include <chrono>
#include <stdexcept>

namespace vitscope {

struct GradientReducer::State {
    struct Slot {
        std::size_t bucket = 0;
        int64_t offset = 0, numel = 0;
    };

    Distributed &dist;
    std::vector<torch::Tensor> params;
    std::vector<Slot> slots;            // per parameter
    std::vector<torch::Tensor> flat;    // per bucket, float32 on the parameters' device
    std::vector<int> size, remaining;   // per bucket: parameters in it, not yet filled this step
    std::vector<char> filled;           // per parameter
    std::vector<Distributed::Pending> pending;
    std::size_t nextLaunch = 0;
    bool armed = false, overlap = true;
    double waitSeconds = 0;

    explicit State(Distributed &d) : dist(d) {}

    torch::Tensor view(std::size_t i) const
    {
        const Slot &s = slots[i];
        return flat[s.bucket].narrow(0, s.offset, s.numel);
    }

    void fill(std::size_t i, const torch::Tensor &incoming)
    {
        torch::NoGradGuard noGrad;
        auto v = view(i);
        const torch::Tensor &accumulated = params[i].grad();
        if (incoming.defined())
            v.copy_(incoming.reshape({-1}));
        else
            v.zero_();
        if (accumulated.defined()) // earlier micro-batches of this step, summed locally
            v.add_(accumulated.reshape({-1}));
        filled[i] = 1;
        --remaining[slots[i].bucket];
    }

    // Buckets start in a fixed order on every rank (collectives must match), as soon as each and
    // those before it are complete.
    void launchReady()
    {
        while (nextLaunch < flat.size() && remaining[nextLaunch] == 0) {
            pending[nextLaunch] = dist.allreduceAsync(flat[nextLaunch]);
            ++nextLaunch;
        }
    }

    void onGradient(std::size_t i, const torch::Tensor &g)
    {
        if (!armed || filled[i])
            return;
        fill(i, g);
        if (overlap)
            launchReady();
    }
};

GradientReducer::GradientReducer(Distributed &dist, std::vector<torch::Tensor> parameters, std::size_t bucketBytes, bool overlap)
    : m_state(std::make_shared<State>(dist))
{
    State &s = *m_state;
    s.params = std::move(parameters);
    s.overlap = overlap;
    s.slots.resize(s.params.size());
    // Backward computes the last layers first: buckets are filled from the end of the model.
    std::vector<int64_t> bucketNumel;
    int64_t used = 0;
    for (std::size_t k = s.params.size(); k-- > 0;) {
        const auto &p = s.params[k];
        if (p.scalar_type() != torch::kFloat32)
            throw std::invalid_argument("gradient reduction expects float32 master weights");
        if (bucketNumel.empty() || (used > 0 && static_cast<std::size_t>(used + p.numel()) * sizeof(float) > bucketBytes)) {
            bucketNumel.push_back(0);
            s.size.push_back(0);
            used = 0;
        }
        s.slots[k] = {bucketNumel.size() - 1, used, p.numel()};
        used += p.numel();
        bucketNumel.back() = used;
        ++s.size.back();
    }
    const auto options = torch::TensorOptions().dtype(torch::kFloat32).device(dist.commDevice());
    for (const int64_t n : bucketNumel)
        s.flat.push_back(torch::zeros({n}, options));
    s.remaining = s.size;
    s.filled.assign(s.params.size(), 0);
    s.pending.resize(s.flat.size());
    std::weak_ptr<State> weak = m_state;
    for (std::size_t i = 0; i < s.params.size(); ++i)
        s.params[i].register_hook([weak, i](torch::Tensor g) {
            if (auto state = weak.lock())
                state->onGradient(i, g);
        });
}

GradientReducer::~GradientReducer() = default;

void GradientReducer::arm()
{
    m_state->armed = true;
}

void GradientReducer::finish()
{
    State &s = *m_state;
    for (std::size_t i = 0; i < s.params.size(); ++i)
        if (!s.filled[i]) // no image on this rank, or a parameter the loss did not reach
            s.fill(i, {});
    s.launchReady();
    const auto t0 = std::chrono::steady_clock::now();
    for (auto &p : s.pending)
        p.wait();
    s.waitSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    torch::NoGradGuard noGrad;
    for (std::size_t i = 0; i < s.params.size(); ++i) {
        auto &p = s.params[i];
        const auto summed = s.view(i).view(p.sizes());
        if (p.grad().defined())
            p.mutable_grad().copy_(summed);
        else
            p.mutable_grad() = summed.clone();
    }
    s.remaining = s.size;
    std::fill(s.filled.begin(), s.filled.end(), 0);
    s.nextLaunch = 0;
    s.armed = false;
}

int GradientReducer::buckets() const
{
    return static_cast<int>(m_state->flat.size());
}

double GradientReducer::waitSeconds() const
{
    return m_state->waitSeconds;
}

} // namespace vitscope
