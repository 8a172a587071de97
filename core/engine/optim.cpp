#include "engine/optim.h"

#include "engine/adamw_cpu.h"

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
// Its overload taking the learning rate as a device tensor (LibTorch 2.4 and later), for steps
// recorded into CUDA graphs: built with them only (VITSCOPE_CUDA_GRAPHS).
#if VITSCOPE_HAVE_FUSED_ADAMW && defined(VITSCOPE_CUDA_GRAPHS) && (TORCH_VERSION_MAJOR > 2 || TORCH_VERSION_MINOR >= 4)
#define VITSCOPE_HAVE_TENSOR_LR_ADAMW 1
#else
#define VITSCOPE_HAVE_TENSOR_LR_ADAMW 0
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
    if (stepFused(lr) || stepFusedCpu(lr, stepSize, bc2Sqrt))
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

bool AdamW::stepFusedCpu(double lr, double stepSize, double bc2Sqrt)
{
    if (m_options.implementation == "foreach")
        return false;
    for (const auto &p : m_params)
        if (p.value.grad().defined() && !adamwCpuApplies(p.value, p.value.grad(), p.expAvg, p.expAvgSq))
            return false;
    for (auto &p : m_params) {
        if (!p.value.grad().defined())
            continue;
        const AdamWStepScalars s{.lr = lr, .beta1 = m_options.beta1, .beta2 = m_options.beta2, .eps = m_options.eps,
                                 .weightDecay = p.decay ? m_options.weightDecay : 0.0, .stepSize = stepSize, .bc2Sqrt = bc2Sqrt};
        auto value = p.value.detach(); // a view sharing the storage: written in place
        adamwStepCpu(value, p.value.grad(), p.expAvg, p.expAvgSq, s);
    }
    m_used = "fused";
    return true;
}

bool AdamW::stepFused(double lr)
{
    const auto &impl = m_options.implementation;
    const bool onCuda = !m_params.empty() && m_params.front().value.is_cuda();
#if VITSCOPE_HAVE_FUSED_ADAMW
    if (impl == "foreach" || !onCuda)
        return false;
    prepareFusedSteps(m_step - 1);
    at::_foreach_add_(m_fusedSteps, 1.0);
    m_fusedStepsAt = m_step;
    forEachFusedGroup([&](const FusedGroup &g, bool decay) {
        at::_fused_adamw_(g.params, g.grads, g.expAvgs, g.expAvgSqs, /*max_exp_avg_sqs=*/{}, g.steps, lr,
                          m_options.beta1, m_options.beta2, decay ? m_options.weightDecay : 0.0, m_options.eps,
                          /*amsgrad=*/false, /*maximize=*/false);
    });
    m_used = "fused";
    return true;
#else
    if (impl == "fused" && onCuda)
        throw std::runtime_error("the fused AdamW kernel needs LibTorch 2.2 or later");
    (void)lr;
    return false;
#endif
}

void AdamW::prepareFusedSteps(int64_t done)
{
    // torch.optim.AdamW(fused=True) keeps the step counts as device tensors the kernel reads for
    // the bias corrections. (Re)made on the first step and after loadState().
    if (m_fusedStepsAt == done)
        return;
    m_fusedSteps.clear();
    for (const auto &p : m_params)
        m_fusedSteps.push_back(torch::full({}, static_cast<double>(done), p.value.options().dtype(torch::kFloat32)));
    m_fusedStepsAt = done;
}

void AdamW::forEachFusedGroup(const std::function<void(const FusedGroup &, bool)> &apply)
{
    for (const bool decay : {true, false}) {
        FusedGroup g;
        for (std::size_t i = 0; i < m_params.size(); ++i) {
            const auto &p = m_params[i];
            if (p.decay != decay || !p.value.grad().defined())
                continue;
            g.params.push_back(p.value);
            g.grads.push_back(p.value.grad());
            g.expAvgs.push_back(p.expAvg);
            g.expAvgSqs.push_back(p.expAvgSq);
            g.steps.push_back(m_fusedSteps[i]);
        }
        if (!g.params.empty())
            apply(g, decay);
    }
}

bool AdamW::canRecord() const
{
#if VITSCOPE_HAVE_TENSOR_LR_ADAMW
    return !m_params.empty() && m_params.front().value.is_cuda() && m_options.implementation != "foreach";
#else
    return false;
#endif
}

void AdamW::prepareRecording()
{
    TORCH_CHECK(canRecord(), "this AdamW cannot be recorded into a CUDA graph");
    torch::NoGradGuard noGrad;
    prepareFusedSteps(m_step);
}

void AdamW::recordStep(const torch::Tensor &lr)
{
#if VITSCOPE_HAVE_TENSOR_LR_ADAMW
    torch::NoGradGuard noGrad;
    at::_foreach_add_(m_fusedSteps, 1.0);
    forEachFusedGroup([&](const FusedGroup &g, bool decay) {
        at::_fused_adamw_(g.params, g.grads, g.expAvgs, g.expAvgSqs, /*max_exp_avg_sqs=*/{}, g.steps, lr,
                          m_options.beta1, m_options.beta2, decay ? m_options.weightDecay : 0.0, m_options.eps,
                          /*amsgrad=*/false, /*maximize=*/false);
    });
#else
    (void)lr;
    TORCH_CHECK(false, "recording AdamW into a CUDA graph needs LibTorch 2.4 or later");
#endif
}

void AdamW::countRecordedStep()
{
    ++m_step;
    m_fusedStepsAt = m_step; // the replay advanced the device counters in step
    m_used = "fused";
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
    m_fusedStepsAt = -1; // the device step counters are remade from m_step
}

StepPlan planSteps(int64_t trainImages, int64_t batchSize, int64_t gradAccum, int64_t epochs, double warmupRatio, int64_t warmupSteps)
{
    StepPlan p;
    p.batchesPerEpoch = (trainImages + batchSize - 1) / batchSize;
    p.stepsPerEpoch = (p.batchesPerEpoch + gradAccum - 1) / gradAccum;
    p.totalSteps = p.stepsPerEpoch * epochs;
    p.warmupSteps = warmupRatio > 0 ? static_cast<int64_t>(std::ceil(warmupRatio * static_cast<double>(p.totalSteps))) : warmupSteps;
    return p;
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
