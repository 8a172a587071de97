#include "engine/optim.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <algorithm>
#include <cmath>

// _foreach_lerp_ (2.0) and _foreach_mul_ by a 0-dim tensor (2.1) are missing from LibTorch 1.13.
#define VITSCOPE_FOREACH_2_1 (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1))
// at::_fused_adamw_ with this signature: LibTorch 2.2 and later. VITSCOPE_NO_FUSED_ADAMW leaves it out.
#if !defined(VITSCOPE_NO_FUSED_ADAMW) && (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 2))
#define VITSCOPE_HAVE_FUSED_ADAMW 1
#else
#define VITSCOPE_HAVE_FUSED_ADAMW 0
#endif

namespace vitscope {

bool AdamW::decays(const std::string &name)
{
    // transformers: ALL_LAYERNORM_LAYERS weights and every bias are excluded from weight decay.
    const bool isBias = name.ends_with("bias");
    const bool isNorm = name.find("layernorm") != std::string::npos || name.find("layer_norm") != std::string::npos;
    return !isBias && !isNorm;
}

AdamW::AdamW(torch::nn::Module &model, const AdamWOptions &options) : m_options(options)
{
    const auto &impl = m_options.implementation;
    if (impl != "auto" && impl != "foreach" && impl != "fused")
        throw std::runtime_error("AdamW implementation must be auto, foreach or fused, not '" + impl + "'");
    for (const auto &item : model.named_parameters()) {
        if (!item.value().requires_grad())
            continue;
        m_params.push_back({item.key(), item.value(), torch::zeros_like(item.value()), torch::zeros_like(item.value()),
                            decays(item.key())});
    }
}

void AdamW::zeroGrad()
{
    // Dropping the gradients (not zeroing them) saves a pass over every weight: the next
    // backward writes them afresh. Same values; PyTorch 2.x does this by default.
    for (auto &p : m_params)
        p.value.mutable_grad().reset();
}

void AdamW::step(double lr)
{
    torch::NoGradGuard noGrad;
    ++m_step;
    const double bc1 = 1.0 - std::pow(m_options.beta1, static_cast<double>(m_step));
    const double bc2 = 1.0 - std::pow(m_options.beta2, static_cast<double>(m_step));
    const double stepSize = lr / bc1;
    const double bc2Sqrt = std::sqrt(bc2);
    if (stepFused(lr))
        return;
    m_used = "foreach";
    // torch.optim.AdamW's multi-tensor ("foreach") path, its default on CUDA: the same operations
    // in the same order as the per-tensor path, in a few kernel launches instead of ~1,200.
    std::vector<torch::Tensor> params, grads, expAvgs, expAvgSqs, decayed;
    for (auto &p : m_params) {
        const auto &grad = p.value.grad();
        if (!grad.defined())
            continue;
        params.push_back(p.value);
        grads.push_back(grad);
        expAvgs.push_back(p.expAvg);
        expAvgSqs.push_back(p.expAvgSq);
        if (p.decay)
            decayed.push_back(p.value);
    }
    if (params.empty())
        return;
    if (m_options.weightDecay != 0.0 && !decayed.empty())
        at::_foreach_mul_(decayed, 1.0 - lr * m_options.weightDecay);
#if VITSCOPE_FOREACH_2_1
    at::_foreach_lerp_(expAvgs, grads, 1.0 - m_options.beta1);
#else
    for (std::size_t i = 0; i < expAvgs.size(); ++i)
        expAvgs[i].lerp_(grads[i], 1.0 - m_options.beta1);
#endif
    at::_foreach_mul_(expAvgSqs, m_options.beta2);
    at::_foreach_addcmul_(expAvgSqs, grads, grads, 1.0 - m_options.beta2);
    auto denom = at::_foreach_sqrt(expAvgSqs);
    at::_foreach_div_(denom, bc2Sqrt);
    at::_foreach_add_(denom, m_options.eps);
    at::_foreach_addcdiv_(params, expAvgs, denom, -stepSize);
}

bool AdamW::stepFused(double lr)
{
    const auto &impl = m_options.implementation;
    const bool onCuda = !m_params.empty() && m_params.front().value.is_cuda();
#if VITSCOPE_HAVE_FUSED_ADAMW
    if (impl == "fused" && !onCuda)
        throw std::runtime_error("the fused AdamW kernel is used on CUDA only");
    if (impl == "foreach" || !onCuda)
        return false;
    // torch.optim.AdamW(fused=True): one kernel per group over all tensors; the step counts are
    // device tensors the kernel reads for the bias corrections.
    if (m_fusedStepsAt != m_step - 1) { // first step, or after loadState()
        m_fusedSteps.clear();
        for (const auto &p : m_params)
            m_fusedSteps.push_back(torch::full({}, static_cast<double>(m_step - 1), p.value.options().dtype(torch::kFloat32)));
    }
    at::_foreach_add_(m_fusedSteps, 1.0);
    m_fusedStepsAt = m_step;
    for (const bool decay : {true, false}) {
        std::vector<torch::Tensor> params, grads, expAvgs, expAvgSqs, steps;
        for (std::size_t i = 0; i < m_params.size(); ++i) {
            const auto &p = m_params[i];
            if (p.decay != decay || !p.value.grad().defined())
                continue;
            params.push_back(p.value);
            grads.push_back(p.value.grad());
            expAvgs.push_back(p.expAvg);
            expAvgSqs.push_back(p.expAvgSq);
            steps.push_back(m_fusedSteps[i]);
        }
        if (params.empty())
            continue;
        at::_fused_adamw_(params, grads, expAvgs, expAvgSqs, /*max_exp_avg_sqs=*/{}, steps, lr, m_options.beta1,
                          m_options.beta2, decay ? m_options.weightDecay : 0.0, m_options.eps, /*amsgrad=*/false,
                          /*maximize=*/false);
    }
    m_used = "fused";
    return true;
#else
    if (impl == "fused")
        throw std::runtime_error(onCuda ? "the fused AdamW kernel needs LibTorch 2.2 or later"
                                        : "the fused AdamW kernel is used on CUDA only");
    (void)lr;
    return false;
#endif
}

std::map<std::string, torch::Tensor> AdamW::state() const
{
    std::map<std::string, torch::Tensor> out;
    for (const auto &p : m_params) {
        out["exp_avg." + p.name] = p.expAvg;
        out["exp_avg_sq." + p.name] = p.expAvgSq;
    }
    out["step"] = torch::tensor({m_step}, torch::kInt64);
    return out;
}

void AdamW::loadState(const std::map<std::string, torch::Tensor> &state)
{
    torch::NoGradGuard noGrad;
    auto get = [&](const std::string &key, const torch::Tensor &like) {
        auto it = state.find(key);
        if (it == state.end())
            throw std::runtime_error("optimizer state lacks '" + key + "'");
        if (it->second.sizes() != like.sizes())
            throw std::runtime_error("optimizer state '" + key + "' has the wrong shape");
        return it->second;
    };
    for (auto &p : m_params) {
        p.expAvg.copy_(get("exp_avg." + p.name, p.expAvg));
        p.expAvgSq.copy_(get("exp_avg_sq." + p.name, p.expAvgSq));
    }
    auto it = state.find("step");
    if (it == state.end())
        throw std::runtime_error("optimizer state lacks 'step'");
    m_step = it->second.item<int64_t>();
}

double linearScheduleLr(double baseLr, int64_t step, int64_t warmupSteps, int64_t totalSteps)
{
    if (step < warmupSteps)
        return baseLr * static_cast<double>(step) / static_cast<double>(std::max<int64_t>(1, warmupSteps));
    return baseLr * std::max(0.0, static_cast<double>(totalSteps - step) /
                                      static_cast<double>(std::max<int64_t>(1, totalSteps - warmupSteps)));
}

torch::Tensor clipGradNorm(torch::nn::Module &model, double maxNorm)
{
    std::vector<torch::Tensor> grads;
    for (const auto &p : model.parameters())
        if (p.grad().defined())
            grads.push_back(p.grad());
    if (grads.empty())
        return torch::zeros({});
    torch::NoGradGuard noGrad;
    // torch.nn.utils.clip_grad_norm_: the norm of the per-tensor norms; no host sync.
    auto total = torch::linalg_vector_norm(torch::stack(at::_foreach_norm(grads, 2)), 2);
    auto coef = torch::clamp_max(maxNorm / (total + 1e-6), 1.0);
#if VITSCOPE_FOREACH_2_1
    at::_foreach_mul_(grads, coef);
#else
    for (auto &g : grads)
        g.mul_(coef);
#endif
    return total;
}

} // namespace vitscope
