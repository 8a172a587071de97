#pragma once
// The Hugging Face Trainer's optimisation recipe: AdamW (decoupled weight decay, as torch.optim.AdamW)
// with no decay on biases and LayerNorm weights, a linear warmup/decay schedule and global-norm
// gradient clipping. Written out (not torch::optim) so its state is plain tensors we checkpoint.
#include <torch/nn/module.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace vitscope {

struct AdamWOptions {
    double lr = 2e-5;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weightDecay = 0.01;
    // "foreach" (torch.optim.AdamW's default multi-tensor path), "fused" (its fused=True kernel on
    // CUDA with LibTorch >= 2.2; on the CPU, adamw_cpu's one-pass loop) or "auto": fused where
    // available, else foreach. Same maths; the fused kernels round differently in the last bits.
    std::string implementation = "auto";
};

class AdamW {
public:
    AdamW(torch::nn::Module &model, const AdamWOptions &options);

    // One update with the given learning rate (the schedule's value for this step).
    void step(double lr);
    void zeroGrad();
    int64_t stepCount() const { return m_step; }
    // The kernels the last step used: "foreach" or "fused".
    std::string implementation() const { return m_used; }

    // For a step recorded into a CUDA graph (see GraphedTrainStep): the fused kernel reading its
    // learning rate from a device tensor, so that a replay takes each step's value. Available on
    // CUDA with LibTorch >= 2.4 unless the foreach path was asked for.
    bool canRecord() const;
    void prepareRecording();                       // before capture: the kernel's step counters exist
    void recordStep(const torch::Tensor &lr);      // during capture: queues the update, no host state
    void countRecordedStep();                      // after each replay: the host's step count

    // Moments in safetensors-ready form ("exp_avg.<param>", "exp_avg_sq.<param>", "step").
    std::map<std::string, torch::Tensor> state() const;
    void loadState(const std::map<std::string, torch::Tensor> &state); // throws on mismatch

    static bool decays(const std::string &parameterName); // Hugging Face's grouping

private:
    struct Param {
        std::string name;
        torch::Tensor value, expAvg, expAvgSq;
        bool decay;
    };
    struct FusedGroup {
        std::vector<torch::Tensor> params, grads, expAvgs, expAvgSqs, steps;
    };
    bool stepFused(double lr);
    bool stepFusedCpu(double lr, double stepSize, double bc2Sqrt); // false where it does not apply
    void prepareFusedSteps(int64_t done); // device step counters equal to `done`
    void forEachFusedGroup(const std::function<void(const FusedGroup &, bool decay)> &apply);

    AdamWOptions m_options;
    std::vector<Param> m_params;
    int64_t m_step = 0;
    std::string m_used = "foreach";
    std::vector<torch::Tensor> m_fusedSteps; // per parameter, float32 on its device (the fused kernel's input)
    int64_t m_fusedStepsAt = -1;
};

// The optimiser steps of a run over `trainImages` images: batches per epoch, steps (a step is
// gradAccum batches), in all, and the warm-up (warmupRatio of all steps, rounded up, replaces
// warmupSteps when above 0). The trainer and the check of the recipe before Start share it.
struct StepPlan {
    int64_t batchesPerEpoch = 0, stepsPerEpoch = 0, totalSteps = 0, warmupSteps = 0;
};
StepPlan planSteps(int64_t trainImages, int64_t batchSize, int64_t gradAccum, int64_t epochs, double warmupRatio, int64_t warmupSteps);

// get_linear_schedule_with_warmup: lr * step/warmup, then lr * (total-step)/(total-warmup), >= 0.
double linearScheduleLr(double baseLr, int64_t step, int64_t warmupSteps, int64_t totalSteps);

// clip_grad_norm_: returns the total L2 norm before clipping (a 0-dim tensor, no device sync).
torch::Tensor clipGradNorm(torch::nn::Module &model, double maxNorm);

} // namespace vitscope
