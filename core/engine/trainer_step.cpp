// The step functions of the recipe, shared by train() and the benchmarks: evaluation, one
// optimizer step (forward, cross-entropy, backward, clipping, AdamW) and reading a step back.
#include "engine/trainer.h"

#include "engine/autocast.h"
#include "engine/optim.h"
#include "engine/pixels.h"

#include <torch/torch.h>

#include <cmath>
#include <numeric>

namespace vitscope {

EvalResult evaluate(ViTForImageClassification &model, BatchSource &data, int batchSize, const torch::Device &device,
                    bool bf16, const std::function<bool()> &shouldStop)
{
    torch::InferenceMode inference;
    model->eval();
    EvalResult r;
    const int64_t n = data.size();
    const int64_t classes = static_cast<int64_t>(model->config().labels.size());
    std::vector<torch::Tensor> probs, logitParts, labels;
    // Everything stays on the device until the end: one read-back per evaluation, not per batch.
    auto lossSum = torch::zeros({}, torch::TensorOptions().device(device));
    for (int64_t b = 0; b < n; b += batchSize) {
        if (shouldStop && shouldStop())
            throw EvaluationCancelled();
        std::vector<int64_t> idx(static_cast<std::size_t>(std::min<int64_t>(batchSize, n - b)));
        std::iota(idx.begin(), idx.end(), b);
        Batch batch = data.batch(idx, 0);
        torch::Tensor logits;
        {
            AutocastGuard autocast(device, bf16);
            logits = model->forwardFrom(modelInput(batch, device), batch.entry).to(torch::kFloat32);
        }
        auto truth = batch.labels.to(torch::kInt64);
        lossSum += torch::nn::functional::cross_entropy(
            logits, toDevice(truth, device), torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        probs.push_back(torch::softmax(logits, -1));
        logitParts.push_back(logits);
        labels.push_back(truth.cpu());
    }
    r.probabilities = probs.empty() ? torch::zeros({0, classes}) : torch::cat(probs).cpu();
    r.logits = logitParts.empty() ? torch::zeros({0, classes}) : torch::cat(logitParts).cpu();
    const auto pred = r.probabilities.argmax(-1).contiguous();
    const auto truth = labels.empty() ? torch::zeros({0}, torch::kInt64) : torch::cat(labels).contiguous();
    r.predictions.assign(pred.data_ptr<int64_t>(), pred.data_ptr<int64_t>() + pred.numel());
    r.labels.assign(truth.data_ptr<int64_t>(), truth.data_ptr<int64_t>() + truth.numel());
    r.metrics = computeMetrics(r.labels, r.predictions, static_cast<int>(classes), lossSum.item<double>());
    return r;
}

ScoreMatrix scoreMatrix(const torch::Tensor &scores)
{
    const auto s = scores.to(torch::kCPU, torch::kFloat64).contiguous();
    ScoreMatrix m{s.size(0), s.dim() > 1 ? s.size(1) : 0, {}};
    m.values.assign(s.data_ptr<double>(), s.data_ptr<double>() + s.numel());
    return m;
}

bool StepValues::finite() const
{
    return std::isfinite(loss) && std::isfinite(gradNorm);
}

StepValues readBack(const StepResult &step)
{
    const auto both = step.values.wait();
    return {both[0].item<double>(), both[1].item<double>()};
}

torch::Tensor backwardBatch(ViTForImageClassification &model, const Batch &batch, int64_t microBatches,
                            const torch::Device &device, bool bf16, const std::function<void(torch::Tensor &)> &lossHook,
                            double share)
{
    torch::Tensor logits;
    {
        AutocastGuard autocast(device, bf16);
        logits = model->forwardFrom(modelInput(batch, device), batch.entry);
    }
    auto loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat32), toDevice(batch.labels, device));
    if (lossHook)
        lossHook(loss);
    if (share == 1.0)
        (loss / static_cast<double>(microBatches)).backward();
    else
        (loss * (share / static_cast<double>(microBatches))).backward();
    return loss.detach();
}

torch::Tensor clipGradients(ViTForImageClassification &model, double maxGradNorm, const torch::Device &device)
{
    return maxGradNorm > 0 ? clipGradNorm(*model, maxGradNorm) : torch::zeros({}, torch::TensorOptions().device(device));
}

torch::Tensor stepValues(const torch::Tensor &loss, const torch::Tensor &gradNorm)
{
    return torch::stack({loss.to(torch::kFloat64), gradNorm.to(torch::kFloat64)});
}

StepResult trainStep(ViTForImageClassification &model, AdamW &optimizer, int64_t microBatches,
                     const std::function<Batch(int64_t)> &fetch, double lr, double maxGradNorm,
                     const torch::Device &device, bool bf16, const std::function<void(torch::Tensor &)> &lossHook)
{
    StepResult r;
    optimizer.zeroGrad();
    r.loss = torch::zeros({}, torch::TensorOptions().device(device));
    for (int64_t a = 0; a < microBatches; ++a) {
        const Batch batch = fetch(a);
        r.loss += backwardBatch(model, batch, microBatches, device, bf16, lossHook) / static_cast<double>(microBatches);
        r.images += batch.labels.size(0);
    }
    r.gradNorm = clipGradients(model, maxGradNorm, device);
    optimizer.step(lr);
    r.values = HostCopy(stepValues(r.loss, r.gradNorm));
    return r;
}

} // namespace vitscope
