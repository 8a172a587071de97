#pragma once
// The recipe's training step replayed from a CUDA graph. At the notebook's batch of 16 a ViT-B/16
// step is ~1,500 small kernels whose launches, not the GPU, set the pace; a graph launches them
// all at once. The step is the same code as trainStep() (same kernels, same values): recorded once
// after a few ordinary steps, then replayed with each batch copied into fixed input tensors and
// each step's learning rate written to a device scalar.
//
// Used only where it is exact and supported: CUDA, LibTorch >= 2.4 built with CUDA (the fused
// AdamW kernel with a device learning rate), one micro-batch per step, no dropout, and a batch of
// the recorded shape. Anything else (the last, smaller batch of an epoch, say) runs as ordinary
// steps, which share the weights and optimizer state.
#include "engine/trainer.h"

#include <memory>

namespace vitscope {

class GraphedTrainStep {
public:
    GraphedTrainStep(ViTForImageClassification &model, AdamW &optimizer, const torch::Device &device, bool bf16,
                     double maxGradNorm);
    ~GraphedTrainStep();
    GraphedTrainStep(const GraphedTrainStep &) = delete;
    GraphedTrainStep &operator=(const GraphedTrainStep &) = delete;

    static constexpr int kOrdinaryStepsFirst = 3; // before recording, as PyTorch's whole-network capture

    // Whether this build, device, model and optimizer allow graphs at all (with `micro` batches per step).
    static bool supported(const ViTForImageClassification &model, const AdamW &optimizer, const torch::Device &device,
                          int64_t microBatches);

    // One step on `batch` at `lr`: ordinary for the first few and for batches of another shape,
    // replayed otherwise. Results as trainStep() (their device tensors are reused by the next step).
    StepResult run(const Batch &batch, double lr);

    bool recorded() const;           // a graph has been captured and is in use
    std::string disabledReason() const; // why graphs were abandoned (capture failed), or empty

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace vitscope
