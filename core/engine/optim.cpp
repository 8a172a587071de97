#include "engine/optim.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

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
    for (auto &p : m_params) {
        const auto &grad = p.value.grad();
        if (!grad.defined())
            continue;
        // Same order of operations as torch.optim.AdamW's single-tensor path.
        if (p.decay && m_options.weightDecay != 0.0)
            p.value.mul_(1.0 - lr * m_options.weightDecay);
        p.expAvg.lerp_(grad, 1.0 - m_options.beta1);
        p.expAvgSq.mul_(m_options.beta2).addcmul_(grad, grad, 1.0 - m_options.beta2);
        auto denom = p.expAvgSq.sqrt().div_(bc2Sqrt).add_(m_options.eps);
        p.value.addcdiv_(p.expAvg, denom, -stepSize);
    }
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
    std::vector<torch::Tensor> norms;
    norms.reserve(grads.size());
    for (const auto &g : grads)
        norms.push_back(torch::linalg_vector_norm(g.detach(), 2, c10::nullopt, false, c10::nullopt));
    auto total = torch::linalg_vector_norm(torch::stack(norms), 2, c10::nullopt, false, c10::nullopt);
    auto coef = torch::clamp_max(maxNorm / (total + 1e-6), 1.0);
    torch::NoGradGuard noGrad;
    for (auto &g : grads)
        g.mul_(coef.to(g.device()));
    return total;
}

} // namespace vitscope
