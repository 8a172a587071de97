#include "engine/grad_cam.h"

#include <torch/torch.h>

#include <cmath>
#include <stdexcept>

namespace vitscope {

torch::Tensor gradCam(ViTForImageClassification &model, const torch::Tensor &pixelValues,
                      const std::vector<int64_t> &targets)
{
    const auto &config = model->config();
    const auto device = model->parameters().front().device();
    const int64_t batch = pixelValues.size(0), grid = config.imageSize / config.patchSize;
    if (!targets.empty() && static_cast<int64_t>(targets.size()) != batch)
        throw std::invalid_argument("Grad-CAM: one target class per image expected");
    const auto classes = static_cast<int64_t>(config.labels.size());
    for (const auto t : targets)
        if (t < 0 || t >= classes)
            throw std::invalid_argument("Grad-CAM: target class " + std::to_string(t) + " out of range");

    torch::AutoGradMode gradients(true);
    const bool wasTraining = model->is_training();
    model->eval();
    // The input takes part in the graph, so the target layer's output has a gradient even when
    // the weights are frozen; only the path from the logits back to that layer is computed.
    auto input = pixelValues.to(device, torch::kFloat32).detach().requires_grad_(true);
    torch::Tensor normed;
    const auto logits = model->forwardTappingLastNorm(input, normed);
    const auto target = targets.empty() ? logits.argmax(-1)
                                        : torch::tensor(targets, torch::kInt64).to(device);
    const auto score = logits.gather(1, target.view({-1, 1})).sum();
    const auto grad = torch::autograd::grad({score}, {normed})[0];
    model->train(wasTraining);

    torch::NoGradGuard noGrad;
    const auto activations = normed.detach().slice(1, 1); // [B, patches, hidden], CLS dropped
    const auto weights = grad.slice(1, 1).mean(1, true);  // [B, 1, hidden]: the grid mean
    const auto cam = torch::relu((weights * activations).sum(-1));
    return cam.view({batch, grid, grid}).to(torch::kCPU, torch::kFloat32).contiguous();
}

torch::Tensor normalisedMaps(const torch::Tensor &maps)
{
    const auto peak = std::get<0>(maps.flatten(1).max(1)).clamp_min(1e-12).view({-1, 1, 1});
    return maps / peak;
}

} // namespace vitscope
