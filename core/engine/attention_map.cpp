#include "engine/attention_map.h"

#include <torch/torch.h>

namespace vitscope {

torch::Tensor attentionRollout(const std::vector<torch::Tensor> &attentions, int64_t gridH, int64_t gridW)
{
    TORCH_CHECK(!attentions.empty(), "attention rollout needs at least one layer");
    const auto B = attentions[0].size(0), T = attentions[0].size(-1);
    TORCH_CHECK(T == 1 + gridH * gridW, "attention has ", T, " tokens, the grid needs ", 1 + gridH * gridW);
    const auto eye = torch::eye(T, attentions[0].options().dtype(torch::kFloat32)).expand({B, T, T});
    auto joint = eye.clone();
    for (const auto &layer : attentions) {
        auto a = 0.5 * layer.to(torch::kFloat32).mean(1) + 0.5 * eye;
        a = a / a.sum(-1, true);
        joint = torch::bmm(a, joint);
    }
    auto cls = joint.select(1, 0).narrow(1, 1, T - 1); // what the CLS token draws from each patch
    cls = cls / cls.amax(1, true).clamp_min(1e-12);
    return cls.reshape({B, gridH, gridW});
}

} // namespace vitscope
